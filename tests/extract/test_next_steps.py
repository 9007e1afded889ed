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
