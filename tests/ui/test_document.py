"""Tests for briefgen/ui/document.py: undoable edits, edit marks, and the saved state."""

from __future__ import annotations

from briefgen.model import Brief, KeyPoint, Person
from briefgen.ui.document import BriefDocument


def make_document() -> BriefDocument:
    brief = Brief(
        fields={"subject": "Talks"},
        key_points=[KeyPoint("First."), KeyPoint("Second."), KeyPoint("Third.")],
        people=[Person("Anika Solberg", role="Deputy Foreign Minister")],
    )
    return BriefDocument(brief)


def test_an_edit_is_marked_and_undo_restores_value_and_marks(qtbot):
    doc = make_document()
    doc.set_value(("people", 0, "role"), "Foreign Minister")
    assert doc.brief.people[0].role == "Foreign Minister"
    assert doc.brief.edited == ["/people/0"]
    assert doc.is_modified()
    doc.undo_stack.undo()
    assert doc.brief.people[0].role == "Deputy Foreign Minister"
    assert doc.brief.edited == []
    assert not doc.is_modified()
    doc.undo_stack.redo()
    assert doc.brief.people[0].role == "Foreign Minister"


def test_typing_in_one_field_is_one_undo_step(qtbot):
    doc = make_document()
    for text in ("T", "Ta", "Tal", "Talk"):
        doc.set_value(("fields", "to"), text, typing=True)
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert "to" not in doc.brief.fields


def test_setting_the_same_value_pushes_nothing(qtbot):
    doc = make_document()
    doc.set_value(("fields", "subject"), "Talks")
    assert doc.undo_stack.count() == 0


def test_reordering_moves_the_edit_marks_with_their_items(qtbot):
    doc = make_document()
    doc.set_value(("key_points", 2, "text"), "Third, edited.")
    items = doc.brief.key_points
    doc.set_list("key_points", [items[2], items[0], items[1]], "Move key point")
    assert doc.brief.key_points[0].text == "Third, edited."
    assert doc.brief.edited == ["/key_points/0"]
    doc.undo_stack.undo()
    assert doc.brief.edited == ["/key_points/2"]


def test_replacing_the_brief_is_undoable_and_signals_a_reset(qtbot):
    doc = make_document()
    with qtbot.waitSignal(doc.reset, timeout=1000):
        doc.replace(Brief(fields={"subject": "Other"}), "Extract")
    assert doc.brief.fields["subject"] == "Other"
    doc.undo_stack.undo()
    assert doc.brief.fields["subject"] == "Talks"


def test_loading_a_brief_clears_history_and_counts_as_saved(qtbot):
    doc = make_document()
    doc.set_value(("fields", "subject"), "Changed")
    doc.load(Brief(), "/tmp/x.brief")
    assert doc.undo_stack.count() == 0
    assert not doc.is_modified()
    assert doc.path == "/tmp/x.brief"
