"""Normalising the many ways articles write their dates to ISO ``YYYY-MM-DD``."""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as date_parser  # type: ignore[import-untyped, unused-ignore]

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")


def iso_date(value: object) -> str | None:
    """``value`` (a date, date-time or date text) as ``YYYY-MM-DD``; None when it is not one.

    Text without a year (``March 13``) is not a publication date and gives None.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%Y-%m-%d")
    text = str(value).strip()
    if not text or len(text) > 80:
        return None
    if _ISO_DATE.match(text):
        try:
            return dt.date.fromisoformat(text[:10]).isoformat()
        except ValueError:
            return None
    if not re.search(r"\b\d{4}\b", text):
        return None
    try:
        parsed = date_parser.parse(text, fuzzy=True, default=dt.datetime(1900, 1, 1))
    except (ValueError, OverflowError, TypeError):
        return None
    if parsed.year < 1900:
        return None
    result: str = parsed.strftime("%Y-%m-%d")
    return result
