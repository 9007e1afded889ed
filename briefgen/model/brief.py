"""The Brief and its parts: plain dataclasses with no Qt and no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from briefgen.text.datelines import Dateline

# A header field value: text, a yes/no, a list of strings, or a table (list of rows).
FieldValue = Any

# Items whose ``confidence`` is below this are marked "check this" in the form (never in
# the memo). Extraction rates its evidence so that, on the development data, at least 97%
# of the items at or above it are right; ``None`` (no confidence) is not marked.
CHECK_THRESHOLD = 0.7


def needs_check(confidence: float | None) -> bool:
    """True when an item with this ``confidence`` should be checked by hand."""
    return confidence is not None and confidence < CHECK_THRESHOLD


@dataclass
class Span:
    """Evidence: ``source.text[start:end]`` of the source whose id is ``source``."""

    source: str
    start: int
    end: int


@dataclass
class Source:
    """One article as loaded: its clean main text and the metadata a brief cites.

    Metadata fields are ``None`` when the article does not say. ``published`` is an
    ISO date (``YYYY-MM-DD``) or date-time string. ``dateline`` is the wire dateline
    opening ``text`` (``None``: it has none). Extraction fills ``lead`` (the first
    sentence, without the dateline) and ``venue`` (the dateline's city as the brief's
    place name); both are ``None`` before extraction or when there is none.
    ``pasted`` is the ISO date the user pasted the text (``None``: it came from a file or
    a URL, or from a file saved before the field existed).
    """

    id: str
    text: str
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    url: str | None = None
    published: str | None = None
    path: str | None = None
    sha256: str = ""
    warnings: list[str] = field(default_factory=list)
    dateline: Dateline | None = None
    lead: str | None = None
    venue: str | None = None
    pasted: str | None = None


@dataclass
class Summary:
    """The bottom line up front: one or two sentences a reader could stop after."""

    text: str = ""
    spans: list[Span] = field(default_factory=list)


@dataclass
class KeyPoint:
    """A ranked key point; ``include`` is False when the user leaves it out of the memo."""

    text: str
    spans: list[Span] = field(default_factory=list)
    score: float = 0.0
    include: bool = True


@dataclass
class Person:
    """A named person; ``role`` and ``organization`` are ``None`` when the text gives none.

    ``participant`` is True when the text says the person took part in the event (led,
    represented, attended, met, took part) and False for someone only mentioned (a
    spokesperson commenting afterwards, a minister named in passing). Files written before
    the field existed load as True.

    ``confidence`` (0 to 1) says how sure extraction is of the role; ``None`` when the
    person was typed by hand or read from a file written before the field existed.
    """

    name: str
    role: str | None = None
    organization: str | None = None
    spans: list[Span] = field(default_factory=list)
    participant: bool = True
    confidence: float | None = None


@dataclass
class Organization:
    """An organisation under its canonical name."""

    name: str
    spans: list[Span] = field(default_factory=list)


@dataclass
class Place:
    """A place (country, city, venue) under its canonical name."""

    name: str
    spans: list[Span] = field(default_factory=list)


@dataclass
class DateMention:
    """A date expression; ``date`` is the resolved ``YYYY-MM-DD``, ``None`` if unknowable.

    ``confidence`` (0-1) says how sure the resolution is; ``None`` when no date was
    resolved or the item was typed by the user.
    """

    text: str
    date: str | None = None
    spans: list[Span] = field(default_factory=list)
    confidence: float | None = None


@dataclass
class Quote:
    """A direct quotation (without its marks) and who said it; ``None`` if unattributed.

    ``include`` is False when the memo leaves the quote out: extraction clears it for
    short fragments (scare quotes under six words) and unattributed fragments; the user
    may tick it back. Files written before the field existed load as True.

    ``confidence`` (0 to 1) says how sure extraction is of the speaker; ``None`` when the
    quote was typed by hand or read from a file written before the field existed.
    """

    text: str
    speaker: str | None = None
    speaker_role: str | None = None
    spans: list[Span] = field(default_factory=list)
    include: bool = True
    confidence: float | None = None


@dataclass
class Topic:
    """An issue discussed, as a short noun phrase."""

    text: str
    score: float = 0.0


@dataclass
class NextStep:
    """A follow-up, deadline, planned meeting or open item.

    ``confidence`` (0-1) says how sure extraction is that the sentence states one;
    ``None`` for an item the user typed.
    """

    text: str
    spans: list[Span] = field(default_factory=list)
    confidence: float | None = None


@dataclass
class Outcome:
    """An agreement, decision, commitment, refusal or ruling the text states, in the
    words of the sentence stating it ("the two sides agreed to ...").

    ``include`` is False when the user leaves it out of the memo. ``confidence`` (0-1)
    says how sure extraction is that the sentence states one; ``None`` for an item the
    user typed or one migrated from an older file's ``outcomes`` header field.
    """

    text: str
    spans: list[Span] = field(default_factory=list)
    confidence: float | None = None
    include: bool = True


@dataclass
class NotDiscussed:
    """An issue the text says was explicitly left out ("the war was not on the agenda").

    ``confidence`` as for :class:`NextStep`.
    """

    text: str
    spans: list[Span] = field(default_factory=list)
    confidence: float | None = None


DEFAULT_TEMPLATE = "information-memo"


@dataclass
class Brief:
    """A briefing memo in the making: header fields, sources and extracted items.

    ``edited`` holds the JSON pointers (``/key_points/2``, ``/fields/subject``...) of
    the items the user changed by hand; re-running extraction keeps those.
    ``dismissed`` holds the keys (``people:anika solberg``, see ``briefgen.model.keys``)
    of extracted items the user removed; re-running extraction leaves those out.
    """

    template: str = DEFAULT_TEMPLATE
    fields: dict[str, FieldValue] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
    summary: Summary = field(default_factory=Summary)
    key_points: list[KeyPoint] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    organizations: list[Organization] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)
    next_steps: list[NextStep] = field(default_factory=list)
    outcomes: list[Outcome] = field(default_factory=list)
    not_discussed: list[NotDiscussed] = field(default_factory=list)
    edited: list[str] = field(default_factory=list)
    dismissed: list[str] = field(default_factory=list)

    def source(self, source_id: str) -> Source | None:
        """The source with this id, or ``None`` if the brief has none."""
        return next((s for s in self.sources if s.id == source_id), None)

    def evidence(self, span: Span) -> str | None:
        """The source text a span points at, or ``None`` if its source is gone."""
        src = self.source(span.source)
        return None if src is None else src.text[span.start : span.end]
