"""Key points: ranked, non-redundant sentences with scores, a number that suits the length."""

from __future__ import annotations

import pytest

from briefgen.extract.keypoints import (
    cap_included,
    extract_key_points,
    key_point_count,
    rank_sentences,
    story_places,
)
from briefgen.extract.sentences import sentences
from briefgen.model import KeyPoint

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
    """The span is the whole sentence; the text is its words in order, perhaps fewer
    (a side clause naming nothing new left out, point_text)."""
    parsed = parse(ARTICLE)
    points = extract_key_points(sentences(parsed))
    for point in points:
        (span,) = point.spans
        assert span.source == "t"
        assert words_in_order(point.text, ARTICLE[span.start : span.end]), point.text
    # the lede's trailing participle names nothing new: its point leaves it out
    assert points[0].text == (
        "The city council approved a new harbour budget of 40 million euros on Monday."
    )


def words_in_order(text: str, source: str) -> bool:
    """True when every word of ``text`` is a word of ``source``, in the same order."""
    words = iter(w.strip(".,").lower() for w in source.split())
    return all(w.strip(".,").lower() in words for w in text.split())


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


def test_a_line_introducing_what_follows_is_no_key_point(parse):
    text = (
        "The following is attributed to Spokesperson Dana Kell:\n\n"
        "Minister Ola Berg spoke today with Foreign Minister Per Lund about the ferry line. "
        "They agreed to reopen the Kalna crossing to cargo on Monday."
    )
    texts = [p.text for p in extract_key_points(sentences(parse(text)))]
    assert texts
    assert not any(t.startswith("The following") for t in texts)
    assert texts[0].startswith("Minister Ola Berg spoke")


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


def _included(points):
    return [p.text for p in points if p.include]


def _words(text: str) -> int:
    return len(text.split())


READOUT = (
    "Foreign Minister Ada Lund met with Prime Minister Tomas Varga of Westmark today in "
    "Ostby, the first visit of a minister from her country in ten years.\n\n"
    "The two leaders discussed flooding along the river delta and the safety of the grain "
    "corridor. The meeting took place in the old harbour palace, which was restored last "
    "year and now houses a small museum of the fishing trade. Minister Lund announced that "
    "her country would provide more than $40 million for new dykes in the delta. She raised "
    "concerns about the detention of two journalists in the border town of Kessel and called "
    "for their release. The palace gardens were open to the public during the visit, as "
    "they are every summer. She also urged the prime minister to open the port of Brenn to "
    "relief ships.\n\n"
    "Westmark has held the rotating chair of the coastal council since January, and its "
    "capital hosted the council's spring session in a new conference hall by the water. "
    "The hall was built by a firm from the south of the country over three years. Its "
    "roof is covered with solar panels and its walls with timber from the northern forests. "
    "Before leaving, Minister Lund pledged 300 tonnes of seed grain to the delta farms."
)


def test_the_count_follows_the_facts_and_stays_under_half_the_words(parse):
    """A fixed small count left most of a readout's facts out; a short text keeps three."""
    points = extract_key_points(sentences(parse(READOUT)))
    included = _included(points)
    assert len(included) >= 5
    assert sum(_words(t) for t in included) < 0.5 * _words(READOUT)
    assert len(_included(extract_key_points(sentences(parse(ARTICLE))))) >= 3
    assert all(p.include is False for p in points[len(included) :])


def test_the_agenda_sentence_of_a_later_paragraph_is_included(parse):
    included = _included(extract_key_points(sentences(parse(READOUT))))
    assert any(t.startswith("The two leaders discussed flooding") for t in included)


def test_a_commitment_with_a_figure_and_concerns_outrank_background(parse):
    points = extract_key_points(sentences(parse(READOUT)))
    texts = [p.text for p in points]
    included = _included(points)
    assert any("would provide more than $40 million" in t for t in included)
    assert any(t.startswith("She urged the prime minister") for t in included)
    concern = next(t for t in texts if t.startswith("She raised concerns about the detention"))
    for background in ("The meeting took place in the old harbour palace", "The palace gardens"):
        assert not any(t.startswith(background) for t in included)
        later = [i for i, t in enumerate(texts) if t.startswith(background)]
        assert all(i > texts.index(concern) for i in later)


WIRE = (
    "OSTBY Ministers from nine countries agreed on Sunday to a truce in the delta war and to "
    "open two aid corridors, officials said.\n\n"
    "The ministers agreed to a truce in the delta war on Sunday after a long meeting, the "
    "officials said.\n\n"
    "Westmark's defence minister Paul Orban said the truce could only hold if the rebel "
    "militias stopped shelling the river towns.\n\n"
    "The delta war began four years ago when the rebels took the old fortress above the "
    "river.\n\n"
    "The old fortress was built in the twelfth century and was a museum before the war, "
    "with a small cafe on its walls and a view over the whole delta.\n\n"
    "Aid groups said the corridors would let them reach 200,000 people cut off by the "
    "fighting."
)


def test_a_wire_storys_attributed_claim_is_included_and_the_restated_lede_is_not(parse):
    included = _included(extract_key_points(sentences(parse(WIRE))))
    claim = "Westmark's defence minister Paul Orban said the truce"
    assert any(t.startswith(claim) for t in included)
    assert not any(t.startswith("The ministers agreed to a truce") for t in included)


def test_the_last_paragraph_is_reached(parse):
    included = _included(extract_key_points(sentences(parse(READOUT))))
    assert any("pledged 300 tonnes of seed grain" in t for t in included)


def test_included_key_points_keep_their_spans_and_scores_best_first(parse):
    points = extract_key_points(sentences(parse(READOUT)))
    for point in points:
        (span,) = point.spans
        assert words_in_order(point.text, READOUT[span.start : span.end]), point.text
    scores = [p.score for p in points]
    assert scores == sorted(scores, reverse=True)


def test_merged_points_of_several_sources_include_at_most_the_cap():
    points = [KeyPoint(f"Point {i}.", include=i % 4 != 3) for i in range(16)]
    capped = cap_included(points, 5)
    assert [p.include for p in capped][:8] == [True, True, True, False, True, True, False, False]
    assert sum(p.include for p in capped) == 5


TIGHT = (
    "Trade Minister Ada Lund met with Harbour Board Member, Director of the Office of Coastal "
    "Trade, and Transport Minister Liva Dorsk in Havlo on Monday.\n\n"
    "The two ministers agreed to reopen the ferry line between Havlo and Ostby in May, "
    "recalling the busy trade between the two harbours before the storms of the last decade "
    "closed the northern quay.\n\n"
    "Minister Lund announced that her country would provide $40 million for the new quay, "
    "including at least $12 million over two years for a breakwater that the harbour board "
    "proposed in its plan of the spring.\n\n"
    "The ministers spoke for an hour in the old customs house by the water.\n\n"
    "Minister Dorsk raised concerns about the fishing quotas in the Kessel banks.\n\n"
    "The customs house was built a century ago and is now a small museum of the ferry "
    "trade, with old maps and models of ships.\n\n"
    "Both ministers said a working group on ferry fares would meet in Ostby in June."
)


def test_cut_titles_settings_and_breakdowns_leave_room_for_later_facts(parse):
    """A long title list, a trailing participle naming places and the breakdown of an
    amount took the budget; cut, the concern and the working group fit under half."""
    included = _included(extract_key_points(sentences(parse(TIGHT))))
    assert included[0] == (
        "Trade Minister Ada Lund met with Transport Minister Liva Dorsk in Havlo on Monday."
    )
    assert any(t.endswith("between Havlo and Ostby in May.") for t in included)
    assert any(t.endswith("would provide $40 million for the new quay.") for t in included)
    assert any("fishing quotas in the Kessel banks" in t for t in included)
    assert any("working group on ferry fares" in t for t in included)
    assert sum(_words(t) for t in included) < 0.5 * _words(TIGHT)
