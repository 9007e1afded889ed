"""Tests for briefgen/ui/worker.py: results, errors and cancellation arrive as signals."""

from __future__ import annotations

import threading

import pytest

from briefgen.errors import Cancelled, IntakeError
from briefgen.ui.worker import WorkRunner


@pytest.fixture
def runner(qtbot):  # type: ignore[no-untyped-def]
    runner = WorkRunner()
    yield runner
    runner.cancel_all()
    runner.wait(5000)


def test_finished_carries_the_result_and_progress_arrives_on_the_gui_thread(qtbot, runner):
    seen: list[tuple[int, int, bool]] = []
    main = threading.get_ident()

    def job(progress, _cancelled):
        progress(1, 2)
        return threading.get_ident()

    worker = runner.submit("io", job, "Adding")
    worker.signals.progress.connect(
        lambda d, t: seen.append((d, t, threading.get_ident() == main))
    )
    with qtbot.waitSignal(worker.signals.finished, timeout=5000) as blocker:
        pass
    assert blocker.args[0] != main, "the job ran on the GUI thread"
    assert seen == [(1, 2, True)]


def test_a_briefgen_error_becomes_its_one_sentence(qtbot, runner):
    def job(_progress, _cancelled):
        raise IntakeError("Cannot open a.txt: the file is empty.")

    worker = runner.submit("io", job, "Opening")
    with qtbot.waitSignal(worker.signals.failed, timeout=5000) as blocker:
        pass
    assert blocker.args == ["Cannot open a.txt: the file is empty."]


def test_a_bug_is_reported_as_one_sentence_without_a_traceback(qtbot, runner, caplog):
    def job(_progress, _cancelled):
        raise KeyError("oops")

    worker = runner.submit("io", job, "Rendering the preview")
    with qtbot.waitSignal(worker.signals.failed, timeout=5000) as blocker:
        pass
    message = blocker.args[0]
    assert message == "Rendering the preview failed unexpectedly (KeyError)."
    assert "Traceback" not in message
    assert "Traceback" in caplog.text


def test_cancel_stops_a_job_that_checks_and_emits_cancelled(qtbot, runner):
    started = threading.Event()
    release = threading.Event()

    def job(_progress, cancelled):
        started.set()
        release.wait(5)
        if cancelled():
            raise Cancelled()
        return "not cancelled"

    worker = runner.submit("nlp", job, "Extraction")
    qtbot.waitUntil(started.is_set, timeout=5000)
    # Listen before releasing the job: its signal, emitted on the pool's thread, reaches
    # only the connections that exist when it is emitted.
    with qtbot.waitSignal(worker.signals.cancelled, timeout=5000):
        worker.cancel()
        release.set()
    qtbot.waitUntil(lambda: runner.active() == 0, timeout=5000)


def test_the_nlp_pool_runs_one_job_at_a_time(qtbot, runner):
    inside = 0
    most = 0
    lock = threading.Lock()

    def job(_progress, _cancelled):
        nonlocal inside, most
        with lock:
            inside += 1
            most = max(most, inside)
        threading.Event().wait(0.05)
        with lock:
            inside -= 1

    workers = [runner.submit("nlp", job, "Extraction") for _ in range(3)]
    with qtbot.waitSignals([w.signals.done for w in workers], timeout=5000):
        pass
    assert most == 1


def test_every_failure_also_reaches_the_runner_once(qtbot, runner):
    def job(_progress, _cancelled):
        raise IntakeError("Cannot open b.txt: the file is empty.")

    seen: list[str] = []
    runner.failed.connect(seen.append)
    worker = runner.submit("io", job, "Opening")
    with qtbot.waitSignal(worker.signals.done, timeout=5000):
        pass
    assert seen == ["Cannot open b.txt: the file is empty."]
