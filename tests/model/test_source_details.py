"""Setting a source's title, publisher and publication date, and re-resolving its dates."""

from __future__ import annotations

import pytest

from briefgen.extract import extract_brief
from briefgen.model import Brief, Source
from briefgen.model.edits import item_pointer
from briefgen.model.source_details import (
    SourceDetails,
    details_of,
    parse_published,
    with_source_details,
)

PASTED = (
    "Harbour officials from Lindar and Ovessa met on Thursday in the port town of Kessel "
    "to talk about fishing quotas for the coming season.\n\n"
    "The two delegations will meet again on Monday to settle the last open points, a "
    "Lindari official said after the talks.\n"
)


def _brief(published: str | None = None) -> Brief:
    source = Source(id="s1", text=PASTED, title="Quota talks", published=published,
                    pasted="2026-03-07")
    other = Source(id="s2", text="Another text.", title="Other", publisher="Wire")
    return Brief(sources=[source, other])


def test_details_are_set_on_a_copy_and_only_on_that_source():
    brief = _brief()
    fresh, changed = with_source_details(
        brief, "s1", SourceDetails("  Fishing  quota talks ", "Harbour Post", "2026-03-07"))
    assert changed
    source = fresh.source("s1")
    assert source is not None
    assert (source.title, source.publisher, source.published) == (
        "Fishing quota talks", "Harbour Post", "2026-03-07")
    assert brief.source("s1").published is None  # type: ignore[union-attr]
    assert fresh.source("s2") == brief.source("s2")


def test_empty_texts_clear_a_detail_and_a_kept_date_is_no_change():
    brief = _brief("2026-03-07T09:30:00")
    assert details_of(brief, "s1") == SourceDetails("Quota talks", None, "2026-03-07")
    fresh, changed = with_source_details(brief, "s1", SourceDetails("", " ", "2026-03-07"))
    assert not changed
    source = fresh.source("s1")
    assert source is not None
    assert (source.title, source.publisher) == (None, None)
    assert source.published == "2026-03-07T09:30:00"  # the time is kept with its date


def test_a_date_that_is_not_a_calendar_date_is_refused_in_one_sentence():
    with pytest.raises(ValueError, match="\u201c2026-02-30\u201d is not a date"):
        parse_published("2026-02-30")
    assert parse_published("  ") is None
    with pytest.raises(KeyError):
        with_source_details(_brief(), "nope", SourceDetails(None, None, None))


def test_a_new_date_resolves_the_relative_dates_and_keeps_the_users_edits(nlp):
    first = extract_brief(_brief().sources, nlp)
    by_text = {d.text: d for d in first.dates}
    assert by_text["Thursday"].date is None  # a pasted text: no reference date
    assert by_text["Monday"].date is None
    # The user set the Monday meeting's date by hand.
    row = first.dates.index(by_text["Monday"])
    first.dates[row].date = "2026-03-16"
    first.dates[row].confidence = None
    first.edited.append(item_pointer("dates", row))

    dated, changed = with_source_details(
        first, "s1", SourceDetails("Quota talks", None, "2026-03-07"))
    assert changed
    again = extract_brief(dated.sources, nlp, previous=dated)
    found = {d.text: d.date for d in again.dates}
    assert found["Thursday"] == "2026-03-05"  # the Thursday before Saturday 7 March
    assert found["Monday"] == "2026-03-16"  # the user's own date, not the 9th
    monday_row = next(i for i, d in enumerate(again.dates) if d.text == "Monday")
    assert item_pointer("dates", monday_row) in again.edited
