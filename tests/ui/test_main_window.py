"""Tests for briefgen/ui/main_window.py: the whole job, driven through the real window."""

from __future__ import annotations

import html.parser
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import Qt, QThread
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit

from briefgen.model import brief_to_dict, load_brief
from briefgen.ui import dialogs
from briefgen.ui.main_window import MainWindow

from .conftest import answer

pytestmark = pytest.mark.slow

EXTRACTION_TIMEOUT = 120_000


class _TextOf(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(markup: str) -> str:
    """The visible text of an HTML page, whitespace collapsed."""
    parser = _TextOf()
    parser.feed(markup)
    return " ".join(" ".join(parser.parts).split())


def shoot(window: MainWindow, folder: Path, name: str) -> None:
    """Save a picture of the window once its background work has settled."""
    for _ in range(200):
        QGuiApplication.processEvents()
        if window.runner.active() == 0 and not window.tasks.isVisible():
            break
        QThread.msleep(10)
    QGuiApplication.processEvents()
    assert window.grab().save(str(folder / f"{name}.png"))


def paste_article(qtbot, window: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    QGuiApplication.clipboard().setText(text)
    window.sources.list.setFocus()
    with qtbot.waitSignal(window.extraction.extracted, timeout=EXTRACTION_TIMEOUT):
        qtbot.keyClick(window.sources.list, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def edit_cell(qtbot, window: MainWindow, list_name: str, row: int, column: int, text: str):  # type: ignore[no-untyped-def]
    editor = window.form.editor(list_name)
    window.form.tabs.setCurrentWidget(editor)
    index = editor.model.index(row, column)
    editor.view.setFocus()
    editor.view.setCurrentIndex(index)
    qtbot.keyClick(editor.view, Qt.Key.Key_F2)
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit), f"no inline editor opened ({line})"
    line.selectAll()
    qtbot.keyClicks(line, text)
    qtbot.keyClick(line, Qt.Key.Key_Return)
    # The delegate commits on the next event-loop turn.
    qtbot.waitUntil(lambda: index.data() == text, timeout=2000)


def wait_preview(qtbot, window: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: text in html_text(window.preview.html), timeout=10_000)


def test_the_whole_job_from_paste_to_export_save_and_reopen(
    qtbot, make_window, screenshots, sample_article_path, tmp_path, monkeypatch
):
    window = make_window()
    shoot(window, screenshots, "01-empty-window")

    paste_article(qtbot, window, sample_article_path.read_text(encoding="utf-8"))
    brief = window.document.brief
    assert [s.title for s in brief.sources] == [
        "Norvalia and Estrava hold first direct talks in six years on reopening embassies"
    ]
    assert brief.key_points, "extraction found no key points"
    names = [p.name for p in brief.people]
    assert any("Solberg" in n for n in names), names
    assert "Norvalia" in window.source_view.text.toPlainText()
    wait_preview(qtbot, window, brief.fields["subject"])
    shoot(window, screenshots, "02-extracted")

    # Selecting a key point highlights its evidence in the source view.
    points = window.form.editor("key_points")
    points.select_row(0)
    evidence = [brief.evidence(s) for s in brief.key_points[0].spans]
    assert window.source_view.highlighted_text() == evidence
    shoot(window, screenshots, "03-evidence-highlighted")

    # Edit a key point and a person's role in the form; the preview follows.
    edit_cell(qtbot, window, "key_points", 0, 1, "The two sides agreed to reopen visa sections.")
    solberg = next(i for i, p in enumerate(brief.people) if "Solberg" in p.name)
    window.switch_template("meeting-readout")
    qtbot.waitUntil(lambda: "people" in window.form.editors, timeout=5000)
    edit_cell(qtbot, window, "people", solberg, 1, "Acting Foreign Minister")
    doc = window.document
    assert doc.brief.key_points[0].text == "The two sides agreed to reopen visa sections."
    assert doc.brief.people[solberg].role == "Acting Foreign Minister"
    assert {"/key_points/0", f"/people/{solberg}"} <= set(doc.brief.edited)
    wait_preview(qtbot, window, "Acting Foreign Minister")
    assert window.isWindowModified()
    shoot(window, screenshots, "04-edited")

    # Undo both edits, then redo them.
    window.actions_by_key["undo"].trigger()
    window.actions_by_key["undo"].trigger()
    assert doc.brief.people[solberg].role != "Acting Foreign Minister"
    wait_preview(qtbot, window, doc.brief.key_points[0].text)
    window.actions_by_key["redo"].trigger()
    window.actions_by_key["redo"].trigger()
    assert doc.brief.people[solberg].role == "Acting Foreign Minister"
    assert doc.brief.key_points[0].text == "The two sides agreed to reopen visa sections."

    # Extraction again keeps what the user edited.
    with qtbot.waitSignal(window.extraction.extracted, timeout=EXTRACTION_TIMEOUT):
        window.actions_by_key["extract"].trigger()
    assert "The two sides agreed to reopen visa sections." in [
        k.text for k in doc.brief.key_points
    ]
    assert "Acting Foreign Minister" in [p.role for p in doc.brief.people]

    # Switch template through the template box.
    box = window.form.template_box
    index = box.findData("decision-memo")
    box.setCurrentIndex(index)
    box.activated.emit(index)
    assert doc.brief.template == "decision-memo"
    qtbot.waitUntil(lambda: "recommendation" in window.form.field_editors, timeout=5000)
    window.switch_template("meeting-readout")
    wait_preview(qtbot, window, "Acting Foreign Minister")
    shoot(window, screenshots, "05-meeting-readout")

    # Export Word and HTML, then reopen them.
    for suffix in (".docx", ".html"):
        out = tmp_path / f"memo{suffix}"
        answer(monkeypatch, dialogs.SaveFileDialog, str(out))
        worker = window.files.export_dialog()
        assert worker is not None
        with qtbot.waitSignal(worker.signals.done, timeout=30_000):
            pass
        assert out.is_file(), window.messages.text()
    word = "\n".join(p.text for p in docx.Document(str(tmp_path / "memo.docx")).paragraphs)
    tables = docx.Document(str(tmp_path / "memo.docx")).tables
    word += "\n".join(c.text for t in tables for r in t.rows for c in r.cells)
    assert "The two sides agreed to reopen visa sections." in word
    page = html_text((tmp_path / "memo.html").read_text(encoding="utf-8"))
    assert "Acting Foreign Minister" in page
    assert "The two sides agreed to reopen visa sections." in page

    # Save, close, reopen and compare.
    saved = tmp_path / "geneva.brief"
    answer(monkeypatch, dialogs.SaveFileDialog, str(saved))
    window.actions_by_key["save"].trigger()
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("geneva.brief")
    expected = brief_to_dict(doc.brief)
    assert brief_to_dict(load_brief(saved)) == expected
    window.close()
    assert not window.isVisible()

    again = make_window()
    again.files.open_brief(str(saved))
    assert brief_to_dict(again.document.brief) == expected
    assert not again.isWindowModified()
    qtbot.waitUntil(lambda: "people" in again.form.editors, timeout=5000)
    role_index = again.form.models["people"].index(solberg, 1)
    assert role_index.data() == "Acting Foreign Minister"
    shoot(again, screenshots, "06-reopened")


def test_work_autosaved_before_a_crash_is_offered_back_at_the_next_start(
    qtbot, make_window, monkeypatch, screenshots
):
    window = make_window()
    window.document.set_value(("fields", "subject"), "Unsaved talks")
    window.document.set_value(("summary", "text"), "They met and will meet again.")
    worker = window.files.autosave()
    assert worker is not None
    with qtbot.waitSignal(worker.signals.done, timeout=10_000):
        pass
    autosaved = brief_to_dict(window.document.brief)
    window.hide()  # the "crash": no clean close, the autosave slot stays

    offers = answer(monkeypatch, dialogs.RecoverDialog, True)
    recovered = make_window()
    assert len(offers) == 1
    assert "Unsaved talks" in offers[0][1]
    assert brief_to_dict(recovered.document.brief) == autosaved
    assert recovered.isWindowModified(), "recovered work must count as unsaved"
    assert recovered.messages.text().startswith("Recovered the unsaved brief")
    wait_preview(qtbot, recovered, "Unsaved talks")
    shoot(recovered, screenshots, "07-recovered")


def test_closing_with_unsaved_changes_asks_first_and_cancel_keeps_the_window(
    qtbot, make_window, monkeypatch
):
    window = make_window()
    window.document.set_value(("fields", "subject"), "Draft")
    asked = answer(monkeypatch, dialogs.UnsavedChangesDialog, "cancel")
    window.close()
    assert asked
    assert window.isVisible()
    assert window.document.brief.fields["subject"] == "Draft"


def test_an_unreadable_article_shows_one_sentence_and_loses_nothing(
    qtbot, make_window, tmp_path, screenshots
):
    window = make_window()
    window.document.set_value(("fields", "subject"), "Keep me")
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a PDF")
    window.files.open_paths([str(bad)])
    qtbot.waitUntil(lambda: bool(window.messages.text()), timeout=30_000)
    message = window.messages.text()
    assert "broken.pdf" in message
    assert "\n" not in message
    assert "Traceback" not in message
    assert window.document.brief.fields["subject"] == "Keep me"
    shoot(window, screenshots, "08-error")


def test_pasting_an_empty_clipboard_says_so(qtbot, make_window):
    window = make_window()
    QGuiApplication.clipboard().setText("")
    window.actions_by_key["paste_article"].trigger()
    assert window.messages.text() == "The clipboard holds no text to add as an article."


def test_removing_a_source_asks_and_removes_the_items_that_came_only_from_it(
    qtbot, make_window, sample_article_path, monkeypatch
):
    window = make_window()
    paste_article(qtbot, window, sample_article_path.read_text(encoding="utf-8"))
    assert window.document.brief.key_points
    asked = answer(monkeypatch, dialogs.ConfirmDialog, True)
    window.sources.remove_button.click()
    assert asked
    assert window.document.brief.sources == []
    assert window.document.brief.key_points == []
    window.actions_by_key["undo"].trigger()
    assert len(window.document.brief.sources) == 1
