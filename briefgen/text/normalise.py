"""The one "same text" rule: the key two texts share when they say the same thing."""

from __future__ import annotations

import re
from functools import lru_cache

# Typographic marks folded onto their plain forms, so that re-typing a name or a sentence
# with straight quotes or a hyphen does not change its key.
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
})
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")
# Stripped from both ends: sentence punctuation, quotation marks, brackets, dashes.
_EDGE = " \t.,;:!?'\"()[]{}-\u2026"


def text_key(text: str) -> str:
    """``text`` as compared: Unicode-folded (NFKC, curly quotes and dashes made plain),
    case-folded, single-spaced, without the punctuation or quotation marks around it.
    ``""`` when nothing is left."""
    import unicodedata  # here: a C module the window does not need before its first paint

    folded = unicodedata.normalize("NFKC", text).translate(_FOLD).casefold()
    return _SPACE.sub(" ", folded).strip(_EDGE)


def same_text(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` say the same words in the same order, ``text_key`` folding
    aside; unlike keys (which are stored), the punctuation inside does not count either, so
    a re-punctuated sentence or headline is the same text. False when ``a`` has no words."""
    words = _words(a)
    return bool(words) and words == _words(b)


# A memo render compares every key point with every step and outcome, on each keystroke
# of the preview: the words of a short text are worked out once (about a third of a
# render went here). Long texts are not kept.
_CACHED_LENGTH = 2000


@lru_cache(maxsize=4096)
def _cached_words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(text_key(text)))


def _words(text: str) -> tuple[str, ...]:
    if len(text) > _CACHED_LENGTH:
        return tuple(_WORD.findall(text_key(text)))
    return _cached_words(text)


def entity_key(name: str) -> str:
    """``text_key`` without full stops, for names of organisations and places only: an
    abbreviation is written with or without them (``U.S.``, ``US``)."""
    return _SPACE.sub(" ", text_key(name).replace(".", "")).strip()
