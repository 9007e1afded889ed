"""Next steps: follow-ups, deadlines, planned meetings and items left to be determined."""

from __future__ import annotations

import re

from spacy.tokens import Token

from briefgen.extract.lexicon import words
from briefgen.extract.sentences import Sentence
from briefgen.model import NextStep

_PHRASES = re.compile(
    r"\b(?:to be (?:determined|decided|announced|confirmed|scheduled|set)|tbd|"
    r"next (?:meeting|round|session|step|steps|talks|visit|week|month)|follow[- ]up|"
    r"deadline|second round|further talks|expected to|scheduled to|scheduled for|set to|"
    r"due to (?!the\b)|plans? to|planned|agreed to|will|shall|is to|are to|intends? to|"
    r"pledged to|promised to|committed to|vowed to|later this (?:week|month|year)|"
    r"in the coming (?:days|weeks|months)|by the end of)\b",
    re.IGNORECASE,
)
# Cues that end in "to" only count before a verb ("agreed to meet", not "agreed to a truce").
_INFINITIVE_CUE = re.compile(r"\bto$", re.IGNORECASE)
_MODALS = frozenset(["will", "shall", "'ll"])
_WOULD_VERBS = words(
    """
    meet report hold return resume discuss decide continue follow review visit
    present submit publish announce brief sign vote consider reconvene
    """
)
# A date that places a sentence in the past ("in 2019", "last year", "two years ago").
_PAST_DATE = re.compile(r"\b(?:1[89]\d\d|20\d\d|last|ago|earlier|previous|former)\b", re.I)
_QUOTE_OPENERS = ('"', "\u201c", "'", "\u2018")
_SUBJECTS = frozenset(["nsubj", "nsubjpass"])


def in_main_clause(token: Token) -> bool:
    """False when ``token`` sits in an adverbial clause or a clause describing the subject.

    "..., agreeing to meet again at a date to be determined" (adverbial) and "Officials who
    will attend arrived" (describing the subject) are background to the main statement.
    """
    node = token
    while node.head.i != node.i:
        if node.dep_ == "advcl":
            return False
        if node.dep_ in {"relcl", "acl"} and node.head.dep_ in _SUBJECTS:
            return False
        node = node.head
    return True


def is_next_step(sentence: Sentence) -> bool:
    """True when a sentence states a follow-up, a deadline, a plan or an open item."""
    text = sentence.text
    if text.startswith(_QUOTE_OPENERS) or text.rstrip().endswith("?"):
        return False
    cues = _cue_tokens(sentence)
    if not any(in_main_clause(t) for t in cues):
        return False
    return not _about_the_past(sentence)


def _cue_tokens(sentence: Sentence) -> list[Token]:
    """The tokens that make a sentence forward-looking: phrases, modals, "by <date>"."""
    span = sentence.span
    cues: list[Token] = []
    for match in _PHRASES.finditer(sentence.text):
        phrase = match.group().rstrip()
        token = _token_at(sentence, match.start() + len(phrase) - 1)
        if token is None:
            continue
        if token.lower_ in _MODALS:
            if token.dep_ in {"aux", "auxpass"}:
                cues.append(token)
            continue
        if _INFINITIVE_CUE.search(phrase):
            following = token.nbor() if token.i + 1 < span.end else None
            if following is None or following.pos_ not in {"VERB", "AUX"}:
                continue
        cues.append(token)
    for token in span:
        if token.lower_ == "would" and token.head.lemma_.lower() in _WOULD_VERBS:
            cues.append(token)
        if token.lower_ == "by" and any(c.ent_type_ == "DATE" for c in token.children):
            cues.append(token)
    return cues


def _token_at(sentence: Sentence, offset: int) -> Token | None:
    """The token covering character ``offset`` of the sentence text."""
    char = sentence.span.start_char + offset
    for token in sentence.span:
        if token.idx <= char < token.idx + len(token.text):
            return token
    return None


def _about_the_past(sentence: Sentence) -> bool:
    """True for background: a past-tense main verb with a date in the past ("in 2019")."""
    root = sentence.span.root
    past = root.tag_ == "VBD" or any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for c in root.children
    )
    if not past:
        return False
    dates = " ".join(e.text for e in sentence.span.ents if e.label_ == "DATE")
    return bool(_PAST_DATE.search(dates))


def extract_next_steps(sents: list[Sentence]) -> list[NextStep]:
    """Every sentence that states a next step, in the order of the text."""
    return [NextStep(text=s.text, spans=[s.evidence()]) for s in sents if is_next_step(s)]
