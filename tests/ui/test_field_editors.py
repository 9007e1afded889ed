"""Tests for briefgen/ui/field_editors.py: header editors read and write the brief's fields."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from briefgen.model import Brief
from briefgen.ui.document import BriefDocument
from briefgen.ui.field_editors import FieldBinding, RowsTable, make_editor

_PARENTS: list[QWidget] = []


def bind(qtbot, doc: BriefDocument, name: str, kind: str, choices=()):  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    _PARENTS.append(parent)  # keep the editor's parent alive for the test
    editor = make_editor(kind, list(choices), parent)
    FieldBinding(doc, ("fields", name), kind, editor)
    return editor


def type_in_cell(qtbot, table: RowsTable, row: int, column: int, text: str) -> None:  # type: ignore[no-untyped-def]
    table.setFocus()
    qtbot.waitUntil(table.hasFocus, timeout=2000)
    table.setCurrentCell(row, column)
    qtbot.keyClicks(table, text[0])  # any key opens the cell editor with that key
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit), timeout=2000)
    line = QApplication.focusWidget()
    assert isinstance(line, QLineEdit), line
    qtbot.keyClicks(line, text[1:])
    qtbot.keyClick(line, Qt.Key.Key_Return)
    # The view commits and closes the cell editor on the next event-loop turn.
    qtbot.waitUntil(lambda: table.item(row, column).text() == text, timeout=2000)
    qtbot.waitUntil(lambda: table.state() != table.State.EditingState, timeout=2000)


def test_people_typed_into_the_table_become_rows_with_name_role_and_organisation(qtbot):
    doc = BriefDocument(Brief())
    editor = bind(qtbot, doc, "participants", "people")
    assert isinstance(editor, RowsTable)
    editor.window().show()
    editor.window().activateWindow()
    qtbot.waitActive(editor.window())
    assert editor.rowCount() == 1  # the blank row to add one
    type_in_cell(qtbot, editor, 0, 0, "Anika Solberg")
    type_in_cell(qtbot, editor, 0, 1, "Deputy Foreign Minister")
    type_in_cell(qtbot, editor, 0, 2, "Norvalia")
    type_in_cell(qtbot, editor, 1, 0, "Tomas Reyhan")
    qtbot.waitUntil(lambda: len(doc.brief.fields.get("participants") or []) == 2, timeout=2000)
    assert doc.brief.fields["participants"] == [
        {"name": "Anika Solberg", "role": "Deputy Foreign Minister", "organization": "Norvalia"},
        {"name": "Tomas Reyhan", "role": None, "organization": None},
    ]
    assert editor.rowCount() == 3
    # Delete empties the selected cell; a row left empty leaves the value.
    editor.setCurrentCell(1, 0)
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    assert len(doc.brief.fields["participants"]) == 1
    doc.undo_stack.undo()
    assert editor.item(1, 0).text() == "Tomas Reyhan"


def test_rows_in_the_brief_show_one_per_table_row_and_follow_undo(qtbot):
    doc = BriefDocument(Brief(fields={"quotes_board": [
        {"text": "A first step", "speaker": "Reyhan", "speaker_role": None}, "Plain words"]}))
    editor = bind(qtbot, doc, "quotes_board", "quotes")
    assert isinstance(editor, RowsTable)
    cells = [[editor.item(r, c).text() for c in range(3)] for r in range(editor.rowCount())]
    assert cells == [["A first step", "Reyhan", ""], ["Plain words", "", ""], ["", "", ""]]
    doc.set_value(("fields", "quotes_board"), [{"text": "Later", "speaker": None,
                                                "speaker_role": "envoy"}])
    assert [editor.item(0, c).text() for c in range(3)] == ["Later", "", "envoy"]
    assert editor.rowCount() == 2


def test_a_list_field_is_one_entry_per_line(qtbot):
    doc = BriefDocument(Brief())
    editor = bind(qtbot, doc, "outcomes", "list")
    assert isinstance(editor, QPlainTextEdit)
    editor.setPlainText("Working group\n\nVisa sections by April 30")
    assert doc.brief.fields["outcomes"] == ["Working group", "Visa sections by April 30"]


def test_text_choice_and_bool_editors_follow_undo(qtbot):
    doc = BriefDocument(Brief(fields={"to": "Director"}))
    line = bind(qtbot, doc, "to", "text")
    combo = bind(qtbot, doc, "classification", "choice", ["UNCLASSIFIED", "OFFICIAL"])
    box = bind(qtbot, doc, "citations", "bool")
    assert isinstance(line, QLineEdit)
    assert isinstance(combo, QComboBox)
    assert isinstance(box, QCheckBox)
    assert line.text() == "Director"
    line.end(False)
    qtbot.keyClicks(line, ", Europe")
    combo.setCurrentText("OFFICIAL")
    box.setChecked(True)
    assert doc.brief.fields == {"to": "Director, Europe", "classification": "OFFICIAL",
                                "citations": True}
    doc.undo_stack.undo()
    assert not box.isChecked()
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert line.text() == "Director"


def test_a_rows_table_is_as_tall_as_its_rows_up_to_five_then_scrolls(qtbot):
    from briefgen.ui.field_editors import ROWS_TABLE_MOST_ROWS

    doc = BriefDocument(Brief())
    editor = bind(qtbot, doc, "participants", "people")
    assert isinstance(editor, RowsTable)
    editor.window().resize(600, 600)
    editor.window().show()
    qtbot.waitExposed(editor.window())

    def shown_rows() -> int:  # rows whole inside the table's viewport
        bottom = editor.viewport().height()
        return sum(1 for row in range(editor.rowCount())
                   if editor.rowViewportPosition(row) + editor.rowHeight(row) <= bottom)

    empty = editor.height()
    assert shown_rows() == 1  # the blank row, whole, and no empty band under it
    assert editor.viewport().height() < 2 * editor.rowHeight(0)
    heights = [empty]
    for count in range(1, 8):
        doc.set_value(("fields", "participants"),
                      [{"name": f"Person {n}", "role": None, "organization": None}
                       for n in range(count)])
        heights.append(editor.height())
        assert editor.rowCount() == count + 1
        assert shown_rows() == min(count + 1, ROWS_TABLE_MOST_ROWS)
    assert heights[:ROWS_TABLE_MOST_ROWS] == sorted(set(heights[:ROWS_TABLE_MOST_ROWS]))
    assert len(set(heights[ROWS_TABLE_MOST_ROWS - 1:])) == 1  # then it scrolls inside
    qtbot.waitUntil(lambda: editor.verticalScrollBar().maximum() > 0, timeout=2000)
    doc.set_value(("fields", "participants"), [])
    assert editor.height() == empty
