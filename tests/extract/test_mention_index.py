"""Mention index: paragraphs, mentions and people of a source found by offset."""

from __future__ import annotations

from briefgen.extract.entities import find_mentions
from briefgen.extract.mention_index import MentionIndex
from briefgen.extract.organizations import build_organizations
from briefgen.extract.people import build_people

TEXT = (
    "Talks opened in Geneva on Monday.\n"
    "Anika Solberg spoke first for the delegation.\n"
    "Later, Tomas Reyhan answered her."
)


def index_of(parsed):
    mentions = find_mentions(parsed)
    people = build_people(mentions)
    return MentionIndex(parsed, mentions, people, build_organizations(mentions, people))


def test_the_paragraph_around_an_offset_is_its_line(parse):
    index = index_of(parse(TEXT))
    at = TEXT.index("spoke")
    second = TEXT.index("Anika")
    assert index.paragraph(at, at) == (second, TEXT.index("\nLater"))
    assert index.paragraph(0, 0) == (0, TEXT.index("\n"))
    last = TEXT.index("Later")
    assert index.paragraph(last, last) == (last, len(TEXT))


def test_the_mention_at_an_offset_and_the_mentions_in_a_stretch(parse):
    index = index_of(parse(TEXT))
    inside = TEXT.index("Solberg") + 2
    mention = index.mention_at(inside)
    assert mention is not None
    assert mention.text == "Anika Solberg"
    assert index.mention_at(TEXT.index("opened")) is None
    names = [m.text for m in index.mentions_within(TEXT.index("\n"), len(TEXT))]
    assert names == ["Anika Solberg", "Tomas Reyhan"]


def test_the_person_named_last_before_an_offset(parse):
    index = index_of(parse(TEXT))
    solberg = index.latest_person(TEXT.index("Later"))
    assert solberg is not None
    assert solberg.name == "Anika Solberg"
    reyhan = index.latest_person(len(TEXT))
    assert reyhan is not None
    assert reyhan.name == "Tomas Reyhan"
    assert index.latest_person(TEXT.index("Anika")) is None


def test_spoken_before_looks_only_in_the_stretch_given(parse):
    index = index_of(parse(TEXT))
    reyhan = next(p for p in index.people if p.name == "Tomas Reyhan")
    assert index.spoken_before(reyhan, len(TEXT))
    assert not index.spoken_before(reyhan, TEXT.index("Later"))
    assert not index.spoken_before(reyhan, len(TEXT), since=TEXT.index("answered"))


def test_a_token_offset_counts_from_the_start_of_the_source(parse):
    parsed = parse(TEXT)
    index = index_of(parsed)
    token = parsed.token_at(TEXT.index("Reyhan"))
    assert token is not None
    assert index.offset_of(token) == TEXT.index("Reyhan")
