"""Re-extraction that keeps what the user edited and leaves out the items the user removed."""

from __future__ import annotations

import copy
from typing import Any

from briefgen.model import Brief, item_key

LIST_FIELDS = (
    "key_points",
    "people",
    "organizations",
    "places",
    "dates",
    "quotes",
    "topics",
    "next_steps",
)
# Header fields that extraction fills; any other header field is the user's and always kept.
EXTRACTED_FIELDS = frozenset({"subject", "date"})


def _parse_pointer(pointer: str) -> list[str]:
    parts = pointer.split("/")[1:] if pointer.startswith("/") else pointer.split("/")
    return [p.replace("~1", "/").replace("~0", "~") for p in parts]


def _identity(item: Any) -> str:
    """What makes two items of one list the same across runs: their name or text."""
    return item_key("item", item) or repr(item)


def _same_evidence(a: Any, b: Any) -> bool:
    spans_a = {(s.source, s.start, s.end) for s in getattr(a, "spans", [])}
    spans_b = {(s.source, s.start, s.end) for s in getattr(b, "spans", [])}
    return bool(spans_a & spans_b)


def drop_dismissed(brief: Brief, dismissed: list[str]) -> None:
    """Remove from ``brief``'s lists every item whose key (``item_key``) is in ``dismissed``.

    Only for a fresh extraction: it does not touch ``brief.edited``.
    """
    if not dismissed:
        return
    keys = set(dismissed)
    for name in LIST_FIELDS:
        items: list[Any] = getattr(brief, name)
        setattr(brief, name, [item for item in items if item_key(name, item) not in keys])


def keep_edits(fresh: Brief, previous: Brief | None) -> Brief:
    """``fresh`` with every item the user edited in ``previous`` put back, and ``edited``
    pointing at where those items now are; without the items the user removed (their keys
    are in ``previous.dismissed``, which ``fresh`` takes over). Header fields extraction
    does not fill are always taken from ``previous``."""
    if previous is None:
        return fresh
    fresh.dismissed = list(previous.dismissed)
    drop_dismissed(fresh, fresh.dismissed)
    for name, value in previous.fields.items():
        if name not in EXTRACTED_FIELDS:
            fresh.fields[name] = copy.deepcopy(value)
    edited: set[str] = set()
    kept_lists: dict[str, dict[int, Any]] = {}
    for pointer in previous.edited:
        parts = _parse_pointer(pointer)
        if not parts:
            continue
        head = parts[0]
        if head == "fields" and len(parts) >= 2:
            if parts[1] in previous.fields:
                fresh.fields[parts[1]] = copy.deepcopy(previous.fields[parts[1]])
            edited.add(f"/fields/{parts[1]}")
        elif head in {"summary", "template"}:
            setattr(fresh, head, copy.deepcopy(getattr(previous, head)))
            edited.add(f"/{head}")
        elif head in LIST_FIELDS:
            old_list = getattr(previous, head)
            if len(parts) == 1:
                setattr(fresh, head, copy.deepcopy(old_list))
                edited.add(f"/{head}")
                kept_lists.pop(head, None)
            elif (
                parts[1].isdigit() and int(parts[1]) < len(old_list) and (f"/{head}" not in edited)
            ):
                kept_lists.setdefault(head, {})[int(parts[1])] = old_list[int(parts[1])]
    for head, kept in kept_lists.items():
        new_items = getattr(fresh, head)
        merged, positions = _merge_list(new_items, kept)
        setattr(fresh, head, merged)
        edited.update(f"/{head}/{index}" for index in positions)
    fresh.edited = sorted(edited, key=_pointer_order)
    return fresh


def _merge_list(new_items: list[Any], kept: dict[int, Any]) -> tuple[list[Any], list[int]]:
    """The fresh items with each kept one back at its old position, replacing its fresh
    twin (same name or text, or same evidence); also the kept items' new positions."""
    kept_copies = {index: copy.deepcopy(item) for index, item in kept.items()}
    out = [
        item
        for item in new_items
        if not any(
            _identity(item) == _identity(k) or _same_evidence(item, k) for k in kept_copies.values()
        )
    ]
    for index, item in sorted(kept_copies.items()):
        out.insert(min(index, len(out)), item)
    positions = [i for i, o in enumerate(out) if any(o is k for k in kept_copies.values())]
    return out, positions


def _pointer_order(pointer: str) -> tuple[str, int]:
    parts = _parse_pointer(pointer)
    index = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else -1
    return parts[0] if parts else "", index
