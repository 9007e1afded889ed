"""Dates: every expression, resolved against the publication date when relative."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.extract.dates import (
    event_date,
    find_dates,
    is_date_expression,
    resolve_date,
    resolve_with_confidence,
)
from briefgen.model import CHECK_THRESHOLD

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


THURSDAY = dt.date(2026, 3, 12)


def _resolved(parse, text: str, published: dt.date) -> list[tuple[str, str | None]]:
    found = find_dates(parse(text, published=published.isoformat()), published)
    return [(f.mention.text, f.mention.date) for f in found]


def test_the_publication_weekday_in_a_future_sentence_is_that_day_not_a_week_ahead(parse):
    text = "The company is set to announce the terms later on Thursday."
    assert _resolved(parse, text, THURSDAY) == [("Thursday", "2026-03-12")]


def test_the_publication_weekday_in_a_past_sentence_is_that_day(parse):
    assert _resolved(parse, "The envoys met on Thursday.", THURSDAY) == [
        ("Thursday", "2026-03-12")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The report is to be published Sunday.", "2026-03-15"),
        ("The two men are scheduled to be arraigned Monday morning in Oslo.", "2026-03-16"),
        ("The vote could take place on Tuesday.", "2026-03-17"),
        ("Hill, who will testify Saturday, declined to comment.", "2026-03-14"),
    ],
)
def test_an_upcoming_weekday_in_future_tense_resolves_forward(parse, text, expected):
    ((_, date),) = _resolved(parse, text, THURSDAY)
    assert date == expected


def test_the_day_of_an_event_someone_is_invited_to_is_ahead(parse):
    text = "The ministry has invited union leaders to a meeting on Saturday."
    assert _resolved(parse, text, THURSDAY) == [("Saturday", "2026-03-14")]
    # an invitation told in the past with the day on the invitation stays in the past
    assert _resolved(parse, "The ministry invited them on Tuesday.", THURSDAY) == [
        ("Tuesday", "2026-03-10")
    ]


def test_a_weekday_after_could_have_stays_in_the_past(parse):
    ((_, date),) = _resolved(parse, "They could have met on Tuesday.", THURSDAY)
    assert date == "2026-03-10"


def test_a_day_range_is_read_as_its_first_day_not_as_a_year(parse):
    assert _resolved(parse, "The summit is set for May 13-14 in Vienna.", THURSDAY) == [
        ("May 13-14", "2026-05-13")
    ]
    assert resolve_date("13-14 May", THURSDAY) == dt.date(2026, 5, 13)
    assert resolve_date("2026-01-05", THURSDAY) == dt.date(2026, 1, 5)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The vote came late Tuesday.", ("late Tuesday", "2026-03-10")),
        ("He spoke this past Sunday.", ("this past Sunday", "2026-03-08")),
        ("The deal was announced on Monday night.", ("Monday night", "2026-03-09")),
        ("Talks resumed early Wednesday.", ("early Wednesday", "2026-03-11")),
    ],
)
def test_late_early_and_this_past_weekdays_are_resolved(parse, text, expected):
    assert _resolved(parse, text, THURSDAY) == [expected]


def test_written_dates_the_model_mislabels_are_found(parse):
    text = (
        "Lawmakers asked about the president's July 25 call. "
        "Troops arrived in the wake of the September 11, 2001 attacks."
    )
    assert _resolved(parse, text, THURSDAY) == [
        ("July 25", "2025-07-25"),
        ("September 11, 2001", "2001-09-11"),
    ]


def test_confidence_follows_the_evidence():
    def confidence(text: str, future: bool | None = None) -> float | None:
        return resolve_with_confidence(text, THURSDAY, future=future).confidence

    assert confidence("27 February 2024") > confidence("February 27")  # type: ignore[operator]
    assert confidence("next Monday") > confidence("Monday")  # type: ignore[operator]
    assert confidence("Monday", future=True) > confidence("Monday")  # type: ignore[operator]
    assert confidence("December 20") < CHECK_THRESHOLD  # type: ignore[operator]
    assert confidence("today") >= CHECK_THRESHOLD  # type: ignore[operator]
    assert confidence("last year") is None


def test_a_weekday_event_someone_should_cancel_is_upcoming(parse):
    text = "Democrats called for the president to cancel the Monday session."
    assert _resolved(parse, text, THURSDAY) == [("Monday", "2026-03-16")]


def test_today_said_inside_a_quotation_is_the_speakers_day_not_a_date(parse):
    text = '"Today\'s hearing exposes them," she said. The vote is today.'
    assert _resolved(parse, text, THURSDAY) == [("today", "2026-03-12")]


def test_a_present_tense_event_with_a_weekday_is_upcoming(parse):
    text = "The commission holds a public hearing Monday."
    assert _resolved(parse, text, THURSDAY) == [("Monday", "2026-03-16")]


def test_a_weekday_on_a_noun_after_a_present_verb_stays_in_the_past(parse):
    text = "Her appearance follows the testimony Tuesday of four officials."
    assert _resolved(parse, text, THURSDAY) == [("Tuesday", "2026-03-10")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The parties have until Saturday to answer the offer.", "2026-03-14"),
        ("The court gives the firm until Monday to pay.", "2026-03-16"),
        ("The parties had until Tuesday to answer the offer.", "2026-03-10"),
    ],
)
def test_a_weekday_set_as_a_limit_in_the_present_is_ahead(parse, text, expected):
    ((_, date),) = _resolved(parse, text, THURSDAY)
    assert date == expected
