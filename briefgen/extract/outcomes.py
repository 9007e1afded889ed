"""Outcomes: the agreements, decisions, commitments, refusals and rulings a text states."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Token

from briefgen.extract.lexicon import words
from briefgen.extract.merge import SAME_POINT, similarity
from briefgen.extract.next_steps import quotations_carried, starts_inside
from briefgen.extract.sentences import Sentence
from briefgen.model import Outcome

# Verbs that state an agreement or decision by their subject ("the sides agreed to ...").
AGREEING_VERBS = words("agree decide resolve commit pledge vow ratify endorse approve adopt")
# Nouns naming an agreement, and the verbs by which one comes about ("reached a deal").
AGREEMENT_NOUNS = words(
    """
    agreement deal accord treaty understanding consensus pact memorandum settlement
    compromise ceasefire truce cessation arrangement framework declaration protocol
    convention charter communique roadmap contract
    """
)
# An agreement that took effect is one made ("the truce took effect at midnight").
TAKING_EFFECT = {"take": "effect", "come": "force", "go": "effect", "enter": "force"}
# What a vote passes is a decision ("the council passed a resolution").
PASSED_THINGS = words("resolution law bill budget measure motion amendment")
AGREEMENT_MAKING_VERBS = words(
    "reach strike sign conclude seal clinch finalize finalise ink produce yield broker"
)
# Verbs through which talks end in an agreement ("resulted in a deal", "led to an accord").
ENDING_IN_VERBS = {"result": "in", "lead": "to"}
# Verbs by which someone states or renews a commitment ("reaffirmed the commitment to ...").
AFFIRMING_VERBS = words("affirm reaffirm confirm reiterate renew underline")
COMMITMENT_NOUNS = words("commitment pledge decision")
# Verbs by which a commitment or decision is made ("made a commitment", "took the decision").
COMMITMENT_MAKING_VERBS = words("make take give announce")
# What an announcement names when it states a decision ("announced a new aid package").
ANNOUNCED_THINGS = words(
    """
    plan initiative establishment launch creation partnership program programme fund
    package aid assistance sanction sanctions decision agreement deal measure measures
    funding support resignation withdrawal
    """
)
# Verbs that announce a pledge of what a side will do or give ("announced that ... would").
ANNOUNCING_VERBS = words("announce pledge promise")
# What a welcome names when it records a step both sides took ("welcomed plans to ...").
WELCOMED_STEPS = words(
    """
    plan plans launch establishment creation signing adoption conclusion agreement deal
    decision resumption opening accord release extension ceasefire truce normalization
    normalisation
    """
)
WELCOMING_VERBS = words("welcome hail applaud praise commend congratulate")
# Setting up a standing body or channel is an outcome ("launched a working group").
FOUNDING_VERBS = words("launch establish create form found inaugurate restore normalize normalise")
FOUNDED_THINGS = words(
    """
    group dialogue mechanism channel partnership initiative council commission committee
    fund force forum program programme hotline office relations ties board body panel
    taskforce secretariat unit
    """
)
# Decisions to call something off ("the visit was cancelled", "postponed the vote").
CALLING_OFF_VERBS = words("cancel postpone suspend scrap shelve")
# What is called off as a decision: a meeting, a visit, a vote (not "services were suspended").
CALLED_OFF_THINGS = words(
    """
    trip visit talks meeting summit vote election strike conference session dialogue round
    negotiations hearing trial referendum plan plans deal tour ceremony signing launch
    decision
    """
) | AGREEMENT_NOUNS  # "suspended the gas agreement", "the signing was postponed"
# Accepting a proposal is agreeing to it ("accepted the offer").
ACCEPTED_THINGS = words(
    """
    proposal offer plan invitation terms deal agreement request exchange swap demand demands
    condition conditions mediation resignation compromise settlement
    """
)
# Refusals ("refused to sign"); "declined to comment" is not one.
REFUSING_VERBS = words("refuse reject veto rebuff")
NOT_A_REFUSAL = words("comment say elaborate confirm discuss answer speculate disclose detail")
# Decisions that free people or end a measure ("released the journalists", "lifted the
# ban"), grant something asked for ("granted permission to appeal") or prolong a measure
# ("extended the mandate"): each by what its object names.
FREEING_VERBS = words("release free")
HELD_PEOPLE = words(
    """
    prisoner prisoners hostage hostages detainee detainees captive captives journalist
    journalists reporter reporters activist activists sailor sailors soldier soldiers crew
    citizen citizens national nationals
    """
)
MEASURE_NOUNS = words(
    """
    ban sanction sanctions embargo curfew restriction restrictions blockade siege moratorium
    suspension freeze veto emergency tariff tariffs quota quotas limit limits mandate
    ceasefire truce deadline mission
    """
)
ENDING_VERBS = words("lift end ease scrap revoke extend")
GRANTED_THINGS = words(
    """
    permission access bail asylum approval licence license exemption waiver pardon amnesty
    clemency extension visa immunity status leave right rights concession concessions
    """
)
# Objects that make a rejection a denial, not a refusal ("rejected claims that ...").
DENIED_THINGS = words(
    "claim claims allegation allegations accusation accusations report reports suggestion "
    "suggestions charge charges criticism notion idea assertion"
)
# Adverbs that make a refusal a standing position ("has long refused").
STANDING_ADVERBS = words("long always consistently repeatedly still")
# Rulings: verbs that are one whoever the subject, and those that need a court.
RULING_VERBS = words("rule uphold overturn acquit convict sentence")
COURT_VERBS = words("order dismiss block reject strike halt suspend annul quash invalidate")
COURT_NOUNS = words("court judge tribunal jury justice justices panel regulator")
# Words above a verb that make it a wish, a try or a condition, not a fact.
NOT_YET_WORDS = words(
    """
    hope wish want expect urge ask call seek try aim need fail push press encourage
    plan intend propose demand could would might may should must consider prepare
    late likely unlikely able unable ready
    """
)
CONDITION_MARKS = words("if unless whether until before once")
FUTURE_AUX = words("will 'll shall would could might may should must can")
# How sure an outcome is (compared with briefgen.model.CHECK_THRESHOLD).
STATED = 0.9  # "the sides agreed to ...", "reached an agreement", "the court ruled"
REPORTED = 0.85  # the same inside someone's account ("he said all had agreed that ...")
ANNOUNCED = 0.8  # "announced that the United States would provide ..."
REFUSED = 0.8  # "refused to sign the accord"
WELCOMED = 0.72  # "welcomed plans to establish ..."
RELAYED = 0.7  # "X said Norland would pay compensation": a side's undertaking, told
RESTATED = 0.62  # "reaffirmed the commitment to ...": a standing commitment, renewed
_QUOTED = re.compile(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]")
_FIRST_MARK = re.compile(r"[\"\u201d]")
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def find_outcomes(sents: list[Sentence]) -> list[Outcome]:
    """The sentences stating an outcome, in the order of the text, each once, with the
    confidence of its surest cue; the span points at the sentence."""
    found: list[Outcome] = []
    for sentence, carried in zip(sents, quotations_carried(sents), strict=True):
        if sentence.is_headline_like or _not_a_statement(sentence.text):
            continue
        quoted = [m.span() for m in _QUOTED.finditer(sentence.text)]
        if starts_inside(sentence.text, carried):
            # "We agreed to nothing," she said: the rest of a quotation opened earlier
            close = _FIRST_MARK.search(sentence.text)
            quoted.append((0, close.start() if close else len(sentence.text)))
        offset = sentence.span.start_char
        cues = [
            confidence for token, confidence in _cues(sentence)
            if not any(a <= token.idx - offset < b for a, b in quoted)
        ]
        if cues:
            text = " ".join(sentence.text.split())
            found.append(Outcome(text, [sentence.evidence()], max(cues)))
    return found


def merge_outcomes(lists: list[list[Outcome]]) -> list[Outcome]:
    """Outcomes across sources: near-duplicates collapse into one with every span and
    the surest confidence."""
    out: list[Outcome] = []
    for items in lists:
        for item in items:
            match = next((o for o in out if similarity(o.text, item.text) >= SAME_POINT), None)
            if match is None:
                out.append(Outcome(item.text, list(item.spans), item.confidence, item.include))
                continue
            match.spans.extend(item.spans)
            if item.confidence is not None:
                match.confidence = max(match.confidence or 0.0, item.confidence)
    return out


def _not_a_statement(text: str) -> bool:
    """A question, or a sentence that is someone's words from its first character."""
    stripped = text.strip()
    return stripped.endswith("?") or stripped[:1] in "\"\u201c\u2018'"


def _cues(sentence: Sentence) -> Iterator[tuple[Token, float]]:
    """Every token of the sentence that states an outcome, with how sure that reading is."""
    for token in sentence.span:
        lemma = token.lemma_.lower()
        if token.pos_ in {"VERB", "AUX"}:
            confidence = _verb_cue(token, lemma)
        elif token.pos_ in {"NOUN", "PROPN"} and (
            lemma in AGREEMENT_NOUNS | COMMITMENT_NOUNS or _letter_of_intent(token)
        ):
            confidence = _made_agreement(token)
        else:
            confidence = None
        if confidence is not None:
            yield token, confidence


def _letter_of_intent(noun: Token) -> bool:
    """True for "a letter of intent": an agreement, unlike a letter."""
    return noun.lemma_.lower() == "letter" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(o.lower_ == "intent" for o in c.children)
        for c in noun.children
    )


def _verb_cue(verb: Token, lemma: str) -> float | None:
    """How sure a verb states an outcome: agreed, decided, committed, refused, ruled..."""
    if _money_pledged(verb, lemma):
        return ANNOUNCED
    if _agreed_terms(verb):
        return ANNOUNCED  # "Under the pact, Ostria will release 40 percent of the flow"
    if not _happened(verb):
        return None
    children = list(verb.children)
    if verb.dep_ == "acl" and not _clause_happened(verb):
        return None  # "could offer more than the sum pledged": as sure as its clause
    if lemma in AGREEING_VERBS:
        if lemma == "commit" and not any(c.dep_ in {"xcomp", "prep"} for c in children):
            return None
        if lemma == "agree" and verb.dep_ == "amod":
            return None  # "the agreed text"
        return _as_reported(verb, STATED)
    if lemma == "promise" and any(c.dep_ == "xcomp" for c in children):
        return _as_reported(verb, STATED)  # "the rebels promised to release ..."
    if lemma == "settle" and _settled_on(verb):
        return _as_reported(verb, STATED)  # "settled on a timetable": agreed on it
    if lemma == "exchange" and _object_in(verb, EXCHANGED_INSTRUMENTS):
        return _as_reported(verb, STATED)  # "exchanged letters on the transfer"
    if lemma in AFFIRMING_VERBS and _joint_statement(verb):
        return _as_reported(verb, STATED)  # "both sides affirmed that ... may continue"
    if _directed_work(verb, lemma):
        return _as_reported(verb, ANNOUNCED)  # "tasked their teams with preparing ..."
    turned_down = lemma == "turn" and any(
        c.dep_ == "prt" and c.lower_ == "down" for c in children
    )
    if lemma in REFUSING_VERBS or turned_down or (lemma == "decline" and _refused_action(verb)):
        if any(c.dep_ == "advmod" and c.lower_ in STANDING_ADVERBS for c in children):
            return None  # "has long refused to recognise the court": a position
        if _object_in(verb, DENIED_THINGS):
            return None  # "rejected claims that ...": a denial
        return _as_reported(verb, REFUSED)
    if lemma in FREEING_VERBS and _frees_people(verb):
        return _as_reported(verb, STATED)
    if lemma in ENDING_VERBS and _object_in(verb, MEASURE_NOUNS, whole=True):
        return _as_reported(verb, STATED)
    if lemma == "grant" and _object_in(verb, GRANTED_THINGS):
        return _as_reported(verb, STATED)
    if lemma == "find" and _court_subject(verb) and any(
        c.dep_ in {"oprd", "acomp", "ccomp"} and c.lower_ in {"guilty", "liable", "innocent"}
        for c in verb.subtree
    ):
        return _as_reported(verb, STATED)
    set_up = lemma == "set" and any(c.dep_ == "prt" and c.lower_ == "up" for c in children)
    if (lemma in FOUNDING_VERBS or set_up) and _object_in(verb, FOUNDED_THINGS):
        return _as_reported(verb, ANNOUNCED)
    if (lemma in CALLING_OFF_VERBS or (lemma == "call" and any(
            c.dep_ == "prt" and c.lower_ == "off" for c in children))) and _object_in(
            verb, CALLED_OFF_THINGS):
        return _as_reported(verb, STATED)
    if lemma == "pass" and _object_in(verb, PASSED_THINGS):
        return _as_reported(verb, STATED)
    if lemma == "accept" and _object_in(verb, ACCEPTED_THINGS | AGREEMENT_NOUNS):
        return _as_reported(verb, STATED)
    if lemma in RULING_VERBS or (lemma in COURT_VERBS and _court_subject(verb)):
        return _as_reported(verb, STATED)
    if lemma in AFFIRMING_VERBS and _object_in(verb, COMMITMENT_NOUNS):
        return RESTATED
    if lemma in ANNOUNCING_VERBS and (
        _pledges_what_will_be(verb) or _object_in(verb, ANNOUNCED_THINGS) or _gives_money(verb)
    ):
        return ANNOUNCED
    if lemma == "confirm" and _pledges_what_will_be(verb) and _speaks_for_the_side(verb):
        return ANNOUNCED  # "Minister X confirmed that Dalmar will train 1,500 nurses"
    if lemma in SAYING_VERBS and _relays_a_commitment(verb):
        return RELAYED  # "Brenner said Norland would pay compensation"
    if lemma in SAYING_VERBS and _relays_a_refusal(verb):
        return RELAYED  # "Renn said Dalmar would not lift the export ban"
    if lemma == "vote" and any(c.dep_ == "xcomp" or c.lower_ in {"for", "against"}
                               for c in children):
        return _as_reported(verb, STATED)
    if lemma in WELCOMING_VERBS and _object_in(verb, WELCOMED_STEPS, whole=True):
        return WELCOMED
    if lemma in WELCOMING_VERBS | {"thank"} and _thanked_for_a_decision(verb):
        return WELCOMED  # "thanked the President for the decision to release $120 million"
    return None


# What sets terms a side acts under ("under the pact", "under the extension").
TERMS_NOUNS = AGREEMENT_NOUNS | words("extension")
# Formal papers two sides exchange to settle something ("exchanged letters on ...").
EXCHANGED_INSTRUMENTS = words("letter letters note notes instrument instruments")
# Subjects that name both sides of a meeting together ("both sides", "the two leaders").
JOINT_SUBJECTS = words(
    """
    side sides leader leaders party parties delegation delegations minister ministers
    government governments country countries president presidents
    """
)
# Bodies and people who set work going for their teams ("tasked their teams with").
DIRECTING_VERBS = words("task instruct direct mandate")


def _thanked_for_a_decision(verb: Token) -> bool:
    """True for "thanked the President for the decision to release $120 million",
    "praised Norland for its pledge to ...": a decision or commitment the thanks name."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in {"for", "on"}
        and any(
            o.dep_ == "pobj" and o.lemma_.lower() in COMMITMENT_NOUNS | WELCOMED_STEPS
            for o in c.children
        )
        for c in verb.children
    )


def _settled_on(verb: Token) -> bool:
    """"settled on a timetable", "the two sides settled on a shared system": a choice
    agreed; not "settled in Canada" or "the ruling settled the matter"."""
    return any(
        c.dep_ == "prep" and c.lower_ == "on" and any(o.dep_ == "pobj" for o in c.children)
        for c in verb.children
    )


def _joint_statement(verb: Token) -> bool:
    """True for "both sides affirmed that fishing fleets may continue ...", "the two
    leaders confirmed that ...": what the sides of a meeting state together in a clause is
    an agreed principle; a single speaker's "confirmed that" is not."""
    if not any(c.dep_ == "ccomp" for c in verb.children):
        return False
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        if any(c.dep_ == "conj" for c in subject.children):
            return True  # "the President and the Prime Minister affirmed that ..."
        both = any(c.lower_ in {"both", "two"} for c in subject.children)
        if both and subject.lemma_.lower() in JOINT_SUBJECTS:
            return True
    return False


def _directed_work(verb: Token, lemma: str) -> bool:
    """True for "the leaders tasked their teams with preparing an agreement", "instructed
    their ministers to draft a plan": a decision that sets work going."""
    if lemma not in DIRECTING_VERBS:
        return False
    if not any(c.dep_ == "dobj" for c in verb.children):
        return False
    return any(
        (c.dep_ in {"xcomp", "ccomp", "advcl"} and any(a.tag_ == "TO" for a in c.children))
        or (c.dep_ == "prep" and c.lower_ == "with"
            and any(p.dep_ == "pcomp" and p.tag_ == "VBG" for p in c.children))
        for c in verb.children
    )


def _made_agreement(noun: Token) -> float | None:
    """How sure a noun of agreement states one was made: "reached an agreement",
    "resulting in an agreement", "a deal was signed", "highlighted a $10 million
    commitment" (a commitment with its sum)."""
    if noun.lemma_.lower() in COMMITMENT_NOUNS and any(
        c.ent_type_ == "MONEY" for c in noun.children
    ) and _happened(noun.head):
        return ANNOUNCED
    if any(c.dep_ in {"det", "neg"} and c.lower_ in {"no", "not", "never"}
           for c in noun.children):
        return None  # "no deal was reached"
    head = noun.head
    reduced = _reduced_participle(noun)
    if noun.dep_ == "pobj" and ENDING_IN_VERBS.get(head.head.lemma_.lower()) == head.lower_:
        verb = head.head
    elif (noun.dep_ in {"dobj", "nsubjpass"} and (
        head.lemma_.lower() in AGREEMENT_MAKING_VERBS
        or (noun.lemma_.lower() in COMMITMENT_NOUNS
            and head.lemma_.lower() in COMMITMENT_MAKING_VERBS)
    )) or (noun.dep_ == "nsubj" and _takes_effect(head)):
        verb = head
    elif reduced is not None:
        verb = reduced  # "welcomed the agreement reached on 28 November"
    else:
        return None
    participle = verb.dep_ in {"advcl", "acl"} and verb.tag_ in {"VBG", "VBN"}
    if not _happened(verb) and not (participle and _clause_happened(verb)):
        return None  # "their intention to sign a treaty", "before a deal can be signed"
    return _as_reported(verb, STATED)


def _reduced_participle(noun: Token) -> Token | None:
    """For "the agreement reached on 28 November", "the accord signed in May": the past
    participle that says the agreement was made, hung on the noun or, as the parser often
    has it, taking the noun as its subject with no auxiliary; else None."""
    for child in noun.children:
        if child.dep_ == "acl" and child.tag_ == "VBN" and (
            child.lemma_.lower() in AGREEMENT_MAKING_VERBS
        ):
            return child
    head = noun.head
    if (
        noun.dep_ == "nsubj"
        and head.tag_ == "VBN"
        and head.dep_ in {"ccomp", "acl"}
        and head.lemma_.lower() in AGREEMENT_MAKING_VERBS
        and not any(c.dep_ in {"aux", "auxpass"} for c in head.children)
    ):
        return head
    return None


def _takes_effect(verb: Token) -> bool:
    """"took effect", "came into force", "went into effect", "entered into force"."""
    word = TAKING_EFFECT.get(verb.lemma_.lower())
    return word is not None and any(t.lower_ == word for t in verb.subtree if t.i > verb.i)


def _happened(verb: Token) -> bool:
    """True when the verb says the thing took place: past or present, stated, not
    negated, not a hope, a plan or a condition ("hope they agree", "if they agree")."""
    if _negated(verb):
        return False
    if verb.tag_ not in {"VBD", "VBN", "VBZ", "VBP"}:
        return verb.dep_ in {"advcl", "acl"} and verb.tag_ == "VBG"  # "..., resulting in"
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | {"to"} for c in verb.children):
        return False
    node = verb
    while True:
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children):
            return False
        parent = node.head
        if parent is node:
            return True
        if node.dep_ in {"xcomp", "ccomp", "advcl", "acomp"} and (
            parent.lemma_.lower() in NOT_YET_WORDS or parent.lower_ in NOT_YET_WORDS
        ):
            return False
        if node.dep_ not in {"ccomp", "conj", "advcl", "relcl", "xcomp"}:
            return True
        node = parent


def _clause_happened(participle: Token) -> bool:
    """True when the clause a participle sits in ("the truce agreed in May") is stated
    as a fact: "they welcomed the truce agreed ..." is, "they could extend it" is not."""
    governor = next((a for a in participle.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    return governor is None or _happened(governor)


def _negated(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _as_reported(verb: Token, confidence: float) -> float:
    """``confidence`` a little lower when the cue sits in someone's account ("said that")."""
    node = verb
    while node.dep_ in {"ccomp", "conj"} and node.head is not node:
        node = node.head
        if node.lemma_.lower() in {"say", "tell", "report", "add"}:
            return round(min(confidence, REPORTED), 2)
    return confidence


def _refused_action(verb: Token) -> bool:
    """"declined to sign": a refusal; "declined to comment": none."""
    action = next((c for c in verb.children if c.dep_ == "xcomp"), None)
    return action is not None and action.lemma_.lower() not in NOT_A_REFUSAL


def _court_subject(verb: Token) -> bool:
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    if subject is None:
        return False
    return any(t.lemma_.lower() in COURT_NOUNS for t in subject.subtree)


def _object_in(verb: Token, nouns: frozenset[str], whole: bool = False) -> bool:
    """True when the verb's object is one of ``nouns`` (or, with ``whole``, names one
    anywhere in its phrase: "welcomed advances, including the launch of ...", and what
    someone is congratulated on: "congratulated her on the agreement")."""
    for child in verb.children:
        congratulated_on = (
            whole and verb.lemma_ == "congratulate" and child.dep_ == "prep"
            and child.lower_ == "on"
        )
        if child.dep_ not in {"dobj", "nsubjpass"} and not congratulated_on:
            continue
        tokens = child.subtree if whole else [child]
        if any(t.lemma_.lower() in nouns or t.lower_ in nouns for t in tokens):
            return True
    return False


# Verbs by which a side commits money or aid ("will provide $50 million").
GIVING_VERBS = words("provide give contribute send deliver allocate commit donate offer")


def _gives_money(verb: Token) -> bool:
    """True when the verb's object names a sum ("announced $100 million in aid", "will
    provide an additional $50 million")."""
    return any(
        t.ent_type_ == "MONEY"
        for child in verb.children
        if child.dep_ in {"dobj", "nsubjpass"}
        for t in child.subtree
    )


def _money_pledged(verb: Token, lemma: str) -> bool:
    """True for "the United States will provide $50 million in aid": a sum a side says it
    will give is a commitment, stated though it lies ahead (not "could provide", not in a
    condition, not negated)."""
    if lemma not in GIVING_VERBS or _negated(verb) or not _gives_money(verb):
        return False
    modals = [c.lower_ for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"]
    if modals and not set(modals) <= {"will", "'ll", "would", "shall"}:
        return False
    conditions = [c for c in verb.children if c.dep_ == "advcl"]
    marks = [m for c in conditions for m in c.children if m.dep_ == "mark"]
    if any(m.lower_ in CONDITION_MARKS for m in marks):
        return False  # "if the talks succeed, Norland will provide $5 million"
    node = verb
    while True:
        if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in node.children):
            return False
        if node.dep_ not in {"ccomp", "conj"} or node.head is node:
            break
        node = node.head
    subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
    return bool(modals or verb.tag_ in {"VBD", "VBZ", "VBP"}) and any(
        s.pos_ in {"PROPN", "PRON"} or s.ent_type_ in {"GPE", "ORG", "NORP"} for s in subjects
    )


def _frees_people(verb: Token) -> bool:
    """"released the two journalists", "freed Ann Lee": people let go (not "released a
    statement")."""
    for child in verb.children:
        if child.dep_ not in {"dobj", "nsubjpass"}:
            continue
        if child.ent_type_ == "PERSON" or child.lemma_.lower() in HELD_PEOPLE:
            return True
        if child.lower_ in HELD_PEOPLE:
            return True
    return False


def _pledges_what_will_be(verb: Token) -> bool:
    """"announced that the United States would provide ...": the clause says what will be."""
    for child in verb.children:
        if child.dep_ == "ccomp" and any(
            c.dep_ == "aux" and c.lower_ in {"will", "would", "'ll"} for c in child.children
        ):
            return True
    return False


SAYING_VERBS = words("say tell announce add state")
# Verbs of what a side undertakes to give or do for others ("would pay compensation",
# "will fund new scanners", "would build a pipeline").
UNDERTAKING_VERBS = GIVING_VERBS | words("pay fund finance supply build train deploy")
# Nouns standing for a side that can undertake something ("the bloc would fund ...").
SIDE_NOUNS = words("government bloc union side country ministry administration alliance")


def _speaks_for_the_side(verb: Token) -> bool:
    """True when who speaks is a person or a side ("Minister Saleh confirmed"), not a
    report or a study ("the report confirmed that prices will rise")."""
    return any(
        c.dep_ == "nsubj"
        and (
            c.ent_type_ in {"PERSON", "GPE", "ORG", "NORP"}
            or c.pos_ == "PROPN"
            or c.lower_ in {"he", "she", "we", "they", "who"}
            or c.lemma_.lower() in SIDE_NOUNS
        )
        for c in verb.children
    )


def _relays_a_commitment(verb: Token) -> bool:
    """True for "X said Norland would pay compensation", "..., who said the bloc would
    fund new scanners": a person or side telling what a side will give or do, with an
    object, not negated, not in a condition (not "said prices would rise")."""
    return _relays_a_sides_act(verb, UNDERTAKING_VERBS, {"will", "would", "'ll"}, refused=False)


# Acts a side can refuse to take, told as "would not <act>" ("would not lift the ban").
REFUSABLE_ACTS = words(
    """
    lift allow accept sign suspend withdraw recognise recognize attend join release extend
    pay negotiate ratify resume reopen permit grant return
    """
)


def _conditional(clause: Token) -> bool:
    """True when a clause is a condition or has one ("if the talks succeed, ...")."""
    if any(c.dep_ == "mark" and c.lower_ in CONDITION_MARKS for c in clause.children):
        return True
    return any(
        c.dep_ == "advcl" and any(m.lower_ in CONDITION_MARKS for m in c.children)
        for c in clause.children
    )


def _relays_a_refusal(verb: Token) -> bool:
    """True for "Renn said Dalmar would not lift the export ban": a person or side telling
    that a side will not take an act that others ask for, with its object (not "said the
    truce would not apply", not "said prices would not rise")."""
    return _relays_a_sides_act(verb, REFUSABLE_ACTS, {"will", "would", "wo"}, refused=True)


def _relays_a_sides_act(
    verb: Token, acts: frozenset[str], modals: set[str], *, refused: bool
) -> bool:
    """True when the person or side speaking (``verb``, not negated) tells in a reported
    clause that a side will (``refused``: will not) take one of ``acts``, with its
    object and no condition. A refusal's side may also be a bare name ("Dalmar")."""
    if not _speaks_for_the_side(verb) or _negated(verb):
        return False
    for clause in verb.children:
        if clause.dep_ != "ccomp" or clause.lemma_.lower() not in acts:
            continue
        told = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        if not told & modals or _negated(clause) != refused or _conditional(clause):
            continue
        side = any(
            s.ent_type_ in {"GPE", "ORG", "NORP"}
            or (refused and s.pos_ == "PROPN")
            or s.lower_ in {"it", "we", "they"}
            or s.lemma_.lower() in SIDE_NOUNS
            for s in clause.children
            if s.dep_ == "nsubj"
        )
        if side and any(c.dep_ == "dobj" for c in clause.children):
            return True
    return False


def _agreed_terms(verb: Token) -> bool:
    """True for "Under the pact, Ostria will release ...", "Under the extension, the
    interim accord remains in place and Tavara will continue to receive ...": what holds
    or what a side will do under an agreement the text names, in a main clause (not in a
    condition, not negated). A verb joined to the first takes its "under" phrase."""
    modals = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    future = bool(modals & {"will", "would", "shall", "'ll"})
    present = not modals and verb.tag_ in {"VBZ", "VBP"}
    if not (future or present) or _negated(verb):
        return False
    if verb.dep_ not in {"ROOT", "conj"} or _conditional(verb):
        return False
    holders = [verb, verb.head] if verb.dep_ == "conj" else [verb]
    return any(
        c.dep_ == "prep"
        and c.lower_ == "under"
        and any(o.dep_ == "pobj" and o.lemma_.lower() in TERMS_NOUNS for o in c.children)
        for holder in holders
        for c in holder.children
    )
