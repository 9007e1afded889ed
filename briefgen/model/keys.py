"""Stable keys of extracted items (``people:anika solberg``), as kept in ``Brief.dismissed``."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from briefgen.model.brief import Brief

# Typographic marks folded onto their plain forms, so that re-typing a name or a sentence
# with straight quotes or a hyphen does not change its key.
_FOLD = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
    "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
})
_SPACE = re.compile(r"\s+")
# Stripped from both ends: sentence punctuation, quotation marks, brackets, dashes.
_EDGE = " \t.,;:!?'\"()[]{}-\u2026"


def normalise_key_text(text: str) -> str:
    """``text`` as compared across extractions: Unicode-folded, case-folded, single-spaced,
    without the punctuation or quotation marks around it."""
    folded = unicodedata.normalize("NFKC", text).translate(_FOLD).casefold()
    return _SPACE.sub(" ", folded).strip(_EDGE)


def key_of(list_name: str, text: str) -> str | None:
    """The key of an item of list ``list_name`` whose name or text is ``text``; ``None`` when
    the text is empty once normalised (such an item cannot be told apart from another)."""
    normal = normalise_key_text(text)
    return f"{list_name}:{normal}" if normal else None


def item_key(list_name: str, item: Any) -> str | None:
    """The key of ``item`` in list ``list_name`` (``"people"``, ``"key_points"``...): built
    from its name (people, organisations, places) or its text (everything else), never from
    its position, so the same item extracted again from the same source has the same key.
    ``None`` when the item has neither a name nor a text."""
    for attr in ("name", "text"):
        value = getattr(item, attr, None)
        if isinstance(value, str):
            return key_of(list_name, value)
    return None


def is_extracted(item: Any) -> bool:
    """True when ``item`` came from extraction: it has evidence spans or, for items that
    carry none (topics), a score. Items the user added have neither."""
    if hasattr(item, "spans"):
        return bool(item.spans)
    score = getattr(item, "score", 0.0)
    return isinstance(score, int | float) and score > 0


def dismissal_keys(brief: Brief, list_name: str, item: Any) -> list[str]:
    """The keys to add to ``Brief.dismissed`` when the user removes ``item`` from list
    ``list_name`` of ``brief``: its own key and the key of the text its first evidence span
    points at (what extraction found, should the user have edited the item before removing
    it). Empty for an item the user added, which extraction cannot bring back."""
    if not is_extracted(item):
        return []
    keys = [item_key(list_name, item)]
    spans = getattr(item, "spans", [])
    if spans:
        evidence = brief.evidence(spans[0])
        if evidence is not None:
            keys.append(key_of(list_name, evidence))
    return list(dict.fromkeys(k for k in keys if k is not None))
