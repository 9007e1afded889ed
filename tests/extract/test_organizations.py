"""Organisations and places: canonical names, one entry each, all mentions kept."""

from __future__ import annotations

from spacy.tokens import Span

from briefgen.extract.entities import find_mentions
from briefgen.extract.organizations import build_organizations, build_places
from briefgen.extract.people import build_people


def test_organisations_are_canonical_and_deduplicated(parse):
    text = (
        "The Foreign Ministry's statement came late. Later the Foreign Ministry "
        "repeated it, and the World Bank said it would help. The World Bank's office in "
        "Geneva stayed closed while talks went on in Geneva and Paris."
    )
    parsed = parse(text)
    mentions = find_mentions(parsed)
    people = build_people(mentions)
    orgs = build_organizations(mentions, people)
    assert [o.name for o in orgs] == ["Foreign Ministry", "World Bank"]
    assert len(orgs[0].spans) == 2
    assert all(text[s.start : s.end] == "Foreign Ministry" for s in orgs[0].spans)
    places = build_places(mentions, people)
    assert [p.name for p in places] == ["Geneva", "Paris"]
    assert len(places[0].spans) == 2


def _org_names(parse, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    mentions = find_mentions(parse(text))
    return [o.name for o in build_organizations(mentions, build_people(mentions))]


def test_an_acronym_and_a_name_fragment_join_the_full_name_the_text_gives(parse):
    text = (
        "Delegates met at the United Nations General Assembly in Geneva. The Assembly "
        "adopted the text. The UN said the vote was close, and the United Nations will "
        "meet again. The International Criminal Court (ICC) issued a warrant; the ICC did "
        "not comment."
    )
    names = _org_names(parse, text)
    assert "UN" not in names
    assert "ICC" not in names
    assert "Assembly" not in names
    assert {"United Nations", "International Criminal Court"} <= set(names)


def test_an_acronym_that_is_the_initials_of_no_listed_name_stays_its_own(parse):
    names = _org_names(parse, "The EU and the European Union Council differ on fishing.")
    assert "EU" in names


def test_a_headline_adjective_is_not_part_of_an_organisation_name(parse):
    names = _org_names(parse, "Key Security Council members voted on the draft in Geneva.")
    assert "Security Council" in names
    assert "Key Security Council" not in names


def test_the_field_of_a_title_is_no_organisation_but_a_body_before_a_title_is(parse):
    text = (
        "National Security Advisor Carl Bright met Foreign Ministry spokesperson Karin "
        "Lund and Goldman Sachs analyst Rita Moss in Oslo."
    )
    names = _org_names(parse, text)
    assert "National Security" not in names
    assert "Foreign Ministry" in names
    assert "Goldman Sachs" in names


def test_the_fields_after_a_long_title_are_no_organisation(parse):
    text = (
        "The talks were led by Deputy Assistant Secretary of State for Democracy, Human "
        "Rights and Labor, Tomasa Welling, and by the Director of the FBI, Rob Kane."
    )
    names = _org_names(parse, text)
    assert not any(name.startswith("State") for name in names)
    assert "FBI" in names


def test_an_acronym_of_a_name_that_joined_a_longer_one_follows_it(parse):
    text = (
        "The Western European Union met on Monday. The European Union said it would "
        "help, and the EU sent aid. The Union did not comment."
    )
    names = _org_names(parse, text)
    assert "EU" not in names
    assert len(names) == len(set(names))


def test_a_short_form_of_a_short_form_joins_the_longest_name(parse):
    # "EU" stands for "European Union", itself the last words of a longer name: both join
    # the longest (the join once looked the middle name up after it had been moved).
    names = _org_names(parse, (
        "The Council of the European Union met in Brussels on Monday. The European Union "
        "said the talks would go on, and the EU sent a team to Kyiv."
    ))
    assert "EU" not in names
    assert "European Union" not in names
    assert "Council of the European Union" in names


def test_a_whole_title_the_model_tags_as_an_organisation_is_none(parse):
    # The model sometimes tags all of "National Security Advisor" as one organisation;
    # the entities are set here as it does.
    parsed = parse("National Security Advisor Carl Bright met the World Bank President in Oslo.")
    doc = parsed.pieces[0].doc
    doc.set_ents([Span(doc, 0, 3, "ORG"), Span(doc, 7, 10, "ORG")], default="unmodified")
    mentions = find_mentions(parsed)
    names = [o.name for o in build_organizations(mentions, build_people(mentions))]
    assert "National Security Advisor" not in names
    assert any("World Bank" in name for name in names)
