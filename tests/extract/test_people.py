"""People: one entry per person, names merged, things named after people left out, roles
that name another person or an issuing organisation."""

from __future__ import annotations

from support.extract_runs import people

from briefgen.extract.entities import find_mentions
from briefgen.extract.people import build_people


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


def test_an_organisation_the_model_calls_a_person_is_repaired(parse):
    found = people(parse("Elon Musk, the founder of SpaceX, said the launch was delayed."))
    assert list(found) == ["Elon Musk"]
    assert (found["Elon Musk"].role, found["Elon Musk"].organization) == ("founder", "SpaceX")


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


def test_a_delegation_leader_takes_the_organisation_that_issued_the_statement(parse):
    text = (
        "The Norvalian Foreign Ministry said in a statement that the talks were "
        "constructive. The delegation was led by Deputy Minister for European Affairs, "
        "Anika Solberg."
    )
    person = people(parse(text))["Anika Solberg"]
    assert person.role == "Deputy Minister for European Affairs, head of the delegation"
    assert person.organization == "Norvalian Foreign Ministry"
