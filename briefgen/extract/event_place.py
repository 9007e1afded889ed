"""The place of the reported meeting, from the sentence saying it took place there."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Token

from briefgen.extract.lexicon import canonical_name
from briefgen.extract.parse import Parsed
from briefgen.extract.participants import reported_meeting_phrase
from briefgen.model import Place
from briefgen.text.normalise import entity_key

_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_AT = {"in", "at"}


def meeting_place(parsed: Parsed, places: Sequence[Place]) -> str | None:
    """The name (as ``places`` give it) of the first place in an "in"/"at" phrase of a
    sentence saying the meeting took place ("met ... on October 24 in Washington", "held
    talks in Geneva"); None when no such sentence names a listed place."""
    names = {entity_key(p.name): p.name for p in places}
    if not names:
        return None
    for _offset, token in parsed.tokens():
        for prep in reported_meeting_phrase(token):
            if prep.dep_ != "prep" or prep.lower_ not in _AT:
                continue
            for obj in prep.children:
                if obj.dep_ == "pobj" and obj.ent_type_ in _PLACE_LABELS:
                    name = names.get(entity_key(_entity_text(obj)))
                    if name is not None:
                        return name
    return None


def _entity_text(token: Token) -> str:
    """The text of the named entity ``token`` belongs to."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return canonical_name(doc[start:end].text)
