"""Organisations and places: canonical names, one entry each, all mentions kept."""

from __future__ import annotations

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
