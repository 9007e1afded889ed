"""File > "Brief a folder...": the menu entry, a run listed as it goes, opening a result's
brief, and Cancel."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow

from briefgen.batch import run_batch
from briefgen.model import load_brief
from briefgen.ui.batch_dialog import BatchDialog, install_batch_action
from briefgen.ui.menus import build_menus
from briefgen.ui.worker import WorkRunner

ARTICLE = """{title}

By Nadia Ferreira, Hillside Post
Published: 2026-04-{day:02d}

DUNMORE, Apr {day} (Hillside Post) - The county council agreed on Tuesday to {what}, \
officials said.

Council leader Owen Marsh said the work would start in June. "People have waited long \
enough," Marsh said.

The council will report on progress in the autumn.
"""
WHATS = ("repair the harbour wall", "extend the bus route to the hospital",
         "plant trees along the river path")


@pytest.fixture
def runner(qtbot):  # type: ignore[no-untyped-def]
    runner = WorkRunner()
    yield runner
    runner.cancel_all()
    runner.wait(60000)


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for day, what in enumerate(WHATS, start=1):
        (folder / f"story{day}.txt").write_text(
            ARTICLE.format(title=f"Council agrees to {what}", day=day, what=what), "utf-8")
    (folder / "empty.txt").write_bytes(b"")
    return folder


def _dialog(qtbot, runner, nlp, opened: list[str]) -> BatchDialog:  # type: ignore[no-untyped-def]
    def in_process(options, progress, is_cancelled):  # type: ignore[no-untyped-def]
        return run_batch(options, progress=progress, is_cancelled=is_cancelled, nlp=nlp)

    templates = [("information-memo", "Information memo"), ("meeting-readout", "Readout")]
    dialog = BatchDialog(runner, templates, "meeting-readout", opened.append, run=in_process)
    qtbot.addWidget(dialog)
    return dialog


def test_the_file_menu_offers_brief_a_folder_just_before_quit(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    build_menus(window, {})
    action = install_batch_action(window, lambda: pytest.fail("not opened"))
    file_menu = window.menuBar().actions()[0].menu()
    names = [a.objectName() for a in file_menu.actions() if a.objectName()]
    assert names.index("action_batch") == names.index("action_quit") - 1
    assert action.text() == "Brief a &folder\u2026"


def test_missing_choices_are_named_and_nothing_starts(qtbot, runner, nlp, tmp_path) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, runner, nlp, [])
    dialog.start_button.click()
    assert dialog.status.text() == "Choose the folder of articles."
    dialog.input_edit.setText(str(tmp_path))
    dialog.format_boxes[".docx"].setChecked(False)
    dialog.start_button.click()
    assert dialog.status.text() == "Choose at least one format."
    assert dialog.worker is None


def test_a_run_lists_every_result_and_a_double_click_opens_its_brief(
    qtbot, runner, nlp, articles: Path,  # type: ignore[no-untyped-def]
) -> None:
    opened: list[str] = []
    dialog = _dialog(qtbot, runner, nlp, opened)
    dialog.input_edit.setText(str(articles))
    assert dialog.output_edit.text() == str(articles / "memos")
    assert dialog.template_box.currentData() == "meeting-readout"
    dialog.start_button.click()
    worker = dialog.worker
    assert worker is not None
    assert not dialog.start_button.isEnabled()
    with qtbot.waitSignal(worker.signals.done, timeout=120000):
        pass
    texts = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert len(texts) == 4
    assert sum(t.startswith("\u2713") for t in texts) == 3
    assert [t for t in texts if t.startswith("\u2717")] == [
        f'\u2717 empty.txt: Cannot load "{articles / "empty.txt"}": the file is empty.']
    assert dialog.progress.value() == dialog.progress.maximum() == 4
    assert dialog.status.text().startswith("3 briefed, 0 skipped (up to date), 1 failed.")
    assert dialog.start_button.isEnabled()

    first_ok = next(dialog.results.item(i) for i in range(4)
                    if dialog.results.item(i).text().startswith("\u2713"))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.results.scrollToItem(first_ok)
    rect = dialog.results.visualItemRect(first_ok)
    # A real double-click: the press of its first click, then the double-click.
    qtbot.mousePress(dialog.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseRelease(dialog.results.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.results.viewport(), Qt.MouseButton.LeftButton,
                      pos=rect.center())
    assert len(opened) == 1
    brief = load_brief(opened[0])
    assert brief.template == "meeting-readout"
    assert brief.sources[0].title.startswith("Council agrees to")


def test_cancel_stops_the_run_keeps_what_was_done_and_lists_the_rest(
    qtbot, runner, nlp, articles: Path,  # type: ignore[no-untyped-def]
) -> None:
    dialog = _dialog(qtbot, runner, nlp, [])
    dialog.input_edit.setText(str(articles))
    dialog.start_button.click()
    worker = dialog.worker
    assert worker is not None
    worker.signals.progress.connect(lambda *_: dialog.cancel_button.click())
    with qtbot.waitSignal(worker.signals.done, timeout=120000):
        pass
    texts = [dialog.results.item(i).text() for i in range(dialog.results.count())]
    assert any(t.startswith("\u2013") and "not done" in t for t in texts)
    assert "stopped" in dialog.status.text()
    memos = list((articles / "memos").glob("*.docx"))
    assert len(memos) == sum(t.startswith("\u2713") for t in texts) < 3
    assert not list((articles / "memos").glob(".*.tmp"))


@pytest.mark.slow
def test_the_windows_menu_entry_opens_the_dialog_whose_results_open_in_the_window(
    qtbot, make_window, tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    from support.sample_briefs import sample_brief

    from briefgen.model import save_brief

    window = make_window(nlp_factory=lambda: None)
    qtbot.waitUntil(window.templates.is_loaded, timeout=10000)
    window.actions_by_key["batch"].trigger()
    dialog = window.findChild(BatchDialog)
    assert dialog is not None
    assert dialog.isVisible()
    ids = [dialog.template_box.itemData(i) for i in range(dialog.template_box.count())]
    assert "information-memo" in ids
    assert dialog.template_box.currentData() == window.document.brief.template
    saved = tmp_path / "memos" / "Talks.brief"
    saved.parent.mkdir()
    save_brief(sample_brief(), saved)
    dialog.open_brief(str(saved))
    assert window.document.path == str(saved)
    dialog.close()
