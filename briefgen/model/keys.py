"""Stable keys of extracted items (``people:anika solberg``), as kept in ``Brief.dismissed``."""

from __future__ import annotations

from typing import Any

from briefgen.model.brief import Brief
from briefgen.text.normalise import text_key

# One rule for "the same text" (briefgen.text.normalise); stored keys depend on it.
normalise_key_text = text_key


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
