"""Pieces of names: one-word "people" that are pieces of places ("Côte" of "Côte d’Ivoire",
"the Sahel"), and surnames that start with a particle ("de Vries")."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from briefgen.extract.lexicon import words

_PLACE_TYPES = {"GPE", "LOC"}
# Prepositions that put a name on the map: "in the neighbouring Sahel", "on the upper
# Danube", "along the lower Mekong".
_LOCATIVE = words(
    "in across throughout into near from to within inside around over on along off beyond "
    "at toward towards past"
)
# Particles that continue a place name: "Côte d’Ivoire", "Val-d'Oise".
_PARTICLES = ("d\u2019", "d'")


def with_particle(span: SpacySpan) -> SpacySpan:
    """``span`` with a glued name particle after it ("Côte" + "d’Ivoire"), else itself."""
    doc = span.doc
    if span.end >= len(doc):
        return span
    after = doc[span.end]
    rest = after.text[2:]
    if after.text.lower().startswith(_PARTICLES) and rest[:1].isupper():
        return doc[span.start : span.end + 1]
    return span


def is_place_fragment(span: SpacySpan) -> bool:
    """True for a one-word "person" that is a place: the start of a place name with a
    particle ("Côte d’Ivoire"), coordinated with a place or a member of a list of places
    ("Ghana, Benin and Togo"), or
    a name after "the" and a locative preposition ("in the neighbouring Sahel")."""
    if len(span) != 1:
        return False
    if with_particle(span) is not span:
        return True
    token = span[0]
    if _coordinated_with_place(token) or _in_a_list_of_places(token):
        return True
    return _the_region(token) or _where_it_happened(token)


# Verbs whose "in" names what or whom, not where: "believed in Lee", "joined in".
_IN_NOT_WHERE = words(
    "believe trust invest interest succeed fail join engage participate involve confide "
    "result specialise specialize lie"
)


def _where_it_happened(token: Token) -> bool:
    """True for a one-word "person" after "in" on a verb: where something happened ("the
    ministers met for three hours in Qasr"), not a person ("believed in Lee")."""
    prep = token.head
    return (
        token.dep_ == "pobj"
        and prep.lower_ == "in"
        and prep.head.pos_ in {"VERB", "AUX"}
        and prep.head.lemma_.lower() not in _IN_NOT_WHERE
    )


def _coordinated_with_place(token: Token) -> bool:
    """True when a one-word "person" is coordinated with a place ("Norvalia and Estrava")."""
    partners = [token.head] if token.dep_ == "conj" else []
    partners += [c for c in token.children if c.dep_ == "conj"]
    return any(p.ent_type_ in _PLACE_TYPES for p in partners)


def _list_member(token: Token) -> Token:
    """The word standing for ``token`` in a list: "d’Ivoire" for "Côte" compounded onto it."""
    return token.head if token.dep_ == "compound" else token


def _in_a_list_of_places(token: Token) -> bool:
    first = _list_member(token)
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    members = [first]
    for member in members:
        members.extend(c for c in member.children if c.dep_ == "conj")
    others = [m for m in members if m.i != token.i and m.i != _list_member(token).i]
    places = sum(m.ent_type_ in _PLACE_TYPES for m in others)
    people = sum(m.ent_type_ == "PERSON" for m in others)
    return places >= 1 and places > people


def _the_region(token: Token) -> bool:
    left = list(token.lefts)
    if not left or left[0].lower_ != "the":
        return False
    if any(t.text[:1].isupper() for t in left[1:]):
        return False
    return token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE


# Lower-case particles that begin a surname: "de Vries", "van der Berg", "bin Salman".
_SURNAME_PARTICLES = words("de van von der den da di del della la le du bin ibn al el")


def surname_with_particle(full_name: str) -> str | None:
    """The surname of a lower-cased full name from its first particle on ("karel de vries"
    -> "de vries"), or None when the name has no particle after its first word."""
    parts = full_name.split()
    start = next((i for i, w in enumerate(parts[1:-1], 1) if w in _SURNAME_PARTICLES), None)
    return " ".join(parts[start:]) if start is not None else None


def is_surname_particle(word: str) -> bool:
    """True for a lower-case particle inside a name ("de" of "Karel de Vries")."""
    return word in _SURNAME_PARTICLES


_DEMONYM_ENDINGS = ("n", "an", "ian", "ese", "i", "ish", "ic", "ean")


def is_country_stem(text: str, demonyms: set[str]) -> bool:
    """True when a demonym is this word plus an ending ("Estrava" -> "Estravan")."""
    low = text.lower()
    return any(low + ending in demonyms for ending in _DEMONYM_ENDINGS) or any(
        low[:-1] + ending in demonyms for ending in _DEMONYM_ENDINGS if low.endswith("a")
    )
