"""Next steps: follow-ups, deadlines, planned meetings and open items."""

from __future__ import annotations

import pytest

from briefgen.extract.next_steps import extract_next_steps
from briefgen.extract.sentences import sentences
from briefgen.model import CHECK_THRESHOLD

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


def _steps(parse, text: str, published: str | None = None) -> list[str]:
    """The next steps of ``text`` as the pipeline finds them (upcoming dates included)."""
    import datetime as dt

    from briefgen.extract.dates import find_dates
    from briefgen.extract.next_steps import upcoming_spans

    parsed = parse(text, published=published)
    sents = sentences(parsed)
    reference = dt.date.fromisoformat(published) if published else None
    found = find_dates(parsed, reference)
    dated = [(s.start, s.end, f.mention.date) for f in found for s in f.mention.spans]
    return [s.text for s in extract_next_steps(sents, upcoming_spans(sents, dated, reference))]


@pytest.mark.parametrize(
    "sentence",
    [
        "The lawyer said he would appeal.",
        "Police are investigating whether a second car was involved.",
        "The two governments agreed to complete the agreement on compensation.",
        "Both sides discussed holding a follow-up meeting, with the date, location and "
        "representation to be determined.",
        "The minister is scheduled to address the assembly.",
        "He declined to say when the plant would reopen.",
        "It was unclear whether the board would approve the plan.",
        "The company is set to announce the terms later on Friday.",
        "The bill would go before the Senate, he said.",
        "The firm issued a statement, saying it would appeal the ruling.",
        "With three weeks left for lawmakers to avert a shutdown, the leaders met.",
    ],
)
def test_each_class_of_next_step_is_found(parse, sentence):
    text = "The talks ended in the evening. " + sentence
    assert _steps(parse, text, "2026-03-12") == [sentence]


def test_a_person_who_will_testify_on_a_day_still_to_come_is_a_next_step(parse):
    text = "\u201cI asked who decided,\u201d said Hill, who will testify Friday."
    assert _steps(parse, text, "2026-03-12") == [text]


def test_a_present_tense_event_on_a_day_still_to_come_is_a_next_step(parse):
    text = "The commission holds a public hearing Monday with the operators."
    assert _steps(parse, text, "2026-03-12") == [text]


def test_a_possibility_placed_in_time_is_a_next_step_but_a_bare_one_is_not(parse):
    text = "Missions could begin in 2028, she said. The change could hurt small farms."
    assert _steps(parse, text, "2026-03-12") == ["Missions could begin in 2028, she said."]


@pytest.mark.parametrize(
    "sentence",
    [
        "He insisted the law will not change our position.",
        "In 2013, BP agreed to sell back its stake.",
        "The planned outage was the third in a month.",
        "He will be great.",
        "Analysts warned that the deal would allow more imports.",
        "The suit does not seek to overturn the law.",
        "Investors sold the 2030 bonds.",
    ],
)
def test_positions_background_and_predictions_are_not_next_steps(parse, sentence):
    assert _steps(parse, "The talks ended. " + sentence, "2026-03-12") == []


def test_a_scheduled_step_is_surer_than_a_reported_or_possible_one(parse):
    text = (
        "The hearing is scheduled for March 20. "
        "The lawyer said he would appeal. "
        "Missions could begin in 2028."
    )
    parsed = parse(text, published="2026-03-12")
    steps = extract_next_steps(sentences(parsed))
    by_text = {s.text: s.confidence for s in steps}
    scheduled = by_text["The hearing is scheduled for March 20."]
    reported = by_text["The lawyer said he would appeal."]
    assert scheduled is not None
    assert reported is not None
    assert scheduled > reported
    assert scheduled >= CHECK_THRESHOLD


@pytest.mark.parametrize(
    "sentence",
    [
        "If convicted, he could face decades in jail.",
        "Investors who fear the plan will fail sold their shares.",
        "Russia said the move would likely heighten tensions.",
        "Two hostages were released Thursday in a prisoner swap.",
        "\u201cWe will win,\u201d he said.",
    ],
)
def test_untimed_possibilities_descriptions_hedges_and_rhetoric_are_not_next_steps(
    parse, sentence
):
    assert _steps(parse, "The talks ended. " + sentence, "2026-03-12") == []


def test_a_quote_opened_with_a_straight_mark_and_closed_curly_ends_before_the_step(parse):
    text = '"Who decided?\u201d said Hill, who will testify Friday.'
    assert _steps(parse, text, "2026-03-12") == [text]


def test_a_reported_plan_in_a_decade_still_to_come_is_a_next_step(parse):
    text = "Clark told reporters that the airline will recommence its expansion in the 2030s."
    assert _steps(parse, text, "2026-03-12") == [text]
