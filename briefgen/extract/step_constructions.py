"""Constructions that state a next step without a future modal or a schedule word, read
from the parse (used by :func:`briefgen.extract.next_step_cues.cues`):

- a further step said or agreed to be needed ("agreed that a new resolution was needed");
- a deadline given as time left ("have until the end of the month to reply");
- a request that parties meet or resume ("called on the parties to resume negotiations");
- an invitation to a visit ("invited the prime minister to visit Washington");
- an agreement still pending ("are getting closer to an understanding", "the deal still
  requires the approval of parliament", "are still working out the details");
- a step put off to a later time ("the signing has been postponed until parliament votes",
  "the vote was delayed to May");
- an event expected without "to" ("a vote is expected before the end of the year");
- a deadline given as time left ("the party has 30 days to file the appeal");
- work someone was set ("the leaders tasked their teams with preparing an agreement").
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


def agreed_need(token: Token) -> bool:
    """True for "the leaders agreed on the need to convene a donors' conference": a step
    both sides agree must be taken (a need only stressed by one side, "stressed the need to
    resume talks", is a position)."""
    if token.lemma_ != "need" or token.pos_ != "NOUN":
        return False
    acts = [
        c
        for c in token.children
        if c.dep_ == "acl" and c.pos_ == "VERB" and any(a.lower_ == "to" for a in c.children)
    ]
    if not acts:
        return False
    verb = token.head.head if token.dep_ == "pobj" else token.head
    return (
        token.dep_ in {"pobj", "dobj"}
        and verb.lemma_ == "agree"
        and verb.pos_ == "VERB"
        and not _denied(verb)
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


# Verbs that keep a state as it is ("keep the quotas unchanged", "leave the rates in place").
_KEEPING = words("keep leave maintain retain preserve remain stay")
# What marks the state kept: "the current quotas", "the existing rules".
_AS_NOW = words("current existing present same unchanged")
# Nouns after "in", "at" or "on" that name a state, not a relation ("in place", "at
# current levels", "on hold"; not "in close contact", which goes on as work).
_STATE_NOUNS = words("place force effect level levels rate rates hold")


def keeps_a_state(verb: Token) -> bool:
    """True for "keep the export quotas unchanged", "leave the tariffs in place",
    "maintain the current rates", "remain closed": a decision about a state that holds now
    (an outcome), not a step still to take; "stay in close contact" and "keep talking" go
    on as work and are not this."""
    if verb.lemma_ not in _KEEPING or _denied(verb):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if verb.lemma_ in {"remain", "stay"}:
        held = [c for c in verb.children if c.dep_ == "acomp"]
        return any(c.pos_ in {"ADJ", "VERB"} for c in held) or _in_a_state(verb)
    if not objects:
        return False
    for obj in objects:
        # "the quotas unchanged", "the border closed"
        after = [c for c in obj.children if c.i > obj.i and c.dep_ in {"amod", "acl"}]
        if any(c.pos_ in {"ADJ", "VERB"} and c.tag_ in {"JJ", "VBN"} for c in after):
            return True
        # "the terms of the truce unchanged": the parser hangs the state on the last noun
        last = obj.right_edge
        if last.dep_ == "amod" and last.tag_ == "JJ" and last.i > last.head.i:
            return True
        if any(c.lower_ in _AS_NOW for c in obj.children if c.dep_ == "amod"):
            return True  # "the current quotas"
    complements = [c for c in verb.children if c.dep_ in {"oprd", "acomp", "ccomp"}]
    if any(c.pos_ in {"ADJ", "VERB"} and c.tag_ in {"JJ", "VBN"} for c in complements):
        return True
    return _in_a_state(verb)


def _in_a_state(verb: Token) -> bool:
    """"... in place", "... in force", "... at current levels", "... on hold" on the verb."""
    return any(
        p.dep_ == "prep"
        and p.lower_ in {"in", "at", "on"}
        and any(o.dep_ == "pobj" and o.lower_ in _STATE_NOUNS for o in p.children)
        for p in verb.children
    )


# Verbs by which an event is said to lie ahead without "to" ("a vote is expected before
# the end of the year", "a decision is anticipated in March").
_EXPECTING = words("expect anticipate foresee envisage envision plan")
# What can be expected as a step: an event, a measure, or a decision still to be made.
_AWAITED = STEP_NOUNS | words(
    """
    decision ruling verdict judgment judgement announcement signing approval ratification
    reply response answer report publication release launch handover exchange withdrawal
    election elections meeting call trip
    """
)


def expected_event(token: Token) -> bool:
    """True for "a vote in parliament is expected before the end of the year", "a decision
    on the concession is expected in March": an event or a decision said to lie ahead, in
    the passive with no "to" (which the cue "expected to" reads); not "the result was
    expected" (a past expectation) or "as expected"."""
    if token.lemma_ not in _EXPECTING or token.tag_ != "VBN" or _denied(token):
        return False
    auxes = [c for c in token.children if c.dep_ in {"aux", "auxpass"}]
    present = any(a.tag_ in {"VBZ", "VBP"} or a.lower_ in {"will", "'ll"} for a in auxes)
    if not present or any(c.dep_ in {"xcomp", "ccomp"} for c in token.children):
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubjpass"]
    return any(s.lemma_.lower() in _AWAITED or names_step(s) for s in subjects)


_TIME_UNITS = words("day days week weeks month months hour hours")


def time_left_to_act(token: Token) -> bool:
    """True for "the party has 30 days to file the appeal", "were given two weeks to
    respond": a deadline given as time left to act."""
    if token.lemma_ not in _DEADLINE_VERBS or token.pos_ not in {"VERB", "AUX"}:
        return False
    if _denied(token):
        return False
    for obj in (c for c in token.children if c.dep_ in {"dobj", "npadvmod", "nsubjpass"}):
        if obj.lower_ not in _TIME_UNITS:
            continue
        if not any(c.dep_ == "nummod" or c.lower_ in {"a", "an"} for c in obj.children):
            continue
        acts = [*obj.children, *token.children]
        if any(
            a.dep_ in {"relcl", "acl", "xcomp", "advcl"}
            and any(t.tag_ == "TO" and t.dep_ == "aux" for t in a.children)
            for a in acts
        ):
            return True
    return False


# Verbs by which someone sets others to work ("tasked their teams with preparing",
# "instructed officials to draft", "directed the ministries to report").
_DIRECTING = words("task instruct direct mandate")


def work_directed(token: Token) -> bool:
    """True for "the leaders tasked their teams with preparing an agreement", "instructed
    their officials to draft a plan", "directed the ministry to report back": work someone
    was set, still to be done (not "ordered lunch", not "were not instructed")."""
    if token.lemma_ not in _DIRECTING or token.pos_ != "VERB" or _denied(token):
        return False
    objects = [c for c in token.children if c.dep_ in {"dobj", "nsubjpass"}]
    if not objects:
        return False
    for child in token.children:
        if child.dep_ in {"xcomp", "ccomp", "advcl"} and any(
            a.tag_ == "TO" and a.dep_ == "aux" for a in child.children
        ):
            return True  # "instructed officials to draft"
        if child.dep_ == "prep" and child.lower_ == "with" and any(
            p.dep_ == "pcomp" and p.tag_ == "VBG" for p in child.children
        ):
            return True  # "tasked their teams with preparing"
    # "instructed officials to draft": the parser may hang the act on the object
    return any(
        a.dep_ in {"relcl", "acl"} and any(t.tag_ == "TO" for t in a.children)
        for o in objects
        for a in o.children
    )


# Verbs by which a plan is put forward or taken up ("reviewed plans for a joint exercise").
_TAKING_UP_PLANS = words(
    "discuss review welcome announce outline unveil present finalize finalise approve "
    "endorse detail share examine consider"
)


def plans_taken_up(token: Token) -> bool:
    """True for "reviewed plans for a joint exercise in the spring", "discussed plans for
    a second summit": a plan for something still to happen, put forward or taken up (not
    "the plans were shelved", "drew up the budget plan")."""
    if token.lemma_.lower() != "plan" or token.pos_ != "NOUN" or token.dep_ != "dobj":
        return False
    verb = token.head
    if verb.lemma_ not in _TAKING_UP_PLANS or _denied(verb):
        return False
    return any(
        c.dep_ == "prep" and c.lower_ == "for" and any(o.dep_ == "pobj" for o in c.children)
        for c in token.children
    )


# Verbs that plan what their object names when told in the present ("plans a petition").
_PLANNING_NOW = words("plan prepare organise organize")


def plans_an_act(token: Token) -> bool:
    """True for "a residents' group plans a petition", "the union is preparing a strike":
    a plan named by its object, told in the present (not "planned a rally last week", not
    "does not plan a protest")."""
    if token.lemma_ not in _PLANNING_NOW or token.pos_ != "VERB" or _denied(token):
        return False
    return _told_in_present(token) and any(
        c.dep_ == "dobj" and c.pos_ == "NOUN" and c.lemma_.lower() != "plan"
        for c in token.children
    )


def _told_in_present(verb: Token) -> bool:
    """True for a verb in the present, simple or progressive ("plans", "is preparing")."""
    return verb.tag_ in {"VBZ", "VBP"} or verb.tag_ == "VBG" and any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBZ", "VBP"} for c in verb.children
    )


# Verbs of a decision being weighed ("is considering new sanctions").
_WEIGHING = words("consider weigh mull study examine explore")


def weighs_an_option(token: Token) -> bool:
    """True for "the European Union is considering new sanctions", "the government is
    weighing a return to the talks": a decision still pending, told in the present
    progressive (not "considered the plan last week", not "is not considering")."""
    if token.lemma_ not in _WEIGHING or token.pos_ != "VERB" or token.tag_ != "VBG":
        return False
    if _denied(token) or not _told_in_present(token):
        return False
    return any(c.dep_ == "dobj" and c.pos_ == "NOUN" for c in token.children)


def expected_somewhere(token: Token) -> bool:
    """True for "both delegations are expected back in Geneva", "the envoy is expected in
    Kyiv on Monday": someone's arrival expected, with no verb of its own (not "the talks
    were expected in Geneva", told in the past)."""
    if token.lemma_ != "expect" or token.tag_ != "VBN" or _denied(token):
        return False
    auxes = [c for c in token.children if c.dep_ == "auxpass"]
    if not auxes or any(a.tag_ == "VBD" for a in auxes):
        return False
    if any(c.dep_ in {"xcomp", "ccomp"} for c in token.children):
        return False
    back = any(c.dep_ == "advmod" and c.lower_ in {"back", "home"} for c in token.children)
    there = any(
        c.dep_ == "prep"
        and c.lower_ in {"in", "at"}
        and any(o.ent_type_ in {"GPE", "LOC", "FAC"} for o in c.children)
        for c in token.children
    )
    return back or there


def expected_to_act(token: Token) -> bool:
    """True for "officials expect the talks to resume after the holiday", "diplomats
    anticipate the envoy to announce a date": an act someone expects of others (the cue
    "expect to" only reads the verb next to it)."""
    if token.lemma_ not in {"expect", "anticipate"} or token.pos_ != "VERB":
        return False
    if _denied(token) or any(c.dep_ in {"aux", "auxpass"} and c.lower_ == "had"
                             for c in token.children):
        return False
    for clause in token.children:
        if clause.dep_ not in {"ccomp", "xcomp"}:
            continue
        infinitive = any(a.dep_ == "aux" and a.tag_ == "TO" for a in clause.children)
        subject = any(c.dep_ in {"nsubj", "nsubjpass"} for c in clause.children) or any(
            c.dep_ == "dobj" for c in token.children
        )
        if infinitive and subject and clause.pos_ == "VERB":
            return True
    return False


# Verbs that call a planned act off for good.
_CALLING_OFF = words("cancel scrap shelve abandon drop")


def called_off(token: Token) -> bool:
    """True for "the trip was expected to take place this month but has been called off",
    "the talks, planned for May, were cancelled": the plan the sentence names is off (not
    "postponed until May", which keeps it)."""
    if token.pos_ != "VERB" or _denied(token):
        return False
    off = token.lemma_ == "call" and any(
        c.dep_ == "prt" and c.lower_ == "off" for c in token.children
    )
    if not (off or token.lemma_ in _CALLING_OFF):
        return False
    passive = any(c.dep_ == "auxpass" for c in token.children)
    return passive and token.dep_ in {"ROOT", "conj"}
