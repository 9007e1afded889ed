"""Dates: every date expression, resolved to a calendar date against the publication date."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dateutil import parser as date_parser  # type: ignore[import-untyped, unused-ignore]
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from briefgen.extract.parse import Parsed, entities_in
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
# Present-tense verbs that describe a state rather than schedule an event.
_STATIVE = {
    "be", "have", "say", "tell", "know", "think", "believe", "remain", "seem", "mean",
    "follow", "precede", "come", "mark", "include", "recall", "show",
}
# Verbs whose dated object is still to come when they are not in the past ("called for him
# to cancel Monday's summit", "urged her to attend the Friday session").
_UPCOMING_VERBS = {"cancel", "postpone", "delay", "attend", "skip", "boycott", "prepare", "await"}
# Modals that put a plain verb in the future ("could take place on Tuesday"); with "have"
# they look back ("could have met on Tuesday").
_FUTURE_MODALS = {"will", "shall", "'ll", "wo", "could", "may", "might", "should", "would", "ca"}
# A day range ("May 13-14", "13-14 May"): its first day stands for it.
_DAY_RANGE = re.compile(
    r"(?<![\d-])\b(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|\u2013)\s*\d{1,2}(?:st|nd|rd|th)?\b(?!-)"
)
# Written dates spaCy's small model can miss or mislabel ("Trump's July 25 call" as an
# organisation, "the September 11, 2001 attacks" as an event, "Monday night" as a time).
_WRITTEN_DATE = re.compile(
    rf"\b(?:(?:{'|'.join(m.capitalize() for m in MONTHS)}|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d{1,2}(?:st|nd|rd|th)?"
    r"(?:\s*(?:-|\u2013)\s*\d{1,2})?(?:,?\s+(?:1[89]|2[01])\d\d)?"
    rf"|\d{{1,2}}\s+(?:{'|'.join(m.capitalize() for m in MONTHS)})(?:\s+(?:1[89]|2[01])\d\d)?"
    rf"|(?:(?:late|early|last|next|this past|this coming|this)\s+)?"
    rf"(?:{'|'.join(w.capitalize() for w in WEEKDAYS)})"
    r"(?:\s+(?:morning|afternoon|evening|night))?)\b(?!\s+\d)"
)

_DAY_NAMES = re.compile(
    rf"\b(?:{'|'.join(WEEKDAYS)}|today|tonight|yesterday|tomorrow)\b", re.IGNORECASE
)

_SPEAKERS_DAY = re.compile(r"^(?:today|tonight|this (?:morning|afternoon|evening))\b", re.I)

# How sure a resolved date is, from the evidence the rule used (DESIGN: "every extracted
# item says how sure it is"); compared with briefgen.model.CHECK_THRESHOLD.
WRITTEN_WITH_YEAR = 0.97  # "27 February 2024", "2026-01-05"
NEAR_DAY = 0.9  # "today", "yesterday", "three days ago": one reading only
MARKED_WEEKDAY = 0.9  # "last Thursday", "next Monday", "this past Sunday"
WEEKDAY_BY_TENSE = 0.85  # "met on Thursday" / "will meet on Thursday": the tense decides
YEAR_NEAR = 0.85  # "February 27" within four months of the publication date
YEAR_BY_TENSE = 0.8  # "December 20" moved to next year because the sentence is in the future
WEEK_START = 0.75  # "next week" as its Monday: a week, not a day
WEEKDAY_UNTENSED = 0.65  # "Thursday" in a sentence whose tense the parse cannot tell
YEAR_GUESSED = 0.55  # a month and day far from the publication date, the year a guess


@dataclass(frozen=True)
class Resolution:
    """A resolved date and how sure it is; both ``None`` when the text names no day."""

    date: dt.date | None
    confidence: float | None = None


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
    return resolve_with_confidence(text, reference, future=future).date


def resolve_with_confidence(
    text: str, reference: dt.date | None, *, future: bool | None = None
) -> Resolution:
    """:func:`resolve_date` with the confidence of the rule that resolved it."""
    low = " ".join(text.lower().replace("\u2019", "'").split())
    low = re.sub(r"'s$", "", low)
    low = re.sub(r"^(?:on|by|since|from|until|till|before|after|as of|the|of)\s+", "", low)
    low = _DAY_RANGE.sub(r"\1", low)
    if _HAS_DAY.search(low):
        return _absolute(low, reference, future)
    if reference is None:
        return Resolution(None)
    low = re.sub(r"^(?:later|earlier|late|early)\s+(?:on\s+)?(?=\w+day\b)", "", low)
    if low in {"today", "tonight", "this morning", "this afternoon", "this evening"}:
        return Resolution(reference, NEAR_DAY)
    if low in {"yesterday", "last night", "yesterday morning", "yesterday afternoon"}:
        return Resolution(reference - dt.timedelta(days=1), NEAR_DAY)
    if low in {"tomorrow", "tomorrow morning", "tomorrow afternoon"}:
        return Resolution(reference + dt.timedelta(days=1), NEAR_DAY)
    ago = _AGO.search(low)
    if ago:
        count = _NUMBER_WORDS.get(ago.group(1))
        if count is None and ago.group(1).isdigit():
            count = int(ago.group(1))
        if count is not None:
            days = count * (7 if ago.group(2) == "week" else 1)
            return Resolution(reference - dt.timedelta(days=days), NEAR_DAY)
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
        return Resolution(monday + dt.timedelta(days=weeks[low]), WEEK_START)
    return _weekday(low, reference, future)


def _absolute(low: str, reference: dt.date | None, future: bool | None) -> Resolution:
    """A written date ("February 27", "27 Feb 2026", "2026-02-27"), the year inferred."""
    has_year = bool(_HAS_YEAR.search(low))
    base = reference or dt.date(2000, 1, 1)
    cleaned = re.sub(r"\b(" + "|".join(WEEKDAYS) + r"),?\s*", "", low)
    cleaned = re.sub(r"^(?:early|late|mid|the)\s+", "", cleaned)
    try:
        parsed = date_parser.parse(cleaned, default=dt.datetime(base.year, 1, 1), fuzzy=True)
    except (ValueError, OverflowError):
        return Resolution(None)
    day: dt.date = parsed.date()
    if has_year:
        return Resolution(day, WRITTEN_WITH_YEAR)
    if reference is None:
        return Resolution(None)
    ahead = (day - reference).days
    if ahead > (183 if future is not False else 120) and future is not True:
        day = _shift_year(day, -1)
    elif ahead < -183 and future is not False:
        day = _shift_year(day, 1)
    else:
        near = abs(ahead) <= 122
        return Resolution(day, YEAR_NEAR if near else YEAR_GUESSED)
    return Resolution(day, YEAR_BY_TENSE if future is not None else YEAR_GUESSED)


def _shift_year(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _weekday(low: str, reference: dt.date, future: bool | None) -> Resolution:
    """ "Thursday", "last Thursday", "next Thursday", "on Thursday" against ``reference``.

    A bare weekday is the most recent such day, the publication day included; in a future
    sentence it is the coming one, the publication day included ("is set to announce the
    terms later on Wednesday" in a Wednesday story is that day).
    """
    match = re.fullmatch(
        r"(last|next|this|this coming|coming|past|this past)?\s*(\w+?)(?:'s)?"
        r"(?:\s+(?:morning|afternoon|evening|night))?",
        low,
    )
    if not match or match.group(2) not in WEEKDAYS:
        return Resolution(None)
    target = WEEKDAYS.index(match.group(2))
    modifier = match.group(1) or ""
    back = (reference.weekday() - target) % 7
    ahead = (target - reference.weekday()) % 7
    if modifier in {"last", "past", "this past"}:
        return Resolution(reference - dt.timedelta(days=back or 7), MARKED_WEEKDAY)
    if modifier in {"next", "coming", "this coming"}:
        return Resolution(reference + dt.timedelta(days=ahead or 7), MARKED_WEEKDAY)
    if future:
        return Resolution(reference + dt.timedelta(days=ahead), WEEKDAY_BY_TENSE)
    sure = WEEKDAY_BY_TENSE if future is False or back == 0 else WEEKDAY_UNTENSED
    return Resolution(reference - dt.timedelta(days=back), sure)


def sentence_future(ent: SpacySpan) -> bool | None:
    """True for a future sentence, False for a past one, None when it cannot tell.

    The tense is read on the verb the date hangs on and, for an infinitive or participle
    ("are scheduled to be arraigned Thursday", "to be published Sunday"), on the verbs
    that govern it.
    """
    if _invited_to(ent):
        return True
    token = ent.root
    for _ in range(6):
        if token.pos_ in {"VERB", "AUX"} or token.head.i == token.i:
            break
        token = token.head
    head = ent.root.head
    direct = head.i == token.i or (
        head.dep_ in {"prep", "dobj"} and head.head.i == token.i
    )  # "holds a hearing Monday": the date hangs on the verb or its object
    for _ in range(4):
        tense = _verb_tense(token, present_schedules=direct)
        direct = False
        if tense is None and _deadline(ent, token):
            return True
        if tense is not None or token.dep_ not in {"xcomp", "conj", "acl", "advcl"}:
            return tense
        token = token.head
    return None


# Verbs that ask someone to an event still to come.
_INVITING = {"invite", "summon"}


def _invited_to(ent: SpacySpan) -> bool:
    """True for the day of an event someone is invited to ("has invited union leaders to
    a meeting on Saturday"): the event is ahead, however the invitation is told."""
    prep = ent.root.head
    event = prep.head if prep.dep_ == "prep" else None
    if event is None or event.pos_ != "NOUN" or event.dep_ != "pobj":
        return False
    goal = event.head
    return goal.lower_ in {"to", "for"} and goal.head.lemma_.lower() in _INVITING


# Prepositions that make a date a limit ("have until Friday", "must reply by Monday").
_LIMITS = {"until", "till", "by", "before"}


def _deadline(ent: SpacySpan, verb: Token) -> bool:
    """True for a limit set in the present on a clause that shows no tense of its own: "the
    parties have until Friday to respond" (not "had until Friday", which is told as past)."""
    head = ent.root.head
    if head.dep_ != "prep" or head.lower_ not in _LIMITS:
        return False
    return verb.tag_ in {"VBZ", "VBP"} and not any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in verb.children
    )


def _verb_tense(token: Token, *, present_schedules: bool = False) -> bool | None:
    """The tense one verb shows: True future, False past, None when it shows none.

    With ``present_schedules`` (the date hangs on the verb itself) a plain present tense
    schedules an event ("the commission holds a hearing Wednesday").
    """
    auxes = [c for c in token.children if c.dep_ in {"aux", "auxpass"}]
    if any(c.lower_ == "have" for c in auxes):
        return False
    if any(c.lower_ in _FUTURE_MODALS for c in auxes):
        return True
    if token.lemma_ in _FUTURE_HEADS and token.tag_ != "VBD":
        return True
    if token.lemma_ in _UPCOMING_VERBS and token.tag_ in {"VB", "VBG", "VBP", "VBZ"}:
        return True
    if any(c.lower_ == "to" for c in auxes) or (token.head.lemma_ in _FUTURE_HEADS):
        return True if token.head.tag_ != "VBD" or token.head.lemma_ == "be" else None
    scheduling = present_schedules and token.lemma_ not in _STATIVE
    if scheduling and token.tag_ in {"VBZ", "VBP"} and not auxes:
        return True  # "the commission holds a hearing Wednesday": a scheduled event
    if any(c.tag_ == "VBD" for c in auxes) or token.tag_ == "VBD":
        return False
    if token.tag_ == "VBN" and not auxes:
        return False
    return None


def is_date_expression(text: str) -> bool:
    """True for a date or date-like period; False for durations ("six years") and the like."""
    low = text.lower().strip()
    if _DURATION.match(low) and "ago" not in low:
        return False
    return bool(_DATE_WORDS.search(low))


def find_dates(parsed: Parsed, reference: dt.date | None) -> list[FoundDate]:
    """Every date expression of a source, in order, resolved against ``reference``.

    spaCy's DATE entities, its TIME entities that name a day ("Monday night"), and the
    written dates and weekdays its small model leaves out or mislabels.
    """
    text = parsed.text
    dateline_end = parsed.dateline.end if parsed.dateline else 0
    found: list[FoundDate] = []
    sent_index = 0
    for offset, sent in parsed.sentences():
        spans = [e for e in entities_in(sent) if _is_date_entity(e)]
        taken = [(e.start_char, e.end_char) for e in spans]
        for match in _WRITTEN_DATE.finditer(sent.text):
            start, end = sent.start_char + match.start(), sent.start_char + match.end()
            if any(a < end and start < b for a, b in taken):
                continue
            extra = sent.doc.char_span(start, end, alignment_mode="expand")
            if extra is not None:
                spans.append(extra)
                taken.append((start, end))
        spans.sort(key=lambda e: e.start_char)
        for ent in spans:
            start, end = offset + ent.start_char, offset + ent.end_char
            if _SPEAKERS_DAY.match(ent.text) and _inside_quote(text, start):
                continue  # "Today's hearing ...," she said: the speaker's day, not a date
            if text[start:end].lower().startswith("the "):
                start += 4
            resolved = resolve_with_confidence(ent.text, reference, future=sentence_future(ent))
            mention = DateMention(
                text=" ".join(text[start:end].split()),
                date=resolved.date.isoformat() if resolved.date else None,
                spans=[Span(parsed.source.id, start, end)],
                confidence=resolved.confidence,
            )
            found.append(FoundDate(mention, start < dateline_end, sent_index))
        sent_index += 1
    return found


def _inside_quote(text: str, start: int) -> bool:
    """True when ``start`` sits inside quotation marks opened in its paragraph."""
    before = text[text.rfind("\n", 0, start) + 1 : start]
    return before.count("\u201c") > before.count("\u201d") or before.count('"') % 2 == 1


def _is_date_entity(ent: SpacySpan) -> bool:
    """A DATE entity that is a date, or a TIME entity that names its day ("Monday night")."""
    if ent.label_ == "DATE":
        return is_date_expression(ent.text)
    return ent.label_ == "TIME" and bool(_DAY_NAMES.search(ent.text))


def merge_dates(found: list[FoundDate]) -> list[DateMention]:
    """One DateMention per (expression, resolved date), every mention's span kept."""
    merged: dict[tuple[str, str | None], DateMention] = {}
    for item in found:
        key = (text_key(item.mention.text), item.mention.date)
        if key in merged:
            merged[key].spans.extend(item.mention.spans)
        else:
            merged[key] = DateMention(
                item.mention.text,
                item.mention.date,
                list(item.mention.spans),
                item.mention.confidence,
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
