"""Constructions that state a next step without a future modal or a schedule word, read
from the parse (used by :func:`briefgen.extract.next_step_cues.cues`):

- a further step said or agreed to be needed ("agreed that a new resolution was needed");
- a deadline given as time left ("have until the end of the month to reply");
- a request that parties meet or resume ("called on the parties to resume negotiations");
- an invitation to a visit ("invited the prime minister to visit Washington");
- an agreement still pending ("are getting closer to an understanding", "the deal still
  requires the approval of parliament", "are still working out the details");
- a step put off to a later time ("the signing has been postponed until parliament votes",
  "the vote was delayed to May").
"""

from __future__ import annotations

from spacy.tokens import Token

from briefgen.extract.lexicon import words

# What can be needed, asked for or agreed as a further step: an event or a measure to be
# taken ("a new resolution", "further talks", "a second round"), not "a political solution".
STEP_NOUNS = words(
    """
    meeting debate vote investigation inquiry hearing talks summit session election probe
    review referendum trial ceasefire visit conference round dialogue forum negotiation
    negotiations consultation consultations resolution deal agreement accord treaty truce
    sanctions measures legislation reform reforms steps action
    """
)
# Words by which a step is said to be needed ("was needed", "are necessary").
_NEEDED = words("need require")
_NEEDED_ADJECTIVES = words("necessary needed required essential")
# Verbs that, with "until", give a deadline ("have until Friday to", "were given until").
_DEADLINE_VERBS = words("have give get")
# Verbs by which one party asks others to act ("called on", "urged", "asked", "pressed").
_ASKING_OTHERS = words("urge ask press encourage invite")
# What they are asked to do when it is to meet or negotiate.
_MEETING_VERBS = words(
    "resume reconvene convene meet hold return restart reopen start begin join attend"
)
# Verbs of a visit one party invites another to make.
_VISITING = words("visit attend come join travel meet address")
# Agreements that can be near ("closer to a deal").
_AGREEMENTS = words(
    """
    agreement deal accord treaty understanding consensus pact settlement compromise
    ceasefire truce
    """
)
_NEAR = words("close closer near nearer")
# Verbs of work still under way on a deal ("still requires approval", "still negotiating").
_PENDING_VERBS = words(
    "require need await negotiate work discuss review consider finalize finalise"
)


def needed_step(token: Token) -> bool:
    """True for "a new resolution was needed", "further talks are necessary": a step
    someone states or agrees must still be taken (not "a solution is needed")."""
    if _denied(token):
        return False
    if token.lemma_ in _NEEDED and token.tag_ == "VBN":
        subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
    elif token.lower_ in _NEEDED_ADJECTIVES and token.dep_ == "acomp":
        subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
        if _denied(token.head):
            return False
    else:
        return False
    return any(
        names_step(s) and not any(c.dep_ == "det" and c.lower_ == "no" for c in s.children)
        for s in subjects
    )


def names_step(noun: Token) -> bool:
    """True for a noun of a step ("resolution", "a new round of talks")."""
    if noun.lemma_.lower() in STEP_NOUNS or noun.lower_ in STEP_NOUNS:
        return True
    return any(
        p.dep_ == "prep" and p.lower_ == "of" and any(o.lower_ in STEP_NOUNS for o in p.children)
        for p in noun.children
    )


def _denied(token: Token) -> bool:
    return any(c.dep_ == "neg" for c in token.children)


def deadline_until(token: Token) -> Token | None:
    """For "have until Friday to reply", "were given until March 20 to respond": the verb
    that sets the deadline, else None."""
    if token.lower_ != "until" or token.dep_ != "prep":
        return None
    verb = token.head
    if verb.lemma_ not in _DEADLINE_VERBS or _denied(verb):
        return None
    # the act due by then: an infinitive on the verb, or right after the time phrase
    after = [t for t in token.subtree][-1]
    following = after.nbor() if after.i + 1 < len(after.doc) else None
    infinitive = any(
        c.dep_ in {"xcomp", "advcl", "ccomp"} and any(a.tag_ == "TO" for a in c.children)
        for c in verb.children
    )
    return verb if infinitive or (following is not None and following.tag_ == "TO") else None


def meeting_asked_for(token: Token) -> bool:
    """True for "called on the parties to resume negotiations", "urged both sides to
    return to the talks", "asked them to meet again": others asked to meet or negotiate."""
    if token.pos_ != "VERB" or _denied(token):
        return False
    if token.lemma_ == "call":
        if not any(c.dep_ == "prep" and c.lower_ == "on" for c in token.children):
            return False
    elif token.lemma_ not in _ASKING_OTHERS:
        return False
    acts = [c for c in token.children if c.dep_ in {"xcomp", "ccomp"}]
    for prep in token.children:  # "called on X to resume": the act hangs on "on" or its object
        if prep.dep_ == "prep":
            acts += [t for t in prep.subtree if t.dep_ in {"xcomp", "acl", "relcl"}]
    return any(_meets(act) for act in acts)


def _meets(verb: Token) -> bool:
    """True for "resume negotiations", "meet again", "return to the table"."""
    if verb.lemma_ not in _MEETING_VERBS:
        return False
    if verb.lemma_ in {"meet", "reconvene", "convene", "resume", "restart"}:
        return True
    nouns = [c for c in verb.children if c.dep_ == "dobj"] + [
        o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"
    ]
    return any(names_step(n) or n.lower_ == "table" for n in nouns)


def visit_invited(token: Token) -> bool:
    """True for "invited the prime minister to visit Washington": a visit offered."""
    if token.lemma_ != "invite" or token.pos_ != "VERB" or _denied(token):
        return False
    return any(c.dep_ in {"xcomp", "ccomp"} and c.lemma_ in _VISITING for c in token.children)


def near_agreement(token: Token) -> bool:
    """True for "getting closer to an understanding", "are near a deal": an agreement that
    is pending."""
    if token.lower_ not in _NEAR or token.pos_ not in {"ADJ", "ADV", "ADP"}:
        return False
    objects = [
        o
        for p in [token, *token.children]
        if p.dep_ == "prep" or p is token
        for o in p.children
        if o.dep_ == "pobj"
    ]
    for o in objects:
        if o.lemma_.lower() in _AGREEMENTS:
            return True
        if o.lemma_ == "reach" or any(c.lemma_ == "reach" for c in o.children):
            return True
    return False


def still_pending(token: Token) -> bool:
    """True for "the deal still requires approval", "they are still negotiating": work on
    something that is not finished, stated in the present."""
    if token.lower_ != "still" or token.dep_ != "advmod":
        return False
    verb = token.head
    if verb.lemma_ not in _PENDING_VERBS or _denied(verb):
        return False
    if verb.tag_ in {"VBZ", "VBP"}:
        return verb.lemma_ != "consider"  # "still considers it illegal": a position
    return verb.tag_ == "VBG" and any(
        c.dep_ == "aux" and c.tag_ in {"VBZ", "VBP"} for c in verb.children
    )


# Verbs that put an act off to a later time: the act is still to come.
_PUTTING_OFF = words("postpone delay defer adjourn reschedule push move")
# Prepositions and marks naming when the act now is to happen.
_TO_LATER = words("until till to")


def put_off_until(token: Token) -> bool:
    """True for "the signing has been postponed until parliament votes", "the hearing was
    delayed to May", "postponed the vote until after the elections": an act still to come,
    at a later time the text names (not "postponed indefinitely", "delayed by a year")."""
    if token.pos_ != "VERB" or token.lemma_ not in _PUTTING_OFF or _denied(token):
        return False
    if token.lemma_ in {"push", "move"} and not any(
        c.dep_ in {"prt", "advmod"} and c.lower_ == "back" for c in token.children
    ):
        return False  # "pushed back to May"; not "moved to Geneva"
    for child in token.children:
        if child.lower_ in _TO_LATER and child.dep_ in {"prep", "mark"}:
            return child.lower_ != "to" or any(
                t.ent_type_ in {"DATE", "TIME"} for t in child.subtree
            )
        if child.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ in {"until", "till"} for m in child.children
        ):
            return True  # "postponed until parliament votes"
    return False
