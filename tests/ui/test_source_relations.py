"""Tests for briefgen/ui/source_relations.py, and the form's note when sources share nothing."""

from __future__ import annotations

import docx
import pytest

from briefgen.model import Brief, KeyPoint, Person, Place, Source, Span, Summary, Topic
from briefgen.ui import settings_dialog
from briefgen.ui.source_relations import (
    brief_per_source,
    line_per_source,
    shared_items,
    unrelated_sources,
)

from .conftest import answer

FERRY = "The harbour board of Lindqvist approved a new ferry timetable on Tuesday."
RAIL = "The rail authority of Norrvik announced a new airport line on Wednesday."


def two_stories() -> Brief:
    ferry = Source(id="src-ferry", text=FERRY, title="Ferry timetable approved", lead=FERRY)
    rail = Source(id="src-rail", text=RAIL, title="Airport rail line announced", lead=RAIL)
    return Brief(
        template="information-memo",
        sources=[ferry, rail],
        summary=Summary(FERRY, [Span("src-ferry", 0, len(FERRY))]),
        key_points=[KeyPoint(FERRY, [Span("src-ferry", 0, len(FERRY))], 0.9),
                    KeyPoint(RAIL, [Span("src-rail", 0, len(RAIL))], 0.8)],
        places=[Place("Lindqvist", [Span("src-ferry", 21, 30)]),
                Place("Norrvik", [Span("src-rail", 24, 31)])],
        topics=[Topic("ferry timetable", 0.9), Topic("airport line", 0.8)],
    )


def test_sources_that_share_no_person_place_or_topic_are_told_apart():
    brief = two_stories()
    assert shared_items(brief) == []
    assert unrelated_sources(brief)
    # One place in both (its mentions span both sources): one story.
    brief.people.append(Person("Greta Moberg", spans=[Span("src-ferry", 0, 3),
                                                      Span("src-rail", 0, 3)]))
    assert shared_items(brief) == ["Greta Moberg"]
    assert not unrelated_sources(brief)
    # A topic whose words both texts hold links them too.
    brief = two_stories()
    brief.topics.append(Topic("a new", 0.5))
    assert not unrelated_sources(brief)
    assert not unrelated_sources(Brief(sources=two_stories().sources[:1]))


def test_a_line_per_source_and_a_brief_per_source():
    brief = two_stories()
    assert line_per_source(brief) == (
        f"Ferry timetable approved: {FERRY}\nAirport rail line announced: {RAIL}")
    ferry, rail = brief_per_source(brief)
    assert [s.id for s in ferry.sources] == ["src-ferry"]
    assert [p.text for p in ferry.key_points] == [FERRY]
    assert [p.name for p in rail.places] == ["Norrvik"]
    assert rail.summary.text == RAIL  # the bottom line came from the other source
    assert rail.fields["subject"] == "Airport rail line announced"
    assert len(brief.sources) == 2  # the brief itself is untouched


@pytest.mark.slow
def test_the_form_says_the_sources_share_nothing_and_offers_both_ways_out(
    qtbot, make_window, monkeypatch, tmp_path
):
    window = make_window(nlp_factory=lambda: None)
    window.document.load(two_stories(), None)
    note = window.form.unrelated
    qtbot.waitUntil(lambda: note.isVisibleTo(window), timeout=5000)
    assert note.label.text().startswith("These 2 sources share no person")

    note.line_per_source.click()
    assert window.document.brief.summary.text == line_per_source(two_stories())
    window.actions_by_key["undo"].trigger()
    assert window.document.brief.summary.text == FERRY

    answer(monkeypatch, settings_dialog.FolderDialog, str(tmp_path))
    note.memo_per_source.click()
    written = [tmp_path / "01-ferry-timetable-approved.docx",
               tmp_path / "02-airport-rail-line-announced.docx"]
    qtbot.waitUntil(lambda: all(path.is_file() for path in written), timeout=30_000)
    window.runner.wait(10_000)
    text = "\n".join(p.text for p in docx.Document(str(written[1])).paragraphs)
    assert "Airport rail line announced" in text
    assert "ferry" not in text.lower()
