"""Which extracted quotes the memo uses by default: substantive ones, not scare quotes."""

from __future__ import annotations

from collections.abc import Iterable

from briefgen.model import Quote

# A quotation of fewer words than this is a fragment ("marathon discussion").
MIN_QUOTE_WORDS = 6
# A memo quotes at most this many by default; the rest stay in the brief, unticked.
MAX_MEMO_QUOTES = 6


def is_fragment(text: str) -> bool:
    """True for words quoted inside a sentence rather than a statement of their own: they
    do not start with a capital letter or do not end like a sentence."""
    stripped = text.strip().rstrip("\u201d\"'\u2019")
    return not (stripped[:1].isupper() and stripped[-1:] in ".!?,;:\u2026")


def choose_quotes(quotes: Iterable[Quote]) -> None:
    """Set ``include`` in place: False for short fragments (under ``MIN_QUOTE_WORDS``
    words) and for unattributed fragments, and beyond the ``MAX_MEMO_QUOTES`` strongest
    (credited before unattributed, then longer; ties in text order); True otherwise."""
    quotes = list(quotes)
    for quote in quotes:
        short = len(quote.text.split()) < MIN_QUOTE_WORDS
        unattributed = not (quote.speaker or "").strip()
        quote.include = not (short or (unattributed and is_fragment(quote.text)))
    chosen = sorted((q for q in quotes if q.include), key=lambda q: (
        not (q.speaker or "").strip(), -min(len(q.text.split()), 60)))
    for quote in chosen[MAX_MEMO_QUOTES:]:
        quote.include = False
