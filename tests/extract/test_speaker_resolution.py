"""Speaker resolution: the organisation, issuer, description or author a speech verb's
subject stands for."""

from __future__ import annotations

from support.extract_runs import pairs, quotes

from briefgen.extract.parse import parse_sources
from briefgen.model import Source


def test_the_ministry_noted_resolves_to_the_organisation(parse):
    text = (
        "The Estravan Foreign Ministry issued a note on Friday. "
        '"The talks were useful and will continue," the ministry noted.'
    )
    assert pairs(parse(text)) == [
        ("The talks were useful and will continue", "Estravan Foreign Ministry")
    ]


def test_the_statement_said_names_the_statement(parse):
    text = '"Both sides agreed to meet again," the joint statement said.'
    assert pairs(parse(text)) == [("Both sides agreed to meet again", "joint statement")]


def test_the_statement_said_resolves_to_its_issuer(parse):
    text = (
        "The Estravan Foreign Ministry released a statement on Friday evening. "
        '"The talks were frank and useful," the statement said.'
    )
    assert pairs(parse(text)) == [("The talks were frank and useful", "Estravan Foreign Ministry")]


def test_i_outside_the_quotes_is_the_articles_author(nlp):
    text = 'When I asked about the harbour plan, I said, "The budget is too small for it."'
    parsed = parse_sources([Source(id="t", text=text, author="Helena Marsh")], nlp)[0]
    assert pairs(parsed) == [("The budget is too small for it.", "Helena Marsh")]


def test_a_description_with_the_name_beside_it_credits_the_name(parse):
    text = (
        "\u201cThe talks are over for this week,\u201d the chief negotiator for the "
        "government, Major General Arvid Holm, told AFP."
    )
    (quote,) = quotes(parse(text))
    assert quote.speaker == "Arvid Holm"


def test_an_unnamed_spokesperson_is_not_the_person_named_before(parse):
    text = (
        "The firm was contacted by the office of the attorney general, Lena Park. "
        "\u201cWe received an inquiry and are cooperating,\u201d said a company spokesperson."
    )
    (quote,) = quotes(parse(text))
    assert quote.speaker == "company spokesperson"


def test_a_spokesperson_for_an_office_keeps_the_office(parse):
    text = (
        "A spokesperson for the British Foreign Office said the settlements "
        "\u201care illegal under international law and an obstacle to peace\u201d."
    )
    (quote,) = quotes(parse(text))
    assert quote.speaker == "spokesperson for the British Foreign Office"


def test_a_speaker_named_with_his_title_in_the_headline_and_body_is_a_person(parse):
    text = (
        "Morrow announces deal on the budget\n"
        "President Morrow said Friday that he will sign the bill.\n"
        "\u201cI am very proud to announce we have reached a deal,\u201d he said."
    )
    (quote,) = quotes(parse(text))
    assert quote.speaker == "Morrow"


def test_a_statement_warning_is_credited_to_its_issuer(parse):
    text = (
        "In a sign of the confusion, the Electoral Board, which regulates campaign "
        "finances, issued a statement warning that \u201cvoters are entitled to "
        "transparency from campaigners.\u201d"
    )
    (quote,) = quotes(parse(text))
    assert quote.speaker == "Electoral Board"


def test_an_organisation_speaker_keeps_the_words_that_say_which_one(parse):
    text = (
        "The French foreign ministry said it \u201cregrets any decision likely to encourage "
        "settlement building\u201d."
    )
    (quote,) = quotes(parse(text))
    assert quote.speaker == "French foreign ministry"


def test_a_place_or_a_thing_as_speaker_is_less_sure_than_a_person(parse):
    text = (
        "Officials said Washington had concluded the plan was \u201cnot, per se, "
        "inconsistent with the law\u201d. The indictment says the money was \u201cspent on "
        "family trips and dental bills\u201d."
    )
    place, thing = quotes(parse(text))
    assert place.confidence is not None
    assert place.confidence < 0.7
    assert thing.confidence is not None
    assert thing.confidence < 0.7
