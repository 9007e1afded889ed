"""Key points that open with "he" or "she": the person's name in its place.

A key point is read apart from the sentences around it, and the memo orders points by
weight, not by place in the text: "He told reporters the authority would not reopen the
rules" may come before the point that names him, or with no point naming him at all. When
the text makes sure who the pronoun is (pronoun_antecedents: the subject of the sentence
just before), the point says the name: the full name the first time a point names the
person, the surname after. The point's span stays the sentence.
"""

from __future__ import annotations

from spacy.tokens import Token

from briefgen.extract.found_quote import SURE_PRONOUN_NEAR
from briefgen.extract.mention_index import MentionIndex
from briefgen.extract.pronoun_antecedents import Antecedents
from briefgen.model import KeyPoint, Person

_SUBJECTS = frozenset({"he", "she"})
_POSSESSIVES = frozenset({"his", "her"})


def name_pronoun_openers(points: list[KeyPoint], index: MentionIndex) -> None:
    """Replace the "He"/"She" (or "His"/"Her") opening each of ``points`` by the person it
    stands for, when the text makes that sure (in place, best first)."""
    antecedents = Antecedents(index)
    said = ""
    for point in points:
        word = point.text.split(" ", 1)[0]
        low = word.lower()
        if low in _SUBJECTS | _POSSESSIVES and point.spans:
            person = _person(index, antecedents, point, low)
            if person is not None:
                name = _name(person, said)
                rest = point.text[len(word) :]
                point.text = (f"{name}\u2019s" if low in _POSSESSIVES else name) + rest
        if point.include:
            said += " " + point.text


def _person(
    index: MentionIndex, antecedents: Antecedents, point: KeyPoint, low: str
) -> Person | None:
    pronoun = _pronoun_token(index, point, low)
    if pronoun is None:
        return None
    found = antecedents.antecedent(pronoun, index.offset_of(pronoun))
    if found is None or found[1] < SURE_PRONOUN_NEAR:
        return None
    return found[0]


def _pronoun_token(index: MentionIndex, point: KeyPoint, low: str) -> Token | None:
    """The sentence's first token ``low`` that is not quoted and opens its clause."""
    span = point.spans[0]
    token = index.parsed.token_at(span.start)
    while token is not None and index.offset_of(token) < span.end:
        if token.lower_ == low:
            if index.in_quoted(index.offset_of(token)):
                return None
            subject = token.dep_ in {"nsubj", "nsubjpass"} or low in _POSSESSIVES
            return token if subject else None
        if token.i + 1 >= len(token.doc):
            return None
        token = token.doc[token.i + 1]
    return None


def _name(person: Person, said: str) -> str:
    """The person's surname when an earlier included point names them, else the name."""
    surname = person.name.split()[-1]
    return surname if surname in said else person.name
