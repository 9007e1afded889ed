"""The agenda's items: what a sentence says was discussed, one item for each conjunct.

"They reviewed water sharing, flood warnings and the protection of fisheries" names three
issues; "raised concerns about the dam's deployment of new turbines" names one, the thing
the concerns are about. Topics ranks these items before other noun phrases.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from briefgen.extract.lexicon import words
from briefgen.extract.not_discussed import AGENDA_WORDS

# Verbs whose object is an issue of the talks: the agenda words ("discussed", "raised",
# "focused on"; not "include", which lists anything, nor "issue", as in "issued a
# statement") and the verbs of a readout's agenda ("reviewed", "exchanged views on",
# "underscored", "urged").
AGENDA_VERBS = (AGENDA_WORDS - words("include issue issues")) | words(
    """
    review examine explore debate tackle consult talk exchange underscore underline urge
    stress emphasise emphasize highlight
    """
)
# Nouns of the talks whose "on", "about" or "over" phrase names the issues ("held
# discussions on trade").
TALK_NOUNS = words(
    """
    discussion discussions talk talks consultation consultations negotiation negotiations
    dialogue conversation conversations exchange exchanges
    """
)
# Verbs that name an agenda only when the talks are their subject ("the talks covered
# X", "the meeting concerned X"; not "the warnings covered a large area").
_SAID_OF_TALKS = words("cover concern")
_AGENDA_SUBJECTS = words("agenda topic topics meeting meetings call summit visit readout")
# Prepositions that introduce what was discussed ("focused on", "talked about", "concerns
# regarding", "views on").
_ON = words("on about over regarding concerning of for")
# Nouns that only frame an issue ("concerns about X", "the importance of X", "views on X",
# "a range of areas of cooperation", "issues, including X"): the item is what follows them.
_FRAMES = words(
    """
    concern concerns importance need significance view views range number question
    matter issue issues topic topics those step steps detail details specter
    spectre prospect prospects possibility progress
    """
)
# What a talk noun's phrase says was discussed: "discussions on trade", "talks, including
# on visas" (not "talks in Geneva", "talks with Kerry").
_TALKED_ABOUT = words("on about over regarding including")
# Pronouns and frames that stand for a list given by "related to" or "including".
_RELATED = words("related relating regarding concerning")
_NOMINAL = frozenset({"NOUN", "PROPN"})
_VERB_OR_NOUN = frozenset({"VERB", "AUX", "NOUN"})


@dataclass(frozen=True)
class AgendaItem:
    """One issue named as discussed: its head noun, and the prepositional phrases it shares
    with the other items of its list ("in the Danube basin" after "peace, stability and
    cooperation"), which the grammar gives to the last item only."""

    head: Token
    shared: tuple[Token, ...] = ()


def agenda_items(sent: SpacySpan) -> list[AgendaItem]:
    """The issues the sentence says were discussed, raised, reviewed or urged, in order."""
    items: list[AgendaItem] = []
    for token in sent:
        pos = token.pos_
        if pos not in _VERB_OR_NOUN:
            continue
        lemma = token.lemma_.lower()
        if pos != "NOUN" and lemma in AGENDA_VERBS and token.dep_ != "csubj":
            # (a verb parsed as the subject of another, "underscoring the community has a
            # role", has its object wrong: the clause after it is what was underscored)
            for obj in _objects_of_verb(token):
                items += _items_of(obj)
        elif pos == "NOUN" and lemma in TALK_NOUNS:
            for prep in token.children:
                if prep.dep_ == "prep" and prep.lower_ in _TALKED_ABOUT:
                    items += _items_of_prep(prep)
    seen: set[int] = set()
    unique = []
    for item in sorted(items, key=lambda it: it.head.i):
        if item.head.i not in seen:
            seen.add(item.head.i)
            unique.append(item)
    return unique


def _objects_of_verb(verb: Token) -> list[Token]:
    """The verb's objects: "discussed X", "X was discussed", "focused on X", "urged Y to
    reopen X" (the object of what Y is urged to do)."""
    objects: list[Token] = []
    lemma = verb.lemma_.lower()
    if lemma in _SAID_OF_TALKS and not any(
        c.dep_ == "nsubj" and c.lemma_.lower() in TALK_NOUNS | _AGENDA_SUBJECTS
        for c in verb.children
    ):
        return []  # "warnings covered a large area": no agenda
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    told = any(c.dep_ == "xcomp" for c in verb.children)
    for child in verb.children:
        if child.dep_ in {"dobj", "attr"} or (passive and child.dep_ == "nsubjpass"):
            if told or child.ent_type_ == "PERSON":
                continue  # "urged the board to ...": who is urged is not the issue
            if lemma == "address" and child.ent_type_:
                continue  # "addressed the Assembly": the audience
            objects.append(child)
        elif child.dep_ == "prep" and child.lower_ in _ON:
            objects += [c for c in child.children if c.dep_ in {"pobj", "pcomp"}]
        elif child.dep_ == "xcomp" and child.pos_ == "VERB":
            objects += [c for c in child.children if c.dep_ == "dobj"]
    return objects


def _items_of_prep(prep: Token) -> list[AgendaItem]:
    found: list[AgendaItem] = []
    for obj in prep.children:
        if obj.dep_ in {"pobj", "pcomp"}:
            found += _items_of(obj)
    return found


def _items_of(head: Token, shared: tuple[Token, ...] = ()) -> list[AgendaItem]:
    """The items a phrase names: one for each conjunct, a frame's contents instead of the
    frame, a gerund's objects ("maintaining peace and stability")."""
    if head.pos_ == "VERB" and head.dep_ in {"pcomp", "dobj", "pobj"}:
        objects = [c for c in head.children if c.dep_ == "dobj"]
        trailing = tuple(c for c in head.children if c.dep_ == "prep")
        return [item for obj in objects for item in _items_of(obj, trailing)]
    if head.pos_ not in _NOMINAL and head.pos_ != "PRON":
        return []
    conjuncts = sorted(
        [head, *(c for c in head.conjuncts if c.pos_ in _NOMINAL or c.pos_ == "PRON")],
        key=lambda t: t.i,
    )
    last = conjuncts[-1]
    # A prepositional phrase after the whole list, attached by the parse to an earlier
    # conjunct or to the gerund, belongs to the last conjunct, the one it follows.
    moved = tuple(
        prep
        for owner in conjuncts[:-1]
        for prep in owner.children
        if prep.dep_ == "prep" and prep.i > last.i
    ) + tuple(prep for prep in shared if prep.i > last.i)
    items: list[AgendaItem] = []
    for conjunct in conjuncts:
        inner = _framed(conjunct)
        if inner is not None:
            items += inner
        elif conjunct.pos_ != "PRON":
            items.append(AgendaItem(conjunct, moved if conjunct is last else ()))
            items += _listed_names(conjunct)
    return items


def _listed_names(head: Token) -> list[AgendaItem]:
    """Items the parse hangs inside an item's phrase, which stops before them: places and
    bodies listed after the item ("the grain corridor, Lake Tenva and the Baltic Sea") or
    after the object of its preposition ("Russia's war against Ukraine, the Middle East
    and Burma"), and, when the item is one of a list, the next items set after that object
    ("consular access for detained nationals, the resumption of visa processing and ...")."""
    found: list[AgendaItem] = []
    objects = [
        c
        for prep in head.children
        if prep.dep_ == "prep"
        for c in prep.children
        if c.dep_ == "pobj" and c.pos_ in _NOMINAL
    ]
    in_list = head.dep_ in {"conj", "appos"} or any(c.dep_ == "conj" for c in head.children)
    for owner in [head, *objects]:
        listed = [c for c in owner.children if c.dep_ == "appos"]
        if owner is not head and owner.pos_ == "PROPN":
            listed += owner.conjuncts
        listed += [c for appos in listed if appos.dep_ == "appos" for c in appos.conjuncts]
        found += [AgendaItem(c) for c in listed if c.pos_ == "PROPN" and c.ent_type_]
        if owner is not head and in_list:
            found += [
                item
                for c in owner.children
                if c.dep_ == "appos" and c.pos_ == "NOUN"
                for item in _items_of(c)
            ]
    return found


def _framed(head: Token) -> list[AgendaItem] | None:
    """What a frame noun ("concerns about X", "importance of X", "issues, including X",
    "three issues: X, Y and Z", "those related to X") holds, or None when the noun is no
    frame or holds nothing."""
    if head.lemma_.lower() not in _FRAMES and head.lower_ not in _FRAMES:
        return None
    found: list[AgendaItem] = []
    for child in head.children:
        if child.dep_ == "prep" and (child.lower_ in _ON or child.lower_ == "including"):
            found += _items_of_prep(child)
        elif child.dep_ == "appos" and child.pos_ in _NOMINAL:
            found += _items_of(child)  # "four issues: staffing levels, ..."
        elif child.dep_ == "acl" and child.lower_ in _RELATED:
            for prep in child.children:
                if prep.dep_ == "prep":
                    found += _items_of_prep(prep)
            if child.lower_ != "related":
                found += [
                    it for c in child.children if c.dep_ == "pobj" for it in _items_of(c)
                ]
    return found or None
