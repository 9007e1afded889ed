"""The right-click menu of a list of the brief: edit, use or leave out, show in source, copy,
delete."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

from briefgen.ui.edit_actions import rows_as_text
from briefgen.ui.models import SpansRole

if TYPE_CHECKING:
    from briefgen.ui.list_editor import ListEditor

# The yes/no flags an item can carry, with the menu's words for each state.
FLAGS = {
    "include": ("&Use in the memo", "Leave &out of the memo"),
    "participant": ("Mark as having taken &part", "Mark as only &mentioned"),
}


def list_menu(editor: ListEditor, row: int) -> QMenu:
    """The menu for the item in ``row`` of ``editor`` (-1: no item under the pointer, only
    Add). Every action goes through the editor, hence through the undo stack."""
    menu = QMenu(editor.view)
    menu.setObjectName(f"menu_{editor.model.spec.name}")
    noun = editor.model.spec.noun
    if row < 0:
        menu.addAction(f"&Add a {noun}", editor.add_item)
        return menu
    if editor.current_row() != row:
        editor.select_row(row)
    model = editor.model
    item = model.items()[row]
    menu.addAction("&Edit", lambda: editor.edit_row(row))
    for column, spec in enumerate(model.spec.columns):
        if spec.kind == "check" and spec.attr in FLAGS:
            yes, no = FLAGS[spec.attr]
            on = bool(getattr(item, spec.attr))
            menu.addAction(no if on else yes, partial(editor.set_flag, row, column, not on))
    show = menu.addAction("&Show in source", lambda: editor.show_in_source.emit(
        model.index(row, 0).data(SpansRole) or []))
    show.setEnabled(bool(getattr(item, "spans", [])))
    menu.addAction("&Copy", lambda: QGuiApplication.clipboard().setText(rows_as_text(editor.view)))
    menu.addSeparator()
    menu.addAction(f"&Add a {noun}", editor.add_item)
    menu.addAction("&Delete", editor.remove)
    return menu
