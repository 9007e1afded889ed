"""The details of a source the user may set: title, publisher and publication date.

Intake fills them when the article says (a pasted text often does not). The publication
date is the reference against which extraction resolves relative dates ("Thursday",
"last week"), so a changed date means extracting again; pure Brief logic, no Qt.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt

from briefgen.model.brief import Brief


@dataclasses.dataclass(frozen=True)
class SourceDetails:
    """What the user sees and sets of one source (``None``: not known)."""

    title: str | None
    publisher: str | None
    published: str | None  # YYYY-MM-DD


def details_of(brief: Brief, source_id: str) -> SourceDetails | None:
    """The details of source ``source_id`` as the user edits them (``None``: no such
    source); a publication date-time is shown as its date."""
    source = brief.source(source_id)
    if source is None:
        return None
    published = source.published[:10] if source.published else None
    return SourceDetails(source.title, source.publisher, published)


def parse_published(text: str) -> str | None:
    """``text`` as a publication date (``YYYY-MM-DD``); ``None`` for an empty text.

    Raises ValueError with one sentence when it is not a calendar date.
    """
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        raise ValueError(
            f"\u201c{text}\u201d is not a date: write it as year-month-day, e.g. 2026-03-05."
        ) from None


def with_source_details(
    brief: Brief, source_id: str, details: SourceDetails
) -> tuple[Brief, bool]:
    """A copy of ``brief`` whose source ``source_id`` has ``details`` (texts stripped, empty
    ones ``None``), and whether its publication date changed (the relative dates of its
    items must then be resolved again). ``brief`` itself is not changed.

    A date-time the source had keeps its time when its date stays the same. Raises
    KeyError for an unknown source and ValueError for a date that is not ``YYYY-MM-DD``.
    """
    source = brief.source(source_id)
    if source is None:
        raise KeyError(source_id)
    published = parse_published(details.published or "")
    if source.published and published == source.published[:10]:
        published = source.published
    changed = published != source.published
    fresh = copy.deepcopy(brief)
    fresh.sources = [
        dataclasses.replace(
            item, title=_clean(details.title), publisher=_clean(details.publisher),
            published=published,
        ) if item.id == source_id else item
        for item in fresh.sources
    ]
    return fresh, changed


def _clean(text: str | None) -> str | None:
    text = " ".join((text or "").split())
    return text or None
