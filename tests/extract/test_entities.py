"""Mentions: names the statistical model labels wrongly are repaired."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from briefgen.extract.entities import ORG, PERSON, PLACE, find_mentions
from briefgen.extract.parse import Parsed, Piece
from briefgen.model import Source


def kinds(parsed):
    return [(m.kind, m.text) for m in find_mentions(parsed)]


def hand_parsed(nlp, rows):
    """A one-piece source from hand-written (word, pos, dep, head, lemma) rows, no entities:
    the parse the model would give, without its entity labels."""
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(rows) and rows[i + 1][0] != "." for i in range(len(rows))]
    doc = Doc(
        nlp.vocab, words=words, spaces=spaces, pos=[r[1] for r in rows],
        deps=[r[2] for r in rows], heads=[r[3] for r in rows], lemmas=[r[4] for r in rows],
    )
    return Parsed(Source(id="t", text=doc.text), [Piece(0, doc, len(doc.text))])


def test_a_country_the_model_calls_a_person_becomes_a_place(parse):
    text = (
        "Officials from Norvalia and Estrava met on Thursday. "
        "The Estravan delegation arrived late, and Estrava later thanked its hosts."
    )
    found = kinds(parse(text))
    assert (PLACE, "Estrava") in found
    assert (PERSON, "Estrava") not in found


def test_a_surname_labelled_as_an_organisation_becomes_the_person(parse):
    text = (
        "Professor Ilse Varga teaches at the University of Vienna. "
        '"Neither side can move first," Varga said.'
    )
    found = kinds(parse(text))
    assert (PERSON, "Ilse Varga") in found
    assert (PERSON, "Varga") in found
    assert (ORG, "University of Vienna") in found


def test_mentions_lose_articles_titles_and_possessives(parse):
    text = "Ambassador Tomas Reyhan heads the Estravan Foreign Ministry's European department."
    parsed = parse(text)
    mentions = find_mentions(parsed)
    by_kind = {m.kind: m for m in mentions}
    assert by_kind[PERSON].text == "Tomas Reyhan"
    assert by_kind[ORG].text == "Estravan Foreign Ministry"
    assert text[by_kind[ORG].start : by_kind[ORG].end] == "Estravan Foreign Ministry"


def test_a_wire_dateline_city_is_a_place_not_an_organisation(parse):
    text = (
        "OSLO, Oct 2 (Lakeside Herald) - Transport ministers agreed on Wednesday to review "
        "opening hours at three border crossings, officials said."
    )
    found = kinds(parse(text))
    assert (ORG, "OSLO") not in found
    assert (PLACE, "Oslo") in found


def test_the_dateline_city_named_again_in_the_story_is_a_place_there_too(parse):
    text = (
        "TALLORN - Envoys met on Monday. Ministers speaking after the meeting in Tallorn "
        "said the talks would resume."
    )
    parsed = parse(text)
    doc = parsed.pieces[0].doc
    # the model may tag the city an organisation in the story; set as it does
    tallorn = next(t.i for t in doc if t.text == "Tallorn")
    doc.set_ents([Span(doc, tallorn, tallorn + 1, "ORG")], default="unmodified")
    found = kinds(parsed)
    assert (ORG, "Tallorn") not in found
    assert (PLACE, "Tallorn") in found


def test_an_entity_run_on_from_the_dateline_into_the_sentence_is_its_place_alone(parse):
    parsed = parse("TALLORN - Envoys met on Monday to review the crossings.")
    doc = parsed.pieces[0].doc
    doc.set_ents([Span(doc, 0, 3, "ORG")], default="unmodified")  # "TALLORN - Envoys"
    found = kinds(parsed)
    assert (PLACE, "Tallorn") in found
    assert not any("Envoys" in name for _, name in found)


def test_the_date_and_agency_of_a_dateline_are_not_people(parse):
    text = (
        "OSLO, Oct 2 (Lakeside Herald) - Transport ministers agreed on Wednesday to review "
        "opening hours at three border crossings.\n\n"
        "Transport Minister Erik Dahl said the review would begin next month."
    )
    people = [name for kind, name in kinds(parse(text)) if kind == PERSON]
    assert people == ["Erik Dahl"]


def test_the_city_of_a_dateline_with_an_agency_and_no_comma_is_a_place(parse):
    text = (
        "WASHINGTON (AP) \u2014 Senators agreed on Wednesday to review the budget, "
        "officials said."
    )
    found = kinds(parse(text))
    assert (PLACE, "Washington") in found
    assert all(name != "AP" for _, name in found)


def test_the_region_of_a_title_case_dateline_is_a_place_too(parse):
    found = kinds(parse("Hanoi, Vietnam \u2014 Ministers met on Wednesday to discuss trade."))
    assert (PLACE, "Hanoi") in found
    assert (PLACE, "Vietnam") in found


def test_an_untagged_name_that_is_the_subject_of_a_speech_verb_is_a_person(nlp):
    parsed = hand_parsed(nlp, [
        ("Then", "ADV", "advmod", 3, "then"),
        ("Jane", "PROPN", "compound", 2, "Jane"),
        ("Doe", "PROPN", "nsubj", 3, "Doe"),
        ("said", "VERB", "ROOT", 3, "say"),
        ("it", "PRON", "nsubj", 5, "it"),
        ("failed", "VERB", "ccomp", 3, "fail"),
        (".", "PUNCT", "punct", 3, "."),
    ])
    assert parsed.text == "Then Jane Doe said it failed."
    assert kinds(parsed) == [(PERSON, "Jane Doe")]


def test_a_speaker_already_named_after_a_title_is_not_found_twice(nlp):
    parsed = hand_parsed(nlp, [
        ("Then", "ADV", "advmod", 4, "then"),
        ("Minister", "PROPN", "compound", 3, "Minister"),
        ("Jane", "PROPN", "compound", 3, "Jane"),
        ("Doe", "PROPN", "nsubj", 4, "Doe"),
        ("said", "VERB", "ROOT", 4, "say"),
        ("it", "PRON", "nsubj", 6, "it"),
        ("failed", "VERB", "ccomp", 4, "fail"),
        (".", "PUNCT", "punct", 4, "."),
    ])
    found = find_mentions(parsed)
    assert [(m.kind, m.text, m.start) for m in found] == [(PERSON, "Jane Doe", 14)]


def test_general_before_a_body_s_name_is_no_military_title(parse):
    found = {text: kind for kind, text in kinds(
        parse(
            "Firms including Bank of Norland, General Electric and Microsoft filed briefs. "
            "We are going to the (UN) General Assembly, the envoy said."
        )
    )}
    assert found.get("General Electric") == ORG
    assert found.get("General Assembly") == ORG
    assert "Electric" not in found
    assert "Assembly" not in found


def test_untagged_names_after_a_plural_title_or_beside_a_speaking_role_are_people(parse):
    found = {text: kind for kind, text in kinds(
        parse(
            "Ministers Ana Lopes and Boris Klein discussed trade on Friday in Geneva. The "
            "head of the aid task force, Jan Ostrow, told reporters that access had improved."
        )
    )}
    assert found.get("Ana Lopes") == PERSON
    assert found.get("Boris Klein") == PERSON
    assert found.get("Jan Ostrow") == PERSON


def test_names_the_model_ran_into_a_place_or_a_body_or_took_for_a_date_are_people(parse):
    text = (
        "Another diplomat, former special envoy to Norland Kurt Vollmer, changed his "
        "account.\n\nAmerican Kevin Lake and Australian Timothy Weeks, both teachers at "
        "the college, were freed on Tuesday.\n\nJob cuts will come later this week, said "
        "the firm's newly named executive chair Marcus Clary in an email to staff."
    )
    found = {text: kind for kind, text in kinds(parse(text))}
    assert found.get("Kurt Vollmer") == PERSON
    assert found.get("Timothy Weeks") == PERSON
    assert found.get("Marcus Clary") == PERSON
    assert "Norland Kurt Vollmer" not in found
    assert "Tuesday" not in found


def test_a_company_after_a_job_companies_also_do_stays_a_company(parse):
    found = {
        text: kind
        for kind, text in kinds(parse("Dubai's flagship carrier Emirates Airline signed."))
    }
    assert found.get("Emirates Airline") == ORG


def test_the_reporters_and_editors_of_a_credit_line_are_not_people_of_the_story(parse):
    text = (
        "Minister Ola Berg met envoys in Oslo on Monday to discuss the ferry line.\n\n"
        "(Reporting by Ana Lind and Per Holm; Editing by Jo Park)"
    )
    found = kinds(parse(text))
    assert [name for kind, name in found if kind == PERSON] == ["Ola Berg"]


def test_a_name_after_a_minister_of_a_field_or_in_apposition_to_a_title_is_a_person(parse):
    text = (
        "The Merrini side was represented by Foreign Minister Omar Haddad and Minister of "
        "Energy Sara Bakri.\n\nCorvan's president, Adrian Holt, is to meet the Minister of "
        "State for Defence of the Republic of Tessa, Helena Strand, in March."
    )
    found = {text: kind for kind, text in kinds(parse(text))}
    assert found.get("Sara Bakri") == PERSON
    assert found.get("Adrian Holt") == PERSON
    assert found.get("Helena Strand") == PERSON
    assert "Energy Sara Bakri" not in found


def test_a_company_in_apposition_to_a_job_companies_do_is_no_person(parse):
    text = (
        "Councillors would not approve the rise that the ferry operator, Kelby Sound Lines, "
        "says it needs. The operator's spokesman, Tomas Vik, said it would appeal."
    )
    found = {text: kind for kind, text in kinds(parse(text))}
    assert found.get("Kelby Sound Lines") == ORG
    assert found.get("Tomas Vik") == PERSON


def test_a_one_word_name_owning_a_state_body_is_a_country_unless_a_known_surname(parse):
    text = (
        "Saskar's delegation rejected the offer, and Saskar's prime minister left. "
        "President Anna Veltri spoke later; Veltri's government approved the plan."
    )
    found = [(kind, text) for kind, text in kinds(parse(text))]
    assert (PERSON, "Saskar") not in found
    assert (PLACE, "Saskar") in found
    assert (PERSON, "Veltri") in found


def test_a_capitalised_dateline_city_run_into_the_first_name_is_a_place(parse):
    text = (
        "TALLPORT Estmark and Norland agreed on Friday to reopen the Ossa border crossing, "
        "closed since a shooting in February, after a day of talks between their interior "
        "ministers, both governments said."
    )
    found = kinds(parse(text))
    assert (PLACE, "Tallport") in found
    assert not any("TALLPORT" in name for _, name in found)


def test_a_capitalised_dateline_city_after_a_kept_headline_is_a_place(parse):
    for text in (
        "Estmark and Norland reopen Ossa crossing\n\nTALLPORT Estmark and Norland agreed on "
        "Friday to reopen the Ossa border crossing, both governments said.",
        "Border talks resume\nVARNO Interior ministers of Estmark and Norland met on Friday "
        "and agreed to reopen the crossing.",
    ):
        found = kinds(parse(text))
        city = text.split("\n")[-1].split()[0]
        assert (PLACE, city.title()) in found, text
        assert not any(city in name for _, name in found), text
        # the headline keeps its names
        assert (PLACE, "Norland") in found or (ORG, "Norland") in found


def test_the_field_of_a_title_set_off_before_a_name_is_no_person(parse):
    text = (
        "The Norland delegation was led by Deputy Minister for the Environment and Water "
        "Resources, Hanna Berg."
    )
    parsed = parse(text)
    doc = parsed.pieces[0].doc
    start = next(t.i for t in doc if t.text == "Water")
    hanna = next(t.i for t in doc if t.text == "Hanna")
    # the model may tag the title's last words a person; set as it does
    doc.set_ents([Span(doc, start, start + 2, "PERSON"), Span(doc, hanna, hanna + 2, "PERSON")],
                 default="unmodified")
    people = [name for kind, name in kinds(parsed) if kind == PERSON]
    assert people == ["Hanna Berg"]


def test_a_one_word_name_before_a_reservoir_or_weir_is_a_place(parse):
    text = "Estovia agreed to release water from the Kalna reservoir and repair the Oster weir."
    found = kinds(parse(text))
    assert (PERSON, "Kalna") not in found
    assert (PERSON, "Oster") not in found


def test_a_one_word_name_before_a_crossing_is_a_place(parse):
    text = "Mr. Petrov agreed that aid convoys must be allowed through the Varo crossing."
    found = kinds(parse(text))
    assert (PERSON, "Varo") not in found


def test_a_place_written_with_its_kind_in_lower_case_is_the_name_alone(parse):
    text = "The Kelby city council postponed the vote. Farmers in Tallorn county protested."
    found = kinds(parse(text))
    places = [name for kind, name in found if kind == PLACE]
    assert "Kelby" in places
    assert "Tallorn" in places
    assert not any(name.endswith(("city", "county")) for name in places)
