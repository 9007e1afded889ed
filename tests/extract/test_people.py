"""People: one entry per person, with role and organisation from the text."""

from __future__ import annotations

from briefgen.extract.entities import find_mentions
from briefgen.extract.people import build_people


def people(parsed):
    return {p.name: p for p in build_people(find_mentions(parsed))}


def test_title_before_the_name(parse):
    found = people(parse("The talks were opened by Deputy Foreign Minister Anika Solberg."))
    assert found["Anika Solberg"].role == "Deputy Foreign Minister"


def test_ministry_spokesperson_before_the_name_gives_role_and_organisation(parse):
    found = people(parse("Foreign Ministry spokesperson Karin Lund told reporters on Monday."))
    person = found["Karin Lund"]
    assert person.role == "spokesperson"
    assert person.organization == "Foreign Ministry"


def test_apposition_after_the_name(parse):
    text = "Marta Lindqvist, a spokesperson for the Norvalian Foreign Ministry, said nothing."
    person = people(parse(text))["Marta Lindqvist"]
    assert person.role == "spokesperson"
    assert person.organization == "Norvalian Foreign Ministry"


def test_founder_of_an_organisation(parse):
    text = "The plan was drafted by Paul Okafor, the founder of Harbour Watch, last year."
    person = people(parse(text))["Paul Okafor"]
    assert person.role == "founder"
    assert person.organization == "Harbour Watch"


def test_possessive_apposition_before_the_name(parse):
    text = "Estrava's foreign minister, Leona Castel, will brief parliament next week."
    person = people(parse(text))["Leona Castel"]
    assert person.role == "foreign minister"
    assert person.organization == "Estrava"


def test_role_given_in_another_sentence_and_surname_merged(parse):
    text = (
        "Anika Solberg arrived in Geneva on Thursday. "
        "The Norvalian delegation was led by Solberg, who spoke first."
    )
    found = build_people(find_mentions(parse(text)))
    assert [p.name for p in found] == ["Anika Solberg"]
    assert found[0].role == "head of the Norvalian delegation"
    assert len(found[0].spans) == 2


def test_a_person_without_a_role_has_none(parse):
    text = "Anika Solberg arrived in Geneva on Thursday."
    person = people(parse(text))["Anika Solberg"]
    assert person.role is None
    assert person.organization is None


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


def test_possessive_apposition_after_the_name(parse):
    text = "Reyhan met Jan Kowalski, Poland's deputy minister of agriculture, on Friday."
    person = people(parse(text))["Jan Kowalski"]
    assert (person.role, person.organization) == ("deputy minister of agriculture", "Poland")


def test_an_organisation_the_model_calls_a_person_is_repaired(parse):
    found = people(parse("Elon Musk, the founder of SpaceX, said the launch was delayed."))
    assert list(found) == ["Elon Musk"]
    assert (found["Elon Musk"].role, found["Elon Musk"].organization) == ("founder", "SpaceX")


def test_role_in_an_apposition_before_the_name_with_of(parse):
    text = "On Saturday, the mayor of Harlow Bay, Dana Whitfield, said the aid was withheld."
    person = people(parse(text))["Dana Whitfield"]
    assert (person.role, person.organization) == ("mayor", "Harlow Bay")


def test_a_lawyer_named_after_a_possessive_keeps_the_client_in_the_role(parse):
    text = "After the hearing, Mr. Okafor’s lawyer, Reid T. Hallam, said his client was relieved."
    found = people(parse(text))
    assert found["Reid T. Hallam"].role == "Mr. Okafor’s lawyer"
    assert found["Okafor"].role is None


def test_an_apposition_after_the_name_with_a_verb_form_inside_the_title(parse):
    text = "Clara Weiss, the managing director of the Northern Fund, warned of a slowdown."
    person = people(parse(text))["Clara Weiss"]
    assert (person.role, person.organization) == ("managing director", "Northern Fund")


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


def test_the_role_of_a_long_title_then_a_comma_and_the_name(parse):
    text = (
        "The delegation was led by the Deputy Assistant Secretary of State for Northern "
        "Affairs, Helen Marsh, who spoke first."
    )
    person = people(parse(text))["Helen Marsh"]
    assert person.role.startswith("Deputy Assistant Secretary of State for Northern Affairs")


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


def test_places_buildings_and_ships_named_after_people_are_not_people(parse):
    text = (
        "Protesters gathered outside Trump Tower in New York, and the carrier USS Carl "
        "Vinson sailed from Ho Chi Minh City, where Anika Solberg was waiting."
    )
    assert list(people(parse(text))) == ["Anika Solberg"]


def test_a_thing_the_text_calls_a_website_or_an_account_is_not_a_person(parse):
    text = (
        "The party renamed its press office Twitter account during the debate. Will Moy, "
        "chief executive of the fact-checking website Full Fact, said it was misleading."
    )
    assert list(people(parse(text))) == ["Will Moy"]


def test_companies_listed_with_companies_are_not_people(parse):
    text = (
        "The contracts went to Blue Origin, Lockheed Martin, Masten Space Systems, Moon "
        "Express and Intuitive Machines, the agency said."
    )
    assert list(people(parse(text))) == []


def test_a_hyphenated_surname_is_one_name(parse):
    text = "The runner-up, Ammar Campa-Najjar, a Democrat, took only 17 percent."
    assert list(people(parse(text))) == ["Ammar Campa-Najjar"]


def test_the_moon_and_a_title_alone_are_not_people(parse):
    text = "Lt Col said the lander would reach the Moon in 2024, and Nora Hale agreed."
    assert list(people(parse(text))) == ["Nora Hale"]


def test_his_counterpart_names_whose_counterpart(parse):
    text = "Defense Secretary Mark Esterle met his Chinese counterpart, Wei Fen, in Bangkok."
    person = people(parse(text))["Wei Fen"]
    assert person.role == "Chinese counterpart of Defense Secretary Mark Esterle"


def test_president_elect_is_one_title(parse):
    found = people(parse("President-elect Jon Bidwell said he would name his cabinet soon."))
    assert found["Jon Bidwell"].role == "President-elect"


def test_a_delegation_leader_takes_the_organisation_that_issued_the_statement(parse):
    text = (
        "The Norvalian Foreign Ministry said in a statement that the talks were "
        "constructive. The delegation was led by Deputy Minister for European Affairs, "
        "Anika Solberg."
    )
    person = people(parse(text))["Anika Solberg"]
    assert person.role == "Deputy Minister for European Affairs, head of the delegation"
    assert person.organization == "Norvalian Foreign Ministry"


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
