"""Dates: every date expression, resolved to a calendar date against the publication date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil import parser as date_parser  # type: ignore[import-untyped, unused-ignore]
from spacy.tokens import Span as SpacySpan

from briefgen.extract.parse import Parsed
from briefgen.model import DateMention, Span
from briefgen.text.normalise import text_key

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_RE = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_HAS_DAY = re.compile(
    rf"\b{_MONTH_RE}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?"
    rf"{_MONTH_RE}|\b\d{{4}}-\d{{2}}-\d{{2}}\b",
    re.IGNORECASE,
)
_HAS_YEAR = re.compile(r"\b(1[89]\d\d|2[01]\d\d)\b")
_AGO = re.compile(r"\b(\w+|\d+)\s+(day|week)s?\s+ago\b")
_NUMBER_WORDS = {
    "a": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_DATE_WORDS = re.compile(
    rf"\b(?:{'|'.join(WEEKDAYS)}|{_MONTH_RE}|today|tonight|yesterday|tomorrow|week|month|year|"
    r"ago|weekend|\d{4})\b",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"^(?:about|nearly|almost|more than|less than|over|some|around|at least|up to|just|"
    r"the past|the last|the next|the previous|the coming|the first|the)?\s*"
    r"(?!(?:last|next|this|that|coming|past|previous|every|each)\b)"
    r"(?:\w+|\d+)(?:[- ]and[- ]a[- ]half)?[- ](?:years?|months?|weeks?|days?|decades?|"
    r"centuries?)(?:[- ]old|[- ]long)?$",
    re.IGNORECASE,
)
_FUTURE_HEADS = {"expect", "schedule", "set", "due", "plan", "intend", "hope", "aim", "will"}


@dataclass
class FoundDate:
    """A date mention with whether it sits in the dateline."""

    mention: DateMention
    in_dateline: bool
    sentence_index: int


def resolve_date(
    text: str, reference: dt.date | None, *, future: bool | None = None
) -> dt.date | None:
    """The calendar date ``text`` names, read against ``reference``; None when unknowable.

    ``future`` is the tense of the sentence (True: "will meet on Thursday"); weekdays
    default to the past, month-day dates to the year nearest the reference.
    """
    low = " ".join(text.lower().replace("\u2019", "'").split())
    low = re.sub(r"'s$", "", low)
    low = re.sub(r"^(?:on|by|since|from|until|till|before|after|as of|the|of)\s+", "", low)
    if _HAS_DAY.search(low):
        return _absolute(low, reference, future)
    if reference is None:
        return None
    if low in {"today", "tonight", "this morning", "this afternoon", "this evening"}:
        return reference
    if low in {"yesterday", "last night", "yesterday morning", "yesterday afternoon"}:
        return reference - dt.timedelta(days=1)
    if low in {"tomorrow", "tomorrow morning", "tomorrow afternoon"}:
        return reference + dt.timedelta(days=1)
    ago = _AGO.search(low)
    if ago:
        count = _NUMBER_WORDS.get(ago.group(1))
        if count is None and ago.group(1).isdigit():
            count = int(ago.group(1))
        if count is not None:
            days = count * (7 if ago.group(2) == "week" else 1)
            return reference - dt.timedelta(days=days)
    monday = reference - dt.timedelta(days=reference.weekday())
    weeks = {
        "last week": -7,
        "this week": 0,
        "next week": 7,
        "the coming week": 7,
        "the past week": -7,
        "earlier this week": 0,
        "later this week": 0,
    }
    if low in weeks:
        return monday + dt.timedelta(days=weeks[low])
    return _weekday(low, reference, future)


def _absolute(low: str, reference: dt.date | None, future: bool | None) -> dt.date | None:
    """A written date ("February 27", "27 Feb 2026", "2026-02-27"), the year inferred."""
    has_year = bool(_HAS_YEAR.search(low))
    base = reference or dt.date(2000, 1, 1)
    cleaned = re.sub(r"\b(" + "|".join(WEEKDAYS) + r"),?\s*", "", low)
    cleaned = re.sub(r"^(?:early|late|mid|the)\s+", "", cleaned)
    try:
        parsed = date_parser.parse(cleaned, default=dt.datetime(base.year, 1, 1), fuzzy=True)
    except (ValueError, OverflowError):
        return None
    day: dt.date = parsed.date()
    if has_year:
        return day
    if reference is None:
        return None
    ahead = (day - reference).days
    if ahead > (183 if future is not False else 120) and future is not True:
        day = _shift_year(day, -1)
    elif ahead < -183 and future is not False:
        day = _shift_year(day, 1)
    return day


def _shift_year(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _weekday(low: str, reference: dt.date, future: bool | None) -> dt.date | None:
    """ "Thursday", "last Thursday", "next Thursday", "on Thursday" against ``reference``."""
    match = re.fullmatch(
        r"(last|next|this|this coming|coming|past)?\s*(\w+?)(?:'s)?"
        r"(?:\s+(?:morning|afternoon|evening|night))?",
        low,
    )
    if not match or match.group(2) not in WEEKDAYS:
        return None
    target = WEEKDAYS.index(match.group(2))
    modifier = match.group(1) or ""
    back = (reference.weekday() - target) % 7
    ahead = (target - reference.weekday()) % 7
    if modifier in {"last", "past"}:
        return reference - dt.timedelta(days=back or 7)
    if modifier in {"next", "coming", "this coming"} or future:
        return reference + dt.timedelta(days=ahead or 7)
    return reference - dt.timedelta(days=back)


def sentence_future(ent: SpacySpan) -> bool | None:
    """True for a future sentence, False for a past one, None when it cannot tell."""
    token = ent.root
    for _ in range(6):
        if token.pos_ in {"VERB", "AUX"} or token.head is token:
            break
        token = token.head
    for child in token.children:
        if child.dep_ in {"aux", "auxpass"} and child.lower_ in {"will", "shall", "'ll", "wo"}:
            return True
    if token.lemma_ in _FUTURE_HEADS:
        return True
    if token.tag_ in {"VBD", "VBN"}:
        return False
    if token.tag_ in {"VB", "VBZ", "VBP"} and any(
        c.lower_ == "to" and c.dep_ == "aux" for c in token.children
    ):
        return True
    return None


def is_date_expression(text: str) -> bool:
    """True for a date or date-like period; False for durations ("six years") and the like."""
    low = text.lower().strip()
    if _DURATION.match(low) and "ago" not in low:
        return False
    return bool(_DATE_WORDS.search(low))


def find_dates(parsed: Parsed, reference: dt.date | None) -> list[FoundDate]:
    """Every date expression of a source, in order, resolved against ``reference``."""
    text = parsed.text
    dateline_end = parsed.dateline.end if parsed.dateline else 0
    found: list[FoundDate] = []
    sent_index = 0
    for offset, sent in parsed.sentences():
        for ent in sent.ents:
            if ent.label_ != "DATE" or not is_date_expression(ent.text):
                continue
            start, end = offset + ent.start_char, offset + ent.end_char
            if text[start:end].lower().startswith("the "):
                start += 4
            resolved = resolve_date(ent.text, reference, future=sentence_future(ent))
            mention = DateMention(
                text=" ".join(text[start:end].split()),
                date=resolved.isoformat() if resolved else None,
                spans=[Span(parsed.source.id, start, end)],
            )
            found.append(FoundDate(mention, start < dateline_end, sent_index))
        sent_index += 1
    return found


def merge_dates(found: list[FoundDate]) -> list[DateMention]:
    """One DateMention per (expression, resolved date), every mention's span kept."""
    merged: dict[tuple[str, str | None], DateMention] = {}
    for item in found:
        key = (text_key(item.mention.text), item.mention.date)
        if key in merged:
            merged[key].spans.extend(item.mention.spans)
        else:
            merged[key] = DateMention(
                item.mention.text, item.mention.date, list(item.mention.spans)
            )
    return list(merged.values())


def event_date(found: list[FoundDate], reference: dt.date | None) -> str | None:
    """The date the reported event happened: the first day named in the lead, else the reference."""
    for item in found:
        if item.in_dateline or item.sentence_index > 3 or item.mention.date is None:
            continue
        day = dt.date.fromisoformat(item.mention.date)
        if reference is None or abs((day - reference).days) <= 31:
            return item.mention.date
    return reference.isoformat() if reference else None


def reference_of(published: str | None) -> dt.date | None:
    """The publication date of a source as a date, or None."""
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
