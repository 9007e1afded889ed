"""Dates: every expression, resolved against the publication date when relative."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.extract.dates import event_date, find_dates, is_date_expression, resolve_date

FRIDAY = dt.date(2026, 3, 13)


@pytest.mark.parametrize(
    ("text", "future", "expected"),
    [
        ("Thursday", None, "2026-03-12"),
        ("on Thursday", None, "2026-03-12"),
        ("Thursday", True, "2026-03-19"),
        ("last Thursday", None, "2026-03-12"),
        ("next Monday", None, "2026-03-16"),
        ("Friday", None, "2026-03-13"),
        ("yesterday", None, "2026-03-12"),
        ("tomorrow", None, "2026-03-14"),
        ("today", None, "2026-03-13"),
        ("three days ago", None, "2026-03-10"),
        ("last week", None, "2026-03-02"),
        ("next week", None, "2026-03-16"),
        ("February 27", None, "2026-02-27"),
        ("April 30", None, "2026-04-30"),
        ("December 20", None, "2025-12-20"),
        ("December 20", True, "2026-12-20"),
        ("27 February 2024", None, "2024-02-27"),
        ("Friday, March 6", None, "2026-03-06"),
        ("2026-01-05", None, "2026-01-05"),
        ("2020", None, None),
        ("last year", None, None),
        ("mid-March", None, None),
    ],
)
def test_resolve_date_against_the_publication_date(text, future, expected):
    resolved = resolve_date(text, FRIDAY, future=future)
    assert (resolved.isoformat() if resolved else None) == expected


def test_relative_dates_stay_unknown_without_a_reference():
    assert resolve_date("Thursday", None) is None
    assert resolve_date("March 3", None) is None
    assert resolve_date("March 3, 2025", None) == dt.date(2025, 3, 3)


def test_durations_are_not_dates():
    assert not is_date_expression("six years")
    assert not is_date_expression("nearly five hours")
    assert is_date_expression("last year")
    assert is_date_expression("six years ago")


def test_find_dates_resolves_each_mention_and_picks_the_event_date(parse):
    text = (
        "GENEVA, March 13 (Meridian Wire) - The envoys met on Thursday for six hours. "
        "They will meet again on Tuesday, and a report is due by April 30."
    )
    found = find_dates(parse(text, published="2026-03-13"), FRIDAY)
    resolved = [(f.mention.text, f.mention.date) for f in found]
    assert resolved == [
        ("March 13", "2026-03-13"),
        ("Thursday", "2026-03-12"),
        ("Tuesday", "2026-03-17"),
        ("April 30", "2026-04-30"),
    ]
    assert found[0].in_dateline
    for f in found:
        (span,) = f.mention.spans
        assert text[span.start : span.end] == f.mention.text
    assert event_date(found, FRIDAY) == "2026-03-12"


def test_event_date_falls_back_to_the_reference(parse):
    found = find_dates(parse("The envoys met for six hours."), FRIDAY)
    assert found == []
    assert event_date(found, FRIDAY) == "2026-03-13"
    assert event_date(found, None) is None
