"""Tests for briefgen/model/lists.py: the one definition of the Brief's lists."""

from __future__ import annotations

import typing
from dataclasses import fields

import pytest

from briefgen.model import (
    BRIEF_LISTS,
    Brief,
    Person,
    Topic,
    brief_list,
    is_list_name,
    item_class,
    items,
    list_names,
    set_items,
)


def test_the_lists_are_exactly_the_brief_fields_that_hold_extracted_items_in_field_order():
    hints = typing.get_type_hints(Brief)
    item_lists = [
        f.name for f in fields(Brief)
        if typing.get_origin(hints[f.name]) is list and f.name not in {"sources", "edited",
                                                                       "dismissed"}
    ]
    assert list(list_names()) == item_lists
    for spec in BRIEF_LISTS:
        assert typing.get_args(hints[spec.name]) == (spec.item_class,)


def test_a_list_is_found_by_name_with_its_class_title_and_noun():
    assert item_class("people") is Person
    assert brief_list("next_steps").title == "Next steps"
    assert brief_list("organizations").noun == "organisation"
    assert is_list_name("topics")
    assert not is_list_name("sources")
    assert not is_list_name(3)
    with pytest.raises(KeyError):
        item_class("summary")


def test_items_reads_and_set_items_replaces_a_list_of_the_brief():
    brief = Brief(topics=[Topic("visa processing", 0.5)])
    assert items(brief, "topics") is brief.topics
    set_items(brief, "people", [Person("Anika Solberg")])
    assert [p.name for p in brief.people] == ["Anika Solberg"]
    with pytest.raises(KeyError):
        items(brief, "edited")
