"""Tests for briefgen/ui/app.py: run_gui opens the window, loads the model after it, runs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLineEdit

from briefgen.ui import dialogs
from briefgen.ui.app import run_gui
from briefgen.ui.main_window import MainWindow

from .conftest import answer

pytestmark = pytest.mark.slow


def guard(seconds: int) -> QTimer:
    """A timer that quits a run that hangs; stop it when the run returns."""
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(QApplication.quit)
    timer.start(seconds * 1000)
    return timer


def isolate_user_folders(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(tmp_path / name.lower()))


def test_run_gui_with_the_sample_shows_the_window_then_extracts_it(qapp, monkeypatch, tmp_path):
    isolate_user_folders(monkeypatch, tmp_path)
    answer(monkeypatch, dialogs.UnsavedChangesDialog, "discard")
    seen: dict[str, object] = {}

    def check() -> None:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, MainWindow) and w.isVisible()]
        if not windows:
            return
        window = windows[0]
        seen.setdefault("status at first sight", window.statusBar().currentMessage())
        if window.document.brief.key_points and window.runner.active() == 0:
            seen["subject"] = window.document.brief.fields.get("subject")
            window.close()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(50)
    hang = guard(120)
    assert run_gui(sample=True) == 0
    hang.stop()
    timer.stop()
    assert str(seen.get("subject", "")).startswith("Norvalia and Estrava")
    # A clean exit leaves no autosave slot and no lock of this window behind.
    assert not list((tmp_path / "xdg_state_home" / "briefgen").glob("autosave*"))


def test_run_gui_names_a_missing_article_in_the_message_bar(qapp, monkeypatch, tmp_path):
    isolate_user_folders(monkeypatch, tmp_path)
    messages: list[str] = []

    def check() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                messages.append(widget.messages.text())
                widget.close()

    # The window is built after the start-up frame's first paint (briefgen/ui/launch.py).
    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(50)
    hang = guard(60)
    assert run_gui(str(tmp_path / "missing.txt")) == 0
    hang.stop()
    timer.stop()
    assert messages
    assert "missing.txt" in messages[0]
    assert "does not exist" in messages[0]


def test_a_saved_brief_opens_whole_before_the_language_model_loads(
    qtbot, make_window, tmp_path, nlp
):
    from briefgen.model import Brief, Person, save_brief
    from briefgen.ui.app import start_background_work

    path = tmp_path / "readout.brief"
    save_brief(Brief(template="meeting-readout",
                     fields={"subject": "Embassy talks", "location": "Geneva"},
                     people=[Person("Anika Solberg", role="Deputy Foreign Minister")]), path)
    loads: list[str] = []

    def slow_model() -> object:
        loads.append("model")
        return nlp

    window = make_window(start=False, nlp_factory=slow_model)
    seen: dict[str, object] = {}

    def on_notice(text: str) -> None:
        # The moment the status bar says "Opened", everything is there.
        seen["notice"] = text
        seen["template"] = window.form.template_box.currentData()
        seen["fields"] = sorted(window.form.field_editors)
        seen["people"] = window.form.models["people"].rowCount()
        seen["model loading"] = bool(loads)

    window.files.notice.connect(on_notice)
    start_background_work(window, str(path))
    qtbot.waitUntil(lambda: "notice" in seen, timeout=30_000)
    assert seen["notice"] == "Opened readout.brief."
    assert seen["template"] == "meeting-readout"
    assert "subject" in seen["fields"]
    assert "location" in seen["fields"]
    assert seen["people"] == 1
    assert seen["model loading"] is False
    meeting = window.form.field_editors["subject"]
    assert isinstance(meeting, QLineEdit)
    assert meeting.text() == "Embassy talks"
    qtbot.waitUntil(lambda: "Embassy talks" in window.preview.html, timeout=10_000)
    qtbot.waitUntil(lambda: bool(loads), timeout=10_000)


def test_a_window_takes_the_gil_back_from_its_workers_within_a_millisecond(make_window):
    # Extraction runs Python on a worker thread; at Python's default of 5 ms between thread
    # switches a loaded machine kept the window waiting 15-35 ms at a time.
    previous = sys.getswitchinterval()
    sys.setswitchinterval(0.005)
    try:
        make_window(start=False)
        assert sys.getswitchinterval() <= 0.001
    finally:
        sys.setswitchinterval(previous)
