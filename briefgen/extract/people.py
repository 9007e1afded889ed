"""People: every named person once, with the role and organisation the text gives them."""

from __future__ import annotations

import re

from briefgen.extract.entities import ORG, PERSON, Mention
from briefgen.extract.lexicon import HONORIFICS, canonical_name, name_key
from briefgen.extract.name_fragments import surname_with_particle
from briefgen.extract.person_roles import (
    SURE_LED,
    SURE_NO_ROLE,
    group_owner,
    led_group,
    role_of,
)
from briefgen.extract.role_phrases import RoleInfo
from briefgen.model import Person


def build_people(mentions: list[Mention]) -> list[Person]:
    """One Person per named individual, surname-only mentions merged into the full name."""
    people: list[Person] = []
    by_key: dict[str, Person] = {}
    roles: dict[int, list[RoleInfo]] = {}
    extra_roles: dict[int, list[str]] = {}
    orgs = [m for m in mentions if m.kind == ORG]
    for mention in (m for m in mentions if m.kind == PERSON):
        key = name_key(mention.text)
        if not key:
            continue
        person = by_key.get(key) or _match_partial(key, people)
        if person is None:
            person = Person(name=_display_name(mention.text))
            people.append(person)
            by_key[key] = person
        elif " " in key and " " not in name_key(person.name):
            person.name = _display_name(mention.text)
            by_key[key] = person
        person.spans.append(mention.evidence())
        info = role_of(mention.tokens)
        if info.role and _COUNTERPART.match(info.role):
            info.role = _counterpart_of(info.role, mention, mentions, people)
        led = led_group(mention.tokens)
        if led:
            extra_roles.setdefault(id(person), []).append(led)
            owner = group_owner(mention.tokens)
            if owner is not None:
                info.organization = owner  # "The Estria delegation was led by ..."
            elif info.organization is None or info.organization in (info.role or ""):
                issuer = _issuing_org(mention, orgs, info.role or "")
                info.organization = issuer or info.organization
        roles.setdefault(id(person), []).append(info)
    for person in people:
        found = [r for r in roles.get(id(person), []) if r.role or r.organization]
        best = next((r for r in found if r.role), None)
        person.role = best.role if best else None
        person.confidence = best.sure if best else SURE_NO_ROLE
        person.organization = next((r.organization for r in found if r.organization), None)
        for led in extra_roles.get(id(person), []):
            person.role = led if person.role is None else f"{person.role}, {led}"
            person.confidence = max(person.confidence or 0.0, SURE_LED)
            break
    return people


_COUNTERPART = re.compile(r"^(?:his|her|their)\s+(?:(\S+)\s+)?counterparts?$", re.IGNORECASE)


def _counterpart_of(
    role: str, mention: Mention, mentions: list[Mention], people: list[Person]
) -> str:
    """ "his Chinese counterpart" becomes "Chinese counterpart of Defense Secretary Mark
    Esper": the person the possessive stands for is the one named before in the sentence."""
    match = _COUNTERPART.match(role)
    assert match is not None
    sent = mention.tokens.sent
    owner_mention = next(
        (
            m
            for m in reversed(mentions)
            if m.kind == PERSON
            and m.start < mention.start
            and m.tokens.doc is mention.tokens.doc
            and m.tokens.start >= sent.start
        ),
        None,
    )
    if owner_mention is None:
        return role.split(None, 1)[1]
    owner_key = name_key(owner_mention.text)
    owner = next(
        (p for p in people if name_key(p.name) == owner_key or _match_partial(owner_key, [p])),
        None,
    )
    title = f"{match.group(1)} counterpart" if match.group(1) else "counterpart"
    if owner is None:
        return f"{title} of {owner_mention.text}"
    owner_role = role_of(owner_mention.tokens).role
    return f"{title} of {owner_role + ' ' if owner_role else ''}{owner.name}"


def _issuing_org(mention: Mention, orgs: list[Mention], role: str) -> str | None:
    """The organisation named last before a delegation's leader, within two sentences:
    "The Foreign Ministry said in a statement ... The delegation was led by ..."."""
    sent = mention.tokens.sent
    doc = sent.doc
    first = sent.start
    for _ in range(2):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    earlier = [
        m for m in orgs
        if m.tokens.doc is doc
        and first <= m.tokens.start
        and m.start < mention.start
        and m.text not in role  # "Minister for European Affairs": part of her title
    ]
    return canonical_name(earlier[-1].text) if earlier else None


def _display_name(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in HONORIFICS:
        words.pop(0)
    return " ".join(words) or text


def _match_partial(key: str, people: list[Person]) -> Person | None:
    """The known person a partial name ("Solberg", "Anika") refers to, latest first."""
    words = key.split()
    for person in reversed(people):
        known = name_key(person.name).split()
        if not known:
            continue
        if len(words) == 1 and words[0] in (known[-1], known[0]):
            return person
        if len(known) == 1 and known[0] == words[-1]:
            return person
        if len(words) > 1 and words[0] == known[0] and words[-1] == known[-1]:
            return person
        if len(words) > 1 and surname_with_particle(" ".join(known)) == key:
            return person  # "De Vries" is "Karel de Vries"
    return None
