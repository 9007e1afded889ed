"""Pieces of place names the model tags as people are places, whole where a particle follows."""

from __future__ import annotations

from briefgen.extract.entities import PERSON, PLACE, find_mentions
from briefgen.extract.people import build_people


def _kinds(parse, text: str) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {m.text: m.kind for m in find_mentions(parse(text))}


def test_a_country_cut_at_its_particle_is_one_place_and_no_person(parse):
    found = _kinds(parse, "The fund will support projects in Ghana, Côte d’Ivoire and Togo.")
    assert found.get("Côte d’Ivoire") == PLACE
    assert "Côte" not in found
    assert PERSON not in found.values()


def test_a_region_after_the_and_a_locative_preposition_is_a_place(parse):
    found = _kinds(parse, "The two ministers discussed unrest in the nearby Sahel and the coast.")
    assert found.get("Sahel") == PLACE


def test_a_river_after_the_on_or_along_is_no_person(parse):
    text = (
        "The envoys discussed shipping on the upper Danube and dredging along the lower "
        "Vistula, and Marta Olsen chaired the session."
    )
    found = _kinds(parse, text)
    people = [name for name, kind in found.items() if kind == PERSON]
    assert people == ["Marta Olsen"]


def test_a_real_person_in_a_list_of_people_stays_a_person(parse):
    found = _kinds(parse, "Ministers Ola Berg, Karin Aas and Jon Vik signed the accord in Oslo.")
    assert found.get("Jon Vik") == PERSON


def test_a_surname_with_a_particle_is_the_person_named_in_full_before(parse):
    text = (
        "U.N. envoy Karel de Vries said on Thursday he would announce the date. De Vries "
        "told reporters the talks would resume."
    )
    mentions = find_mentions(parse(text))
    assert [m.text for m in mentions if m.kind == PERSON] == ["Karel de Vries", "De Vries"]
    people = build_people(mentions)
    assert [p.name for p in people] == ["Karel de Vries"]
    assert len(people[0].spans) == 2


def test_a_one_word_name_where_people_met_is_a_place_but_not_one_believed_in(parse):
    found = _kinds(
        parse,
        "The two ministers met for three hours in Qasr on Sunday. President Arno Vesk "
        "spoke later, and voters still believed in Vesk.",
    )
    assert found.get("Qasr") == PLACE
    assert found.get("Vesk") != PLACE
