"""Tests for briefgen/ui/list_editor.py: keyboard reordering, adding and removing items."""

from __future__ import annotations

from PySide6.QtCore import Qt

from briefgen.model import Brief, KeyPoint
from briefgen.ui.document import BriefDocument
from briefgen.ui.list_editor import ListEditor
from briefgen.ui.models import LIST_SPECS, BriefListModel


def make_editor(qtbot) -> tuple[ListEditor, BriefDocument]:  # type: ignore[no-untyped-def]
    doc = BriefDocument(Brief(key_points=[KeyPoint("one"), KeyPoint("two"), KeyPoint("three")]))
    editor = ListEditor(BriefListModel(doc, LIST_SPECS["key_points"]))
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitActive(editor)
    return editor, doc


def focus(qtbot, editor: ListEditor) -> None:  # type: ignore[no-untyped-def]
    editor.view.setFocus()
    qtbot.waitUntil(editor.view.hasFocus, timeout=2000)


def texts(doc: BriefDocument) -> list[str]:
    return [k.text for k in doc.brief.key_points]


def test_ctrl_down_and_ctrl_up_move_the_current_item_and_keep_it_selected(qtbot):
    editor, doc = make_editor(qtbot)
    editor.select_row(0)
    focus(qtbot, editor)
    qtbot.keyClick(editor.view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert texts(doc) == ["two", "one", "three"]
    assert editor.current_row() == 1
    qtbot.keyClick(editor.view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert texts(doc) == ["one", "two", "three"]
    assert not editor.up_button.isEnabled()


def test_insert_adds_after_the_current_item_and_delete_removes_it(qtbot):
    editor, doc = make_editor(qtbot)
    editor.select_row(1)
    focus(qtbot, editor)
    qtbot.keyClick(editor.view, Qt.Key.Key_Insert)
    qtbot.keyClick(editor.view.focusWidget() or editor.view, Qt.Key.Key_Escape)
    assert texts(doc) == ["one", "two", "New key point", "three"]
    editor.select_row(2)
    focus(qtbot, editor)
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert texts(doc) == ["one", "two", "three"]


def test_the_edited_legend_appears_once_an_item_is_edited(qtbot):
    editor, doc = make_editor(qtbot)
    assert editor.empty_label.isHidden()
    doc.set_value(("key_points", 0, "text"), "one, reworded")
    assert not editor.empty_label.isHidden()
    assert "edited by you" in editor.empty_label.text()
