"""Cues of a next step: each phrase, modal and construction with its strength."""

from __future__ import annotations

import pytest

from briefgen.extract.next_step_cues import cues
from briefgen.extract.sentences import sentences


def _cues(parse, text: str) -> list[list[tuple[str, float, str]]]:
    """For each sentence of ``text``: (token, strength, phrase) of every cue it holds."""
    return [
        [(token.text, strength, phrase) for token, strength, phrase in cues(sentence)]
        for sentence in sentences(parse(text))
    ]


def test_a_plan_phrase_and_a_future_modal_are_planned_cues(parse):
    text = "The board plans to vote and will publish the result."
    assert _cues(parse, text) == [[("to", 0.8, "plans to"), ("will", 0.8, "will")]]


def test_a_saying_verbs_would_is_relayed_unless_hoped_or_placed_in_time(parse):
    text = (
        "He said the firm would sell it. "
        "He hoped the firm would sell it. "
        "He said the firm would sell it next year."
    )
    assert _cues(parse, text) == [
        [("would", 0.62, "would")],
        [("would", 0.72, "would")],
        [("would", 0.72, "would")],
    ]


def test_until_something_can_happen_marks_the_verb_held_back(parse):
    text = "They kept the names of the dead until kin could be told."
    assert _cues(parse, text) == [[("kept", 0.72, "until")]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The panel requested that the minister appear.", [("requested", 0.72, "request")]),
        ("The panel requested that the minister should appear.", [("should", 0.55, "should")]),
    ],
)
def test_a_request_with_a_bare_clause_is_a_cue_but_not_one_with_a_modal(parse, text, expected):
    assert _cues(parse, text) == [expected]


def test_agreed_to_counts_before_a_verb_placed_in_time_or_carrying_something_on(parse):
    text = (
        "She agreed to a truce. She agreed to sell the farm. "
        "She agreed to sell the farm in May. She agreed to meet again."
    )
    agreed = [("to", 0.68, "agreed to")]
    assert _cues(parse, text) == [[], [], agreed, agreed]
