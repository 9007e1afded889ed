"""How memos write dates: the one default format and the strftime codes briefgen supports."""

from __future__ import annotations

import datetime as dt
from typing import Any

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DEFAULT_DATE_FORMAT = "%d %B %Y"
# strftime codes that depend only on the date (never on the locale), delegated as they are.
_NUMERIC_CODES = frozenset("dmyYjUWuwGV")
_NAME_CODES = frozenset("aAbBh")
_UNPADDED_CODES = frozenset("dme")
DATE_FORMAT_CODES = _NUMERIC_CODES | _NAME_CODES | {"e", "%"}


def _directives(date_format: str) -> list[str] | None:
    """The format split into literal text and ``%X`` / ``%-X`` directives, or ``None`` if it
    holds a code outside DATE_FORMAT_CODES, a lone ``%`` at the end, or no date code at all."""
    parts: list[str] = []
    has_code = False
    i = 0
    while i < len(date_format):
        char = date_format[i]
        if char != "%":
            parts.append(char)
            i += 1
            continue
        code = date_format[i + 1 : i + 2]
        if code == "-":
            code = date_format[i + 2 : i + 3]
            if code not in _UNPADDED_CODES:
                return None
            parts.append("%-" + code)
            i += 3
        elif code in DATE_FORMAT_CODES and code:
            parts.append("%" + code)
            i += 2
        else:
            return None
        has_code = has_code or code != "%"
    return parts if has_code else None


def valid_date_format(date_format: Any) -> str:
    """``date_format`` if briefgen can write dates with it, else DEFAULT_DATE_FORMAT.

    Supported: the strftime date codes ``%d %m %y %Y %j %U %W %u %w %G %V %%``, the
    names ``%B %b %h %A %a`` (always English), ``%e`` and the unpadded ``%-d %-m %-e``.
    Time and locale codes (``%H``, ``%c``, ``%x`` ...) are refused, as is a format with
    no date code in it.
    """
    if isinstance(date_format, str) and _directives(date_format) is not None:
        return date_format
    return DEFAULT_DATE_FORMAT


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def format_date(day: dt.date, date_format: str = DEFAULT_DATE_FORMAT) -> str:
    """``day`` written with ``date_format`` (see valid_date_format; an invalid format gives
    the default), with English month and day names whatever the process locale.

    Next to a month name (``%B``, ``%b``), ``%d`` is written without its leading zero, so
    the default gives ``3 March 2026`` and ``%B %d, %Y`` gives ``March 3, 2026``; numeric
    formats keep it (``03/03/2026``).
    """
    parts = _directives(date_format)
    if parts is None:
        parts = _directives(DEFAULT_DATE_FORMAT) or []
    named_month = any(p in ("%B", "%b", "%h") for p in parts)
    out: list[str] = []
    for part in parts:
        if len(part) == 1 or part == "%%":
            out.append(part[-1])
        elif part in ("%B", "%b", "%h"):
            month = _MONTHS[day.month - 1]
            out.append(month if part == "%B" else month[:3])
        elif part in ("%A", "%a"):
            weekday = _WEEKDAYS[day.weekday()]
            out.append(weekday if part == "%A" else weekday[:3])
        elif part in ("%-d", "%-e") or (part == "%d" and named_month):
            out.append(str(day.day))
        elif part == "%e":
            out.append(f"{day.day:2d}")
        elif part == "%-m":
            out.append(str(day.month))
        elif part == "%Y":
            out.append(str(day.year))
        else:
            out.append(day.strftime(part))
    return "".join(out)


def long_date(value: Any, date_format: str = DEFAULT_DATE_FORMAT) -> str:
    """An ISO date (``YYYY-MM-DD``, a date-time, or a date) written with ``date_format``
    (the default gives ``13 March 2026``; see format_date).

    Anything that is not a recognisable date is returned as it was, as text; ``None``
    and empty values give an empty string.
    """
    if value is None or value == "":
        return ""
    day = _as_date(value)
    if day is None:
        return str(value).strip()
    return format_date(day, date_format)
