"""Fact cues: what makes a sentence carry a fact a director needs, beyond its place."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from briefgen.extract.lexicon import words

# Verbs whose clause states what the parties did: the agenda ("discussed", "reviewed"),
# a concern or demand ("raised", "urged", "called for"), a commitment or decision
# ("committed", "agreed", "would provide", "announced", "rejected").
ACT_VERBS = words(
    """
    discuss review consult raise urge call commit agree announce pledge provide decide
    reject refuse sign launch demand propose offer accept approve condemn press resume
    suspend cancel postpone impose lift veto ban allocate fund grant release withdraw
    deploy halt
    """
)
# Verbs that report a claim: "X said the truce could only succeed if ...".
CLAIM_VERBS = words("say tell add warn insist argue claim state predict")
# Entity labels of a figure: an amount, a share, a count of something.
FIGURE_LABELS = frozenset({"MONEY", "PERCENT", "QUANTITY"})
# Weights of each cue; a sentence's cue value is capped at 1.
ACT_CUE = 0.6
FIGURE_CUE = 0.5
CLAIM_CUE = 0.4
CONDITION_CUE = 0.3
_CONDITION_WORDS = frozenset({"if", "unless", "only", "not", "n't", "never"})


def fact_cue(
    span: SpacySpan, *, claims: bool = True, stated: frozenset[str] = frozenset()
) -> float:
    """How strongly a sentence states a fact of substance (0 to 1): an act of the parties
    (an agenda, a concern, a demand, a commitment, a decision), a figure, or a claim that
    someone is reported to make, more so when it is a condition or a refusal (left out
    when not ``claims``). An act whose verb is in ``stated`` (the lede's lemmas) restates
    the lede and does not count."""
    if len(span) == 0 or span.text.lstrip().startswith(('"', "\u201c")):
        return 0.0
    cue = 0.0
    heads = _main_verbs(span)
    if any(_is_act(t) and t.lemma_.lower() not in stated for t in heads):
        cue += ACT_CUE
    if any(_is_figure(t) for t in span):
        cue += FIGURE_CUE
    claim = next(
        (t for t in heads if claims and t.lemma_.lower() in CLAIM_VERBS and _reports(t)), None
    )
    if claim is not None:
        cue += CLAIM_CUE
        clause = [c for c in claim.children if c.dep_ == "ccomp"]
        if any(w.lower_ in _CONDITION_WORDS for c in clause for w in c.subtree):
            cue += CONDITION_CUE
        if any(_is_act(w) for c in clause for w in c.subtree if w.pos_ == "VERB"):
            cue += ACT_CUE / 2
    return min(1.0, cue)


def _main_verbs(span: SpacySpan) -> list[Token]:
    """The sentence's root and the verbs joined to it ("raised ... and underscored")."""
    roots = [t for t in span if t.head == t or t.dep_ == "ROOT"]
    out: list[Token] = []
    for root in roots:
        out.append(root)
        out += [c for c in root.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}]
    return out


def _is_figure(token: Token) -> bool:
    """An amount or a share ("$40 million", "12 percent", "300 tonnes")."""
    return token.ent_type_ in FIGURE_LABELS or token.text == "$"


def _is_act(token: Token) -> bool:
    """An act verb; "call" counts only as "call for" or "call on"."""
    lemma = token.lemma_.lower()
    if lemma not in ACT_VERBS:
        return False
    if lemma == "call":
        return any(c.lower_ in {"for", "on"} for c in token.children)
    return True


def _reports(verb: Token) -> bool:
    """True when the verb reports what a named or titled subject said in a clause of its own."""
    has_clause = any(c.dep_ == "ccomp" for c in verb.children)
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return has_clause and subject is not None and subject.pos_ in {"PROPN", "NOUN", "PRON"}
