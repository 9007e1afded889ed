"""Tests for briefgen/ui/source_details.py and its use from the Sources list: the user sets
a source's title, publisher and date; a new date re-resolves its relative dates, in one
undo step, keeping the user's own edits."""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import QDate

from briefgen.model import Brief, Source, brief_to_dict
from briefgen.model.edits import item_pointer
from briefgen.model.source_details import SourceDetails
from briefgen.ui.document import BriefDocument
from briefgen.ui.models import SourcesModel
from briefgen.ui.source_details import SourceDetailsDialog
from briefgen.ui.sources_panel import SourcesPanel

from .conftest import answer

PASTED = (
    "Rail planners from Brenholt and Sarrow met on Thursday at the border station of "
    "Ulmen to agree a timetable for the new cross-border line.\n\n"
    "Their engineers will meet again on Monday to compare the signalling plans, a "
    "Brenholt planner said after the talks.\n"
)


def test_the_dialog_is_filled_from_the_source_and_returns_what_the_user_set(qtbot):
    dialog = SourceDetailsDialog(SourceDetails("Rail talks", None, None), dt.date(2026, 3, 7))
    qtbot.addWidget(dialog)
    assert dialog.title.text() == "Rail talks"
    assert not dialog.known.isChecked()
    assert not dialog.date.isEnabled()
    assert dialog.date.date() == QDate(2026, 3, 7)  # the calendar opens on the pasted day
    assert dialog.details() == SourceDetails("Rail talks", "", None)
    dialog.publisher.setText("Border Gazette")
    dialog.known.setChecked(True)
    assert dialog.date.isEnabled()
    dialog.date.setDate(QDate(2026, 3, 6))
    assert dialog.details() == SourceDetails("Rail talks", "Border Gazette", "2026-03-06")


def test_the_sources_list_asks_for_the_details_of_the_selected_source(qtbot):
    doc = BriefDocument(Brief(sources=[Source(id="src-1", text="Text.", title="One")]))
    panel = SourcesPanel(SourcesModel(doc))
    qtbot.addWidget(panel)
    assert panel.details_button.isEnabled()
    assert panel.model.index(0, 0).data() == "One\ndate not known"
    with qtbot.waitSignal(panel.details_requested, timeout=1000) as blocker:
        panel.details_button.click()
    assert blocker.args == ["src-1"]


def _json(window) -> str:  # type: ignore[no-untyped-def]
    return json.dumps(brief_to_dict(window.document.brief), sort_keys=True)


def test_a_new_date_resolves_relative_dates_in_one_undo_step_keeping_edits(
    qtbot, make_window, monkeypatch
):
    window = make_window()
    with qtbot.waitSignal(window.extraction.extracted, timeout=120_000):
        window.extraction.add_pasted(PASTED, None)
    brief = window.document.brief
    dates = {d.text: d.date for d in brief.dates}
    assert dates["Thursday"] is None
    assert dates["Monday"] is None
    # The user types the Monday meeting's date by hand.
    monday = next(i for i, d in enumerate(brief.dates) if d.text == "Monday")
    window.document.set_value(("dates", monday, "date"), "2026-03-23")
    before = _json(window)
    steps = window.document.undo_stack.count()

    source_id = brief.sources[0].id
    calls = answer(monkeypatch, SourceDetailsDialog,
                   SourceDetails("Rail talks", "Border Gazette", "2026-03-07"))
    window.sources.select_source(source_id)
    with qtbot.waitSignal(window.extraction.extracted, timeout=120_000):
        window.sources.details_button.click()
    assert calls
    assert calls[0][1] == SourceDetails(brief.sources[0].title, None, None)
    fresh = window.document.brief
    source = fresh.sources[0]
    assert (source.title, source.publisher, source.published) == (
        "Rail talks", "Border Gazette", "2026-03-07")
    found = {d.text: d.date for d in fresh.dates}
    assert found["Thursday"] == "2026-03-05"
    assert found["Monday"] == "2026-03-23"  # the user's date, not the 9th
    row = next(i for i, d in enumerate(fresh.dates) if d.text == "Monday")
    assert item_pointer("dates", row) in fresh.edited
    assert window.sources.model.index(0, 0).data() == "Rail talks\nBorder Gazette \u00b7 2026-03-07"

    assert window.document.undo_stack.count() == steps + 1  # one step, whole
    window.actions_by_key["undo"].trigger()
    assert _json(window) == before


def test_a_date_that_is_not_a_date_is_said_in_one_sentence_and_changes_nothing(
    qtbot, make_window
):
    window = make_window(start=False)
    window.document.load(Brief(sources=[Source(id="s", text="Text.", title="T")]), None)
    before = _json(window)
    window.extraction.set_source_details("s", SourceDetails("T", None, "2026-13-01"))
    assert window.messages.text().startswith("\u201c2026-13-01\u201d is not a date")
    assert _json(window) == before
    assert window.document.undo_stack.count() == 0
