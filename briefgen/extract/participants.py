"""Participants: which people the text says took part in the event, not only mentioned."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from briefgen.extract.lexicon import SPEECH_VERBS, words
from briefgen.extract.parse import Parsed
from briefgen.model import Person

# Verbs saying someone took part: "X led the delegation", "talks attended by X",
# "X met Y", "X represented the ministry", "X took part".
PARTICIPATION_VERBS = words(
    """
    lead head represent attend meet join participate chair host accompany co-chair
    negotiate convene mediate broker
    """
)
# Nouns of a side at the talks: "the delegation included X and Y".
_DELEGATION_NOUNS = words("delegation delegations team side party")
# Verbs that say two sides took part when both are named: "X and Y discussed ...",
# "X discussed the plan with Y", "X and Y signed the accord".
_JOINT_VERBS = words("discuss review talk sign speak agree")
# Phrasal verbs of meeting: "X sat down with Y", "the talks brought together X and Y".
_PHRASAL_MEETING = {"sit": "down", "bring": "together", "get": "together"}
# Nouns naming the event, whose "between"/"with" phrase names its parties:
# "talks between X and Y", "a meeting with X", and whose possessor is a party:
# "X's meeting with Y".
EVENT_NOUNS = words(
    """
    talk talks meeting meetings negotiation negotiations discussion discussions summit
    session round dialogue consultation consultations conversation call visit
    """
)
# Texts the parties issue together: "a joint statement by X and Y".
_JOINT_TEXTS = words("statement declaration communique communiqué")
# "X held talks with Y": a verb whose object is an event noun.
_HOLD_VERBS = words("hold have conduct")
# Auxiliaries that put the event in the future: "Kerry will meet ...".
_FUTURE_AUX = words("will shall 'll wo would")
# Heads that make an infinitive a plan, not an event: "plans to meet", "is due to meet",
# "to pursue a call between ...".
_PLANNING = words(
    """
    plan expect schedule set due hope intend aim want seek prepare propose arrange pursue
    consider invite like try commit agree pledge promise vow
    """
)
# Modifiers placing an event noun before or after the reported one: "the summit last
# year", "a future meeting", "the next round".
_OTHER_TIME = words("previous earlier past prior former future upcoming next planned possible")
# "last year", "last November": another event; "last week" is often the reported one.
_LONG_AGO = words(
    """
    year month decade spring summer autumn fall winter january february march april may
    june july august september october november december
    """
)
# Prepositions after which a speaker's event noun says they were there: "said after the talks".
_AT_THE_EVENT = words("after following at during")
# Clauses of a participation verb that say something else than who took part.
_CLAUSES = words("advcl xcomp ccomp relcl acl parataxis csubj")


def _future_aux(verb: Token) -> bool:
    """True when an auxiliary puts ``verb`` in the future: "will meet"."""
    return any(c.dep_ in {"aux", "auxpass"} and c.lower_ in _FUTURE_AUX for c in verb.children)


def _is_future(verb: Token) -> bool:
    """True when ``verb`` is planned, not reported: "will meet", "plans to meet"."""
    aux = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if _future_aux(verb):
        return True
    infinitive = any(c.lower_ == "to" for c in aux)
    # "is to meet", "was to be led by": a plan, whether or not it came about.
    planned_be = infinitive and verb.dep_ == "xcomp" and verb.head.lemma_.lower() == "be"
    return verb.lemma_.lower() in _PLANNING or planned_be or (
        infinitive and verb.head.i != verb.i and verb.head.lemma_.lower() in _PLANNING
    )


def _names_other_time(phrase: Token) -> bool:
    """True when ``phrase`` places something at another time ("next", "last year")."""
    return any(
        t.lower_ in _OTHER_TIME or t.lower_ == "last" and t.head.lower_ in _LONG_AGO
        for t in phrase.subtree
    )


def _in_other_time(noun: Token) -> bool:
    """True when an event noun is placed at another time ("the summit last November") or
    sits under a verb that plans it ("agreed to pursue a call between ...")."""
    for child in noun.children:
        if child.dep_ != "prep" and _names_other_time(child):
            return True
    head = noun
    while head.head.i != head.i:
        head = head.head
        if head.pos_ in {"VERB", "AUX", "ADJ"} and _is_future(head):
            return True
        if head.pos_ == "VERB" and any(
            c.dep_ in {"npadvmod", "advmod", "tmod"} and _names_other_time(c)
            for c in head.children
        ):
            return True
    return False


def _verb_in_other_time(verb: Token) -> bool:
    """True when a verb of taking part is placed at another time: "met him last year",
    "..., last year, when she met X"."""
    def placed(token: Token) -> bool:
        return any(
            c.dep_ in {"npadvmod", "advmod", "tmod"} and _names_other_time(c)
            for c in token.children
        )

    if placed(verb):
        return True
    when = any(c.lower_ == "when" for c in verb.children)
    if verb.dep_ != "advcl" or not when:
        return False
    own = {t.i for t in verb.subtree}
    return any(
        t.lower_ in _OTHER_TIME or t.lower_ == "last" and t.head.lower_ in _LONG_AGO
        for t in verb.head.subtree
        if t.i not in own
    )


def _says_taking_part(token: Token, lemma: str) -> bool:
    """A participation verb, "took part", "held talks", or "X and Y discussed"."""
    if token.pos_ in {"VERB", "AUX"} and lemma in PARTICIPATION_VERBS:
        return True
    if lemma == "take":
        return any(c.lower_ == "part" for c in token.children)
    if lemma == "include" and token.pos_ == "VERB":
        return any(
            c.dep_ == "nsubj" and c.lemma_.lower() in _DELEGATION_NOUNS for c in token.children
        )
    if lemma in _PHRASAL_MEETING and token.pos_ == "VERB":
        return any(
            c.dep_ in {"prt", "advmod"} and c.lower_ == _PHRASAL_MEETING[lemma]
            for c in token.children
        )
    if token.pos_ == "VERB" and lemma in _JOINT_VERBS:
        return any(_with_someone(c) for c in token.children) or lemma != "speak" and any(
            c.dep_ in {"nsubj", "nsubjpass"}
            and (any(g.dep_ == "conj" for g in c.children) or _group_of_holders(c))
            for c in token.children
        )  # "X and Y spoke" may be two speeches; "X and Y discussed" is one talk
    return token.pos_ == "VERB" and lemma in _HOLD_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in EVENT_NOUNS for c in token.children
    )


def _group_of_holders(noun: Token) -> bool:
    """ "The foreign ministers of X and Y", "the two leaders": office-holders of several
    sides, who together discussed or agreed something."""
    return noun.tag_ == "NNS" and noun.lemma_.lower() in _GROUP_NOUNS and any(
        c.lower_ in {"two", "three", "both"}
        or c.dep_ == "prep"
        and c.lower_ == "of"
        and any(o.dep_ == "pobj" and any(g.dep_ == "conj" for g in o.children) for o in c.children)
        for c in noun.children
    )


def _with_someone(child: Token) -> bool:
    """A "with" phrase of a verb, also behind a means: "spoke with Y", "spoke by phone
    with Y"."""
    if child.dep_ != "prep":
        return False
    if child.lower_ == "with":
        return True
    return any(
        g.dep_ == "prep" and g.lower_ == "with"
        for o in child.children
        if o.dep_ == "pobj"
        for g in o.children
    )


def _is_event_noun(token: Token) -> bool:
    return token.pos_ in {"NOUN", "PROPN"} and (
        token.lemma_.lower() in EVENT_NOUNS or token.lower_ in EVENT_NOUNS
    )


def _speaks_at_the_event(token: Token) -> bool:
    """ "X, speaking to reporters after a meeting in Munich, said ...": a speech verb
    placed after or at the reported event."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in SPEECH_VERBS | {"speak"}:
        return False
    return any(
        c.dep_ == "prep"
        and c.lower_ in _AT_THE_EVENT
        and any(_is_event_noun(o) and not _in_other_time(o) for o in c.children)
        for c in token.children
    )


_SENDING = {"send", "dispatch", "delegate"}
# Verbs of receiving a visitor: "X welcomed Y to the White House", "X received Y": both
# took part when the object is a person (not "welcomed the decision by Y").
_RECEIVING = words("welcome receive greet")


# Parts of speech a cue can have: verbs of taking part, event nouns, joint texts.
_CUE_TAGS = {"VERB", "AUX", "NOUN", "PROPN"}


def _cues(sent: SpacySpan) -> Iterator[tuple[Token, Token | None]]:
    """(cue, phrase) pairs of ``sent`` that introduce the people taking part: a verb whose
    parties took part (phrase None), a speaker at the event (phrase the cue itself), or the
    phrase of an event noun or joint text naming its parties."""
    for token in sent:
        if token.pos_ not in _CUE_TAGS:
            continue
        lemma = token.lemma_.lower()
        if any(child.dep_ == "neg" for child in token.children):
            continue
        if _says_taking_part(token, lemma):
            # "X and Y agreed to meet" plans a meeting, and is itself an act of both
            future = _is_future(token) if lemma != "agree" else _future_aux(token)
            if not future and not _verb_in_other_time(token):
                yield token, None
        elif lemma in _SENDING and not _is_future(token):
            # "Estrava sent Ambassador X (to the talks)": who was sent took part, not whom
            # something was sent to ("sent a letter to X").
            for child in token.children:
                if child.dep_ == "dobj" and any(t.ent_type_ == "PERSON" for t in child.subtree):
                    yield token, child
        elif lemma in _RECEIVING and token.pos_ == "VERB" and not _is_future(token):
            guests = [
                c
                for c in token.children
                if c.dep_ == "dobj" and c.ent_type_ == "PERSON"
            ]
            for guest in guests:
                yield token, guest
            if guests:
                yield token, token
        elif _speaks_at_the_event(token):
            yield token, token
        elif _is_event_noun(token) and not _in_other_time(token):
            named_parties = False
            for child in token.children:
                named = child.dep_ == "prep" and child.lower_ in {"between", "with", "among"}
                if named or child.dep_ == "poss":  # "X's meeting with Y"
                    named_parties = True
                    yield token, child
            prep = token.head
            if (
                named_parties
                and token.dep_ == "pobj"
                and prep.lower_ in _AT_THE_EVENT | {"in"}
                and prep.head.pos_ == "VERB"
                and not _is_future(prep.head)
            ):
                yield prep.head, prep.head  # "In a meeting with Y, X raised ...": X too
        elif token.lemma_.lower() in _JOINT_TEXTS and not _in_other_time(token):
            joint = any(c.lower_ == "joint" for c in token.children)
            for child in token.children:
                objects = [o for o in child.children if o.dep_ == "pobj"]
                if child.dep_ == "prep" and child.lower_ == "by" and (
                    joint or any(g.dep_ == "conj" for o in objects for g in o.children)
                ):
                    yield token, child


def _subject_of(verb: Token) -> Iterator[Token]:
    """Who does ``verb``: its subjects, else (for "X, who led ...", "X, speaking after ...",
    "X travelled to Y to meet Z") the noun or subject it hangs from."""
    subjects = [
        c
        for c in verb.children
        if c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ not in {"who", "that", "which"}
    ]
    if subjects:
        yield from subjects
    elif verb.dep_ in {"relcl", "acl"}:
        yield verb.head
    elif verb.dep_ in {"advcl", "xcomp", "conj"} and verb.head.i != verb.i:
        yield from _subject_of(verb.head)


def _parties(verb: Token) -> Iterator[Token]:
    """The tokens of a participation verb's phrase that can name parties: all but its
    clauses ("met Y to follow up on the summit between A and B", "met Y, who said ...")."""
    skipped: set[int] = set()
    for child in verb.children:
        if child.dep_ in _CLAUSES or child.dep_ == "conj" and child.pos_ in {"VERB", "AUX"}:
            skipped.update(t.i for t in child.subtree)
    return (t for t in verb.subtree if t.i not in skipped)


def _apposed_leader(verb: Token) -> Iterator[Token]:
    """ "Saskar's delegation, led by the Director General for X, Marta Novak, rejected
    ...": the model often hangs the name after a long title on the delegation, not on the
    title; the tokens of such an apposition after the verb."""
    if verb.dep_ != "acl" or verb.lemma_.lower() not in {"lead", "head", "chair"}:
        return
    for child in verb.head.children:
        if child.dep_ == "appos" and child.i > verb.i:
            yield from child.subtree


def _taking_part(sent: SpacySpan) -> set[int]:
    """Indices (in the sentence's doc) of the tokens that name who took part."""
    inside: set[int] = set()
    for cue, phrase in _cues(sent):
        if phrase is not None and phrase.i != cue.i:
            inside.update(t.i for t in phrase.subtree)
            continue
        if phrase is None:
            inside.update(t.i for t in _parties(cue))
            inside.update(t.i for t in _apposed_leader(cue))
        for who in _subject_of(cue):
            # "X, who led the talks, said ...": X's phrase up to the cue, not what X said.
            inside.update(t.i for t in who.subtree if t.i < cue.i or who.i > cue.i)
    return inside


def _is_spokesperson(person: Person) -> bool:
    return "spokes" in (person.role or "").lower()


# Plural nouns naming a group of office-holders as a party: "EU leaders met ...", "a
# statement by all EU leaders and X", "foreign ministers held talks ...".
_GROUP_NOUNS = words("leader minister")
# The titles a member of a "leaders" group holds.
_LEADER_TITLES = re.compile(r"\b(president|prime minister|premier|chancellor)\b", re.I)
# Roles of someone who negotiates for a side: "chief negotiator", "head of the delegation".
_NEGOTIATOR = re.compile(
    r"\b(?:negotiator|head of the (?:\w+ )?delegation)\b", re.IGNORECASE
)
_FORMER = re.compile(r"\b(?:former|ex|late)\b", re.IGNORECASE)
# Titles of people who are not the office-holder themselves.
_NOT_THE_HOLDER = re.compile(r"\b(former|ex|vice|deputy|late|spokes\w*|aide|adviser)\b", re.I)


def _groups_taking_part(sent: SpacySpan, inside: set[int]) -> list[Token]:
    """The plural group nouns ("leaders", "foreign ministers") among the tokens of
    ``sent`` that name who took part."""
    return [
        t
        for t in sent
        if t.i in inside and t.tag_ == "NNS" and t.lemma_.lower() in _GROUP_NOUNS
    ]


def _member_of(role: str | None, group: Token) -> bool:
    """True when a person with ``role`` belongs to ``group``: a president, prime minister
    or chancellor to "leaders"; a minister to "ministers", of the same portfolio when the
    group names one ("foreign ministers")."""
    if not role or _NOT_THE_HOLDER.search(role):
        return False
    if group.lemma_.lower() == "leader":
        return bool(_LEADER_TITLES.search(role))
    lowered = role.lower()
    if "minister" not in lowered or "prime minister" in lowered:
        return False
    portfolio = [
        c.lower_ for c in group.children if c.dep_ in {"amod", "compound"} and c.pos_ != "PROPN"
    ]
    return all(word in lowered for word in portfolio)


def _speaks(first: Token, last: Token) -> bool:
    """True when the name from ``first`` to ``last`` is the subject of a speech verb
    ("X said ...", "X summed up the talks")."""
    doc = first.doc
    subjects = [
        t.head if t.dep_ == "appos" else t  # "Corvan's negotiator, X, said"
        for t in doc[first.i : last.i + 1]
    ]
    return any(
        t.dep_ == "nsubj"
        and t.head.pos_ == "VERB"
        and t.head.lemma_.lower() in SPEECH_VERBS
        for t in subjects
    )


def mark_participants(people: Sequence[Person], parsed_sources: Sequence[Parsed]) -> None:
    """Set each person's ``participant`` in place: True when one of their mentions sits in
    a phrase saying they took part (led, represented, attended, met, took part, held talks
    with, talks between ..., X's meeting with Y, X and Y discussed, a joint statement by X
    and Y, spoke after the talks), False when the sources only mention them, name them in
    a meeting planned or held at another time, or they are a spokesperson commenting."""
    by_id = {p.source.id: p for p in parsed_sources}
    cache: dict[tuple[str, int, int], set[int]] = {}
    speakers: list[Person] = []
    for person in people:
        person.participant = False
        if _is_spokesperson(person):
            continue
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
            last = parsed.token_at(max(span.start, span.end - 1))
            if last is not None and last.doc is token.doc and _speaks(token, last):
                speakers.append(person)
    # "Corvan's chief negotiator, X, said his delegation had offered ...": a delegation's
    # negotiator speaking about the talks took part in them.
    for person in speakers:
        if _NEGOTIATOR.search(person.role or "") and not _FORMER.search(person.role or ""):
            person.participant = True
    # "EU leaders met ...; French President X said ...": a member of a group that took
    # part, speaking about the event, was there.
    speakers = [
        p
        for p in speakers
        if not p.participant
        and p.role
        and (_LEADER_TITLES.search(p.role) or "minister" in p.role.lower())
        and not _NOT_THE_HOLDER.search(p.role)
    ]
    if not speakers:
        return
    groups: list[Token] = []
    for parsed in parsed_sources:
        for _offset, sent in parsed.sentences():
            if any(t.tag_ == "NNS" and t.lemma_.lower() in _GROUP_NOUNS for t in sent):
                key = (parsed.source.id, id(sent.doc), sent.start)
                if key not in cache:
                    cache[key] = _taking_part(sent)
                groups.extend(_groups_taking_part(sent, cache[key]))
    for person in speakers:
        if any(_member_of(person.role, g) for g in groups):
            person.participant = True


def reported_meeting_phrase(token: Token) -> list[Token]:
    """The tokens of the phrase ``token`` heads when it says the reported meeting took
    place ("met Y on March 3 in Valmont", "held talks in Geneva"), clauses left out;
    empty when ``token`` is no such verb (or is negated or planned)."""
    if any(child.dep_ == "neg" for child in token.children):
        return []
    if not _says_taking_part(token, token.lemma_.lower()) or _is_future(token):
        return []
    if _verb_in_other_time(token):
        return []  # "met him in Oslo last year": an earlier meeting's place
    return list(_parties(token))
