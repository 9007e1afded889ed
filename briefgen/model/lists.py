"""The Brief's lists of extracted items: their names, item classes, titles and nouns.

This is the one definition. Brief JSON, the edit rules, the form, the template manifest
and the memo context all take the names from here; adding a list means adding a field to
``Brief`` and one row to ``BRIEF_LISTS`` (the form then shows it with a default column).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefgen.model import brief as parts
from briefgen.model.brief import Brief


@dataclass(frozen=True)
class BriefList:
    """One list of the Brief: its attribute and JSON key, the class of its items, the
    heading it has in the form and the memo, and what one item is called."""

    name: str
    item_class: type
    title: str
    noun: str


# In the order of the Brief's fields (and of Brief JSON).
BRIEF_LISTS: tuple[BriefList, ...] = (
    BriefList("key_points", parts.KeyPoint, "Key points", "key point"),
    BriefList("people", parts.Person, "People", "person"),
    BriefList("organizations", parts.Organization, "Organisations", "organisation"),
    BriefList("places", parts.Place, "Places", "place"),
    BriefList("dates", parts.DateMention, "Dates", "date"),
    BriefList("quotes", parts.Quote, "Quotes", "quote"),
    BriefList("topics", parts.Topic, "Topics", "topic"),
    BriefList("next_steps", parts.NextStep, "Next steps", "next step"),
    BriefList("outcomes", parts.Outcome, "Outcomes", "outcome"),
    BriefList("not_discussed", parts.NotDiscussed, "Not discussed", "issue not discussed"),
)
_BY_NAME = {spec.name: spec for spec in BRIEF_LISTS}


def list_names() -> tuple[str, ...]:
    """The names of the Brief's lists, in order (``"key_points"``, ``"people"``...)."""
    return tuple(_BY_NAME)


def is_list_name(name: object) -> bool:
    """True when ``name`` names one of the Brief's lists."""
    return isinstance(name, str) and name in _BY_NAME


def brief_list(name: str) -> BriefList:
    """The definition of list ``name``; ``KeyError`` if the Brief has no such list."""
    return _BY_NAME[name]


def item_class(name: str) -> type:
    """The dataclass of the items of list ``name`` (``Person`` for ``"people"``)."""
    return _BY_NAME[name].item_class


def items(brief: Brief, name: str) -> list[Any]:
    """The live list ``name`` of ``brief`` (not a copy)."""
    value: list[Any] = getattr(brief, brief_list(name).name)
    return value


def set_items(brief: Brief, name: str, new_items: list[Any]) -> None:
    """Make ``new_items`` the list ``name`` of ``brief``."""
    setattr(brief, brief_list(name).name, new_items)
