"""What each memo section holds: the subject line, quotes, source references."""

from __future__ import annotations

import re

from briefgen.model import Brief, Quote, Source, Span
from briefgen.render.textclean import one_line, strip_forbidden

# Nouns naming the event a lead reports, as the subject line names it ("talks").
_EVENT_NOUNS = (
    "talks", "negotiations", "meeting", "summit", "consultations", "dialogue", "visit",
    "conference", "hearing", "trial", "ruling", "verdict", "sentencing", "lawsuit",
    "statement", "agreement", "deal", "merger", "acquisition", "election", "vote",
    "results", "sanctions", "strike", "protest", "announcement", "report",
)
# What a lead's verb says happened, as the subject line names it ("met": a meeting).
_EVENT_VERBS = (
    (r"\bmet\b", "meeting"), (r"\bheld talks\b", "talks"), (r"\btalked\b", "talks"),
    (r"\bpleaded (not )?guilty\b", "plea"), (r"\bwas sentenced\b", "sentencing"),
    (r"\bruled\b", "ruling"), (r"\bsigned\b", "signing"), (r"\bannounced\b", "announcement"),
    (r"\bsaid in a statement\b", "statement"),
)
# Events between two sides: the subject names both ("A–B talks").
_TWO_SIDED = {"talks", "negotiations", "meeting", "summit", "consultations", "dialogue"}
_TWO_SIDED_VERB = {"meeting", "talks"}
# Words that credit a quote to a document rather than to someone.
DOCUMENT_SPEAKERS = frozenset({
    "statement", "statements", "communique", "communiqué", "release", "readout", "letter",
    "letters", "report", "reports", "notice", "filing", "filings", "document", "documents",
    "records",
})
TITLE_WORDS = 10


def _lead(brief: Brief) -> str:
    source = brief.sources[0] if brief.sources else None
    return one_line(strip_forbidden(source.lead or "")) if source else ""


def _surname(name: str) -> str:
    return name.split()[-1] if name.split() else name


def _parties(brief: Brief, lead: str, venue: str, count: int, event_at: int) -> list[str]:
    """The sides the lead names: the participants it names (by surname) when it names
    enough of them, else the organisations and places other than the venue, the first
    ones, or for a one-sided event the one named last before the event."""
    people = [p.name for p in brief.people if p.participant and p.name in lead]
    if len(people) >= count:
        return [one_line(_surname(n)) for n in people[:count]]
    names = [o.name for o in brief.organizations] + [p.name for p in brief.places]
    placed = sorted(
        ((lead.find(n), n) for n in names if n and lead.find(n) >= 0 and n != venue),
        key=lambda item: item[0],
    )
    if count == 1 and event_at >= 0:
        before = [item for item in placed if item[0] < event_at]
        placed = before[-1:] + placed if before else placed
    chosen: list[str] = []
    for _, name in placed:
        if not any(name in other or other in name for other in chosen):
            chosen.append(name)
    if not chosen and brief.organizations:
        chosen.append(brief.organizations[0].name)
    return [one_line(n) for n in chosen[:count]]


def memo_subject(brief: Brief, venue: str, date_text: str) -> str:
    """A subject line a staffer would write, never a sentence cut short: the main source's
    headline when it has one, else built from what extraction found, "<A>–<B> talks on
    <topic>, <place>, <date>", leaving out the parts it did not find."""
    title = one_line(brief.sources[0].title or "") if brief.sources else ""
    if title:
        return title
    lead = _lead(brief)
    low = lead.lower()
    found = [(m.start(), noun) for noun in _EVENT_NOUNS
             for m in [re.search(rf"\b{noun}\b", low)] if m]
    found += [(m.start(), noun) for pattern, noun in _EVENT_VERBS
              for m in [re.search(pattern, low)] if m]
    event_at, event = min(found) if found else (-1, "")
    two = event in _TWO_SIDED or event in _TWO_SIDED_VERB or not event
    parties = _parties(brief, lead, venue, 2 if two else 1, event_at)
    topic = next((one_line(t.text) for t in brief.topics
                  if not event or event not in t.text.lower()), "")
    head = "\u2013".join(parties)
    if event:
        head = f"{head} {event}".strip()
        head = head[:1].upper() + head[1:]
        if topic:
            head += f" on {topic}"
    elif topic:
        head = f"{head}: {topic}" if head else topic[:1].upper() + topic[1:]
    place = venue or next(
        (one_line(p.name) for p in brief.places
         if re.search(rf"\b(in|at) {re.escape(p.name)}\b", lead) and p.name not in parties),
        "",
    )
    parts = [head, place, date_text]
    return ", ".join(p for p in parts if p)


def _issuer(brief: Brief, spans: list[Span]) -> str:
    """The organisation named last before a quote credited to a statement, or ``""``."""
    if not spans:
        return ""
    at = spans[0]
    before = [
        (span.start, org)
        for org in brief.organizations
        for span in org.spans
        if span.source == at.source and 0 < at.start - span.start < 3000
    ]
    return one_line(max(before, key=lambda item: item[0])[1].name) if before else ""


def speaker_label(brief: Brief, quote: Quote) -> str:
    """Who the memo credits a quote to: the speaker, or for words credited to a statement
    (release, communique...) its issuer, "Foreign Ministry statement"; ``""`` if unknown."""
    speaker = one_line(quote.speaker or "")
    words = speaker.lower().removeprefix("the ").removeprefix("a ")
    if not words or words.split()[-1] not in DOCUMENT_SPEAKERS or any(
        c.isupper() for c in speaker.split()[-1]
    ):  # "Ministry Statement" as a name, or a person, is kept as it is
        return speaker
    noun = words.split()[-1]
    noun = noun[:-1] if noun == "statements" else noun
    issuer = _issuer(brief, quote.spans)
    return f"{issuer} {noun}" if issuer else f"{noun[:1].upper()}{noun[1:]} (issuer not named)"


def quote_strength(quote: Quote, label: str) -> tuple[int, int]:
    """Sort key, strongest first: credited to someone before unattributed, then longer."""
    return (0 if label else 1, -min(len(quote.text.split()), 60))


def source_title(source: Source) -> str:
    """The source's title, else the first words of its text (after any dateline)."""
    title = one_line(source.title or "")
    if title:
        return title
    start = source.dateline.end if source.dateline else 0
    words = one_line(strip_forbidden(source.text[start:])).split()
    if len(words) <= TITLE_WORDS:
        return " ".join(words)
    return " ".join(words[:TITLE_WORDS]).rstrip(",;:.") + "\u2026"
