"""Key points: ranked, non-redundant sentences with scores, a number that suits the length."""

from __future__ import annotations

import pytest

from briefgen.extract.keypoints import (
    extract_key_points,
    key_point_count,
    rank_sentences,
    story_places,
)
from briefgen.extract.sentences import sentences

ARTICLE = (
    "The city council approved a new harbour budget of 40 million euros on Monday, "
    "ending a year of dispute over the port's future.\n\n"
    "The harbour budget was approved by the city council on Monday after a long dispute.\n\n"
    "The money will pay for dredging, a new ferry terminal and repairs to the sea wall.\n\n"
    "Mayor Lene Holm said the vote was a relief for the fishing fleet.\n\n"
    "Some residents had asked for a park instead.\n\n"
    "Construction of the ferry terminal is due to begin in the spring."
)


def test_key_point_count_grows_with_length_within_bounds():
    assert key_point_count(4) == 3
    assert key_point_count(30) == 6
    assert key_point_count(200) == 10


def test_key_points_rank_the_lead_first_and_skip_repeats(parse):
    points = extract_key_points(sentences(parse(ARTICLE)), count=3)
    texts = [p.text for p in points]
    assert texts[0].startswith("The city council approved a new harbour budget")
    assert not any(t.startswith("The harbour budget was approved by") for t in texts)
    assert len(texts) == 3
    scores = [p.score for p in points]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s <= 1 for s in scores)


def test_key_points_point_at_their_sentence(parse):
    parsed = parse(ARTICLE)
    for point in extract_key_points(sentences(parsed)):
        (span,) = point.spans
        assert span.source == "t"
        assert ARTICLE[span.start : span.end] == point.text


CAPTIONED = (
    "Harbour budget approved\n"
    "The city council approved a new harbour budget of 40 million euros on Monday.\n"
    "Council members vote on the harbour budget and the ferry terminal. Image: Lene Holm.\n"
    "The harbour budget will pay for dredging and a new ferry terminal in the old port.\n"
    "Work on the ferry terminal in the old port is due to begin in the spring.\n"
    "Some residents had asked for a park beside the harbour instead."
)


def test_key_points_leave_out_picture_captions_and_credits(parse):
    texts = [p.text for p in extract_key_points(sentences(parse(CAPTIONED)), count=3)]
    assert len(texts) == 3
    assert any(t.startswith("The city council approved") for t in texts)
    assert not any("Council members vote" in t or "Image:" in t for t in texts)


def test_key_points_rank_a_quote_below_a_plain_fact(parse):
    text = (
        "The city council approved a new harbour budget of 40 million euros on Monday.\n\n"
        "The harbour budget pays for dredging and a new ferry terminal in the port.\n\n"
        "\u201cThe harbour budget is a relief for the port,\u201d the mayor of the port said."
    )
    texts = [p.text for p in extract_key_points(sentences(parse(text)), count=3)]
    assert texts[-1].startswith("\u201cThe harbour budget is a relief")


LONG_SECOND_PARAGRAPH = (
    "The city council approved a new harbour budget of 40 million euros on Monday.\n\n"
    "Several fishing boats were moored at the quay during the long afternoon session. "
    "Their crews watched the debate on a screen outside the town hall. "
    "A brass band played in the square until the evening. "
    "The harbour budget pays for dredging and a new ferry terminal.\n\n"
    "The council budget also pays for a new library and two schools."
)


def test_story_places_count_paragraphs_and_a_tenth_per_sentence_within_one(parse):
    sents = sentences(parse(LONG_SECOND_PARAGRAPH))
    assert story_places(sents) == pytest.approx([0.0, 1.0, 1.1, 1.2, 1.3, 2.0])


def test_a_late_sentence_of_a_long_paragraph_outranks_an_equal_one_of_the_next(parse):
    ranked = rank_sentences(sentences(parse(LONG_SECOND_PARAGRAPH)))
    texts = [r.sentence.text for r in ranked]
    assert texts[1] == "The harbour budget pays for dredging and a new ferry terminal."
    assert texts[2] == "The council budget also pays for a new library and two schools."


RESTATED_LEDE = (
    "The city council approved a new harbour budget of 40 million euros on Monday.\n\n"
    "The council approved the harbour budget after a debate that lasted for months. "
    "Dredging of the harbour will start in May and a ferry terminal will open in 2026.\n\n"
    "Some residents had asked for a park instead of a ferry terminal.\n\n"
    "The ferry terminal will stand where the dredging work of May ends."
)


def test_a_sentence_with_new_facts_outranks_one_restating_the_lede(parse):
    points = extract_key_points(sentences(parse(RESTATED_LEDE)), count=2)
    assert [p.text for p in points] == [
        "The city council approved a new harbour budget of 40 million euros on Monday.",
        "Dredging of the harbour will start in May and a ferry terminal will open in 2026.",
    ]


def test_discounted_scores_stay_best_first(parse):
    points = extract_key_points(sentences(parse(RESTATED_LEDE)), count=5)
    scores = [p.score for p in points]
    assert len(points) == 5
    assert scores == sorted(scores, reverse=True)


def test_a_pronoun_opener_continues_the_lede_and_is_not_marked_down(parse):
    text = (
        "Defence minister Lena Berg accused the northern fleet of blocking fishing boats on "
        "Tuesday.\n\n"
        "She urged the coastal towns to report every blocked boat to the navy.\n\n"
        "The northern fleet has patrolled the grounds since March."
    )
    texts = [r.sentence.text for r in rank_sentences(sentences(parse(text)))]
    assert texts[1] == "She urged the coastal towns to report every blocked boat to the navy."


def test_a_connective_right_after_the_lede_is_not_marked_down(parse):
    text = (
        "The two parties agreed on a limited trade deal on Friday.\n\n"
        "But the deal may grow into a wider pact if both sides drop their tariffs.\n\n"
        "Tariffs on steel and grain were raised by both sides last year in the trade dispute."
    )
    texts = [r.sentence.text for r in rank_sentences(sentences(parse(text)))]
    assert texts[1].startswith("But the deal may grow into a wider pact")
