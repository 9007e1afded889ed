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


def test_a_speaker_named_with_his_title_in_the_headline_and_body_is_a_person(parse):
    text = (
        "Morrow announces deal on the budget\n"
        "President Morrow said Friday that he will sign the bill.\n"
        "\u201cI am very proud to announce we have reached a deal,\u201d he said."
    )
    (quote,) = quotes(parse(text))
    assert quote.speaker == "Morrow"


def test_confidence_is_highest_for_a_name_in_the_attribution_and_low_without_speaker(parse):
    (named,) = quotes(parse("\u201cWe will meet again in May,\u201d Anika Solberg said."))
    assert named.confidence == 0.95
    text = "Nobody claimed the banner. \u201cNo more delays for the people of the valley.\u201d"
    (unattributed,) = quotes(parse(text))
    assert unattributed.speaker is None
    assert unattributed.confidence == 0.2


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


def test_a_continuing_quote_keeps_its_speaker_not_the_name_in_the_next_sentence(parse):
    text = (
        "\u201cWe made progress today,\u201d Anika Solberg said.\n"
        "\u201cThere is more to do, and we will do it together.\u201d Tomas Reyhan said "
        "little after the meeting."
    )
    assert [q.speaker for q in quotes(parse(text))] == ["Anika Solberg", "Anika Solberg"]


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


def test_said_after_an_apposition_and_a_question_clause_is_the_first_name(parse):
    text = (
        "Representative Jim Corder, Republican of Ohio, a founder of the conservative "
        "Liberty Caucus, asked if the mayor should resign, said, \u201cI\u2019ll leave that "
        "to the voters.\u201d"
    )
    (quote,) = quotes(parse(text))
    assert quote.speaker == "Jim Corder"


def test_a_statement_warning_is_credited_to_its_issuer(parse):
    text = (
        "In a sign of the confusion, the Electoral Board, which regulates campaign "
        "finances, issued a statement warning that \u201cvoters are entitled to "
        "transparency from campaigners.\u201d"
    )
    (quote,) = quotes(parse(text))
    assert quote.speaker == "Electoral Board"


def test_adding_after_an_infinitive_clause_is_the_main_subject(parse):
    text = (
        "But Mr. Rowe, of California, called Friday for Mr. Tran to \u201cuse the "
        "indictments to push back\u201d at the summit, adding, \u201cWe can\u2019t afford "
        "to give an inch of ground.\u201d"
    )
    assert [q.speaker for q in quotes(parse(text))] == ["Rowe", "Rowe"]


def test_a_quote_ending_in_an_abbreviation_takes_the_name_after_it(parse):
    text = (
        "\u201cThe intelligence community knows that Russia attacked the U.S.,\u201d "
        "Mr. Sasko said. \u201cThis is not a party view.\u201d"
    )
    assert [q.speaker for q in quotes(parse(text))] == ["Sasko", "Sasko"]


def test_a_quote_opening_a_paragraph_after_a_reported_statement_takes_its_speaker(parse):
    text = (
        "\u201cThe consensus is broken,\u201d said Avi Bellin, a fellow at the Policy Forum.\n\n"
        "Saleh Erkan said it was only the latest move to force the Palestinians to give up.\n\n"
        "\u201cThey wanted us on our knees and they used every trick to pressure us.\u201d"
    )
    assert [q.speaker for q in quotes(parse(text))] == ["Avi Bellin", "Saleh Erkan"]


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


def test_adding_after_a_reported_clause_is_the_reporter(parse):
    text = (
        "To wit, Karl Obst told Newsmax that Mitt Romer \u201chad a crazy policy which was "
        "maniacal,\u201d adding, \u201cHe lost all of the Latino vote.\u201d"
    )
    assert [q.speaker for q in quotes(parse(text))] == ["Karl Obst", "Karl Obst"]


def test_a_chant_is_a_quote_but_a_sign_is_not(parse):
    text = (
        "The protesters chanted \u201cChris Calder: Bad for New Jersey, bad for you.\u201d "
        "He held up a sign which read \u201cHispanics 4 Calder\u201d and waved it."
    )
    assert [q.text for q in quotes(parse(text))] == [
        "Chris Calder: Bad for New Jersey, bad for you."
    ]
