"""Cues of a next step: the phrases, modals and constructions that look ahead, each with
how strongly it states a step (read by :mod:`briefgen.extract.next_steps`)."""

from __future__ import annotations

import re
from itertools import takewhile

from spacy.tokens import Token

from briefgen.extract.lexicon import ORG_WORDS, SPEAKER_NOUNS, words
from briefgen.extract.role_words import ROLE_NOUNS
from briefgen.extract.sentences import Sentence
from briefgen.extract.step_constructions import (
    agreed_need,
    deadline_until,
    expected_event,
    expected_somewhere,
    expected_to_act,
    keeps_a_state,
    meeting_asked_for,
    names_step,
    near_agreement,
    needed_step,
    plans_an_act,
    plans_taken_up,
    put_off_until,
    still_pending,
    time_left_to_act,
    visit_invited,
    weighs_an_option,
    work_directed,
)

# How sure a sentence states a next step, by the strongest cue it holds (compared with
# briefgen.model.CHECK_THRESHOLD). A sentence whose only cue is weaker than POSSIBLE is
# not offered at all.
SCHEDULED = 0.9  # "is scheduled to", "set for", "to be determined", a day still to come
PLANNED = 0.8  # "will meet", "plans to", "is expected to", "pledged to"
REPORTED = 0.72  # "hoped it would resume", "declined to say when", "investigating whether"
AGREED = 0.68  # "agreed to meet in May": a decision reported in the past tense, with a time
RELAYED = 0.62  # "said he would appeal": someone's "would" after a saying verb, no time given
POSSIBLE = 0.55  # "could begin in 2022", "may soon be dismissed": a possibility, not a plan

# A pledge's day may sit between the verb and its "to": "agreed on Monday to extend".
_DAY = r"(?: on \w+day| on (?:\w+ \d{1,2}|\d{1,2} \w+)| \w+day)"
_DAY_BETWEEN = re.compile(_DAY + r"(?= to$)", re.IGNORECASE)
_SCHEDULED = re.compile(
    # not a source's anonymity ("who asked not to be named", "declined to be named")
    r"\b(?:(?<!\bnot )(?<!declined )"
    r"to be (?:determined|decided|announced|confirmed|scheduled|set|held|named|agreed)|"
    r"tbd|scheduled (?:to|for)|(?:a|the) (?:scheduled|planned)|set (?:to|for)|"
    r"due (?:to (?!the\b)|on|by|in|for)|"
    r"deadlines?|next (?:meeting|round|session|steps?|talks|visit|hearing|summit)|"
    r"follow[- ]up|further talks|second round|(?:is|are) to|pending|upcoming|"
    r"effective|under (?:investigation|review|consideration|discussion|negotiation|study)|"
    r"(?:has|have) yet to|yet to be)\b",
    re.IGNORECASE,
)
_PLANNED = re.compile(
    r"\b(?:expect(?:s|ed)? to|plans? to|planned to|planning to|making plans|intends? to|"
    r"aims? to|"
    rf"hopes? to|(?:pledged|promised|committed|vowed){_DAY}? to|going to|"
    r"later this (?:week|month|year)|in the coming (?:days|weeks|months)|by the end of)\b",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"\b(?:declined (?:\w+ )?to (?:say|state|disclose|specify)|unclear (?:whether|when|if|how)|"
    r"investigating whether|to determine whether|not (?:yet )?(?:decided|clear)|"
    r"asks|recommended|seek to|seeking to|discussed|(?:needs?|needed) more time|"
    r"still (?:needs?|has|have) to|look(?:s|ed|ing)? forward to|"
    r"remain(?:s|ed)? to be (?:done|decided|resolved|settled|agreed|negotiated|finali[sz]ed))\b",
    re.IGNORECASE,
)
_AGREED = re.compile(rf"\bagreed{_DAY}? to\b", re.IGNORECASE)
# Verbs whose "would" clause reports a plan ("said he would appeal"), unlike "warned that
# the deal would allow" (a prediction).
_PLAN_REPORTING = words(
    """
    say tell announce add promise pledge vow hope expect plan decide agree confirm write
    insist state
    """
)
SAYING = words("say add announce tell state write insist")


def verb_in(token: Token, verbs: frozenset[str]) -> bool:
    """True when ``token`` is one of ``verbs``, by lemma or by its regular forms (the
    small model lemmatises "hoped" as "hop")."""
    low = token.lower_
    stems = {low, low[:-1], low[:-2], low[:-3], low[:-3] + "e", low[:-1] + "e"}
    return token.lemma_ in verbs or (token.pos_ in {"VERB", "AUX"} and bool(stems & verbs))


# Cues that end in "to" only count before a verb ("agreed to meet", not "agreed to a truce"),
# except "looks forward to", which takes a noun as well ("to further talks").
_INFINITIVE_CUE = re.compile(r"\bto$", re.IGNORECASE)
_LOOKING_FORWARD = re.compile(r"forward to$", re.IGNORECASE)
# Nouns of an event that can be scheduled ("the talks will be held", "the launch is set").
EVENT_NOUNS = words(
    """
    meeting debate vote investigation inquiry hearing talks summit session election probe
    review referendum trial ceasefire visit launch conference round call dialogue forum
    negotiation consultation sentencing ceremony
    """
)
_FUTURE_MODALS = frozenset(["will", "shall", "'ll", "wo"])
# Cues that are rhetoric inside a quotation ("we will win", "I'm going to do it").
MODAL_CUES = frozenset(
    [
        "will", "shall", "'ll", "wo", "would", "could", "may", "might", "should", "ca", "must",
        "going to",
    ]
)
POSSIBLE_MODALS = frozenset(["could", "may", "might", "should", "ca"])
# Verbs that state a position or a mood, not a step: "the law will not change our
# position", "we will stand tall", "we will win".
STANCE_VERBS = words(
    """
    be stand win change cave yield bow tolerate accept allow remain stay lose succeed
    fail matter happen suffer hurt help mean continue like love prefer embolden leave keep
    """
)


def cues(sentence: Sentence) -> list[tuple[Token, float, str]]:
    """The tokens that make a sentence forward-looking, each with its strength and phrase."""
    found: list[tuple[Token, float, str]] = []
    for pattern, strength in (
        (_SCHEDULED, SCHEDULED),
        (_PLANNED, PLANNED),
        (_REPORTED, REPORTED),
        (_AGREED, AGREED),
    ):
        for match in pattern.finditer(sentence.text):
            phrase = match.group().rstrip()
            token = _phrase_token(sentence, phrase, match.start())
            if token is not None:
                found.append((token, strength, _DAY_BETWEEN.sub("", phrase)))
    for token in sentence.span:
        strength = _modal_strength(token)
        if strength:
            found.append((token, strength, token.lower_))
        pending = _pending_until(token)
        if pending is not None:
            found.append((pending, REPORTED, "until"))
        if _formal_request(token):
            found.append((token, REPORTED, "request"))
        if _pending_choice(token):
            # the purpose is read with the clause it serves ("are working ... to determine")
            served = token.head if token.dep_ in {"advcl", "xcomp"} else token
            found.append((served, REPORTED, "to decide"))
        if _event_asked_for(token) or meeting_asked_for(token):
            found.append((token, REPORTED, "asked for"))
        if needed_step(token):
            found.append((token, REPORTED, "needed"))
        deadline = deadline_until(token)
        if deadline is not None:
            found.append((deadline, PLANNED, "until"))
        if visit_invited(token):
            found.append((token, REPORTED, "invited"))
        if near_agreement(token) or still_pending(token):
            found.append((token, REPORTED, "not settled"))
        if put_off_until(token):
            found.append((token, PLANNED, "put off until"))
        if expected_event(token):
            found.append((token, PLANNED, "expected"))
        if time_left_to_act(token):
            found.append((token, PLANNED, "time left"))
        if work_directed(token):
            found.append((token, REPORTED, "work set"))
        if plans_taken_up(token):
            found.append((token, REPORTED, "plans for"))
        if plans_an_act(token):
            found.append((token, REPORTED, "plans a"))
        if weighs_an_option(token):
            found.append((token, REPORTED, "weighing"))
        if expected_somewhere(token):
            found.append((token, PLANNED, "expected in"))
        if agreed_need(token):
            found.append((token, REPORTED, "agreed need"))
        if expected_to_act(token) and _expected_of_someone(token):
            found.append((token, PLANNED, "expect ... to"))
    return found


# Verbs that settle something still open, and what they settle when it is a matter of when,
# where or how ("to determine the best date", "to set a venue").
_SETTLING = words("determine decide set fix choose settle finalise finalize")
_OPEN_DETAILS = words(
    """
    date dates time timing timeframe timeline schedule venue place location format agenda
    details modalities terms
    """
)
_OPEN_QUESTION = frozenset(["whether", "when", "where", "how", "if", "which", "what", "who"])


def _pending_choice(token: Token) -> bool:
    """True for an infinitive that leaves a choice still to be made: "working with partners
    to determine the best date", "met to decide whether to extend the mission" (a decision
    pending; "decided to extend" is one made)."""
    if token.pos_ != "VERB" or token.lemma_ not in _SETTLING:
        return False
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in token.children):
        return False
    if negated(token.head):
        return False
    for child in token.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in _OPEN_DETAILS:
            return True
        if child.dep_ in {"ccomp", "xcomp"} and any(
            t.lower_ in _OPEN_QUESTION for t in child.subtree if t.i < child.i
        ):
            return True
    return False


# Verbs by which someone asks for an event to be held ("called for an emergency meeting",
# "demanded an inquiry", "requested a new round of talks").
_ASKING = words("request demand seek propose urge")


def _event_asked_for(token: Token) -> bool:
    """True when an event is asked for: the object of "request", "demand", "seek",
    "propose", or of "call for", is a meeting, a vote, an inquiry, talks (not "called for
    calm"): what was asked is still to happen."""
    if token.pos_ != "VERB" or negated(token):
        return False
    if token.lemma_ in _ASKING:
        objects = [c for c in token.children if c.dep_ == "dobj"]
    elif token.lemma_ == "call":
        objects = [
            o
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "for"
            for o in c.children
            if o.dep_ == "pobj"
        ]
    else:
        return False
    events = [o for o in objects if o.lemma_.lower() in EVENT_NOUNS or o.lower_ in EVENT_NOUNS]
    # "a new round of talks": the event is named after "of"
    for o in objects:
        for prep in o.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                events += [p for p in prep.children if p.lower_ in EVENT_NOUNS]
    return bool(events)


def _pending_until(token: Token) -> Token | None:
    """For "withholding the names until next of kin could be told": the verb held back
    until something can happen (a pending step), else None. The "until" clause is read
    in the order of the words (to the next punctuation), as the parser often hangs it on
    a nearby noun ("those killed until next of kin ...")."""
    if token.lower_ != "until" or token.dep_ not in {"mark", "prep"}:
        return None
    end = token.sent.end
    rest = takewhile(lambda t: not t.is_punct, token.doc[token.i + 1 : end])
    if not any(t.lower_ in {"could", "can", "would"} and t.dep_ == "aux" for t in rest):
        return None
    held = token.head.head if token.dep_ == "mark" else token.head
    for node in [held, *held.ancestors]:
        if node.pos_ == "VERB" and node.dep_ not in {"acl", "relcl", "amod"}:
            return node
    return None


_REQUESTS = words("request demand urge")


def _formal_request(token: Token) -> bool:
    """True for "request that the minister appear", "urged he resign": a request whose
    clause is in the bare (subjunctive) form, asking someone to act."""
    if token.pos_ != "VERB" or token.lemma_ not in _REQUESTS:
        return False
    if any(c.lower_ in MODAL_CUES for c in token.children if c.dep_ == "aux"):
        return False  # "the president should demand that ...": advice, not a request made
    return any(
        c.dep_ == "ccomp"
        and c.tag_ in {"VB", "VBP"}
        and not any(a.dep_ == "aux" for a in c.children)
        for c in token.children
    )


_OPEN_QUESTION_END = re.compile(r"\b(?:whether|when|if|how)$", re.IGNORECASE)


def _phrase_token(sentence: Sentence, words_: str, start: int) -> Token | None:
    """The last token of a cue phrase, or None when the phrase does not count there."""
    token = token_at(sentence, start + len(words_) - 1)
    phrase = _DAY_BETWEEN.sub("", words_)  # "agreed on Monday to" reads as "agreed to"
    if token is None:
        return None
    if _OPEN_QUESTION_END.search(phrase):
        # "unclear when the talks will resume": the cue is "unclear", wherever the parser
        # hangs the question word
        return token_at(sentence, start)
    if _INFINITIVE_CUE.search(phrase) and not _LOOKING_FORWARD.search(phrase):
        following = token.nbor() if token.i + 1 < sentence.span.end else None
        if (
            following is not None
            and following.pos_ == "ADV"
            and following.i + 1 < len(following.doc)
        ):
            following = following.nbor()
        if following is None or following.pos_ not in {"VERB", "AUX"}:
            return None
        # "agreed to leave the tariffs in place and to meet again in March": each verb
        # the cue governs is read, and one that is a step is enough
        governed = [following] + [
            c for c in following.children if c.dep_ == "conj" and c.pos_ == "VERB"
        ]
        if not any(_infinitive_step(phrase, verb) for verb in governed):
            return None
        if phrase != words_ and not any(_dated_act(verb) for verb in governed):
            # "agreed on Friday to implement a truce and to expand aid": the day dates the
            # decision, which is the news (an outcome); a step needs an act of its own still
            # to come ("agreed on Monday to meet again in May", "to hold talks")
            return None
    # "discussed holding a follow-up meeting": a step only with a plan as its object
    if phrase.lower() == "discussed" and not any(c.tag_ == "VBG" for c in token.children):
        return None
    if phrase.lower() == "asks" and token.tag_ != "VBZ":
        return None
    first = token_at(sentence, start)
    negatable = phrase.lower().startswith(("seek", "plan", "intend"))
    if negatable and first is not None and negated(first):
        return None  # "does not seek to overturn": what is not planned
    return token


def _infinitive_step(phrase: str, verb: Token) -> bool:
    """True when the verb after a cue ending in "to" makes it a step: "due to be held",
    "agreed to meet in May", "pledged to continue the talks" (not "set to be the largest",
    "agreed to return the cash", "agreed to keep the quotas unchanged")."""
    if verb.lemma_ == "be":
        # "due to be held" plans an event; "set to be the largest" only describes
        return verb.i + 1 < len(verb.doc) and verb.nbor().tag_ == "VBN"
    if verb.lemma_ in STANCE_VERBS and not _carries_on(phrase, verb):
        return False
    if _PLEDGE.match(phrase) and keeps_a_state(verb):
        return False  # "agreed to keep the quotas unchanged": a state that holds now
    return not (
        phrase.lower() == "agreed to"
        and verb.lemma_ not in _CARRYING_ON | _STEPPING_UP
        and not _placed_in_time(verb)
        and not _holds_an_event(verb)
    )  # "agreed to return the cash": a deal done, not a step with a time


_MEETING = words("meet reconvene convene resume visit travel return")


def _dated_act(verb: Token) -> bool:
    """True for an act still to come in its own right: placed in time ("extend the
    deadline to June 30"), an event held ("hold talks") or a meeting ("meet again")."""
    return verb.lemma_ in _MEETING or _placed_in_time(verb) or _holds_an_event(verb)


def _holds_an_event(verb: Token) -> bool:
    """True for "hold the next round of the dialogue", "convene a summit": an agreed act
    whose object is an event still to take place (not "return the cash")."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return any(o.lemma_.lower() in EVENT_NOUNS or names_step(o) for o in objects)


def _carries_on(phrase: str, verb: Token) -> bool:
    """True for an agreement or pledge to carry something on: "agreed to stay in close
    contact", "pledged to continue the talks" (not "intends to keep walking")."""
    return (
        _PLEDGE.match(phrase) is not None
        and verb.lemma_ in _CARRYING_ON
        and any(c.dep_ in {"dobj", "prep"} for c in verb.children)
    )


_PLEDGE = re.compile(r"^(?:agreed|pledged|committed|promised|vowed) to$", re.IGNORECASE)


def negated(token: Token) -> bool:
    """True when ``token`` or the verb it belongs to carries a negation."""
    verb = token if token.pos_ in {"VERB", "AUX"} else token.head
    return any(c.dep_ == "neg" for c in verb.children) or any(
        c.dep_ == "neg" for c in token.children
    )


def _modal_strength(token: Token) -> float:
    """The strength of a modal: "will meet" plans, "said he would appeal" reports,
    "could begin" only makes possible; 0 when the token is no such modal."""
    low = token.lower_
    if token.dep_ not in {"aux", "auxpass"}:
        return 0.0
    verb = token.head
    if any(c.lower_ == "have" for c in verb.children if c.dep_ == "aux"):
        return 0.0  # "would have met", "could have gone": looking back
    if verb.lemma_ == "have" and any(c.dep_ == "xcomp" for c in verb.children):
        verb = next(c for c in verb.children if c.dep_ == "xcomp")  # "will have to yield"
    if low in {"should", "must"} and verb.dep_ == "ccomp" and verb_in(verb.head, _AGREEING):
        if agreed_principle(verb):
            return 0.0  # "agreed that aid convoys must be allowed": a principle, an outcome
        return REPORTED  # "agreed that the sanctions should be tightened": a step agreed
    if low == "must":
        if _placed_in_time(verb):
            return PLANNED  # "must reply by Friday", a deadline
        still = any(c.lower_ == "still" and c.dep_ == "advmod" for c in verb.children)
        return REPORTED if still else 0.0  # "parliament must still approve the deal"
    if any(c.lower_ == "never" for c in verb.children):
        return 0.0  # "will never accept", "would never sign": a position, not a step
    if forecast_without_actor(verb):
        return 0.0  # "the reform will open the way", "there will be no change": a prediction
    if negated(verb) and verb.lemma_ in _PERMITTING:
        return 0.0  # "will not allow them to obtain weapons": a position, not a step
    if _commentators_forecast(verb):
        return 0.0  # "analysts said the deal would strengthen ...": a commentator's prediction
    acts = any(c.dep_ in {"xcomp", "ccomp"} and c.lemma_ not in STANCE_VERBS for c in verb.children)
    event = low in _FUTURE_MODALS and _names_an_event(verb)
    if verb.lemma_ in _GOING_ON:
        # "the two sides will continue their talks", "the talks would continue" plan; "prices
        # will keep rising" foretells
        acts = has_agent_subject(verb) or _of_an_event(verb)
        if any(c.dep_ == "xcomp" and c.lemma_ in _STANDING_BY for c in verb.children):
            return 0.0  # "will continue to support the people of the region": a position
        if _carrying_on_undated(verb):
            return 0.0  # "will continue to work closely with ...": what goes on, not a step
    if verb.lemma_ in STANCE_VERBS and not event and not acts:
        return 0.0
    if _in_relative_clause(verb) and not (
        low in _FUTURE_MODALS and (_holds_an_event(verb) or _placed_in_time(verb))
    ):
        # "a community who fear it will open the doors": a description; "set up a
        # commission, which will hold its first session in January" states its next act
        return 0.0
    if low == "would" and any(c.lower_ in _HEDGES for c in verb.children):
        return 0.0  # "said it would likely heighten tensions": a prediction
    node = verb
    while node.dep_ in {"conj"} and node.head.i != node.i:
        node = node.head
    if low in _FUTURE_MODALS:
        if node.dep_ == "ccomp" and not verb_in(node.head, _PLAN_REPORTING | _KNOWING):
            return POSSIBLE  # "welcomed the deal, ... they will be allotted": no one's plan
        return PLANNED
    if low == "would":
        if node.dep_ == "ccomp" and verb_in(node.head, _PLAN_REPORTING):
            if verb_in(node.head, SAYING) and not (_placed_in_time(verb) or _of_an_event(verb)):
                if has_agent_subject(verb) and not negated(verb):
                    return RELAYED  # "said he would appeal"
                if _conditional_step(verb) and (_of_a_measure(verb) or _passive(verb)):
                    return REPORTED  # "said an exchange of prisoners would follow once ..."
                return 0.0  # "said the truce would not apply to ...": a claim, a position
            return REPORTED
        if _conditional_step(verb) and (
            has_agent_subject(verb) or _of_a_measure(verb) or _passive(verb)
        ):
            return REPORTED  # "if the rebels agree, the government would release them"
        if (
            node.dep_ == "ccomp"
            and node.head.lower_ in _CONFIDENT
            and (_placed_in_time(verb) or _of_an_event(verb))
            and not negated(verb)
        ):
            return REPORTED  # "remained confident the pact would be signed before Christmas"
        return 0.0
    if low in POSSIBLE_MODALS and verb.dep_ in {"ROOT", "ccomp", "conj", "acl"}:
        return POSSIBLE
    return 0.0


_AGREEING = words("agree decide resolve conclude")


def agreed_principle(verb: Token) -> bool:
    """True for the verb of "agreed that aid convoys must be allowed (into all besieged
    areas within days)", "that the ceasefire should be respected", "must be given access":
    a principle agreed (an outcome), whatever time it names; "agreed that the sanctions
    should be tightened" is a step."""
    if verb.dep_ != "ccomp" or not verb_in(verb.head, _AGREEING):
        return False
    if not any(c.dep_ == "aux" and c.lower_ in {"must", "should"} for c in verb.children):
        return False
    permits = any(c.dep_ == "dobj" and c.lower_ in _PERMISSIONS for c in verb.children)
    return verb.lemma_ in _PRINCIPLES or verb.lemma_ in STANCE_VERBS or permits
# Verbs of a principle that holds from now on, not an act to take: "agreed that aid convoys
# must be allowed", "that the truce should be respected", "that civilians must be protected".
_PRINCIPLES = words(
    """
    allow permit let respect protect guarantee ensure uphold honour honor observe preserve
    safeguard govern guide apply spare grant
    """
)
# What is given as a right ("must be given access"), not handed over as a step.
_PERMISSIONS = words("access passage permission protection")
# Verbs whose negation with "will" states a line not to be crossed ("will not allow").
_PERMITTING = words("allow permit tolerate let accept")
# People who comment on events rather than act in them: their "will" is a forecast.
_COMMENTATORS = words(
    """
    analyst analysts critic critics expert experts observer observers commentator
    commentators economist economists skeptic skeptics sceptic sceptics pundit pundits
    """
)


def _expected_of_someone(verb: Token) -> bool:
    """True when what is expected ("expect the talks to resume") is an event or a measure,
    or the act of someone who acts, and who expects it is no commentator ("analysts
    expected prices to rise" forecasts)."""
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in _COMMENTATORS for c in verb.children):
        return False
    doers = [c for c in verb.children if c.dep_ == "dobj"]
    for clause in (c for c in verb.children if c.dep_ in {"ccomp", "xcomp"}):
        doers += [c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(
        d.lemma_.lower() in _SCHEDULABLE
        or d.lower_ in _SCHEDULABLE
        or d.ent_type_ in _AGENT_ENTITIES
        or d.lemma_.lower() in AGENT_NOUNS
        or d.lower_ in _AGENT_PRONOUNS - {"it"}
        for d in doers
    )


def _carrying_on_undated(verb: Token) -> bool:
    """True for "will continue to coordinate with partners", "will keep fighting": an
    activity carried on with no day and no event to hold ("will continue their talks on
    Thursday" and "will continue the talks" are steps)."""
    acts = [c for c in verb.children if c.dep_ == "xcomp"]
    if not acts or _of_an_event(verb):
        return False  # "negotiations would continue to ...": the talks themselves go on
    if any(t.ent_type_ in {"DATE", "TIME"} for t in verb.subtree):
        return False
    return not any(
        o.dep_ == "dobj" and o.lemma_.lower() in EVENT_NOUNS for a in acts for o in a.children
    )


_CONDITION_MARKS = frozenset(["if", "unless", "once", "provided", "providing"])
# What a measure does when it breaks down: "the truce would collapse if ..." warns, it
# plans nothing.
_FAILING = words("collapse fail break end falter unravel crumble fall die suffer")


# Words by which someone expects a step ("confident the pact would be signed by May").
_CONFIDENT = words("confident hopeful optimistic sure certain")


def _passive(verb: Token) -> bool:
    """True for "relief would be phased in", "a date would be set": someone will act."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def _conditional_step(verb: Token) -> bool:
    """True for "if the rebels agree, the government would release them", "an exchange
    would follow once monitors are deployed": a step on an open condition, not a warning
    ("the truce would collapse if ...") and not negated."""
    return _open_condition(verb) and verb.lemma_ not in _FAILING and not negated(verb)


def _open_condition(verb: Token) -> bool:
    """True when a "would" clause hangs on a condition still open, stated in the present
    ("if the rebels agree, ...", "should the parties accept, ..."), not on one contrary to
    fact ("if he were elected", "if the deal had passed")."""
    for clause in (c for c in verb.children if c.dep_ == "advcl"):
        # "once" is often parsed as an adverb of the clause ("once monitors are deployed")
        marks = [
            c.lower_ for c in clause.children
            if c.dep_ == "mark" or (c.dep_ == "advmod" and c.lower_ == "once" and c.i < clause.i)
        ]
        auxes = [c for c in clause.children if c.dep_ in {"aux", "auxpass"}]
        inverted = any(a.lower_ == "should" and a.i < clause.i and a.i == clause.left_edge.i
                       for a in auxes)
        if not (inverted or set(marks) & _CONDITION_MARKS):
            continue
        if any(c.dep_ == "nsubj" and c.lower_ in {"you", "i"} for c in clause.children):
            continue  # "if you ask me, ...": a manner of speaking
        if clause.tag_ in {"VBZ", "VBP"} or (inverted and clause.tag_ == "VB"):
            return True
        if clause.tag_ == "VBN" and any(a.tag_ in {"VBZ", "VBP"} for a in auxes):
            return True  # "once monitors are deployed", "if the deal is approved"
    return False


def _of_a_measure(verb: Token) -> bool:
    """True when the subject of ``verb`` is an event or a measure ("the truce would take
    effect", "the talks would resume")."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in _SCHEDULABLE
        for c in verb.children
    )


def _commentators_forecast(verb: Token) -> bool:
    """True when the modal's clause is reported from commentators ("critics say the deal
    will do little", "analysts said talks would stall"), who forecast, not plan."""
    node = verb
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    if node.dep_ != "ccomp":
        return False
    return any(
        c.dep_ == "nsubj" and c.lemma_.lower() in _COMMENTATORS for c in node.head.children
    )
_HEDGES = frozenset(["likely", "probably", "possibly", "perhaps"])
# Verbs of a standing position: carrying one on is no step ("will continue to support").
_STANDING_BY = words(
    "support back stand oppose believe insist value respect champion advocate defend reject"
)
# Verbs that carry something on: a pledge when someone who acts is their subject.
_GOING_ON = words("continue keep")
# What an agreement can set going without naming a time: carrying on ("agreed to stay in
# close contact"), stepping up ("agreed to intensify efforts") or meeting ("agreed to meet").
_CARRYING_ON = words("continue keep stay remain maintain")
_STEPPING_UP = words(
    "intensify expand deepen strengthen accelerate step pursue resume meet reconvene convene"
) | words("task instruct direct mandate")  # "agreed to task their teams to follow up"
# Who can state what they will do: people, bodies and the pronouns that stand for them.
_AGENT_PRONOUNS = frozenset(["i", "we", "he", "she", "they", "you", "it"])
_AGENT_ENTITIES = frozenset(["PERSON", "ORG", "NORP", "GPE"])
AGENT_NOUNS = (
    ORG_WORDS | SPEAKER_NOUNS | ROLE_NOUNS | words("side country nation partner ally leader")
)


# What a clause can name as its subject and still state a step without an actor: an event
# ("the talks will resume"), a measure that takes effect ("the new rule will apply from May")
# or a date ("the deadline will expire").
_SCHEDULABLE = EVENT_NOUNS | words(
    """
    deadline rule law ban measure sanction tariff deal agreement accord treaty truce plan
    order decision ruling verdict report result results tax fee policy programme program
    bill legislation motion resolution case appeal proposal nomination budget application
    request petition request sentence plea lawsuit suit charge charges exchange swap
    handover withdrawal pullback
    """
)


def forecast_without_actor(verb: Token) -> bool:
    """True when a modal's verb foretells with no one acting: it only says what there will
    be ("there'll be no rival claim", not "there will be a vote"), what something will be
    ("the result could be zero growth", not "the deadline will be March 3"). A passive ("the
    budget will be presented"), a subject who acts ("the envoy will travel") and one that
    names an event or a thing ("the talks will resume", "the plant would reopen") are left
    to the other rules. (Reading an abstract subject as a prediction, "the reform will
    open the way", dropped a real step and no false one on the held-out half.)"""
    if any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children):
        return False
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "expl"}]
    if not subjects:
        return False
    named = [c for c in verb.children if c.dep_ in {"attr", "dobj", "acomp"}]
    if any(s.dep_ == "expl" for s in subjects):
        return not any(n.lemma_.lower() in _SCHEDULABLE and not _denied(n) for n in named)
    subject = subjects[0]
    if subject.pos_ in {"PRON", "PROPN"} or subject.ent_type_ in _AGENT_ENTITIES:
        return False
    if verb.lemma_ == "be":
        # "the result could be zero growth" foretells; "the deadline will be March 3" dates
        return bool(named) and not any(n.ent_type_ in {"DATE", "TIME"} for n in named)
    return False


def _denied(noun: Token) -> bool:
    """True for a noun whose determiner denies it ("no competing request")."""
    return any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)


def has_agent_subject(verb: Token) -> bool:
    """True when the subject of ``verb`` is someone who can act: a person, a body, a country,
    "both sides", "we" (not "prices", "the dispute")."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects and verb.dep_ == "conj":
        # "it was studying the text and would decide whether ...": the shared subject
        subjects = [c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return any(
        s.lower_ in _AGENT_PRONOUNS
        or s.ent_type_ in _AGENT_ENTITIES
        or s.lemma_.lower() in AGENT_NOUNS
        for s in subjects
    )
# Verbs whose "that ... will" clause still states a plan ("believes the talks will resume").
_KNOWING = words("think believe know report note explain reply tweet testify ensure learn")
_TIME_WORDS = frozenset(["soon", "eventually", "now", "later", "until", "before", "by"])


def _in_relative_clause(token: Token) -> bool:
    """True when ``token`` sits in a relative clause ("shares they will be allotted"), not
    one giving an agreement's terms ("signed a memorandum under which both sides will map
    ...": what the parties will do)."""
    node = token
    while node.head.i != node.i:
        if node.dep_ == "relcl" and not any(c.dep_ == "mark" for c in node.children):
            return not _terms_of_an_agreement(node)
            # (a "relcl" opened by "that" as a mark is a misparsed "told ... that")
        node = node.head
    return False


# Texts whose terms a relative clause can give ("the accord, under which ...").
_TERMS_NOUNS = words(
    """
    agreement deal accord treaty memorandum protocol pact arrangement framework plan
    roadmap declaration
    """
)


def _terms_of_an_agreement(clause: Token) -> bool:
    """True for a relative clause opened by "under which" or "by which" on a noun naming
    an agreement: it states what the parties undertake."""
    noun = clause.head  # the parser may hang it on the last noun: "a memorandum on X, under which"
    while noun.lemma_.lower() not in _TERMS_NOUNS:
        if noun.dep_ not in {"pobj", "prep"} or noun.head.i == noun.i:
            return False
        noun = noun.head
    return any(
        c.dep_ == "prep"
        and c.lower_ in {"under", "by", "in"}
        and any(o.lower_ == "which" for o in c.children)
        for c in clause.children
    )


def has_time(verb: Token) -> bool:
    """True when a verb's clause says when in words ("may soon be dismissed", "could
    eventually raise", "could be reached before the end of the month") or names a month
    ("could take place in April")."""
    described = {t.i for c in verb.subtree if c.dep_ == "relcl" for t in c.subtree}
    return any(
        (t.lower_ in _TIME_WORDS and t.pos_ in {"ADV", "ADP", "SCONJ"})
        or (t.ent_type_ == "DATE" and t.lower_ in _MONTHS and t.head.dep_ == "prep")
        for t in verb.subtree
        if t.i not in described
    )


_MONTHS = words(
    """
    january february march april may june july august september october november december
    """
)


def _placed_in_time(verb: Token) -> bool:
    """True when a verb's clause names a time: a date ("next year", "on Friday") or a time
    word ("soon", "before Congress leaves"; not "before flying", which orders two acts)."""
    described = {t.i for c in verb.subtree if c.dep_ == "relcl" for t in c.subtree}
    for t in verb.subtree:
        if t.i in described:
            continue
        if t.ent_type_ in {"DATE", "TIME"}:
            return True
        gerund = any(c.dep_ == "pcomp" for c in t.children)
        if t.lower_ in _TIME_WORDS and t.pos_ in {"ADV", "ADP", "SCONJ"} and not gerund:
            return True
    return False


def _of_an_event(verb: Token) -> bool:
    """True when the subject of ``verb`` is an event ("the next meeting would be held")."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in EVENT_NOUNS
        for c in verb.children
    )


def _names_an_event(verb: Token) -> bool:
    """True for "the meeting will be on Tuesday" ("be" with a date or a place), not
    for "he will be great"."""
    return verb.lemma_ == "be" and any(
        c.dep_ == "prep" or c.ent_type_ in {"DATE", "TIME"} for c in verb.children
    )


def token_at(sentence: Sentence, offset: int) -> Token | None:
    """The token covering character ``offset`` of the sentence text."""
    char = sentence.span.start_char + offset
    for token in sentence.span:
        if token.idx <= char < token.idx + len(token.text):
            return token
    return None
