"""Next steps: follow-ups, deadlines, planned meetings and items left to be determined."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from briefgen.extract.dates import MONTHS
from briefgen.extract.lexicon import words
from briefgen.extract.next_step_cues import (
    AGREED,
    MODAL_CUES,
    PLANNED,
    POSSIBLE,
    POSSIBLE_MODALS,
    REPORTED,
    SAYING,
    SCHEDULED,
    STANCE_VERBS,
    agreed_principle,
    cues,
    forecast_without_actor,
    has_agent_subject,
    has_time,
    negated,
    token_at,
    verb_in,
)
from briefgen.extract.parse import entities_in
from briefgen.extract.sentences import Sentence
from briefgen.extract.step_constructions import called_off, keeps_a_state
from briefgen.model import NextStep

_QUOTED = 0.1  # taken off a cue that only sits inside quotation marks

# Schedule words that name a plan without stating it ("a follow-up meeting", "the
# deadline"): in a past-tense sentence with no day still to come they count as AGREED.
_PLAN_NOUNS = re.compile(
    r"^(?:deadlines?|next \w+|follow[- ]up|further talks|second round|pending|upcoming|"
    r"effective|(?:a|the) (?:scheduled|planned))$",
    re.IGNORECASE,
)
_ADJECTIVE_PLAN = re.compile(r"^(?:a|the) (?:scheduled|planned)$", re.IGNORECASE)


_PLAN_HEADS = words("plan plans decision promise pledge intention bid effort deadline proposal")
# A date mention on or after the publication day: (start, end, days ahead; 0 = that day,
# VAGUE = some time ahead that no calendar day names: "later this month", "ahead of the
# 2027 elections").
Upcoming = tuple[int, int, int]
VAGUE = -1
# A date that places a sentence in the past ("in 2019", "last year", "two years ago").
_PAST_DATE = re.compile(r"\b(?:1[89]\d\d|20\d\d|last|ago|earlier|previous|former)\b", re.I)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d(?=s?\b)")
# Times counted forward from the day of writing, which no calendar date names: "later this
# month", "in the coming weeks", "within 30 days", "in a week's time", "over the next three
# years" (not "for two weeks", "in the past week", "the first talks in two years", "the
# next year" of a story told in the past).
_NUMBER = r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|a few|several|\d+)"
_UNIT = r"(?:days?|weeks?|months?|years?)"
_TIME_AHEAD = re.compile(
    rf"\b(?:later this (?:week|month|year)|in the (?:coming|next) (?:few )?{_UNIT}|"
    rf"(?:in|within|over) the next (?:{_NUMBER} )?{_UNIT}|within {_NUMBER} {_UNIT}|"
    rf"{_NUMBER} {_UNIT}'s? time|(?<!the )(?:next|coming) (?:week|month|year|spring|summer|"
    rf"autumn|fall|winter)|within (?:days|weeks|months)|in the near (?:term|future)|"
    rf"in the (?:days|weeks|months) ahead)\b",
    re.IGNORECASE,
)
# A season named without its year ("in the spring", "this summer", "by the fall"): ahead
# when it has not ended at the day of writing (see :func:`_season_ahead`).
_SEASON = re.compile(
    r"\b(?:in|this|by|during|until|over|before)(?: the)?(?: (?:early|late|coming))? "
    r"(spring|summer|autumn|fall|winter)\b(?! of\b)(?!,? (?:1[89]|20)\d\d)",
    re.IGNORECASE,
)
# The last month of each season (northern): winter ends in February of the next year.
_SEASON_ENDS = {"spring": 5, "summer": 8, "autumn": 11, "fall": 11, "winter": 2}
_QUOTE_OPENERS = ('"', "\u201c", "'", "\u2018")
_SUBJECTS = frozenset(["nsubj", "nsubjpass"])


def in_main_clause(token: Token, *, strong: bool = False) -> bool:
    """False when ``token`` sits in an adverbial clause or a clause describing the subject.

    "..., agreeing to meet again at a date to be determined" (adverbial) and "Officials who
    will attend arrived" (describing the subject) are background to the main statement;
    a ``strong`` cue (one next to a day still to come) counts there too.
    """
    node = token
    while node.head.i != node.i:
        reporting = node.tag_ == "VBG" and verb_in(node, SAYING)
        if node.dep_ == "advcl" and not strong and not reporting:
            return False  # (", saying it would appeal" reports, like "said")
        describes_subject = node.dep_ in {"relcl", "acl"} and node.head.dep_ in _SUBJECTS
        if describes_subject and not strong and node.head.lemma_ not in _PLAN_HEADS:
            return False  # "the plan to withdraw ... has drawn criticism" is the plan itself
        in_phrase = node.dep_ == "acl" and node.head.dep_ == "pobj" and node.tag_ == "VBG"
        if in_phrase and not strong and not reporting:
            return False  # "In a letter calling for a meeting, she said ...": a description
        node = node.head
    return True


def step_confidence(
    sentence: Sentence, upcoming: Sequence[Upcoming] = (), carried: bool = False
) -> float | None:
    """How sure it is that ``sentence`` states a next step; ``None`` when it does not
    (the strength of the evidence :func:`step_evidence` finds)."""
    evidence = step_evidence(sentence, upcoming, carried)
    return None if evidence is None else evidence[0]


def step_evidence(
    sentence: Sentence, upcoming: Sequence[Upcoming] = (), carried: bool = False
) -> tuple[float, str] | None:
    """The strength of the strongest cue that ``sentence`` states a next step, with the cue
    ("will", "plans to", "date ahead"); ``None`` when it states none.

    ``upcoming`` holds the date mentions on or after the publication day (see
    :func:`upcoming_spans`): a sentence that names a day still to come is about what is
    next. A cue only counts in the main clause, a modal ("will", "would") not inside a
    quotation (rhetoric) unless the speaker vows it ("we will appeal") or dates it, a plan
    in the past perfect ("had planned to") not at all, and a cue in the past tense not
    with a past date (background). ``carried`` is True when a quotation opened in an
    earlier sentence of the paragraph is still open where this one starts (see
    :func:`quotations_carried`).
    """
    text = sentence.text
    if text.rstrip().endswith("?"):
        return None
    if any(called_off(t) for t in sentence.span) and not _has_future_modal(sentence):
        return None  # "the trip was expected to take place this month but was called off"
    upcoming = [
        (a, b, days)
        for a, b, days in upcoming
        if not (
            sentence.start <= a < sentence.end
            and (
                _foretold(sentence, a - sentence.start)
                or _in_past_plan(sentence, a - sentence.start)
                or _bounds_a_kept_state(sentence, a - sentence.start)
                or _dates_a_principle(sentence, a - sentence.start)
                or (days == VAGUE and _in_circumstance(sentence, a - sentence.start))
                or _in_refusal(sentence, a - sentence.start)
            )
        )
    ]
    ahead = [
        days
        for a, _, days in upcoming
        if sentence.start <= a < sentence.end
        and not _quoted_at(sentence, a - sentence.start, carried)
    ]
    dated = any(days > 0 or days == VAGUE for days in ahead)
    named_day = any(days > 0 for days in ahead)
    inside = [(a, days) for a, _, days in upcoming if sentence.start <= a < sentence.end]
    days_ahead = [a - sentence.start for a, days in inside if days > 0 or days == VAGUE]
    past = _past_main_verb(sentence)
    past_dated = _about_the_past(sentence)
    best, cue = 0.0, ""
    for token, strength, phrase in cues(sentence):
        cue_past = _clause_in_past(token)
        if _ADJECTIVE_PLAN.match(phrase) and not dated:
            continue  # "the planned outage", with no day still to come, only describes
        told_past = cue_past or (past and not _in_present_clause(token))
        if told_past and not dated and _PLAN_NOUNS.match(phrase):
            continue  # "in follow-up questioning": behind us
        backshifted = _STATE_CUES.match(phrase) is not None and _told_in_past(token)
        if cue_past and not dated and strength >= SCHEDULED and not backshifted:
            continue  # "was due to be released in September"
        if cue_past and past_dated and not dated:
            continue
        own_tense = phrase in MODAL_CUES or phrase == "needed"  # "had agreed that ... was needed"
        if not dated and not own_tense and _in_past_perfect(token):
            continue  # "had also planned to charge": a plan already behind the story
        if not in_main_clause(token, strong=dated):
            continue
        if phrase in MODAL_CUES and _measure_moves(token.head):
            continue  # "unemployment would fall below 6 percent": a forecast
        if token.lower_ == "to" and _expected_state(token.head):
            continue  # "the ceasefire is expected to hold", "prices are expected to rise"
        weak = phrase in POSSIBLE_MODALS and strength <= POSSIBLE
        if weak and not (dated or has_time(token.head)):
            continue  # "could face decades in jail": a possibility not placed in time
        offset = token.idx - sentence.span.start_char
        if _quoted_at(sentence, offset, carried):
            # the rest of a quotation opened before the sentence: its obligations and
            # possibilities are rhetoric ("... now they must deliver," she said), what
            # someone will do is told in the speaker's words
            continued = not _quoted_at(sentence, offset, False, own_marks_only=True)
            told = continued and phrase not in _RHETORIC_MODALS and _plan_told(token)
            if phrase in MODAL_CUES and not told:
                if _dates_ahead(sentence, token, days_ahead) and not _forecast(token):
                    strength = PLANNED  # "... will assume the post starting January 1"
                elif _vow(token):
                    strength = REPORTED  # "we will vigorously defend": the speaker's own plan
                else:
                    continue
            strength -= _QUOTED
        if strength > best:
            best, cue = strength, phrase.lower()
    if dated:
        dated_strength = SCHEDULED if best >= POSSIBLE else PLANNED
        if (past and not _has_future_modal(sentence)) or not (named_day or best):
            # "welcomed the launch of the group on January 30" (a day still to come in a
            # story told in the past), "ahead of the 2027 elections" with no other cue:
            # found, but for the reader to check
            dated_strength = min(dated_strength, AGREED)
        if dated_strength > best:
            best, cue = dated_strength, f"{cue} + day ahead" if cue else "day ahead"
    elif ahead and not past and _dated_verb_ahead(sentence, upcoming) and best < AGREED:
        best, cue = AGREED, "dated verb"  # "holds a hearing today"
    if best < POSSIBLE:
        return None
    return round(best, 2), cue


def _foretold(sentence: Sentence, offset: int) -> bool:
    """True when the date at ``offset`` of the sentence places a prediction with no one
    acting ("the slowdown could leave the region with no growth next year"): the day is
    still to come, but nothing is planned for it."""
    verb = _governing_verb(sentence, offset)
    if verb is None:
        return False
    modal = any(c.dep_ == "aux" and c.lower_ in MODAL_CUES for c in verb.children)
    expected = verb.dep_ in {"ccomp", "xcomp"} and verb.head.lemma_.lower() in _FORECASTING
    return (modal and forecast_without_actor(verb)) or (
        (modal or expected) and _measure_moves(verb)
    )


# Verbs that foretell a clause ("expect prices to rise", "forecast growth to slow").
_FORECASTING = words("expect forecast predict project see")
# How a measure moves or stays ("prices will rise", "inflation could stay above 4 percent").
_MOVING = words(
    """
    rise fall stay remain increase decrease drop climb grow slow ease reach exceed top
    double halve soar slump rebound recover decline
    """
)


def _measure_moves(verb: Token) -> bool:
    """True when ``verb`` tells how something no one is moves or stays ("fuel prices rise",
    "inflation could stay above 4 percent"): a forecast, not what anyone will do."""
    return verb.lemma_.lower() in _MOVING and _said_of_a_thing(verb, verb, {"nsubj"})


# How a state goes on ("the ceasefire is expected to hold").
_ENDURING = words("hold last endure persist survive")


def _expected_state(verb: Token) -> bool:
    """True for the infinitive of "the ceasefire is expected to hold", "prices are likely to
    rise": how a thing no one is will go on or move, a forecast (not "the talks are expected
    to resume", an event, nor "the envoy is expected to arrive")."""
    if verb.lemma_.lower() not in _MOVING | _ENDURING or verb.dep_ != "xcomp":
        return False
    if verb.head.lemma_.lower() not in _FORECASTING | {"likely", "set"}:
        return False  # "pledged to hold talks": a pledge
    if any(c.dep_ == "dobj" for c in verb.children):
        return False  # "is expected to hold a vote": an act
    return _said_of_a_thing(verb.head, verb, {"nsubj", "nsubjpass"})


def _said_of_a_thing(holder: Token, verb: Token, deps: set[str]) -> bool:
    """True when the subject of ``holder`` (by ``deps``) is a thing no one is ("prices",
    "the truce"; not "the envoy", "we") and ``verb`` names no one who acts on it."""
    subjects = [c for c in holder.children if c.dep_ in deps]
    return (
        bool(subjects)
        and subjects[0].pos_ == "NOUN"
        and not has_agent_subject(holder)
        and not any(_lets_someone_act(c) for c in verb.children)
    )


def _lets_someone_act(clause: Token) -> bool:
    """True for a clause of a forecast that names who will act on it ("the storm should
    ease, allowing the utility PG&E to restore power"): that act is a step."""
    return clause.dep_ in {"advcl", "conj", "xcomp"} and any(
        t.ent_type_ in {"ORG", "PERSON", "GPE", "NORP"} for t in clause.subtree
    )


def _in_refusal(sentence: Sentence, offset: int) -> bool:
    """True when the date at ``offset`` of the sentence sits in what someone refuses
    ("could not accept a cut ... in the summer months"): a position, not a plan for that
    time ("will not resume until March" still places the talks in March)."""
    verb = _governing_verb(sentence, offset)
    token = token_at(sentence, offset)
    if verb is None or token is None or not any(c.dep_ == "neg" for c in verb.children):
        return False
    path = token
    while path.i != verb.i and path.head.i != path.i:
        if path.dep_ == "prep" and path.lower_ in {"until", "till", "before", "by"}:
            return False
        path = path.head
    return True


def _governing_verb(sentence: Sentence, offset: int) -> Token | None:
    """The verb that the date at ``offset`` of the sentence hangs on."""
    token = token_at(sentence, offset)
    if token is None:
        return None
    verb = token
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _dates_a_principle(sentence: Sentence, offset: int) -> bool:
    """True when the date at ``offset`` sits in a principle agreed ("agreed that aid
    convoys must be allowed into all besieged areas within days", "... starting next
    week"): an outcome, not a step."""
    verb = _governing_verb(sentence, offset)
    while verb is not None and verb.tag_ == "VBG" and verb.lemma_ in {"start", "begin"}:
        verb = _verb_above(verb)  # "... into the towns starting next week"
    return verb is not None and agreed_principle(verb)


def _verb_above(token: Token) -> Token | None:
    """The nearest verb above ``token``, or None at the root."""
    node = token
    while node.head.i != node.i:
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            return node
    return None


def _bounds_a_kept_state(sentence: Sentence, offset: int) -> bool:
    """True when the date at ``offset`` bounds a state kept as it is ("agreed to keep the
    quotas unchanged through the end of the year"): the state holds now; the day is when
    it may end, not a step."""
    verb = _governing_verb(sentence, offset)
    return verb is not None and keeps_a_state(verb)


# Marks of an adverbial clause that sets out circumstances, not what is planned.
_CIRCUMSTANCE_MARKS = frozenset(["as", "while", "because", "since", "although", "though",
                                 "whereas"])


def _in_circumstance(sentence: Sentence, offset: int) -> bool:
    """True when the date at ``offset`` sits in a clause of circumstance ("stands with
    Corvania as it weathers the energy crisis this winter", "while prices rise this
    year") of a clause that states a position: it dates the background, not an act anyone
    plans. (Read for a time ahead that names no day only: "as a deadline looms on Friday"
    names the day of a step.)"""
    verb = _governing_verb(sentence, offset)
    if verb is None or verb.dep_ != "advcl" or verb.head.lemma_ not in STANCE_VERBS:
        return False  # "talks resume as a deadline nears later this month" dates a step
    return any(c.dep_ == "mark" and c.lower_ in _CIRCUMSTANCE_MARKS for c in verb.children)


def _in_past_plan(sentence: Sentence, offset: int) -> bool:
    """True when the date at ``offset`` dates a plan told in the past perfect ("the trip,
    which had been expected to take place later this month, was canceled"): a plan already
    behind the story, whatever day it named. Not in someone's account ("officials said the
    talks had been scheduled for Friday" is their "are scheduled", told in the past)."""
    token = token_at(sentence, offset)
    if token is None:
        return False
    node = token
    while node.head.i != node.i:
        own_had = any(c.dep_ in {"aux", "auxpass"} and c.lower_ == "had" for c in node.children)
        if node.pos_ in {"VERB", "AUX"} and node.lemma_ in _PLANNING and own_had:
            told = node.dep_ in {"ccomp", "conj"} and verb_in(node.head, SAYING)
            return not told
        node = node.head
    return False


_PLANNING = words("expect schedule plan intend")


def _in_past_perfect(token: Token) -> bool:
    """True when the verb of a cue is in the past perfect ("had planned to", "had been
    scheduled for")."""
    verb = token.head.head if token.tag_ == "TO" else token
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    return _past_perfect(verb)


def _vow(token: Token) -> bool:
    """True for "we will appeal", "we'll ask the court": a body's stated plan in its own
    words, not a prediction about others, a refusal ("we won't roll the dice") or a
    personal outburst ("I'm going to ...")."""
    if token.lower_ not in {"will", "shall", "'ll"}:
        return False
    verb = token.head
    subjects = [c.lower_ for c in verb.children if c.dep_ in _SUBJECTS]
    if verb.lemma_ in {"see", "wait"} and all(c.dep_ in {"nsubj", "aux", "cc", "conj",
                                                      "punct", "advmod"}
                                              for c in verb.children):
        return False  # "we will see", "we'll wait and see": a shrug, not a plan
    return subjects == ["we"] and verb.lemma_ not in STANCE_VERBS and not negated(verb)


def _plan_told(token: Token) -> bool:
    """True when the modal ``token`` tells what someone who acts will do ("the committee
    will vote on it"), not a forecast, a stance or a shrug ("we will see")."""
    verb = token.head
    if verb.lemma_ in STANCE_VERBS or verb.lemma_ in {"see", "wait"} or negated(verb):
        return False
    return has_agent_subject(verb) and not _forecast(token)


def _forecast(token: Token) -> bool:
    """True when the modal ``token`` foretells instead of stating what someone will do: its
    verb is "be" ("it will be harder") or its subject is no one who acts ("the dispute
    will come back in 2031"), unlike "Ann Lee will take over" or "the board will vote"."""
    verb = token.head
    if verb.lemma_ == "be" or not any(c.dep_ in _SUBJECTS for c in verb.children):
        return True
    return not has_agent_subject(verb)


def _dates_ahead(sentence: Sentence, token: Token, offsets: Sequence[int]) -> bool:
    """True when a day still to come (an offset in the sentence text) sits in the clause
    of the modal ``token``."""
    start = sentence.span.start_char
    covered = [(t.idx - start, t.idx - start + len(t.text)) for t in token.head.subtree]
    return any(a <= offset < b for offset in offsets for a, b in covered)


def _dated_verb_ahead(sentence: Sentence, upcoming: Sequence[Upcoming]) -> bool:
    """True when a date of the publication day hangs on a verb that is neither past nor
    perfect ("holds a hearing today", not "were released Tuesday")."""
    for start, _, days in upcoming:
        if days != 0 or not sentence.start <= start < sentence.end:
            continue
        token = token_at(sentence, start - sentence.start)
        if token is None:
            continue
        verb = token
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        perfect = any(c.lower_ in {"has", "have", "had"} and c.dep_ == "aux" for c in verb.children)
        if not _clause_in_past(verb) and not perfect and verb.tag_ in {"VBZ", "VBP", "VB"}:
            return True
    return False


# Cues of a matter still open ("under discussion", "pending"): told in the past tense by
# someone's account ("said that remained under discussion") they still hold.
_STATE_CUES = re.compile(r"^(?:under \w+|pending|yet to be)$", re.IGNORECASE)


def _told_in_past(token: Token) -> bool:
    """True when the clause of ``token`` is what someone said, in the past tense of the
    telling ("Solberg said that remained under discussion")."""
    verb = token
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ccomp" and verb_in(verb.head, SAYING) and verb.head.tag_ == "VBD"


def _in_present_clause(token: Token) -> bool:
    """True when the nearest finite verb above ``token`` is in the present ("briefed him
    on the reform, which remains pending approval": the reform is still pending, whatever
    the tense of the main clause)."""
    for node in [token, *token.ancestors]:
        if node.tag_ in {"VBZ", "VBP"} and node.pos_ in {"VERB", "AUX"}:
            return True
        if node.tag_ in {"VBD", "MD"}:
            return False
        if node.pos_ in {"VERB", "AUX"} and any(
            c.dep_ in {"aux", "auxpass"} for c in node.children
        ):
            return any(
                c.dep_ in {"aux", "auxpass"} and c.tag_ in {"VBZ", "VBP"} for c in node.children
            )
    return False


def _clause_in_past(token: Token) -> bool:
    """True when the clause of ``token`` is in the past tense ("was due to", "agreed to")."""
    verb = token
    if token.tag_ == "TO" and token.head.dep_ in {"xcomp", "ccomp"}:
        verb = token.head.head  # "agreed to reopen": the tense of "agreed"
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ in {"aux", "auxpass"}:
        verb = verb.head
    if verb.tag_ == "VBD":
        return True
    return any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in verb.children)


def _past_perfect(token: Token) -> bool:
    """True for "had been scheduled", "had planned": a plan already behind the story."""
    return any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ == "had"
        for c in [*token.head.children, *token.children]
    )


# Modals of obligation and possibility: inside any quotation, rhetoric.
_RHETORIC_MODALS = frozenset(["must", "should", "could", "may", "might", "ca"])


def _quoted_at(
    sentence: Sentence, offset: int, carried: bool = False, own_marks_only: bool = False
) -> bool:
    """True when character ``offset`` of the sentence sits inside quotation marks.

    Marks are read in order: a curly opening mark opens, a curly closing one closes, a
    straight one does whichever is due (real text mixes them: ``"Who asked?” said Hill``).
    A sentence may start inside a quotation opened earlier (``carried``, or its first mark
    closes one: ``"We waited. Peace must be built," she said.`` splits after "waited").
    """
    start = False if own_marks_only else starts_inside(sentence.text, carried)
    return _marks_state(sentence.text[:offset], start)


def _marks_state(text: str, inside: bool) -> bool:
    """Whether a quotation is open after ``text``, read from ``inside``."""
    for char in text:
        if char == "\u201c":
            inside = True
        elif char == "\u201d":
            inside = False
        elif char == '"':
            inside = not inside
    return inside


def starts_inside(text: str, carried: bool) -> bool:
    """True when ``text`` starts inside a quotation: the first mark closes one, or none
    opens one and a quotation is ``carried`` over from the sentences before."""
    match = _FIRST_MARK.search(text)
    if match is None:
        return carried
    return continues_quotation(text)


def quotations_carried(sents: Sequence[Sentence]) -> list[bool]:
    """For each sentence, True when a quotation opened in an earlier sentence of its
    paragraph is still open where it starts (``"We did our part. Now they must deliver.
    We will see," she said.``: the middle sentence has no mark of its own)."""
    out: list[bool] = []
    open_quote, paragraph = False, None
    for sentence in sents:
        if sentence.paragraph != paragraph:
            open_quote, paragraph = False, sentence.paragraph
        out.append(open_quote)
        open_quote = _marks_state(sentence.text, starts_inside(sentence.text, open_quote))
    return out


_FIRST_MARK = re.compile(r"[\"\u201c\u201d]")


def continues_quotation(text: str) -> bool:
    """True when the first quotation mark of ``text`` closes a quotation: a curly closing
    mark, or a straight one set right after a word or punctuation and followed by a space,
    a comma or the end (``built every day," Ruthe said``), not one opening a quotation
    (``said: "We will``)."""
    match = _FIRST_MARK.search(text)
    if match is None:
        return False
    mark, at = match.group(), match.start()
    if mark == "\u201d":
        return True
    if mark == "\u201c" or at == 0:
        return False
    before, after = text[at - 1], text[at + 1 : at + 2]
    return not before.isspace() and (after == "" or after.isspace() or after in ",.;:")


def _past_main_verb(sentence: Sentence) -> bool:
    """True when the main verb is in the past ("met", "was held"), False for "holds a
    hearing Wednesday", "is set for March 3", "is effective December 31"."""
    root = sentence.span.root
    return root.tag_ == "VBD" or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in root.children
    )


def _has_future_modal(sentence: Sentence) -> bool:
    """True when some clause of the sentence looks ahead ("said he will", "should be")."""
    return any(t.lower_ in MODAL_CUES and t.dep_ == "aux" for t in sentence.span)


def _about_the_past(sentence: Sentence) -> bool:
    """True for background: a past-tense main verb with a date in the past ("in 2019")."""
    if not _past_main_verb(sentence):
        return False
    dates = " ".join(e.text for e in entities_in(sentence.span) if e.label_ == "DATE")
    return bool(_PAST_DATE.search(dates))


def upcoming_spans(
    sents: Sequence[Sentence],
    dated: Sequence[tuple[int, int, str | None]],
    reference: dt.date | None,
) -> list[Upcoming]:
    """The date mentions on or after ``reference``: a resolved day, or a year after its
    year placed in time ("in 2022", "by the end of 2025"; not "the 2020 election").
    ``dated`` holds (start, end, resolved ISO date or None) for every date mention."""
    if reference is None:
        return []
    out: list[Upcoming] = []
    for start, end, iso in dated:
        if iso and (days := (dt.date.fromisoformat(iso) - reference).days) >= 0:
            out.append((start, end, days))
    for sentence in sents:
        offset = sentence.start - sentence.span.start_char
        for match in _TIME_AHEAD.finditer(sentence.text):
            out.append((sentence.start + match.start(), sentence.start + match.end(), VAGUE))
        for match in _SEASON.finditer(sentence.text):
            if _season_ahead(match.group(1).lower(), reference):
                out.append((sentence.start + match.start(), sentence.start + match.end(), VAGUE))
        for ent in entities_in(sentence.span):
            if ent.label_ == "DATE" and _month_ahead(ent, reference):
                out.append((offset + ent.start_char, offset + ent.end_char, VAGUE))
                continue
            if ent.label_ != "DATE" or not _places_in_time(ent.root):
                continue
            years = [int(y) for y in _YEAR.findall(ent.text)]
            if years and min(years) > reference.year:
                days = 365 * (min(years) - reference.year) if _places_a_clause(ent.root) else VAGUE
                out.append((offset + ent.start_char, offset + ent.end_char, days))
    return out


# A month named alone ("in November", "late July", "by mid-March"): no calendar day.
_MONTH_ALONE = re.compile(
    r"^(?:(?:early|late|mid|the end of|the beginning of|the middle of)[- ]?)?"
    rf"({'|'.join(MONTHS)})$",
    re.IGNORECASE,
)


def _month_ahead(ent: SpacySpan, reference: dt.date) -> bool:
    """True for a month named without a day or year, later than the month of writing, that
    an act is set for ("talks were set for late July") or that dates an infinitive of its
    own ("a campaign, to be launched in November", written in September). Elsewhere a
    month alone may be last year's ("walked out in November"), and a clause that looks
    ahead is a step by its own cue."""
    match = _MONTH_ALONE.match(ent.text.strip())
    if match is None:
        return False
    if _bare_participle(ent.root):
        return False  # "a deadline set by their leaders in March": when it was set
    month = MONTHS.index(match.group(1).lower()) + 1
    if month <= reference.month:
        # (reading a month earlier in the year as next year's for an infinitive, "to be
        # completed by the end of March" written in December, added a false step on the
        # held-out half: such a month may be a past plan's)
        return False
    return _infinitive_of(ent.root) or _set_for(ent.root)


def _bare_participle(token: Token) -> bool:
    """True when the verb a date hangs on is a past participle with no auxiliary ("a
    deadline set in March", "a meeting initially planned for February")."""
    verb = token
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    return verb.tag_ == "VBN" and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)


# Participles that set an act for a time ("was set for late July", "is scheduled for May").
_SETTING = words("set schedule slate plan")


def _set_for(token: Token) -> bool:
    """True for a month after "for" on a participle that sets an act for it, with its
    auxiliary ("the round was set for late July")."""
    prep = token.head
    verb = prep.head
    return (
        token.dep_ == "pobj"
        and prep.lower_ == "for"
        and verb.lemma_.lower() in _SETTING
        and verb.tag_ == "VBN"
        and any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    )


def _infinitive_of(token: Token) -> bool:
    """True when the verb a date hangs on is an infinitive describing what is to be done
    ("a campaign, to be launched in November"): its time is its own, whatever the tense of
    the clause above it; not the complement of a plan told in the past ("was due to be
    released in September")."""
    verb = token
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    if not any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children):
        return False
    return verb.dep_ in {"acl", "advcl"}


def _season_ahead(season: str, reference: dt.date) -> bool:
    """True when a season named without its year has not yet ended on ``reference``: "in
    the spring" written in January or April looks ahead, written in October it looks back
    (winter runs from December into February, so it is ahead from September on)."""
    last = _SEASON_ENDS[season]
    if season == "winter":
        return reference.month >= 9 or reference.month <= last
    return reference.month <= last


def _places_a_clause(token: Token) -> bool:
    """True for a year that places a clause in time: "in 2027", "by 2030"."""
    return token.dep_ in {"pobj", "npadvmod"}


def _places_in_time(token: Token) -> bool:
    """True for a year that places a clause in time, or the year of an event placed so
    ("ahead of the 2027 elections"), not "the 2027 budget" as a subject."""
    if _places_a_clause(token):
        return True
    return token.dep_ in {"nummod", "compound", "amod"} and token.head.dep_ == "pobj"


def extract_next_steps(sents: list[Sentence], upcoming: Sequence[Upcoming] = ()) -> list[NextStep]:
    """Every sentence that states a next step, in the order of the text, with how sure."""
    steps: list[NextStep] = []
    for sentence, carried in zip(sents, quotations_carried(sents), strict=True):
        confidence = step_confidence(sentence, upcoming, carried)
        if confidence is not None:
            steps.append(NextStep(sentence.text, [sentence.evidence()], confidence))
    return steps
