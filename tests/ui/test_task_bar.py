"""Tests for briefgen/ui/task_bar.py: running work is shown with progress and can be cancelled."""

from __future__ import annotations

import threading

from briefgen.errors import Cancelled
from briefgen.ui.task_bar import TaskIndicator
from briefgen.ui.worker import WorkRunner


def test_a_task_shows_its_progress_and_cancel_stops_it(qtbot):
    runner = WorkRunner()
    indicator = TaskIndicator()
    qtbot.addWidget(indicator)
    reported = threading.Event()

    def job(progress, cancelled):
        progress(1, 4)
        reported.set()
        while not cancelled():
            threading.Event().wait(0.01)
        raise Cancelled()

    worker = runner.submit("io", job, "Opening")
    indicator.track(worker, "Opening 4 articles")
    assert not indicator.isHidden()
    assert indicator.running() == ["Opening 4 articles"]
    qtbot.waitUntil(lambda: indicator.bar.value() == 1, timeout=5000)
    assert indicator.bar.maximum() == 4
    indicator.cancel_button.click()
    qtbot.waitUntil(indicator.isHidden, timeout=5000)
    assert indicator.running() == []
    runner.wait(5000)
