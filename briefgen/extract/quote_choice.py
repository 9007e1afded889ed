"""Which extracted quotes the memo uses by default: substantive ones, not scare quotes."""

from __future__ import annotations

from collections.abc import Iterable

from briefgen.model import Quote

# A quotation of fewer words than this is a fragment ("marathon discussion").
MIN_QUOTE_WORDS = 6


def is_fragment(text: str) -> bool:
    """True for words quoted inside a sentence rather than a statement of their own: they
    do not start with a capital letter or do not end like a sentence."""
    stripped = text.strip().rstrip("\u201d\"'\u2019")
    return not (stripped[:1].isupper() and stripped[-1:] in ".!?,;:\u2026")


def choose_quotes(quotes: Iterable[Quote]) -> None:
    """Set ``include`` in place: False for short fragments (under ``MIN_QUOTE_WORDS``
    words) and for unattributed fragments, True otherwise."""
    for quote in quotes:
        short = len(quote.text.split()) < MIN_QUOTE_WORDS
        unattributed = not (quote.speaker or "").strip()
        quote.include = not (short or (unattributed and is_fragment(quote.text)))
