"""Tests for briefgen/intake/dates.py: publication dates to ISO."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.intake.dates import iso_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2026-03-13", "2026-03-13"),
        ("2026-03-13T09:30:00Z", "2026-03-13"),
        ("March 13, 2026", "2026-03-13"),
        ("13 March 2026, 10:00 GMT", "2026-03-13"),
        ("Fri, 13 Mar 2026 09:00:00 +0000", "2026-03-13"),
        (dt.date(2026, 3, 13), "2026-03-13"),
        (dt.datetime(2026, 3, 13, 8, 0), "2026-03-13"),
    ],
)
def test_dates_are_written_as_iso(value: object, expected: str) -> None:
    assert iso_date(value) == expected


@pytest.mark.parametrize("value", [None, "", "March 13", "yesterday", "2026-13-45", "x" * 200])
def test_text_that_is_not_a_full_date_gives_none(value: object) -> None:
    assert iso_date(value) is None
