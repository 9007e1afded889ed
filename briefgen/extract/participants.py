"""Participants: which people the text says took part in the event, not only mentioned."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from briefgen.extract.lexicon import words
from briefgen.extract.parse import Parsed
from briefgen.model import Person

# Verbs saying someone took part: "X led the delegation", "talks attended by X",
# "X met Y", "X represented the ministry", "X took part".
PARTICIPATION_VERBS = words(
    """
    lead head represent attend meet join participate chair host accompany co-chair
    negotiate convene
    """
)
# Nouns naming the event, whose "between"/"with" phrase names its parties:
# "talks between X and Y", "a meeting with X".
EVENT_NOUNS = words(
    """
    talk talks meeting meetings negotiation negotiations discussion discussions summit
    session round dialogue consultation consultations conversation call visit
    """
)
# "X held talks with Y": a verb whose object is an event noun.
_HOLD_VERBS = words("hold have conduct")


def _says_taking_part(token: Token, lemma: str) -> bool:
    """A participation verb, "took part", or "held talks"."""
    if token.pos_ in {"VERB", "AUX"} and lemma in PARTICIPATION_VERBS:
        return True
    if lemma == "take":
        return any(c.lower_ == "part" for c in token.children)
    return token.pos_ == "VERB" and lemma in _HOLD_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in EVENT_NOUNS for c in token.children
    )


def _cues(sent: SpacySpan) -> Iterator[Token]:
    """The tokens of ``sent`` that introduce the people taking part."""
    for token in sent:
        lemma = token.lemma_.lower()
        if any(child.dep_ == "neg" for child in token.children):
            continue
        if _says_taking_part(token, lemma):
            yield token
        elif token.pos_ == "NOUN" and lemma in EVENT_NOUNS:
            for child in token.children:
                if child.dep_ == "prep" and child.lower_ in {"between", "with", "among"}:
                    yield child


def _taking_part(sent: SpacySpan) -> set[int]:
    """Indices (in the sentence's doc) of the tokens that name who took part."""
    inside: set[int] = set()
    for cue in _cues(sent):
        inside.update(t.i for t in cue.subtree)
        if cue.dep_ in {"relcl", "acl"}:  # "X, who led the talks, said ..."
            inside.update(t.i for t in cue.head.subtree if t.i < cue.i)
        for child in cue.children:  # "X and Y met": the conjoined subject is in the subtree
            if child.dep_ in {"nsubj", "nsubjpass"}:
                inside.update(t.i for t in child.subtree)
    return inside


def mark_participants(people: Sequence[Person], parsed_sources: Sequence[Parsed]) -> None:
    """Set each person's ``participant`` in place: True when one of their mentions sits in
    a phrase saying they took part (led, represented, attended, met, took part, held talks
    with, talks between ...), False when the sources only mention them."""
    by_id = {p.source.id: p for p in parsed_sources}
    cache: dict[tuple[str, int, int], set[int]] = {}
    for person in people:
        person.participant = False
        for span in person.spans:
            parsed = by_id.get(span.source)
            token = parsed.token_at(span.start) if parsed is not None else None
            if parsed is None or token is None:
                continue
            sent = token.sent
            key = (span.source, id(token.doc), sent.start)
            if key not in cache:
                cache[key] = _taking_part(sent)
            if token.i in cache[key]:
                person.participant = True
                break
