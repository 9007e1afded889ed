"""Quotes: every direct quotation, joined across its attribution, with its speaker resolved.

Finding the quoted stretches is ``quote_marks``; attributing each is ``quote_attribution``
(the cue verb), ``speaker_resolution`` (who its subject is) and ``pronoun_antecedents``.
Here: which stretches are quotations, the speaker a quote with no cue carries on from, and
the Brief's Quote items.
"""

from __future__ import annotations

from briefgen.extract.entities import Mention
from briefgen.extract.found_quote import SURE_GUESS, SURE_ISSUER, SURE_NONE, FoundQuote
from briefgen.extract.lexicon import name_key, words
from briefgen.extract.mention_index import MentionIndex
from briefgen.extract.parse import Parsed
from briefgen.extract.quote_attribution import QuoteAttributor
from briefgen.extract.quote_marks import (
    Pieces,
    join_split_quotes,
    mixed_quotes,
    quoted_stretches,
)
from briefgen.extract.speaker_resolution import SpeakerResolver
from briefgen.model import Organization, Person, Quote, Span

_MIN_WORDS = 4


def find_quotes(
    parsed: Parsed,
    mentions: list[Mention],
    people: list[Person],
    orgs: list[Organization],
    index: MentionIndex | None = None,
) -> list[FoundQuote]:
    """Every direct quotation of a source, with its speaker resolved where the text says.
    ``index`` (built from the same mentions when not given) learns the quoted stretches."""
    text = parsed.text
    index = index or MentionIndex(parsed, mentions, people, orgs)
    attributor = QuoteAttributor(index, SpeakerResolver(index))
    stretches = mixed_quotes(parsed, join_split_quotes(text, quoted_stretches(text)))
    index.all_quoted = [piece for _, quoted in stretches for piece in quoted]
    quotes: list[FoundQuote] = []
    for pieces, quoted in stretches:
        pieces = _trim_trailing_comma(text, pieces)
        body = " ".join(text[a:b].strip() for a, b in pieces)
        quote = FoundQuote(pieces, " ".join(body.split()),
                           quoted=_trim_trailing_comma(text, quoted))
        attributor.attribute(quote)
        if len(body.split()) < _MIN_WORDS and quote.cue is None and not quote.heard:
            continue  # a scare quote or a title, not a quotation
        if _is_title(text, quote):
            continue  # a song, show or book title, or lyrics sung: not somebody's words
        quotes.append(quote)
    _inherit_speakers(text, quotes, index, attributor)
    return quotes


def _inherit_speakers(
    text: str, quotes: list[FoundQuote], index: MentionIndex, attributor: QuoteAttributor
) -> None:
    """A quote with no cue takes the speaker of the quote just before it or the person the
    paragraph is about ("Reyhan struck a cautious note. "This is ...")."""
    previous: FoundQuote | None = None
    for quote in quotes:
        if quote.speaker is None and quote.cue is None:
            para_start = index.paragraph(quote.start, quote.start)[0]
            gap_start = previous.end if previous else 0
            between = text[gap_start : quote.start]
            reporter = (
                attributor.speaker_of_paragraph_before(quote) if para_start == quote.start - 1
                else None
            )
            if reporter is not None:
                quote.speaker, quote.role = reporter.name, reporter.role
                quote.inherited = True
                quote.confidence = SURE_ISSUER
            elif (
                previous is not None
                and previous.speaker
                and between.count("\n") <= 2
                and len(between.split()) <= 40
            ):
                quote.speaker, quote.role = previous.speaker, previous.role
                quote.speaker_span = previous.speaker_span
                quote.inherited = True
                carried = previous.confidence or SURE_GUESS
                quote.confidence = carried if "\n" not in between else carried * 0.9
            else:
                person = index.latest_person(quote.start)
                if person is not None and index.spoken_before(person, quote.start, para_start):
                    quote.speaker, quote.role = person.name, person.role
                    quote.inherited = True
                    quote.confidence = SURE_GUESS
        previous = quote


_TITLE_NOUNS = words(
    "song songs album film movie book novel show series play anthem hit single track poem "
    "titled entitled slogan banner sign signs"
)
_TITLE_CUES = words(
    "sang sing sings sung singing played play plays playing read reads titled"
)


def _is_title(text: str, quote: FoundQuote) -> bool:
    """True for a title or lyrics in quotation marks: a short stretch in title case
    ("We're Not Gonna Take It") or one right after "song", "titled", "the film" ...,
    unless somebody is said to have said it ("Make it count," she said)."""
    if len(quote.pieces) != 1 or quote.quoted != quote.pieces:
        return False
    start, end = quote.pieces[0]
    inner = text[start:end].strip(" ,.")
    words = inner.split()
    cue = text[quote.cue[0] : quote.cue[1]].lower() if quote.cue else ""
    if quote.cue is not None and cue not in _TITLE_CUES:
        return False
    before = text[max(0, start - 30) : start - 1].lower().split()
    if before and before[-1].strip(",:") in _TITLE_NOUNS:
        return True
    long_words = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    return (
        0 < len(words) <= 10
        and bool(long_words)
        and all(w[:1].isupper() for w in long_words)
        and not any(c in inner for c in ".!?;")
    )


def _trim_trailing_comma(text: str, pieces: Pieces) -> Pieces:
    """``pieces`` with the comma (and blanks) that end the last one before its close mark
    removed: in ``"We came here to listen," she said`` the quote ends at ``listen``."""
    last_start, last_end = pieces[-1]
    while last_end > last_start and text[last_end - 1] in ", \t":
        last_end -= 1
    return [*pieces[:-1], (last_start, last_end)]


def to_quotes(found: list[FoundQuote], source_id: str, text: str) -> list[Quote]:
    """The Brief's Quote items: text and evidence spans are the quoted words, no marks.

    For a fragment quoted inside reported speech (``said the plan was "a disgrace"``),
    that is the fragment alone, as the Brief JSON contract says; the reported clause
    around it served only to find the speaker.
    """
    return [
        Quote(
            text=" ".join(" ".join(text[a:b].strip() for a, b in q.quoted).split()),
            speaker=q.speaker,
            speaker_role=q.role,
            spans=[Span(source_id, a, b) for a, b in q.quoted],
            confidence=_speaker_confidence(q),
        )
        for q in found
    ]


def _speaker_confidence(quote: FoundQuote) -> float:
    """How sure the quote's speaker is (low when there is none: someone should check)."""
    if not quote.speaker:
        return SURE_NONE
    return round(quote.confidence if quote.confidence is not None else SURE_GUESS, 2)


def speaker_key(name: str | None) -> str:
    """A comparison key for speakers: the last word of the normalised name."""
    key = name_key(name or "")
    return key.split()[-1] if key else ""
