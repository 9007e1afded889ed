"""Merging what several sources say: one item per person, place, date or point, all spans kept."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from typing import TypeVar

from briefgen.extract.lexicon import name_key, words
from briefgen.model import (
    DateMention,
    KeyPoint,
    NextStep,
    NotDiscussed,
    Organization,
    Person,
    Place,
    Quote,
    Span,
)
from briefgen.text.normalise import entity_key, text_key

T = TypeVar("T")
# Key points sharing this share of their words are the same point told twice.
SAME_POINT = 0.6
_WORD = re.compile(r"[a-z0-9]+")
_STOP = words(
    """
    the a an and or of to in on at for by with from that this is was were are be been
    has have had said says it its as their they he she his her will would after before
    over
    """
)


def source_count(spans: Iterable[Span]) -> int:
    """How many distinct sources the spans of an item come from."""
    return len({span.source for span in spans})


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.lower()) if w not in _STOP)


def similarity(a: str, b: str) -> float:
    """Share of the shorter text's content words that the other text has too."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def _merge_by_key(
    lists: list[list[T]], key: Callable[[T], str], absorb: Callable[[T, T], None]
) -> list[T]:
    merged: dict[str, T] = {}
    for items in lists:
        for item in items:
            k = key(item)
            if k in merged:
                absorb(merged[k], item)
            else:
                merged[k] = item
    return list(merged.values())


def merge_people(lists: list[list[Person]]) -> list[Person]:
    """One person across sources (a surname-only entry joins the full name)."""
    out: list[Person] = []
    for items in lists:
        for person in items:
            key = name_key(person.name)
            match = next((p for p in out if name_key(p.name) == key), None)
            if match is None and key:
                match = next((p for p in out if _same_person(name_key(p.name), key)), None)
            if match is None:
                out.append(person)
                continue
            if len(person.name) > len(match.name):
                match.name = person.name
            if match.role is None and person.role:
                match.role, match.confidence = person.role, person.confidence
            match.organization = match.organization or person.organization
            match.spans.extend(person.spans)
    return out


def _same_person(a: str, b: str) -> bool:
    wa, wb = a.split(), b.split()
    if len(wa) == 1 or len(wb) == 1:
        return wa[-1] == wb[-1]
    return wa[0] == wb[0] and wa[-1] == wb[-1]


def merge_organizations(lists: list[list[Organization]]) -> list[Organization]:
    """One organisation per canonical name across sources."""
    return _merge_by_key(lists, lambda o: entity_key(o.name), lambda a, b: a.spans.extend(b.spans))


def merge_places(lists: list[list[Place]]) -> list[Place]:
    """One place per canonical name across sources."""
    return _merge_by_key(lists, lambda p: entity_key(p.name), lambda a, b: a.spans.extend(b.spans))


def merge_dates(lists: list[list[DateMention]]) -> list[DateMention]:
    """One date mention per expression and resolved date across sources."""
    return _merge_by_key(
        lists, lambda d: f"{text_key(d.text)}|{d.date}", lambda a, b: a.spans.extend(b.spans)
    )


def _rarest(words: frozenset[str], having: dict[str, list[int]]) -> list[str]:
    """Enough of ``words`` (the ones fewest earlier texts have) that any text sharing 80 %
    of the smaller word set, ``words`` being it, shares one of them (the pigeonhole)."""
    size = len(words) - _least_shared(len(words)) + 1
    return sorted(words, key=lambda w: (len(having.get(w, ())), w))[:size]


def _least_shared(size: int) -> int:
    """The fewest shared words that make texts similar when the smaller has ``size``,
    computed as ``similarity`` compares (a share of at least 0.8)."""
    shared = math.ceil(0.8 * size)
    while shared > 1 and (shared - 1) / size >= 0.8:
        shared -= 1
    while shared < size and shared / size < 0.8:
        shared += 1
    return max(shared, 1)


def _similar_candidates(mine: frozenset[str], words: list[frozenset[str]],
                        having: dict[str, list[int]], keyed: dict[str, list[int]]) -> list[int]:
    """The earlier texts (indexes into ``words``, in order) that may share 80 % of the
    smaller word set with ``mine``; every one that does is among them.

    A text at least as long as ``mine`` must have one of ``mine``'s rarest words; a shorter
    one must have one of the words it was keyed by (its own rarest) in ``mine``.
    """
    if not mine:
        return []
    near = {i for w in _rarest(mine, having) for i in having.get(w, ())
            if len(words[i]) >= len(mine)}
    near.update(i for w in mine for i in keyed.get(w, ()) if len(words[i]) < len(mine))
    return sorted(near)


def merge_quotes(lists: list[list[Quote]]) -> list[Quote]:
    """A quotation several sources carry becomes one quote with all its spans."""
    out: list[Quote] = []
    words: list[frozenset[str]] = []  # of each quote in ``out``, computed once
    having: dict[str, list[int]] = {}  # content word -> the quotes in ``out`` that have it
    keyed: dict[str, list[int]] = {}  # content word -> the quotes in ``out`` keyed by it
    for items in lists:
        for quote in items:
            mine = _words(quote.text)
            match = next((out[i] for i in _similar_candidates(mine, words, having, keyed)
                          if len(mine & words[i]) / min(len(mine), len(words[i])) >= 0.8), None)
            if match is None:
                for w in _rarest(mine, having):
                    keyed.setdefault(w, []).append(len(out))
                for w in mine:
                    having.setdefault(w, []).append(len(out))
                out.append(quote)
                words.append(mine)
            else:
                match.spans.extend(quote.spans)
                if match.speaker is None and quote.speaker:
                    match.speaker, match.confidence = quote.speaker, quote.confidence
                match.speaker_role = match.speaker_role or quote.speaker_role
    return out


def merge_next_steps(lists: list[list[NextStep]]) -> list[NextStep]:
    """Next steps across sources, near-duplicates collapsed."""
    out: list[NextStep] = []
    for items in lists:
        for step in items:
            match = next((s for s in out if similarity(s.text, step.text) >= SAME_POINT), None)
            if match is None:
                out.append(step)
            else:
                match.spans.extend(step.spans)
    return out


def merge_not_discussed(lists: list[list[NotDiscussed]]) -> list[NotDiscussed]:
    """One item per issue left out across sources, every span kept, the surest confidence."""

    def absorb(kept: NotDiscussed, other: NotDiscussed) -> None:
        kept.spans.extend(other.spans)
        if other.confidence is not None:
            kept.confidence = max(kept.confidence or 0.0, other.confidence)

    return _merge_by_key(lists, lambda n: n.text.lower(), absorb)


def merge_key_points(lists: list[list[KeyPoint]], limit: int | None = None) -> list[KeyPoint]:
    """Key points across sources: near-duplicates collapse into one point with every span,
    and a point that several sources carry ranks higher."""
    out: list[KeyPoint] = []
    for items in lists:
        for point in items:
            match = next((k for k in out if similarity(k.text, point.text) >= SAME_POINT), None)
            if match is None:
                out.append(KeyPoint(point.text, list(point.spans), point.score, point.include))
            else:
                match.spans.extend(point.spans)
                match.score = max(match.score, point.score)
    if len(lists) > 1:
        for point in out:
            point.score = round(point.score * (1 + 0.25 * (source_count(point.spans) - 1)), 4)
        out.sort(key=lambda k: -k.score)
    return out[:limit] if limit else out
