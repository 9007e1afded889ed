"""How memos write dates: English names, the supported strftime codes, the one default."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.render.dates import DEFAULT_DATE_FORMAT, long_date, valid_date_format


def test_long_date_formats_iso_dates_and_keeps_other_text() -> None:
    assert long_date("2026-03-13") == "13 March 2026"
    assert long_date("2026-03-13T10:00:00+01:00") == "13 March 2026"
    assert long_date(dt.date(2026, 4, 30)) == "30 April 2026"
    assert long_date("next Tuesday") == "next Tuesday"
    assert long_date(None) == ""


@pytest.mark.parametrize(
    ("date_format", "third", "thirtieth"),
    [
        ("%d %B %Y", "3 March 2026", "30 April 2026"),
        ("%B %d, %Y", "March 3, 2026", "April 30, 2026"),
        ("%Y-%m-%d", "2026-03-03", "2026-04-30"),
        ("%d/%m/%Y", "03/03/2026", "30/04/2026"),
        ("%a %-d %b %y", "Tue 3 Mar 26", "Thu 30 Apr 26"),
        ("%A %e.%-m. (%j) 100%%", "Tuesday  3.3. (062) 100%", "Thursday 30.4. (120) 100%"),
    ],
)
def test_long_date_writes_each_format(date_format: str, third: str, thirtieth: str) -> None:
    assert long_date("2026-03-03", date_format) == third
    assert long_date(dt.date(2026, 4, 30), date_format) == thirtieth
    assert long_date("2026-04-30T23:30:00-05:00", date_format) == thirtieth
    assert long_date("in the spring", date_format) == "in the spring"


class _NoLocaleNames(dt.date):
    """A date whose strftime refuses the locale-dependent name codes."""

    def strftime(self, fmt: str) -> str:
        assert not any(code in fmt for code in ("%a", "%A", "%b", "%B", "%h")), fmt
        return super().strftime(fmt)


def test_month_and_day_names_are_english_and_never_asked_of_the_locale() -> None:
    day = _NoLocaleNames(2026, 12, 6)
    assert long_date(day, "%A %d %B %Y") == "Sunday 6 December 2026"
    assert long_date(day, "%a, %b %d, %Y") == "Sun, Dec 6, 2026"
    assert long_date(day, "%d/%m/%Y") == "06/12/2026"


@pytest.mark.parametrize(
    "date_format", ["%H:%M", "%d %B %Y %c", "%x", "", "no codes here", "100%", "%-y", "%Q", "%%"]
)
def test_an_unusable_format_falls_back_to_the_default(date_format: str) -> None:
    assert valid_date_format(date_format) == DEFAULT_DATE_FORMAT
    assert long_date("2026-03-13", date_format) == "13 March 2026"


def test_valid_formats_are_kept_and_non_text_is_refused() -> None:
    assert valid_date_format("%Y-%m-%d") == "%Y-%m-%d"
    assert valid_date_format(None) == DEFAULT_DATE_FORMAT
    assert valid_date_format(20260313) == DEFAULT_DATE_FORMAT
