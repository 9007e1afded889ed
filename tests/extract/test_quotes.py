"""Quotes: every direct quotation with its speaker, however it is attributed."""

from __future__ import annotations

from briefgen.extract.entities import find_mentions
from briefgen.extract.organizations import build_organizations
from briefgen.extract.parse import parse_sources
from briefgen.extract.people import build_people
from briefgen.extract.quotes import find_quotes, to_quotes
from briefgen.model import Source


def quotes(parsed):
    mentions = find_mentions(parsed)
    people = build_people(mentions)
    orgs = build_organizations(mentions, people)
    return to_quotes(find_quotes(parsed, mentions, people, orgs), parsed.source.id, parsed.text)


def pairs(parsed):
    return [(q.text, q.speaker) for q in quotes(parsed)]


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


def test_he_added_resolves_to_the_person_just_named(parse):
    text = (
        "Finance Minister Omar Haddad defended the budget on Monday. "
        '"We cannot spend what we do not have," he added.'
    )
    assert pairs(parse(text)) == [("We cannot spend what we do not have", "Omar Haddad")]


def test_name_also_stated_with_a_colon(parse):
    text = 'Daniel Brunner also stated: "Switzerland is glad to help for as long as needed."'
    assert pairs(parse(text)) == [
        ("Switzerland is glad to help for as long as needed.", "Daniel Brunner")
    ]


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


def test_inverted_said_with_an_apposition(parse):
    text = (
        '"It will happen sooner rather than later," said James Acton, a physicist at the '
        "Carnegie Endowment for International Peace."
    )
    (quote,) = quotes(parse(text))
    assert quote.speaker == "James Acton"
    assert quote.speaker_role == "physicist"


def test_speaker_in_apposition_before_the_verb(parse):
    text = (
        "\u201cHe is absolutely right about the generals,\u201d Flynn, a senior adviser to the "
        "campaign, said on Thursday."
    )
    assert pairs(parse(text)) == [("He is absolutely right about the generals", "Flynn")]


def test_a_dash_credit_names_the_speaker(parse):
    text = (
        "Readers wrote in after the debate.\n"
        "\u201cThe debate changed nothing for me at all.\u201d \u2015 Carla Sanchez\n"
        "\u201cI will vote early this year.\u201d\u00a0\u2015 Jorge Falcon"
    )
    assert pairs(parse(text)) == [
        ("The debate changed nothing for me at all.", "Carla Sanchez"),
        ("I will vote early this year.", "Jorge Falcon"),
    ]


def test_back_to_back_quotes_are_one_quote(parse):
    text = 'The crowd chanted "Here he comes," "Here he is at last."'
    (quote,) = quotes(parse(text))
    assert quote.text == "Here he comes, Here he is at last."
    assert len(quote.spans) == 2


def test_described_as_credits_the_describer_with_the_quoted_words(parse):
    text = 'Senator Ruth Alder described the budget bill as "a disgrace" on Monday.'
    (quote,) = quotes(parse(text))
    assert quote.speaker == "Ruth Alder"
    assert quote.text == "a disgrace"


def test_a_pronoun_lead_in_on_its_own_line(parse):
    text = (
        "Mayor Lene Holm answered the critics on Monday.\n\nShe said:\n\n"
        '"We will finish the harbour on time and on budget."'
    )
    assert pairs(parse(text)) == [
        ("We will finish the harbour on time and on budget.", "Lene Holm")
    ]


def test_a_transcript_label_names_the_speaker(parse):
    text = 'Governor Mike Pence answered.\n\n"PENCE: Well, look, this is serious business."'
    (quote,) = quotes(parse(text))
    assert quote.speaker == "Mike Pence"


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
