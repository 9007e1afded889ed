"""Organisations and places: deduplicated under canonical names, every mention kept as evidence."""

from __future__ import annotations

from briefgen.extract.entities import ORG, PLACE, Mention
from briefgen.extract.lexicon import canonical_name
from briefgen.model import Organization, Person, Place
from briefgen.text.normalise import entity_key as _key


def _group(
    mentions: list[Mention], kind: str, exclude: set[str]
) -> list[tuple[str, list[Mention]]]:
    groups: dict[str, tuple[str, list[Mention]]] = {}
    for mention in mentions:
        if mention.kind != kind:
            continue
        name = canonical_name(mention.text)
        key = _key(name)
        if not key or key in exclude:
            continue
        if key not in groups:
            groups[key] = (name, [])
        groups[key][1].append(mention)
    return list(groups.values())


def build_organizations(mentions: list[Mention], people: list[Person]) -> list[Organization]:
    """One Organization per canonical name ("the Foreign Ministry's" -> "Foreign Ministry")."""
    exclude = {_key(p.name) for p in people} | {_key(p.name.split()[-1]) for p in people}
    return [
        Organization(name=name, spans=[m.evidence() for m in group])
        for name, group in _group(mentions, ORG, exclude)
    ]


def build_places(mentions: list[Mention], people: list[Person]) -> list[Place]:
    """One Place per canonical name, in order of first mention."""
    exclude = {_key(p.name) for p in people}
    return [
        Place(name=name, spans=[m.evidence() for m in group])
        for name, group in _group(mentions, PLACE, exclude)
    ]
