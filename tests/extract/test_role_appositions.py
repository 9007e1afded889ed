"""Role appositions: "Jane Doe, the mayor of X," and "the mayor of X, Jane Doe"."""

from __future__ import annotations

from support.extract_runs import people

from briefgen.extract.entities import PERSON, find_mentions
from briefgen.extract.role_appositions import apposition_after, apposition_before
from briefgen.extract.role_phrases import RoleInfo


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


def test_possessive_apposition_after_the_name(parse):
    text = "Reyhan met Jan Kowalski, Poland's deputy minister of agriculture, on Friday."
    person = people(parse(text))["Jan Kowalski"]
    assert (person.role, person.organization) == ("deputy minister of agriculture", "Poland")


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


def test_the_role_of_a_long_title_then_a_comma_and_the_name(parse):
    text = (
        "The delegation was led by the Deputy Assistant Secretary of State for Northern "
        "Affairs, Helen Marsh, who spoke first."
    )
    person = people(parse(text))["Helen Marsh"]
    assert person.role.startswith("Deputy Assistant Secretary of State for Northern Affairs")


def test_the_apposition_after_one_mention_gives_role_and_organisation(parse):
    parsed = parse("Marta Lindqvist, a spokesperson for the Norvalian Foreign Ministry, said.")
    mention = next(m for m in find_mentions(parsed) if m.kind == PERSON)
    found = apposition_after(mention.tokens)
    assert found == RoleInfo("spokesperson", "Norvalian Foreign Ministry")
    assert apposition_before(mention.tokens) == RoleInfo()


def test_a_ministers_portfolio_is_part_of_the_office_not_an_organisation(parse):
    text = (
        "The talks were opened by the Deputy Minister for the Environment and Water "
        "Resources, Hanna Berg, and the director of Harbour Watch, Ola Dahl."
    )
    found = people(parse(text))
    berg = found["Hanna Berg"]
    assert berg.role == "Deputy Minister for the Environment and Water Resources"
    assert berg.organization is None
    assert found["Ola Dahl"].organization == "Harbour Watch"


def test_the_office_a_relative_clause_says_the_person_holds(parse):
    text = (
        "Ida Strand, who chairs the river commission, backed the plan. "
        "Karl Moen, who heads the Norland Water Agency, said a survey would start in May."
    )
    found = people(parse(text))
    assert found["Ida Strand"].role == "chair of the river commission"
    assert (found["Karl Moen"].role, found["Karl Moen"].organization) == (
        "head of the Norland Water Agency",
        "Norland Water Agency",
    )


def test_a_relative_clause_of_a_past_office_or_no_office_gives_no_role(parse):
    text = (
        "Olav Berg, who headed the agency until 2019, was critical. "
        "Lise Holm, who runs a marathon every spring, welcomed the deal."
    )
    found = people(parse(text))
    assert found["Olav Berg"].role is None
    assert found["Lise Holm"].role is None
