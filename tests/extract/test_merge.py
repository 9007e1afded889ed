"""Merging several sources: near-duplicates collapse, every span is kept."""

from __future__ import annotations

from briefgen.extract.merge import (
    merge_dates,
    merge_key_points,
    merge_people,
    merge_places,
    source_count,
)
from briefgen.model import DateMention, KeyPoint, Person, Place, Span


def test_near_duplicate_key_points_collapse_and_count_their_sources():
    first = [
        KeyPoint("Norvalia and Estrava held talks in Geneva on Thursday.", [Span("a", 0, 54)], 0.9),
        KeyPoint("Visa services were suspended in 2021.", [Span("a", 60, 97)], 0.5),
    ]
    second = [
        KeyPoint(
            "Estrava and Norvalia held direct talks in Geneva on Thursday.", [Span("b", 0, 61)], 0.8
        ),
        KeyPoint("Trade fell by half.", [Span("b", 70, 89)], 0.6),
    ]
    merged = merge_key_points([first, second])
    assert [k.text for k in merged][0] == "Norvalia and Estrava held talks in Geneva on Thursday."
    assert len(merged) == 3
    assert source_count(merged[0].spans) == 2
    assert {s.source for s in merged[0].spans} == {"a", "b"}
    assert merged[0].score > 0.9


def test_people_merge_across_sources_and_fill_missing_roles():
    first = [Person("Anika Solberg", None, None, [Span("a", 5, 18)])]
    second = [Person("Solberg", "Deputy Foreign Minister", None, [Span("b", 9, 16)])]
    (person,) = merge_people([first, second])
    assert person.name == "Anika Solberg"
    assert person.role == "Deputy Foreign Minister"
    assert len(person.spans) == 2


def test_places_and_dates_merge_by_name_and_resolved_date():
    places = merge_places(
        [[Place("Geneva", [Span("a", 1, 7)])], [Place("Geneva", [Span("b", 3, 9)])]]
    )
    assert len(places) == 1
    assert len(places[0].spans) == 2
    dates = merge_dates(
        [
            [DateMention("Thursday", "2026-03-12", [Span("a", 0, 8)])],
            [DateMention("Thursday", "2026-03-19", [Span("b", 0, 8)])],
        ]
    )
    assert [d.date for d in dates] == ["2026-03-12", "2026-03-19"]
