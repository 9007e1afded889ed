"""Quotes: which quoted stretches are quotations, the speaker a quote with no cue carries
on, and the Brief's Quote items."""

from __future__ import annotations

from support.extract_runs import pairs, quotes


def test_speaker_after_the_quote_with_role(parse):
    text = (
        "Marta Lindqvist, a spokesperson for the Foreign Ministry, spoke after the talks. "
        '"Our citizens remain our first concern," Lindqvist said.'
    )
    (quote,) = quotes(parse(text))
    assert quote.text == "Our citizens remain our first concern"
    assert quote.speaker == "Marta Lindqvist"
    assert quote.speaker_role == "spokesperson"
    (span,) = quote.spans
    assert text[span.start : span.end] == "Our citizens remain our first concern"


def test_a_quote_split_around_its_attribution_is_one_quote(parse):
    text = (
        "Ambassador Tomas Reyhan struck a cautious note. "
        "\u201cThis is a first step,\u201d he said, \u201cbut it is a real one.\u201d"
    )
    (quote,) = quotes(parse(text))
    assert quote.text == "This is a first step, but it is a real one."
    assert quote.speaker == "Tomas Reyhan"
    assert quote.speaker_role == "Ambassador"
    assert len(quote.spans) == 2


def test_a_quote_with_no_cue_takes_the_previous_speaker(parse):
    text = (
        '"Neither capital can be seen to travel first," Professor Ilse Varga said. '
        '"A third country lets them both arrive as equals."'
    )
    assert pairs(parse(text)) == [
        ("Neither capital can be seen to travel first", "Ilse Varga"),
        ("A third country lets them both arrive as equals.", "Ilse Varga"),
    ]


def test_a_scare_quote_is_not_a_quotation(parse):
    text = 'The team won a prize for "courageous achievement" in Washington.'
    assert quotes(parse(text)) == []


def test_a_partial_quote_in_reported_speech_is_the_quoted_words_alone(parse):
    text = 'Senator Ruth Alder said the budget was "a disgrace to this chamber" on Monday.'
    (quote,) = quotes(parse(text))
    assert quote.speaker == "Ruth Alder"
    assert quote.text == "a disgrace to this chamber"
    (span,) = quote.spans
    assert text[span.start : span.end] == "a disgrace to this chamber"


def test_back_to_back_quotes_are_one_quote(parse):
    text = 'The crowd chanted "Here he comes," "Here he is at last."'
    (quote,) = quotes(parse(text))
    assert quote.text == "Here he comes, Here he is at last."
    assert len(quote.spans) == 2


def test_confidence_is_highest_for_a_name_in_the_attribution_and_low_without_speaker(parse):
    (named,) = quotes(parse("\u201cWe will meet again in May,\u201d Anika Solberg said."))
    assert named.confidence == 0.95
    text = "Nobody claimed the banner. \u201cNo more delays for the people of the valley.\u201d"
    (unattributed,) = quotes(parse(text))
    assert unattributed.speaker is None
    assert unattributed.confidence == 0.2


def test_a_quote_running_into_an_unmarked_paragraph_takes_the_cue_at_its_end(parse):
    text = (
        'The president wrote on Saturday. "Brett Marlow, whom I do not know, was appointed '
        "in 2015.\n"
        'He was supposed to leave in February," Karl Obst tweeted.'
    )
    (quote,) = quotes(parse(text))
    assert quote.speaker == "Karl Obst"
    assert len(quote.spans) == 2


def test_song_titles_and_lyrics_in_quotation_marks_are_not_quotes(parse):
    text = (
        "Teachers with marching band instruments played \u201cWe\u2019re Not Gonna Take It\u201d "
        "from the steps, and the crowd sang \u201cWe Shall Overcome Someday\u201d. "
        "The band\u2019s new song \u201cmeet me down by the river tonight\u201d closed the show. "
        "\u201cWe are not going anywhere,\u201d Angela Marsh said."
    )
    assert pairs(parse(text)) == [("We are not going anywhere", "Angela Marsh")]


def test_a_quote_ending_in_an_abbreviation_takes_the_name_after_it(parse):
    text = (
        "\u201cThe intelligence community knows that Russia attacked the U.S.,\u201d "
        "Mr. Sasko said. \u201cThis is not a party view.\u201d"
    )
    assert [q.speaker for q in quotes(parse(text))] == ["Sasko", "Sasko"]


def test_a_chant_is_a_quote_but_a_sign_is_not(parse):
    text = (
        "The protesters chanted \u201cChris Calder: Bad for New Jersey, bad for you.\u201d "
        "He held up a sign which read \u201cHispanics 4 Calder\u201d and waved it."
    )
    assert [q.text for q in quotes(parse(text))] == [
        "Chris Calder: Bad for New Jersey, bad for you."
    ]
