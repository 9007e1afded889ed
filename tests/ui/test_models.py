"""Tests for briefgen/ui/models.py: the item models pass qtmodeltester and edit through undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt

from briefgen.model import Brief, DateMention, KeyPoint, Person, Quote, Source, Span
from briefgen.ui.document import BriefDocument
from briefgen.ui.models import (
    LIST_SPECS,
    BriefListModel,
    CheckRole,
    EditedRole,
    SourcesModel,
    SpansRole,
)

TEXT = "Solberg met Reyhan in Geneva. They agreed to meet again."


def make_document() -> BriefDocument:
    source = Source(id="src-1", text=TEXT, title="Talks in Geneva", publisher="Meridian Wire",
                    published="2026-03-13")
    brief = Brief(
        sources=[source],
        key_points=[KeyPoint("Solberg met Reyhan.", [Span("src-1", 0, 29)], 0.9),
                    KeyPoint("They agreed to meet again.", [Span("src-1", 30, 56)], 0.5)],
        people=[Person("Anika Solberg", "Deputy Foreign Minister", None, [Span("src-1", 0, 7)])],
        quotes=[Quote("This is a first step", "Tomas Reyhan")],
    )
    return BriefDocument(brief)


@pytest.mark.parametrize("name", sorted(LIST_SPECS))
def test_every_list_model_passes_the_model_tester(qtmodeltester, name):
    model = BriefListModel(make_document(), LIST_SPECS[name])
    qtmodeltester.check(model)


def test_the_sources_model_passes_the_model_tester_and_shows_publisher_and_date(qtmodeltester):
    model = SourcesModel(make_document())
    qtmodeltester.check(model)
    assert model.index(0, 0).data() == "Talks in Geneva\nMeridian Wire \u00b7 2026-03-13"


def test_editing_a_cell_goes_through_undo_and_marks_the_item(qtbot):
    doc = make_document()
    model = BriefListModel(doc, LIST_SPECS["people"])
    role_index = model.index(0, 1)
    assert model.setData(role_index, "Foreign Minister")
    assert role_index.data() == "Foreign Minister"
    assert role_index.data(EditedRole) is True
    assert role_index.data(Qt.ItemDataRole.FontRole).italic()
    doc.undo_stack.undo()
    assert model.index(0, 1).data() == "Deputy Foreign Minister"
    assert model.index(0, 1).data(EditedRole) is False


def test_an_emptied_optional_cell_becomes_none_and_an_emptied_name_is_refused(qtbot):
    doc = make_document()
    model = BriefListModel(doc, LIST_SPECS["people"])
    assert model.setData(model.index(0, 1), "  ")
    assert doc.brief.people[0].role is None
    assert not model.setData(model.index(0, 0), "")
    assert doc.brief.people[0].name == "Anika Solberg"


def test_the_include_box_and_the_score_of_a_key_point(qtbot):
    doc = make_document()
    model = BriefListModel(doc, LIST_SPECS["key_points"])
    include, score = model.index(0, 0), model.index(0, 2)
    assert include.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert score.data() == "0.90"
    assert not model.flags(score) & Qt.ItemFlag.ItemIsEditable
    model.setData(include, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert doc.brief.key_points[0].include is False


def test_moving_and_dropping_rows_reorders_the_list(qtbot):
    doc = make_document()
    model = BriefListModel(doc, LIST_SPECS["key_points"])
    assert model.move_row(0, 1) == 1
    assert [k.text for k in doc.brief.key_points][0] == "They agreed to meet again."
    mime = model.mimeData([model.index(1, 1)])
    assert model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert doc.brief.key_points[0].text == "Solberg met Reyhan."
    other = BriefListModel(doc, LIST_SPECS["people"])
    assert not other.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, QModelIndex())


def test_added_items_are_marked_and_removal_is_one_undo_step(qtbot):
    doc = make_document()
    model = BriefListModel(doc, LIST_SPECS["quotes"])
    row = model.add_item()
    assert model.index(row, 1).data() == "New quote"  # column 0 is the Use box
    assert model.is_edited(row)
    model.remove_rows([0, 1])
    assert model.rowCount() == 0
    doc.undo_stack.undo()
    assert model.rowCount() == 2


def test_spans_role_gives_the_evidence_of_an_item(qtbot):
    doc = make_document()
    model = BriefListModel(doc, LIST_SPECS["key_points"])
    spans = model.index(1, 1).data(SpansRole)
    assert [doc.brief.evidence(s) for s in spans] == ["They agreed to meet again."]
    assert "They agreed to meet again." in model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole)


def test_every_list_of_the_brief_has_a_spec_whose_new_item_is_of_its_class_and_named():
    from briefgen.model import BRIEF_LISTS, list_names
    from briefgen.ui.brief_form import DEFAULT_LISTS

    assert tuple(LIST_SPECS) == list_names()
    assert set(DEFAULT_LISTS) <= set(list_names())
    for kind in BRIEF_LISTS:
        spec = LIST_SPECS[kind.name]
        item = spec.new_item()
        assert isinstance(item, kind.item_class)
        assert (getattr(item, "name", None) or item.text) == f"New {kind.noun}"
        assert spec.title == kind.title
    assert LIST_SPECS["organizations"].new_item().name == "New organisation"
    assert [c.header for c in LIST_SPECS["next_steps"].columns] == ["Next step"]


def test_an_unsure_item_is_marked_check_this_until_the_user_edits_it(qtbot):
    doc = make_document()
    doc.brief.dates = [DateMention("December 20", "2025-12-20", confidence=0.55),
                       DateMention("Thursday", "2026-03-12", confidence=0.85)]
    model = BriefListModel(doc, LIST_SPECS["dates"])
    unsure, sure = model.index(0, 1), model.index(1, 1)
    assert unsure.data(CheckRole) is True
    assert unsure.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert "Check this" in unsure.data(Qt.ItemDataRole.ToolTipRole)
    assert sure.data(CheckRole) is False
    assert sure.data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.setData(unsure, "2026-12-20")
    assert model.index(0, 1).data(CheckRole) is False
