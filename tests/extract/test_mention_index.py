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


def test_an_offset_is_quoted_inside_any_stretch_even_a_nested_one(parse):
    index = index_of(parse(TEXT))
    index.all_quoted = [(40, 50), (10, 30), (12, 14)]
    assert index.all_quoted == [(40, 50), (10, 30), (12, 14)]
    inside = [at for at in range(0, 60) if index.in_quoted(at)]
    assert inside == [*range(10, 30), *range(40, 50)]


def test_nothing_is_quoted_before_the_stretches_are_known(parse):
    index = index_of(parse(TEXT))
    assert not index.in_quoted(0)
    assert not index.in_quoted(len(TEXT) - 1)


def test_the_person_mentions_strictly_between_two_offsets(parse):
    index = index_of(parse(TEXT))
    solberg, reyhan = TEXT.index("Anika"), TEXT.index("Tomas")
    found = [(start, person.name) for start, _end, person in index.spans_between(0, len(TEXT))]
    assert found == [(solberg, "Anika Solberg"), (reyhan, "Tomas Reyhan")]
    assert [p.name for _s, _e, p in index.spans_between(solberg, len(TEXT))] == ["Tomas Reyhan"]
    assert index.spans_between(0, solberg) == []
