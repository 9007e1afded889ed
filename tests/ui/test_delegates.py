"""Tests for briefgen/ui/delegates.py: long cells are edited in a multi-line box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from briefgen.model import Brief, KeyPoint, Person
from briefgen.ui.delegates import CellTextEdit
from briefgen.ui.document import BriefDocument
from briefgen.ui.list_editor import ListEditor
from briefgen.ui.models import LIST_SPECS, BriefListModel

LONG = (
    "The delegations agreed to hold a second round of talks in Geneva once the working "
    "group on consular access has reported, probably before the end of April."
)


def make_editor(qtbot, name: str, brief: Brief) -> tuple[ListEditor, BriefDocument]:  # type: ignore[no-untyped-def]
    doc = BriefDocument(brief)
    editor = ListEditor(BriefListModel(doc, LIST_SPECS[name]))
    qtbot.addWidget(editor)
    editor.resize(520, 360)
    editor.show()
    editor.activateWindow()
    qtbot.waitActive(editor)
    editor.view.setFocus()
    qtbot.waitUntil(editor.view.hasFocus, timeout=2000)
    return editor, doc


def open_cell(qtbot, editor: ListEditor, row: int, column: int):  # type: ignore[no-untyped-def]
    editor.view.setFocus()
    editor.view.setCurrentIndex(editor.model.index(row, column))
    qtbot.keyClick(editor.view, Qt.Key.Key_F2)
    return cell_editor(qtbot, editor)


def cell_editor(qtbot, editor: ListEditor):  # type: ignore[no-untyped-def]
    """The editor open in a cell of ``editor``, once it has the focus."""
    qtbot.waitUntil(
        lambda: editor.view.isAncestorOf(QApplication.focusWidget() or editor), timeout=2000
    )
    return QApplication.focusWidget()


def test_a_key_point_opens_a_word_wrapped_box_as_wide_as_its_cell(qtbot):
    editor, _doc = make_editor(qtbot, "key_points", Brief(key_points=[KeyPoint(LONG)]))
    box = open_cell(qtbot, editor, 0, 1)
    assert isinstance(box, CellTextEdit)
    assert box.toPlainText() == LONG
    assert box.textCursor().selectedText() == LONG
    cell = editor.view.visualRect(editor.model.index(0, 1))
    assert box.width() == cell.width()
    assert box.height() >= cell.height()
    # The whole text shows without scrolling: wrapped to several lines, no scroll bar.
    assert box.document().firstBlock().layout().lineCount() > 1
    assert box.verticalScrollBar().maximum() == 0


def test_enter_keeps_the_typed_text_and_shift_enter_breaks_the_line(qtbot):
    editor, doc = make_editor(qtbot, "key_points", Brief(key_points=[KeyPoint("one")]))
    box = open_cell(qtbot, editor, 0, 1)
    qtbot.keyClicks(box, "Talks resume")
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(box, "in April")
    assert box.toPlainText() == "Talks resume\nin April"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: doc.brief.key_points[0].text == "Talks resume\nin April", timeout=2000)
    assert not isinstance(QApplication.focusWidget(), CellTextEdit)
    assert editor.view.hasFocus()


def test_ctrl_enter_commits_too(qtbot):
    editor, doc = make_editor(qtbot, "next_steps", Brief())
    editor.add_item()
    box = cell_editor(qtbot, editor)
    assert isinstance(box, CellTextEdit)
    qtbot.keyClicks(box, "Draft the reply")
    qtbot.keyClick(box, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: doc.brief.next_steps[0].text == "Draft the reply", timeout=2000)


def test_escape_leaves_the_text_as_it_was(qtbot):
    editor, doc = make_editor(qtbot, "quotes", Brief())
    editor.add_item()
    box = cell_editor(qtbot, editor)
    assert isinstance(box, CellTextEdit)
    qtbot.keyClicks(box, "Something nobody said")
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not isinstance(QApplication.focusWidget(), CellTextEdit), timeout=2000)
    assert doc.brief.quotes[0].text == "New quote"


def test_typing_on_a_selected_cell_replaces_its_text(qtbot):
    editor, doc = make_editor(qtbot, "key_points", Brief(key_points=[KeyPoint("old words")]))
    editor.view.setFocus()
    editor.view.setCurrentIndex(editor.model.index(0, 1))
    qtbot.keyClicks(editor.view, "N")
    box = cell_editor(qtbot, editor)
    assert isinstance(box, CellTextEdit)
    qtbot.keyClicks(box, "ew words")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: doc.brief.key_points[0].text == "New words", timeout=2000)


def test_short_columns_keep_the_one_line_editor(qtbot):
    editor, _doc = make_editor(qtbot, "people", Brief(people=[Person("Anika Solberg")]))
    assert isinstance(open_cell(qtbot, editor, 0, 0), QLineEdit)
