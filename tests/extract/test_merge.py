"""Merging several sources: near-duplicates collapse, every span is kept."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from briefgen.extract.merge import (
    merge_dates,
    merge_key_points,
    merge_people,
    merge_places,
    merge_quotes,
    similarity,
    source_count,
)
from briefgen.model import DateMention, KeyPoint, Person, Place, Quote, Span


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


QUOTE_WORDS = st.lists(st.sampled_from(["talks", "port", "deal", "the", "vote", "ships",
                                        "tariff", "said", "we", "harbour", "7", "2026"]),
                       max_size=7).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(lists=st.lists(st.lists(QUOTE_WORDS, max_size=8), min_size=1, max_size=3))
def test_merged_quotes_are_those_a_pairwise_similarity_search_finds(lists: list[list[str]]) -> None:
    expected: list[tuple[str, int]] = []  # (text, spans) by comparing with every earlier quote
    for texts in lists:
        for text in texts:
            index = next((i for i, (seen, _) in enumerate(expected)
                          if similarity(seen, text) >= 0.8), None)
            if index is None:
                expected.append((text, 1))
            else:
                expected[index] = (expected[index][0], expected[index][1] + 1)
    merged = merge_quotes([[Quote(t, spans=[Span(f"s{n}", 0, 1)]) for t in texts]
                           for n, texts in enumerate(lists)])
    assert [(q.text, len(q.spans)) for q in merged] == expected


def test_merging_ten_thousand_distinct_quotes_sharing_words_is_quick() -> None:
    quotes = [Quote(f"Point {i} stands firm") for i in range(10_000)]
    started = time.perf_counter()
    merged = merge_quotes([quotes])
    assert len(merged) == 10_000
    assert time.perf_counter() - started < 5.0  # comparing every pair took minutes
