"""Pronoun antecedents: the person a "he" or "she" before a speech verb stands for."""

from __future__ import annotations

from support.extract_runs import pairs, quotes


def test_he_added_resolves_to_the_person_just_named(parse):
    text = (
        "Finance Minister Omar Haddad defended the budget on Monday. "
        '"We cannot spend what we do not have," he added.'
    )
    assert pairs(parse(text)) == [("We cannot spend what we do not have", "Omar Haddad")]


def test_he_said_is_the_subject_of_the_last_sentence_not_the_name_nearest(parse):
    text = (
        "Representative Jonas Berg, the top Democrat on the panel, stopped short of a call to "
        "cancel, but he said the president should demand that Mr. Ivanov hand over the files.\n"
        "\u201cI would not trust the president alone with him,\u201d he said."
    )
    (quote,) = quotes(parse(text))
    assert quote.speaker == "Jonas Berg"
    assert quote.confidence is not None
    assert quote.confidence >= 0.7


def test_he_said_skips_a_name_that_is_only_a_modifier(parse):
    text = (
        "Representative Tom Wardell, Republican of Ohio, tried to link the scandal with the "
        "Obama administration.\n"
        "\u201cThe people don\u2019t buy it,\u201d he said."
    )
    assert pairs(parse(text)) == [("The people don\u2019t buy it", "Tom Wardell")]


def test_a_pronoun_keeps_the_gender_an_honorific_gives(parse):
    text = (
        "Ms. Harriet Lowe met Mr. Daniel Crane on Monday. "
        "\u201cWe agreed on nothing at all today,\u201d she said."
    )
    assert pairs(parse(text)) == [("We agreed on nothing at all today", "Harriet Lowe")]


def test_names_inside_an_earlier_quote_are_not_antecedents(parse):
    text = (
        "Senator Ada Moss spoke first. \u201cI told Peter Vance that this will not pass,\u201d "
        "she said. \u201cWe will keep pushing for a vote,\u201d she added."
    )
    speakers = {q.speaker for q in quotes(parse(text))}
    assert speakers == {"Ada Moss"}


def test_a_pronoun_agrees_with_the_gender_the_text_uses_for_a_person(parse):
    text = (
        "Rania Odeh said her office had received the call in March. "
        "During the call, Paul Marek asked about the vote, called Odeh a liar and said, "
        "\u201csomebody ought to stop her for good,\u201d the office said.\n"
        "\u201cI will find her,\u201d he said later."
    )
    found = quotes(parse(text))
    assert found[-1].speaker == "Paul Marek"


def test_he_said_long_after_the_name_takes_the_main_subject_further_back(parse):
    text = (
        "President Karl Obst said Friday that he will sign the bill.\n"
        "He said the deal would keep the agencies open for three weeks.\n"
        "He made reference to his earlier threats.\n"
        "The deal had no money for the wall, but he said talks would go on.\n"
        "\u201cWalls should not be controversial,\u201d he said."
    )
    (quote,) = quotes(parse(text))
    assert quote.speaker == "Karl Obst"


def test_the_antecedent_comes_before_the_pronoun_not_before_the_quote(parse):
    text = (
        "Mr. Hale was first elected in 2008. He was once considered for a top job, and "
        "told a newspaper days after Mr. Drummond\u2019s election that he wanted "
        "\u201ca warrior culture\u201d in the government."
    )
    (quote,) = quotes(parse(text))
    assert quote.speaker == "Hale"
