"""Tests for briefgen/ui/list_menu.py: the right-click menu of every list of the form."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu
from support.sample_briefs import sample_brief

from briefgen.ui.brief_form import BriefForm
from briefgen.ui.document import BriefDocument
from briefgen.ui.models import LIST_SPECS


def texts(menu: QMenu) -> list[str]:
    return [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]


def action(menu: QMenu, text: str):  # type: ignore[no-untyped-def]
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


@pytest.fixture
def form(qtbot) -> BriefForm:
    form = BriefForm(BriefDocument(sample_brief()))
    qtbot.addWidget(form)
    form.show()
    return form


@pytest.mark.parametrize("name", list(LIST_SPECS))
def test_every_list_offers_edit_show_copy_add_and_delete(form, name):
    editor = form.editor(name)
    if editor.model.rowCount() == 0:
        editor.model.add_item()
    menu = editor.context_menu(0)
    for wanted in ("Edit", "Show in source", "Copy", "Delete"):
        assert wanted in texts(menu), (name, wanted)
    letters = [a.text()[a.text().index("&") + 1].lower() for a in menu.actions()
               if not a.isSeparator()]
    assert len(letters) == len(set(letters)), texts(menu)
    assert texts(editor.context_menu(-1))[0].startswith("Add a")


def test_leaving_a_quote_out_and_back_in_is_undoable(form):
    editor = form.editor("quotes")
    document = form.document
    assert document.brief.quotes[0].include
    action(editor.context_menu(0), "Leave out of the memo").trigger()
    assert not document.brief.quotes[0].include
    action(editor.context_menu(0), "Use in the memo").trigger()
    assert document.brief.quotes[0].include
    document.undo_stack.undo()
    assert not document.brief.quotes[0].include


def test_a_person_is_marked_as_only_mentioned_from_the_menu_and_the_took_part_box(form):
    editor = form.editor("people")
    document = form.document
    column = [c.attr for c in editor.model.spec.columns].index("participant")
    assert editor.model.spec.columns[column].header == "Took part"
    action(editor.context_menu(4), "Mark as only mentioned").trigger()
    assert document.brief.people[4].participant is False
    assert "/people/4" in document.brief.edited
    editor.set_flag(4, column, True)
    assert document.brief.people[4].participant is True


def test_show_in_source_carries_the_items_evidence(form, qtbot):
    editor = form.editor("key_points")
    with qtbot.waitSignal(form.show_in_source, timeout=1000) as blocker:
        action(editor.context_menu(1), "Show in source").trigger()
    spans = blocker.args[0]
    assert form.document.brief.evidence(spans[0]) == (
        "agreed to set up a working group of consular officials")
    # An item without evidence (typed by the user) cannot be shown.
    assert not action(editor.context_menu(4), "Show in source").isEnabled()


def test_copy_puts_the_rows_text_on_the_clipboard_and_delete_removes_it(form):
    editor = form.editor("people")
    action(editor.context_menu(0), "Copy").trigger()
    assert QGuiApplication.clipboard().text() == (
        "Anika Solberg\tDeputy Foreign Minister\tNorvalia")
    action(editor.context_menu(0), "Delete").trigger()
    assert [p.name for p in form.document.brief.people][0] == "Tomas Reyhan"
