"""Next steps: follow-ups, deadlines, planned meetings and items left to be determined."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from itertools import takewhile

from spacy.tokens import Token

from briefgen.extract.lexicon import words
from briefgen.extract.sentences import Sentence
from briefgen.model import NextStep

# How sure a sentence states a next step, by the strongest cue it holds (compared with
# briefgen.model.CHECK_THRESHOLD). A sentence whose only cue is weaker than POSSIBLE is
# not offered at all.
SCHEDULED = 0.9  # "is scheduled to", "set for", "to be determined", a day still to come
PLANNED = 0.8  # "will meet", "plans to", "is expected to", "pledged to"
REPORTED = 0.72  # "hoped it would resume", "declined to say when", "investigating whether"
AGREED = 0.68  # "agreed to complete": a decision reported in the past tense
RELAYED = 0.62  # "said it would leverage": a saying verb's "would", not placed in time
POSSIBLE = 0.55  # "could begin in 2022", "may soon be dismissed": a possibility, not a plan
_QUOTED = 0.1  # taken off a cue that only sits inside quotation marks

_SCHEDULED = re.compile(
    r"\b(?:to be (?:determined|decided|announced|confirmed|scheduled|set|held|named|agreed)|"
    r"tbd|scheduled (?:to|for)|(?:a|the) (?:scheduled|planned)|set (?:to|for)|"
    r"due (?:to (?!the\b)|on|by|in|for)|"
    r"deadlines?|next (?:meeting|round|session|steps?|talks|visit|hearing|summit)|"
    r"follow[- ]up|further talks|second round|(?:is|are) to|pending|upcoming|"
    r"effective|under (?:investigation|review|consideration)|(?:has|have) yet to|yet to be)\b",
    re.IGNORECASE,
)
_PLANNED = re.compile(
    r"\b(?:expect(?:s|ed)? to|plans? to|planned to|planning to|making plans|intends? to|"
    r"aims? to|"
    r"hopes? to|pledged to|promised to|committed to|vowed to|going to|"
    r"later this (?:week|month|year)|in the coming (?:days|weeks|months)|by the end of|"
    r"(?:is|are) (?:\w+ly )?(?:preparing|developing|working on)|threatened to|"
    r"reserved the right|eligible to|(?:days|weeks|months|hours) (?:left|remaining))\b",
    re.IGNORECASE,
)
_REPORTED = re.compile(
    r"\b(?:declined (?:\w+ )?to (?:say|state|disclose|specify)|unclear (?:whether|when|if|how)|"
    r"investigating whether|to determine whether|not (?:yet )?(?:decided|clear)|"
    r"asks|recommended|seek to|seeking to|discussed|called for|calling for)\b",
    re.IGNORECASE,
)
_AGREED = re.compile(r"\bagreed to\b", re.IGNORECASE)
# Schedule words that name a plan without stating it ("a follow-up meeting", "the
# deadline"): in a past-tense sentence with no day still to come they count as AGREED.
_PLAN_NOUNS = re.compile(
    r"^(?:deadlines?|next \w+|follow[- ]up|further talks|second round|pending|upcoming|"
    r"effective|(?:a|the) (?:scheduled|planned))$",
    re.IGNORECASE,
)
_ADJECTIVE_PLAN = re.compile(r"^(?:a|the) (?:scheduled|planned)$", re.IGNORECASE)
# Verbs whose "would" clause reports a plan ("said he would appeal"), unlike "warned that
# the deal would allow" (a prediction).
_PLAN_REPORTING = words(
    """
    say tell announce add promise pledge vow hope expect plan decide agree confirm write
    insist state
    """
)


_SAYING = words("say add announce tell state write insist")


def _verb_in(token: Token, verbs: frozenset[str]) -> bool:
    """True when ``token`` is one of ``verbs``, by lemma or by its regular forms (the
    small model lemmatises "hoped" as "hop")."""
    low = token.lower_
    stems = {low, low[:-1], low[:-2], low[:-3], low[:-3] + "e", low[:-1] + "e"}
    return token.lemma_ in verbs or (token.pos_ in {"VERB", "AUX"} and bool(stems & verbs))
# Cues that end in "to" only count before a verb ("agreed to meet", not "agreed to a truce").
_INFINITIVE_CUE = re.compile(r"\bto$", re.IGNORECASE)
_EVENT_NOUNS = words(
    """
    meeting debate vote investigation inquiry hearing talks summit session election probe
    review referendum trial ceasefire
    """
)
_PLAN_HEADS = words("plan plans decision promise pledge intention bid effort deadline proposal")
_FUTURE_MODALS = frozenset(["will", "shall", "'ll", "wo"])
# Cues that are rhetoric inside a quotation ("we will win", "I'm going to do it").
_MODAL_CUES = frozenset(["will", "shall", "'ll", "wo", "would", "could", "may", "might",
                         "should", "ca", "going to"])
# A date mention on or after the publication day: (start, end, days ahead; 0 = that day).
Upcoming = tuple[int, int, int]
_POSSIBLE_MODALS = frozenset(["could", "may", "might", "should", "ca"])
# Verbs that state a position or a mood, not a step: "the law will not change our
# position", "we will stand tall", "we will win".
_STANCE_VERBS = words(
    """
    be stand win change cave yield bow tolerate accept allow remain stay lose succeed
    fail matter happen suffer hurt help mean continue like love prefer embolden leave keep
    """
)
# A date that places a sentence in the past ("in 2019", "last year", "two years ago").
_PAST_DATE = re.compile(r"\b(?:1[89]\d\d|20\d\d|last|ago|earlier|previous|former)\b", re.I)
_YEAR = re.compile(r"\b(?:1[89]|20)\d\d(?=s?\b)")
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
        reporting = node.tag_ == "VBG" and _verb_in(node, _SAYING)
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


def step_confidence(sentence: Sentence, upcoming: Sequence[Upcoming] = ()) -> float | None:
    """How sure it is that ``sentence`` states a next step; ``None`` when it does not
    (the strength of the evidence :func:`step_evidence` finds)."""
    evidence = step_evidence(sentence, upcoming)
    return None if evidence is None else evidence[0]


def step_evidence(
    sentence: Sentence, upcoming: Sequence[Upcoming] = ()
) -> tuple[float, str] | None:
    """The strength of the strongest cue that ``sentence`` states a next step, with the cue
    ("will", "plans to", "date ahead"); ``None`` when it states none.

    ``upcoming`` holds the date mentions on or after the publication day (see
    :func:`upcoming_spans`): a sentence that names a day still to come is about what is
    next. A cue only counts in the main clause, a modal ("will", "would") not inside a
    quotation (rhetoric) unless the speaker vows it ("we will appeal") or dates it, a plan
    in the past perfect ("had planned to") not at all, and a cue in the past tense not
    with a past date (background).
    """
    text = sentence.text
    if text.rstrip().endswith("?"):
        return None
    ahead = [
        days
        for a, _, days in upcoming
        if sentence.start <= a < sentence.end and not _quoted_at(sentence, a - sentence.start)
    ]
    dated = any(days > 0 for days in ahead)
    inside = [(a, days) for a, _, days in upcoming if sentence.start <= a < sentence.end]
    days_ahead = [a - sentence.start for a, days in inside if days > 0]
    past = _past_main_verb(sentence)
    past_dated = _about_the_past(sentence)
    best, cue = 0.0, ""
    for token, strength, phrase in _cues(sentence):
        cue_past = _clause_in_past(token)
        if _ADJECTIVE_PLAN.match(phrase) and not dated:
            continue  # "the planned outage", with no day still to come, only describes
        if (cue_past or past) and not dated and _PLAN_NOUNS.match(phrase):
            continue  # "in follow-up questioning": behind us
        if cue_past and not dated and strength >= SCHEDULED:
            continue  # "was due to be released in September"
        if cue_past and past_dated and not dated:
            continue
        if not dated and phrase not in _MODAL_CUES and _in_past_perfect(token):
            continue  # "had also planned to charge": a plan already behind the story
        if not in_main_clause(token, strong=dated):
            continue
        if phrase in _POSSIBLE_MODALS and not (dated or _has_time(token.head)):
            continue  # "could face decades in jail": a possibility not placed in time
        if _in_quotation(sentence, token):
            if phrase in _MODAL_CUES:
                if _dates_ahead(sentence, token, days_ahead):
                    strength = PLANNED  # "... will assume the post starting January 1"
                elif _vow(token):
                    strength = REPORTED  # "we will vigorously defend": the speaker's own plan
                else:
                    continue
            strength -= _QUOTED
        if strength > best:
            best, cue = strength, phrase.lower()
    if not past or _has_future_modal(sentence):
        if dated:
            dated_strength = SCHEDULED if best >= POSSIBLE else PLANNED
            if dated_strength > best:
                best, cue = dated_strength, f"{cue} + day ahead" if cue else "day ahead"
        elif ahead and not past and _dated_verb_ahead(sentence, upcoming) and best < AGREED:
            best, cue = AGREED, "dated verb"  # "holds a hearing today"
    if best < POSSIBLE:
        return None
    return round(best, 2), cue


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
    return subjects == ["we"] and verb.lemma_ not in _STANCE_VERBS and not _negated(verb)


def _dates_ahead(sentence: Sentence, token: Token, offsets: Sequence[int]) -> bool:
    """True when a day still to come (an offset in the sentence text) sits in the clause
    of the modal ``token``."""
    start = sentence.span.start_char
    covered = [(t.idx - start, t.idx - start + len(t.text)) for t in token.head.subtree]
    return any(a <= offset < b for offset in offsets for a, b in covered)


def is_next_step(sentence: Sentence, upcoming: Sequence[Upcoming] = ()) -> bool:
    """True when a sentence states a follow-up, a deadline, a plan or an open item."""
    return step_confidence(sentence, upcoming) is not None


def _cues(sentence: Sentence) -> list[tuple[Token, float, str]]:
    """The tokens that make a sentence forward-looking, each with its strength and phrase."""
    cues: list[tuple[Token, float, str]] = []
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
                cues.append((token, strength, phrase))
    for token in sentence.span:
        strength = _modal_strength(token)
        if strength:
            cues.append((token, strength, token.lower_))
        pending = _pending_until(token)
        if pending is not None:
            cues.append((pending, REPORTED, "until"))
        if _formal_request(token):
            cues.append((token, REPORTED, "request"))
    return cues


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
    if any(c.lower_ in _MODAL_CUES for c in token.children if c.dep_ == "aux"):
        return False  # "the president should demand that ...": advice, not a request made
    return any(
        c.dep_ == "ccomp"
        and c.tag_ in {"VB", "VBP"}
        and not any(a.dep_ == "aux" for a in c.children)
        for c in token.children
    )


def _dated_verb_ahead(sentence: Sentence, upcoming: Sequence[Upcoming]) -> bool:
    """True when a date of the publication day hangs on a verb that is neither past nor
    perfect ("holds a hearing today", not "were released Tuesday")."""
    for start, _, days in upcoming:
        if days != 0 or not sentence.start <= start < sentence.end:
            continue
        token = _token_at(sentence, start - sentence.start)
        if token is None:
            continue
        verb = token
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        perfect = any(c.lower_ in {"has", "have", "had"} and c.dep_ == "aux" for c in verb.children)
        if not _clause_in_past(verb) and not perfect and verb.tag_ != "VBN":
            return True
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


def _phrase_token(sentence: Sentence, phrase: str, start: int) -> Token | None:
    """The last token of a cue phrase, or None when the phrase does not count there."""
    token = _token_at(sentence, start + len(phrase) - 1)
    if token is None:
        return None
    if _INFINITIVE_CUE.search(phrase):
        following = token.nbor() if token.i + 1 < sentence.span.end else None
        if following is not None and following.pos_ == "ADV" and following.i + 1 < len(
            following.doc
        ):
            following = following.nbor()
        if following is None or following.pos_ not in {"VERB", "AUX"}:
            return None
        if following.lemma_ == "be":
            # "due to be held" plans an event; "set to be the largest" only describes
            passive = following.i + 1 < len(following.doc) and following.nbor().tag_ == "VBN"
            if not passive:
                return None
        elif following.lemma_ in _STANCE_VERBS:
            return None
    # "discussed holding a follow-up meeting": a step only with a plan as its object
    if phrase.lower() == "discussed" and not any(c.tag_ == "VBG" for c in token.children):
        return None
    if phrase.lower().startswith(("called", "calling")) and not any(
        t.lemma_ in _EVENT_NOUNS for t in token.subtree
    ):
        return None  # "called for an emergency meeting", not "called for a balanced deal"
    if phrase.lower() == "asks" and token.tag_ != "VBZ":
        return None
    first = _token_at(sentence, start)
    negatable = phrase.lower().startswith(("seek", "plan", "intend"))
    if negatable and first is not None and _negated(first):
        return None  # "does not seek to overturn": what is not planned
    return token


def _negated(token: Token) -> bool:
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
    acts = any(
        c.dep_ in {"xcomp", "ccomp"} and c.lemma_ not in _STANCE_VERBS for c in verb.children
    )
    event = low in _FUTURE_MODALS and _names_an_event(verb)
    if verb.lemma_ in _STANCE_VERBS and not event and not acts:
        return 0.0
    if _in_relative_clause(verb):
        return 0.0  # "a community who fear it will open the doors": a description
    if low == "would" and any(c.lower_ in _HEDGES for c in verb.children):
        return 0.0  # "said it would likely heighten tensions": a prediction
    node = verb
    while node.dep_ in {"conj"} and node.head.i != node.i:
        node = node.head
    if low in _FUTURE_MODALS:
        if node.dep_ == "ccomp" and not _verb_in(node.head, _PLAN_REPORTING | _KNOWING):
            return POSSIBLE  # "welcomed the deal, ... they will be allotted": no one's plan
        return PLANNED
    if low == "would":
        if node.dep_ == "ccomp" and _verb_in(node.head, _PLAN_REPORTING):
            if _verb_in(node.head, _SAYING) and not _placed_in_time(verb):
                return RELAYED  # "said Tyvak would leverage that experience"
            return REPORTED
        return 0.0
    if low in _POSSIBLE_MODALS and verb.dep_ in {"ROOT", "ccomp", "conj", "acl"}:
        return POSSIBLE
    return 0.0


_HEDGES = frozenset(["likely", "probably", "possibly", "perhaps"])
# Verbs whose "that ... will" clause still states a plan ("believes the talks will resume").
_KNOWING = words("think believe know report note explain reply tweet testify ensure learn")
_TIME_WORDS = frozenset(["soon", "eventually", "now", "later", "until", "before", "by"])


def _in_relative_clause(token: Token) -> bool:
    """True when ``token`` sits in a relative clause ("shares they will be allotted")."""
    node = token
    while node.head.i != node.i:
        if node.dep_ == "relcl" and not any(c.dep_ == "mark" for c in node.children):
            return True  # (a "relcl" opened by "that" as a mark is a misparsed "told ... that")
        node = node.head
    return False


def _has_time(verb: Token) -> bool:
    """True when a verb's clause says when in words ("may soon be dismissed", "could
    eventually raise", "could be reached before the end of the month")."""
    described = {t.i for c in verb.subtree if c.dep_ == "relcl" for t in c.subtree}
    return any(
        t.lower_ in _TIME_WORDS and t.pos_ in {"ADV", "ADP", "SCONJ"}
        for t in verb.subtree
        if t.i not in described
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


def _names_an_event(verb: Token) -> bool:
    """True for "the meeting will be on Tuesday" ("be" with a date or a place), not
    for "he will be great"."""
    return verb.lemma_ == "be" and any(
        c.dep_ == "prep" or c.ent_type_ in {"DATE", "TIME"} for c in verb.children
    )


def _past_perfect(token: Token) -> bool:
    """True for "had been scheduled", "had planned": a plan already behind the story."""
    return any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ == "had"
        for c in [*token.head.children, *token.children]
    )


def _in_quotation(sentence: Sentence, token: Token) -> bool:
    """True when ``token`` sits inside quotation marks opened within its sentence."""
    return _quoted_at(sentence, token.idx - sentence.span.start_char)


def _quoted_at(sentence: Sentence, offset: int) -> bool:
    """True when character ``offset`` of the sentence sits inside quotation marks.

    Marks are read in order: a curly opening mark opens, a curly closing one closes, a
    straight one does whichever is due (real text mixes them: ``"Who asked?” said Hill``).
    """
    inside = False
    for char in sentence.text[:offset]:
        if char == "\u201c":
            inside = True
        elif char == "\u201d":
            inside = False
        elif char == '"':
            inside = not inside
    return inside


def _past_main_verb(sentence: Sentence) -> bool:
    """True when the main verb is in the past ("met", "was held"), False for "holds a
    hearing Wednesday", "is set for March 3", "is effective December 31"."""
    root = sentence.span.root
    return root.tag_ == "VBD" or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in root.children
    )


def _has_future_modal(sentence: Sentence) -> bool:
    """True when some clause of the sentence looks ahead ("said he will", "should be")."""
    return any(t.lower_ in _MODAL_CUES and t.dep_ == "aux" for t in sentence.span)


def _token_at(sentence: Sentence, offset: int) -> Token | None:
    """The token covering character ``offset`` of the sentence text."""
    char = sentence.span.start_char + offset
    for token in sentence.span:
        if token.idx <= char < token.idx + len(token.text):
            return token
    return None


def _about_the_past(sentence: Sentence) -> bool:
    """True for background: a past-tense main verb with a date in the past ("in 2019")."""
    if not _past_main_verb(sentence):
        return False
    dates = " ".join(e.text for e in sentence.span.ents if e.label_ == "DATE")
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
        for ent in sentence.span.ents:
            if ent.label_ != "DATE" or ent.root.dep_ not in {"pobj", "npadvmod"}:
                continue
            years = [int(y) for y in _YEAR.findall(ent.text)]
            if years and min(years) > reference.year:
                days = 365 * (min(years) - reference.year)
                out.append((offset + ent.start_char, offset + ent.end_char, days))
    return out


def extract_next_steps(sents: list[Sentence], upcoming: Sequence[Upcoming] = ()) -> list[NextStep]:
    """Every sentence that states a next step, in the order of the text, with how sure."""
    steps: list[NextStep] = []
    for sentence in sents:
        confidence = step_confidence(sentence, upcoming)
        if confidence is not None:
            steps.append(NextStep(sentence.text, [sentence.evidence()], confidence))
    return steps
