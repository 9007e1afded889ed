"""Tests for briefgen/ui/field_sources.py: the hint under an empty field says what the memo
shows there."""

from __future__ import annotations

import dataclasses

from support.sample_briefs import sample_brief

from briefgen.render import TemplateLibrary, render_html
from briefgen.ui.field_sources import source_hint

HELP = "Who took part; when empty, the memo lists the people marked as taking part."


def test_the_participants_hint_counts_the_people_the_memo_lists():
    brief = sample_brief()
    brief.people[3] = dataclasses.replace(brief.people[3], participant=False)
    brief.people[4] = dataclasses.replace(brief.people[4], participant=False)
    hint = source_hint("participants", HELP, brief)
    assert hint == ("Empty: the memo lists the 3 people marked \u201cTook part\u201d in People; "
                    "the other 2 under \u201cAlso mentioned\u201d.")
    # The memo itself: three names under Participants, the other two also mentioned.
    brief.template = "meeting-readout"
    page = render_html(brief, TemplateLibrary().get("meeting-readout"))
    start = page.index("Also mentioned")
    mentioned = page[start:page.index("</p>", start)]
    assert "Daniel Brunner" in mentioned
    assert "Ilse Varga" in mentioned
    assert "Anika Solberg" not in mentioned


def test_the_hint_goes_when_the_field_has_a_value_or_no_one_is_listed():
    brief = sample_brief()
    brief.fields["participants"] = [{"name": "Anika Solberg"}]
    assert source_hint("participants", HELP, brief) == ""
    brief.fields.pop("participants")
    brief.people = []
    assert source_hint("participants", HELP, brief) == ""


def test_an_empty_meeting_date_says_the_event_date_the_memo_prints():
    template = TemplateLibrary().get("meeting-readout")
    spec = template.field("date")
    assert spec is not None
    brief = sample_brief()
    brief.template = "meeting-readout"
    brief.fields.pop("date", None)
    brief.fields["event_date"] = "2026-03-12"
    brief.fields["event_date_guessed"] = True
    hint = source_hint("date", spec.help, brief)
    assert hint == ("Empty: the memo shows 2026-03-12, the date of the event found in the "
                    "text (a guess: check it).")
    assert "12 March 2026" in render_html(brief, template)
    brief.fields["date"] = "2026-03-14"
    assert source_hint("date", spec.help, brief) == ""


def test_the_location_hint_says_whether_the_venue_is_the_dateline_or_the_meeting_sentence():
    spec = TemplateLibrary().get("meeting-readout").field("location")
    assert spec is not None
    brief = sample_brief()
    brief.fields.pop("location", None)
    assert source_hint("location", spec.help, brief) == (
        "Empty: the memo shows \u201cGeneva\u201d, from the dateline.")
    # A pasted readout with no dateline: the venue is where the text says they met.
    source = brief.sources[0]
    brief.sources[0] = dataclasses.replace(source, dateline=None, venue="Kettle Strait")
    assert source_hint("location", spec.help, brief) == (
        "Empty: the memo shows \u201cKettle Strait\u201d, where the text says the meeting "
        "took place.")
