"""Mentions: names the statistical model labels wrongly are repaired."""

from __future__ import annotations

from briefgen.extract.entities import ORG, PERSON, PLACE, find_mentions


def kinds(parsed):
    return [(m.kind, m.text) for m in find_mentions(parsed)]


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
