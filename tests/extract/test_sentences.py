"""Sentences: paragraph-bounded, datelines removed, headline lines recognised."""

from __future__ import annotations

from briefgen.extract.sentences import sentences


def test_sentences_drop_the_dateline_and_keep_offsets(parse):
    text = (
        "OSLO, May 4 (Nordic Wire) - The council approved the harbour plan on Monday. "
        "Work starts in June.\n\nCritics called the plan rushed."
    )
    sents = sentences(parse(text))
    assert [s.text for s in sents] == [
        "The council approved the harbour plan on Monday.",
        "Work starts in June.",
        "Critics called the plan rushed.",
    ]
    for s in sents:
        assert text[s.start : s.end] == s.text
    assert [s.paragraph for s in sents] == [0, 0, 1]


def test_sentences_never_cross_a_line_break(parse):
    text = "Harbour plan approved\nThe council approved the harbour plan on Monday."
    sents = sentences(parse(text))
    assert [s.text for s in sents][0] == "Harbour plan approved"
    assert sents[0].is_headline_like
    assert not sents[1].is_headline_like


def test_sentences_drop_a_day_date_line_run_into_the_first_sentence(parse):
    text = "Thursday, May 7, 2015 On Tuesday, the council approved the harbour plan."
    (sent,) = sentences(parse(text))
    assert sent.text == "On Tuesday, the council approved the harbour plan."
    assert text[sent.start : sent.end] == sent.text


def test_sentences_drop_a_title_case_place_dateline(parse):
    text = "Bergen, Norway \u2014 The council approved the harbour plan on Monday."
    (sent,) = sentences(parse(text))
    assert sent.text == "The council approved the harbour plan on Monday."


def test_sentences_keep_a_paragraph_that_merely_opens_with_a_name(parse):
    text = "Lene Holm, the mayor, said the vote was a relief."
    (sent,) = sentences(parse(text))
    assert sent.text == text


def test_sentences_drop_the_dateline_intake_recorded_on_the_source(nlp):
    from briefgen.extract.parse import parse_sources
    from briefgen.model import Source
    from briefgen.text.datelines import Dateline

    text = "Harbour news - The council approved the harbour plan on Monday."
    recorded = Dateline("Harbour news", None, None, text.index("The council"))
    (parsed,) = parse_sources([Source(id="t", text=text, dateline=recorded)], nlp)
    (sent,) = sentences(parsed)
    assert sent.text == "The council approved the harbour plan on Monday."


def test_sentences_keep_a_later_paragraph_that_opens_like_a_dateline(parse):
    text = "The council approved the plan.\n\nNEW YORK - Shares rose on the news."
    assert [s.text for s in sentences(parse(text))] == [
        "The council approved the plan.", "NEW YORK - Shares rose on the news."
    ]


def test_a_wire_credit_line_is_no_sentence_of_the_story(parse):
    text = (
        "Envoys met in Oslo on Monday to discuss the ferry line.\n\n"
        "(Reporting by Ana Lind and Per Holm; Editing by Jo Park)"
    )
    assert [s.text for s in sentences(parse(text))] == [
        "Envoys met in Oslo on Monday to discuss the ferry line."
    ]
