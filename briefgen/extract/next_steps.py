"""Next steps: follow-ups, deadlines, planned meetings and items left to be determined."""

from __future__ import annotations

import re

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
_WOULD_VERBS = words(
    """
    meet report hold return resume discuss decide leave continue follow review visit
    present submit publish announce brief sign vote consider reconvene
    """
)
_QUOTE_OPENERS = ('"', "\u201c", "'", "\u2018")


def is_next_step(sentence: Sentence) -> bool:
    """True when a sentence states a follow-up, a deadline, a plan or an open item."""
    text = sentence.text
    if text.startswith(_QUOTE_OPENERS) or text.rstrip().endswith("?"):
        return False
    span = sentence.span
    if _PHRASES.search(text):
        if re.search(r"\bwill\b|\bshall\b", text, re.IGNORECASE) and not any(
            t.lower_ in {"will", "shall", "'ll"} and t.dep_ in {"aux", "auxpass"} for t in span
        ):
            return bool(re.search(r"\bto be determined\b|\bnext \w+|\bdeadline\b", text, re.I))
        return True
    for token in span:
        if token.lower_ == "would" and token.head.lemma_.lower() in _WOULD_VERBS:
            return True
        if token.lower_ == "by" and any(c.ent_type_ == "DATE" for c in token.children):
            return True
    return False


def extract_next_steps(sents: list[Sentence]) -> list[NextStep]:
    """Every sentence that states a next step, in the order of the text."""
    return [NextStep(text=s.text, spans=[s.evidence()]) for s in sents if is_next_step(s)]
