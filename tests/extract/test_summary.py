"""Summary: the bottom line up front in one or two sentences."""

from __future__ import annotations

from briefgen.extract.keypoints import rank_sentences
from briefgen.extract.sentences import sentences
from briefgen.extract.summary import build_summary


def test_a_long_lead_sentence_is_the_whole_summary(parse):
    text = (
        "Senior diplomats from Norvalia and Estrava met in Geneva on Thursday for their first "
        "direct talks in six years, agreeing to work toward restoring normal embassy "
        "operations in both capitals.\n\nThe meeting lasted five hours.\n\n"
        "Visa services were suspended in 2021."
    )
    summary = build_summary(rank_sentences(sentences(parse(text))))
    assert summary.text.startswith("Senior diplomats from Norvalia and Estrava met")
    assert summary.text.endswith("in both capitals.")
    (span,) = summary.spans
    assert text[span.start : span.end] == summary.text


def test_a_short_lead_gets_a_second_sentence_in_text_order(parse):
    text = (
        "The city council passed the harbour budget on Monday evening.\n\n"
        "The budget gives 40 million euros to the harbour for dredging and a ferry terminal.\n\n"
        "Some residents wanted a park."
    )
    summary = build_summary(rank_sentences(sentences(parse(text))))
    assert len(summary.spans) == 2
    assert summary.text == (
        "The city council passed the harbour budget on Monday evening. "
        "The budget gives 40 million euros to the harbour for dredging and a ferry terminal."
    )


def test_an_empty_text_has_an_empty_summary(parse):
    assert build_summary(rank_sentences(sentences(parse("")))).text == ""


def test_a_broadcaster_dateline_is_not_left_at_the_start_of_the_summary(parse):
    for dateline in ("Washington (CNN) -- ", "WASHINGTON (CNN)"):
        text = (
            f"{dateline}The Senate voted on Tuesday to extend the program for two years, "
            "ending a month of talks between the parties.\n\nThe House votes next week."
        )
        summary = build_summary(rank_sentences(sentences(parse(text))))
        assert summary.text.startswith("The Senate voted on Tuesday"), dateline


def test_a_title_case_city_and_a_dash_opening_the_story_is_a_dateline(parse):
    text = (
        "Indianapolis \u2013 Several thousand teachers surrounded the Statehouse on Tuesday "
        "to press lawmakers for higher pay.\n\nThe session starts in January."
    )
    parsed = parse(text)
    assert parsed.dateline is not None
    assert parsed.dateline.place == "Indianapolis"
    summary = build_summary(rank_sentences(sentences(parsed)))
    assert summary.text.startswith("Several thousand teachers")


def test_a_name_and_a_dash_opening_the_story_is_not_a_dateline(parse):
    text = "Anika Solberg \u2013 the envoy \u2013 said the talks went well on Tuesday."
    assert parse(text).dateline is None
