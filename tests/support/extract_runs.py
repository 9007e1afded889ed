"""Run extraction steps on a parsed test text as the pipeline does: its people, its quotes."""

from __future__ import annotations

from briefgen.extract.entities import find_mentions
from briefgen.extract.organizations import build_organizations
from briefgen.extract.parse import Parsed
from briefgen.extract.people import build_people
from briefgen.extract.quotes import find_quotes, to_quotes
from briefgen.model import Person, Quote


def quotes(parsed: Parsed) -> list[Quote]:
    """The Brief's quotes of one parsed source."""
    mentions = find_mentions(parsed)
    people = build_people(mentions)
    orgs = build_organizations(mentions, people)
    return to_quotes(find_quotes(parsed, mentions, people, orgs), parsed.source.id, parsed.text)


def pairs(parsed: Parsed) -> list[tuple[str, str | None]]:
    """(text, speaker) of each quote of one parsed source."""
    return [(q.text, q.speaker) for q in quotes(parsed)]


def people(parsed: Parsed) -> dict[str, Person]:
    """The people of one parsed source, by name."""
    return {p.name: p for p in build_people(find_mentions(parsed))}
