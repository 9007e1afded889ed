"""The rules of the user's edits: ``Brief.edited`` and ``Brief.dismissed``.

``edited`` holds JSON pointers (RFC 6901): ``/fields/subject``, ``/summary``, ``/people/2``
(an item), ``/key_points`` (a whole list). ``dismissed`` holds item keys
(``people:anika solberg``, see ``briefgen.model.keys``). The rules here keep those right
when items move, when extraction runs again and when a source is removed. Pure Brief
logic: no Qt, no I/O; ``briefgen.extract`` and ``briefgen.ui`` call it.
"""

from __future__ import annotations

import copy
from typing import Any

from briefgen.model.brief import Brief
from briefgen.model.keys import is_extracted, item_key, normalise_key_text
from briefgen.model.lists import is_list_name, items, list_names, set_items

# A path into the brief: ("fields", "subject"), ("summary", "text"), ("people", 2, "role").
Path = tuple[str | int, ...]

# Header fields that extraction fills; any other header field is the user's and always kept.
EXTRACTED_FIELDS = frozenset({"subject", "date", "event_date", "event_date_guessed"})


# JSON pointers -------------------------------------------------------------------------


def format_pointer(*parts: str | int) -> str:
    """The JSON pointer of ``parts``: ``format_pointer("people", 2)`` is ``/people/2``;
    ``~`` and ``/`` inside a part are escaped as ``~0`` and ``~1``."""
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def parse_pointer(pointer: str) -> list[str]:
    """The parts of a JSON pointer, unescaped: ``/people/2/role`` is
    ``["people", "2", "role"]``. A missing leading ``/`` is tolerated."""
    parts = pointer.split("/")[1:] if pointer.startswith("/") else pointer.split("/")
    return [p.replace("~1", "/").replace("~0", "~") for p in parts]


def item_pointer(list_name: str, index: int) -> str:
    """The pointer that marks item ``index`` of list ``list_name`` as edited."""
    return format_pointer(list_name, index)


def pointer_of(path: Path) -> str:
    """The JSON pointer recorded in ``Brief.edited`` for an edit at ``path``.

    Header fields and list items are marked one by one (``/fields/to``,
    ``/people/2``); the summary as a whole (``/summary``).
    """
    if path[0] == "fields" or is_list_name(path[0]):
        return format_pointer(path[0], path[1])
    return format_pointer(path[0])


def _pointer_order(pointer: str) -> tuple[str, int]:
    parts = parse_pointer(pointer)
    index = int(parts[1]) if len(parts) > 1 and parts[1].isdigit() else -1
    return parts[0] if parts else "", index


# Moving items within a list -------------------------------------------------------------


def remap_edited(edited: list[str], name: str, old: list[Any], new: list[Any]) -> list[str]:
    """Move the edit marks of list ``name`` along with their items (by identity) when the
    list changes from ``old`` to ``new``; the marks of removed items go."""
    marked_ids = set()
    kept = []
    for pointer in edited:
        parts = parse_pointer(pointer)
        if len(parts) == 2 and parts[0] == name and parts[1].isdigit():
            if int(parts[1]) < len(old):
                marked_ids.add(id(old[int(parts[1])]))
        else:
            kept.append(pointer)
    kept.extend(item_pointer(name, row) for row, item in enumerate(new) if id(item) in marked_ids)
    return kept


# Re-extraction -------------------------------------------------------------------------


def drop_dismissed(brief: Brief, dismissed: list[str]) -> None:
    """Remove from ``brief``'s lists every item whose key (``item_key``) is in ``dismissed``.

    Only for a fresh extraction: it does not touch ``brief.edited``.
    """
    if not dismissed:
        return
    keys = set(dismissed)
    for name in list_names():
        set_items(brief, name, [item for item in items(brief, name)
                                if item_key(name, item) not in keys])


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
        parts = parse_pointer(pointer)
        if not parts:
            continue
        head = parts[0]
        if head == "fields" and len(parts) >= 2:
            if parts[1] in previous.fields:
                fresh.fields[parts[1]] = copy.deepcopy(previous.fields[parts[1]])
            edited.add(format_pointer("fields", parts[1]))
        elif head in {"summary", "template"}:
            setattr(fresh, head, copy.deepcopy(getattr(previous, head)))
            edited.add(format_pointer(head))
        elif is_list_name(head):
            old_list = items(previous, head)
            if len(parts) == 1:
                set_items(fresh, head, copy.deepcopy(old_list))
                edited.add(format_pointer(head))
                kept_lists.pop(head, None)
            elif (
                parts[1].isdigit() and int(parts[1]) < len(old_list)
                and format_pointer(head) not in edited
            ):
                kept_lists.setdefault(head, {})[int(parts[1])] = old_list[int(parts[1])]
    for head, kept in kept_lists.items():
        merged, positions = _merge_list(items(fresh, head), kept)
        set_items(fresh, head, merged)
        edited.update(item_pointer(head, index) for index in positions)
    fresh.edited = sorted(edited, key=_pointer_order)
    return fresh


def _identity(item: Any) -> str:
    """What makes two items of one list the same across runs: their name or text."""
    return item_key("item", item) or repr(item)


def _same_evidence(a: Any, b: Any) -> bool:
    spans_a = {(s.source, s.start, s.end) for s in getattr(a, "spans", [])}
    spans_b = {(s.source, s.start, s.end) for s in getattr(b, "spans", [])}
    return bool(spans_a & spans_b)


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


# Removing a source ---------------------------------------------------------------------


def remove_source(brief: Brief, source_id: str) -> Brief:
    """A copy of ``brief`` without the source and the items that came only from it.

    An item came only from the source when all its evidence spans point into it. Topics
    carry no spans: an extracted topic (score above 0) the user did not edit came only
    from the source when none of the remaining sources has its text. Items the user typed
    (no evidence, no score) and edited topics stay. ``dismissed`` is left as it is.
    """
    result = copy.deepcopy(brief)
    result.sources = [s for s in result.sources if s.id != source_id]
    remaining = [normalise_key_text(s.text) for s in result.sources]
    for name in list_names():
        old = items(result, name)
        kept = [
            item for row, item in enumerate(old)
            if not _only_from(item, source_id)
            and not _unsupported_topic(item, item_pointer(name, row) in result.edited, remaining)
        ]
        result.edited = remap_edited(result.edited, name, old, kept)
        set_items(result, name, kept)
    if _only_from(result.summary, source_id):
        result.summary.text = ""
        result.summary.spans = []
    return result


def _only_from(item: Any, source_id: str) -> bool:
    spans = getattr(item, "spans", [])
    return bool(spans) and all(span.source == source_id for span in spans)


def _unsupported_topic(item: Any, edited: bool, remaining_texts: list[str]) -> bool:
    """True for an extracted, unedited item without evidence spans whose text none of
    ``remaining_texts`` (normalised source texts) contains."""
    if hasattr(item, "spans") or edited or not is_extracted(item):
        return False
    text = normalise_key_text(str(getattr(item, "text", "")))
    return not any(text in source for source in remaining_texts)
