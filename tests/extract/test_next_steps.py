"""Next steps: follow-ups, deadlines, planned meetings and open items."""

from __future__ import annotations

from briefgen.extract.next_steps import extract_next_steps
from briefgen.extract.sentences import sentences

TEXT = (
    "The envoys met in Geneva on Thursday. "
    "They agreed to meet again at a date to be determined. "
    "A working group will report by April 30. "
    "The minister is expected to brief parliament next week. "
    "Officials said the next meeting would be held at the same level. "
    "The talks lasted five hours. "
    '"We will keep walking," the envoy said. '
    "Trade fell by half after 2020."
)


def test_next_steps_are_the_forward_looking_sentences(parse):
    steps = [s.text for s in extract_next_steps(sentences(parse(TEXT)))]
    assert steps == [
        "They agreed to meet again at a date to be determined.",
        "A working group will report by April 30.",
        "The minister is expected to brief parliament next week.",
        "Officials said the next meeting would be held at the same level.",
    ]


def test_next_steps_point_at_their_sentence(parse):
    for step in extract_next_steps(sentences(parse(TEXT))):
        (span,) = step.spans
        assert TEXT[span.start : span.end] == step.text


BACKGROUND = (
    "The two countries downgraded relations in 2020 after a dispute over fishing rights. "
    "In 2018 the ministers agreed to reopen the border, but the deal collapsed. "
    "The new terminal was due to open in 2019. "
    "Officials who will attend the summit arrived in Oslo on Sunday. "
    "The envoys met in Oslo on Sunday, agreeing to meet again at a date to be determined. "
    "The two sides agreed to a truce. "
    "Both sides said the border dispute would be left for separate negotiations."
)


def test_background_in_the_past_is_not_a_next_step(parse):
    assert extract_next_steps(sentences(parse(BACKGROUND))) == []


def test_a_plan_in_the_present_is_a_next_step_even_with_a_year(parse):
    text = "The new terminal is due to open in 2027. The two sides agreed to meet in May."
    steps = [s.text for s in extract_next_steps(sentences(parse(text)))]
    assert steps == [
        "The new terminal is due to open in 2027.",
        "The two sides agreed to meet in May.",
    ]
