"""Person roles: the title before a name, a role shared by several names, and how sure a
role is."""

from __future__ import annotations

from spacy.tokens import Span
from support.extract_runs import people

from briefgen.extract.entities import PERSON, find_mentions
from briefgen.extract.person_roles import SURE_TITLE, led_group, role_of
from briefgen.extract.role_phrases import RoleInfo


def test_title_before_the_name(parse):
    found = people(parse("The talks were opened by Deputy Foreign Minister Anika Solberg."))
    assert found["Anika Solberg"].role == "Deputy Foreign Minister"


def test_a_title_after_a_countrys_possessive_is_that_countrys_office(parse):
    parsed = parse("Estovia's Interior Minister Pavel Ruud met Lindmark's Trade Minister Ada Holm.")
    doc = parsed.pieces[0].doc
    # the model may tag the title's field as an organisation ("Interior"); set as it does
    doc.set_ents(
        [Span(doc, 0, 1, "GPE"), Span(doc, 2, 3, "ORG"), Span(doc, 4, 6, "PERSON"),
         Span(doc, 7, 8, "GPE"), Span(doc, 11, 13, "PERSON")],
        default="outside",
    )
    found = people(parsed)
    assert (found["Pavel Ruud"].role, found["Pavel Ruud"].organization) == (
        "Interior Minister", "Estovia")
    assert (found["Ada Holm"].role, found["Ada Holm"].organization) == (
        "Trade Minister", "Lindmark")


def test_a_countrys_ministry_before_a_title_stays_the_organisation(parse):
    found = people(parse("Estovia's Foreign Ministry spokesperson Karin Lund said no."))
    assert found["Karin Lund"].role == "spokesperson"


def test_a_dateline_run_into_the_sentence_is_no_part_of_a_title(parse):
    parsed = parse("LINZ Estovia's Foreign Minister Pavel Ruud met envoys on Tuesday.")
    assert parsed.dateline is not None
    assert parsed.dateline.place == "LINZ"
    found = people(parsed)
    assert found["Pavel Ruud"].role == "Foreign Minister"
    assert "LINZ" not in (found["Pavel Ruud"].organization or "")


def test_ministry_spokesperson_before_the_name_gives_role_and_organisation(parse):
    found = people(parse("Foreign Ministry spokesperson Karin Lund told reporters on Monday."))
    person = found["Karin Lund"]
    assert person.role == "spokesperson"
    assert person.organization == "Foreign Ministry"


def test_long_title_with_of_and_for_before_the_name(parse):
    text = (
        "The US side was led by Deputy Assistant Secretary of State for East Asian and "
        "Pacific Affairs Mark Lambert."
    )
    person = people(parse(text))["Mark Lambert"]
    assert person.role == "Deputy Assistant Secretary of State for East Asian and Pacific Affairs"


def test_titles_of_two_people_in_a_row_stay_apart(parse):
    found = people(parse("Prime Minister Mark Carney and President Donald Trump spoke by phone."))
    assert found["Mark Carney"].role == "Prime Minister"
    assert found["Donald Trump"].role == "President"


def test_hyphenated_and_lower_case_titles(parse):
    text = (
        "Secretary-General Antonio Guterres welcomed the deal, while EU foreign policy chief "
        "Kaja Kallas called it a first step."
    )
    found = people(parse(text))
    assert found["Antonio Guterres"].role == "Secretary-General"
    assert (found["Kaja Kallas"].role, found["Kaja Kallas"].organization) == (
        "foreign policy chief",
        "EU",
    )


def test_a_job_noun_before_the_name_is_a_role(parse):
    found = people(parse("High school math teacher Angela Marsh said she left at dawn."))
    assert found["Angela Marsh"].role == "High school math teacher"


def test_abbreviated_military_rank_before_the_name(parse):
    found = people(parse("Lt. Col. Piotr Danek told lawmakers it was his duty to report it."))
    assert found["Piotr Danek"].role == "Lt. Col."


def test_long_title_with_of_kept_whole_before_the_name(parse):
    text = "Every former minister, including former White House chief of staff Jon Kell, signed."
    person = people(parse(text))["Jon Kell"]
    assert (person.role, person.organization) == ("chief of staff", "White House")


def test_an_office_named_after_its_department_keeps_both_words(parse):
    found = people(parse("Officials said that Defense Secretary Mara Linde will leave in May."))
    assert found["Mara Linde"].role == "Defense Secretary"


def test_the_owner_of_a_spokeswoman_gets_no_role_from_her_title(parse):
    text = "A spokeswoman for Mr. Fishwick’s office, Rena Carr, said she could not confirm it."
    found = people(parse(text))
    assert found["Rena Carr"].role == "spokeswoman for Mr. Fishwick’s office"
    assert found["Fishwick"].role is None


def test_hyphenated_titles_are_kept_whole(parse):
    text = "Wikileaks editor-in-chief Kristof Halla and Chinese vice-premier Liu Wen met."
    found = people(parse(text))
    assert "editor-in-chief" in found["Kristof Halla"].role
    assert "vice-premier" in found["Liu Wen"].role


def test_an_apposition_before_a_titled_name_is_joined_to_the_title(parse):
    text = (
        "The chairman of the Oversight Committee, Representative Tim Gowan, Republican of "
        "Ohio, said he intends to hold a hearing."
    )
    person = people(parse(text))["Tim Gowan"]
    assert (person.role, person.organization) == ("Representative, chairman", "Oversight Committee")


def test_a_plural_title_before_two_names_is_the_role_of_both(parse):
    text = "The premier told Sens. Dick Durran and Diane Fenwick that he regrets the trip."
    found = people(parse(text))
    assert found["Dick Durran"].role == "Sens."
    assert found["Diane Fenwick"].role == "Sens."


def test_a_plural_apposition_after_two_names_is_the_role_of_both(parse):
    text = (
        "The aides were Bill Barone and David Wilde, two senior officials at the Port "
        "Authority, which runs the bridge."
    )
    found = people(parse(text))
    assert "senior officials" in found["Bill Barone"].role
    assert "senior officials" in found["David Wilde"].role


def test_president_elect_is_one_title(parse):
    found = people(parse("President-elect Jon Bidwell said he would name his cabinet soon."))
    assert found["Jon Bidwell"].role == "President-elect"


def test_role_confidence_follows_the_evidence(parse):
    text = (
        "Deputy Foreign Minister Anika Solberg met Marta Lindqvist, a spokesperson for the "
        "ministry, and Tomas Reyhan."
    )
    found = people(parse(text))
    assert found["Anika Solberg"].confidence == 0.9
    assert found["Marta Lindqvist"].confidence == 0.85
    assert found["Tomas Reyhan"].role is None
    assert found["Tomas Reyhan"].confidence == 0.5


def test_role_of_one_mention_reads_the_title_before_it(parse):
    parsed = parse("Deputy Foreign Minister Anika Solberg arrived in Geneva.")
    (mention,) = [m for m in find_mentions(parsed) if m.kind == PERSON]
    assert role_of(mention.tokens) == RoleInfo("Deputy Foreign Minister", None, SURE_TITLE)


def test_leading_a_delegation_is_a_role(parse):
    parsed = parse("The Norvalian delegation was led by Anika Solberg.")
    (mention,) = [m for m in find_mentions(parsed) if m.kind == PERSON]
    assert led_group(mention.tokens) == "head of the Norvalian delegation"


def test_a_title_whose_field_reads_as_an_organisation_stays_one_title_with_no_body(parse):
    parsed = parse("National Security Advisor Mara Velt met the envoy in Oslo on Monday.")
    mention = next(m for m in find_mentions(parsed) if m.text == "Mara Velt")
    info = role_of(mention.tokens)
    assert info.role == "National Security Advisor"
    assert info.organization is None


def test_a_title_the_model_tags_whole_as_an_organisation_gives_no_body(parse):
    # The model sometimes tags all of "National Security Advisor" as one organisation;
    # the entity is set here as it does, so the test does not hang on the model's mood.
    parsed = parse("National Security Advisor Mara Velt met the envoy in Oslo on Monday.")
    doc = parsed.pieces[0].doc
    doc.set_ents([Span(doc, 0, 3, "ORG")], default="unmodified")
    assert [(e.text, e.label_) for e in doc.ents][:2] == [
        ("National Security Advisor", "ORG"), ("Mara Velt", "PERSON")]
    mention = next(m for m in find_mentions(parsed) if m.text == "Mara Velt")
    info = role_of(mention.tokens)
    assert info.role == "National Security Advisor"
    assert info.organization is None
    # A body tagged with its title: the body is the organisation, without the title.
    parsed = parse("European Commission President Lena Holt met the envoy in Oslo on Monday.")
    doc = parsed.pieces[0].doc
    doc.set_ents([Span(doc, 0, 3, "ORG")], default="unmodified")
    mention = next(m for m in find_mentions(parsed) if m.text == "Lena Holt")
    info = role_of(mention.tokens)
    assert info.role == "President"
    assert info.organization == "European Commission"


def test_a_headline_word_before_of_is_not_part_of_the_title(parse):
    parsed = parse("Readout of President Arne Dahl’s Meeting with the Norland Delegation")
    mention = next(m for m in find_mentions(parsed) if m.text == "Arne Dahl")
    assert role_of(mention.tokens).role == "President"


def test_a_name_after_the_field_of_a_title_is_a_person_of_the_body_named_after_it(parse):
    text = (
        "National Security Advisor Carl Bright and Director of National Security Min-ho "
        "Lee of the Republic of Korea also attended the meeting in Seoul. Deputy Director "
        "of Public Prosecution Eva-Marie Persson took the decision."
    )
    found = people(parse(text))
    assert set(found) == {"Carl Bright", "Min-ho Lee", "Eva-Marie Persson"}
    assert found["Min-ho Lee"].role == "Director of National Security"
    assert found["Min-ho Lee"].organization == "Republic of Korea"
    assert found["Carl Bright"].organization is None
    assert found["Eva-Marie Persson"].role == "Deputy Director of Public Prosecution"


def test_a_president_of_a_named_country_belongs_to_it(parse):
    found = people(
        parse("President Tom Hale met President Dae-jung Park of the Republic of Chile today.")
    )
    assert found["Dae-jung Park"].organization == "Republic of Chile"
    assert found["Tom Hale"].organization is None


def test_a_verb_before_a_title_is_not_part_of_the_role(parse):
    found = people(parse("President Tom Hale hosted Chancellor Greta Wolff at Camp David."))
    assert found["Greta Wolff"].role == "Chancellor"


def test_the_full_name_after_a_long_title_with_a_list_of_fields(parse):
    text = (
        "The talks were led by Deputy Assistant Secretary of State for Democracy, Human "
        "Rights and Labor, Tomasa Welling, and by Director General for Foreign Relations "
        "Josefina Vidalo. Welling called them useful."
    )
    found = people(parse(text))
    assert set(found) == {"Tomasa Welling", "Josefina Vidalo"}
    assert found["Tomasa Welling"].role == (
        "Deputy Assistant Secretary of State for Democracy, Human Rights and Labor"
    )
    assert found["Josefina Vidalo"].role == "Director General for Foreign Relations"


def test_a_title_after_another_holder_s_country_and_and_is_the_title_alone(parse):
    text = (
        "President Elena Marsh of the Republic of Valdora and President Farid Qadir of "
        "Merrin held talks in Port Alva on Tuesday."
    )
    found = people(parse(text))
    assert found["Elena Marsh"].role == "President"
    assert found["Farid Qadir"].role == "President"


def test_a_minister_of_a_field_has_the_field_in_the_title_and_no_organisation(parse):
    text = (
        "The delegation included Minister of Trade Lucas Ferren and Minister of Trade and "
        "Industry Nadia Kowal."
    )
    found = people(parse(text))
    assert (found["Lucas Ferren"].role, found["Lucas Ferren"].organization) == (
        "Minister of Trade", None,
    )
    assert found["Nadia Kowal"].role == "Minister of Trade and Industry"


def test_a_one_word_field_before_a_title_is_no_organisation(parse):
    found = people(parse("Defense Secretary Mark Esper met the envoys on Tuesday."))
    assert (found["Mark Esper"].role, found["Mark Esper"].organization) == (
        "Defense Secretary", None,
    )


def test_a_delegation_heads_organisation_is_the_side_whose_delegation_it_is(parse):
    text = (
        "The Norland delegation was led by Deputy Minister for the Environment, Hanna Berg. "
        "The Estria delegation was led by State Secretary Piotr Lind."
    )
    found = people(parse(text))
    assert found["Hanna Berg"].organization == "Norland"
    assert found["Piotr Lind"].organization == "Estria"
    assert "head of the Estria delegation" in (found["Piotr Lind"].role or "")


def test_the_head_of_a_countrys_delegation_set_off_after_it_belongs_to_that_country(parse):
    text = (
        "Norland's delegation, led by Deputy Foreign Minister for Neighbourhood Policy and "
        "Regional Cooperation, Sigrid Aune, said it could not accept the offer."
    )
    parsed = parse(text)
    found = people(parsed)
    assert found["Sigrid Aune"].organization == "Norland"
    assert "head of Norland's delegation" in (found["Sigrid Aune"].role or "")
    assert "Regional Cooperation" not in [
        m.text for m in find_mentions(parsed) if m.kind != PERSON
    ]


def test_a_title_with_of_the_before_the_name_is_the_whole_title(parse):
    parsed = parse("Director of the HPA Ola Berg met the envoys in Oslo.")
    doc = parsed.pieces[0].doc
    doc.set_ents([Span(doc, 3, 4, "ORG"), Span(doc, 4, 6, "PERSON")], default="outside")
    found = people(parsed)
    assert (found["Ola Berg"].role, found["Ola Berg"].organization) == (
        "Director of the HPA", "HPA")
    found = people(parse("The leader of the opposition Karl Moen called the plan slow."))
    assert found["Karl Moen"].role == "leader of the opposition"


def test_a_role_opening_with_a_countrys_adjective_belongs_to_the_country_the_text_names(parse):
    text = (
        "Minister Ilse Varga spoke with Estrian Foreign Minister Piotr Lind about trade with "
        "Estria. Dalmatic envoy Ana Kos listened."
    )
    found = people(parse(text))
    assert (found["Piotr Lind"].role, found["Piotr Lind"].organization) == (
        "Estrian Foreign Minister", "Estria")
    assert found["Ana Kos"].organization is None  # no country of that name in the text
