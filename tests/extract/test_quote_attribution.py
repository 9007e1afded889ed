"""Quote attribution: the speech verb beside a quote, a lead-in with a colon, a transcript
label, a dash credit, the paragraph before."""

from __future__ import annotations

from support.extract_runs import pairs, quotes


def test_name_also_stated_with_a_colon(parse):
    text = 'Daniel Brunner also stated: "Switzerland is glad to help for as long as needed."'
    assert pairs(parse(text)) == [
        ("Switzerland is glad to help for as long as needed.", "Daniel Brunner")
    ]


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


def test_a_passive_description_is_credited_to_the_agent(parse):
    text = (
        "The hour-long meeting was described by Nora Tell as \u201ca frank and useful "
        "exchange of views\u201d."
    )
    (quote,) = quotes(parse(text))
    assert quote.speaker == "Nora Tell"


def test_quoted_by_a_website_credits_the_person_not_the_website(parse):
    text = (
        "Colonel Ivo Brandt, quoted by the website Frontline Daily, said \u201cthe road "
        "to the port is open again\u201d."
    )
    (quote,) = quotes(parse(text))
    assert quote.speaker == "Ivo Brandt"


def test_said_after_an_apposition_and_a_question_clause_is_the_first_name(parse):
    text = (
        "Representative Jim Corder, Republican of Ohio, a founder of the conservative "
        "Liberty Caucus, asked if the mayor should resign, said, \u201cI\u2019ll leave that "
        "to the voters.\u201d"
    )
    (quote,) = quotes(parse(text))
    assert quote.speaker == "Jim Corder"


def test_adding_after_an_infinitive_clause_is_the_main_subject(parse):
    text = (
        "But Mr. Rowe, of California, called Friday for Mr. Tran to \u201cuse the "
        "indictments to push back\u201d at the summit, adding, \u201cWe can\u2019t afford "
        "to give an inch of ground.\u201d"
    )
    assert [q.speaker for q in quotes(parse(text))] == ["Rowe", "Rowe"]


def test_adding_after_a_reported_clause_is_the_reporter(parse):
    text = (
        "To wit, Karl Obst told Newsmax that Mitt Romer \u201chad a crazy policy which was "
        "maniacal,\u201d adding, \u201cHe lost all of the Latino vote.\u201d"
    )
    assert [q.speaker for q in quotes(parse(text))] == ["Karl Obst", "Karl Obst"]


def test_a_continuing_quote_keeps_its_speaker_not_the_name_in_the_next_sentence(parse):
    text = (
        "\u201cWe made progress today,\u201d Anika Solberg said.\n"
        "\u201cThere is more to do, and we will do it together.\u201d Tomas Reyhan said "
        "little after the meeting."
    )
    assert [q.speaker for q in quotes(parse(text))] == ["Anika Solberg", "Anika Solberg"]


def test_a_quote_opening_a_paragraph_after_a_reported_statement_takes_its_speaker(parse):
    text = (
        "\u201cThe consensus is broken,\u201d said Avi Bellin, a fellow at the Policy Forum.\n\n"
        "Saleh Erkan said it was only the latest move to force the Palestinians to give up.\n\n"
        "\u201cThey wanted us on our knees and they used every trick to pressure us.\u201d"
    )
    assert [q.speaker for q in quotes(parse(text))] == ["Avi Bellin", "Saleh Erkan"]
