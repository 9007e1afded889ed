"""What the text says was explicitly left out: "the war was not part of the agenda"."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from briefgen.extract.lexicon import words
from briefgen.extract.sentences import Sentence
from briefgen.model import NotDiscussed, Span

# Verbs and nouns that, negated, say an issue was kept out of the talks.
AGENDA_WORDS = words(
    """
    agenda discuss discussion cover address issue issues topic topics focus raise
    negotiate negotiation include concern
    """
)
# How sure an item is (compared with briefgen.model.CHECK_THRESHOLD).
NAMED_ISSUE = 0.9  # "the boundary dispute was not discussed": the issue is the subject
RELATIVE_ISSUE = 0.8  # "direct flights, which were not on the agenda": through "which"
_SUBJECTS = frozenset(["nsubj", "nsubjpass"])
_PRONOUNS = words("it they this that these those he she we")


def off_agenda_verb(sent: SpacySpan) -> Token | None:
    """The negated verb by which a sentence says something was not discussed ("was not
    discussed", "were not on the agenda", "was not raised", "did not address"), or None.

    The one rule for what was left out: topics leaves these issues out, and
    :func:`find_not_discussed` lists them.
    """
    for token in sent:
        if token.dep_ != "neg":
            continue
        head = token.head
        if head.lemma_.lower() in AGENDA_WORDS:
            return head
        if head.lemma_ == "be" and any(t.lower_ == "agenda" for t in head.subtree):
            return head
    return None


def says_off_agenda(sent: SpacySpan) -> bool:
    """True when the sentence says something was not discussed (see :func:`off_agenda_verb`)."""
    return off_agenda_verb(sent) is not None


def _issue(verb: Token) -> tuple[SpacySpan, float] | None:
    """The phrase naming what was left out, and how sure that reading is."""
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
    confidence = NAMED_ISSUE
    if subject is not None and subject.lower_ in {"which", "that"} and verb.dep_ == "relcl":
        subject, confidence = verb.head, RELATIVE_ISSUE
    if subject is not None and subject.dep_ == "nsubj" and verb.lemma_ != "be":
        # active: "the ministers did not discuss the quotas" names the issue as object
        subject = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if subject is None or subject.lower_ in _PRONOUNS:
        return None
    tokens = [t for t in subject.subtree if not (t.dep_ == "relcl" or t.head.dep_ == "relcl")]
    relcl = [c for c in subject.children if c.dep_ == "relcl"]
    if relcl:
        cut = {t.i for c in relcl for t in c.subtree}
        tokens = [t for t in subject.subtree if t.i not in cut]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if not tokens:
        return None
    doc = subject.doc
    return doc[tokens[0].i : tokens[-1].i + 1], confidence


def find_not_discussed(sents: list[Sentence]) -> list[NotDiscussed]:
    """Every issue the text says was not discussed, in the order of the text; the span
    points at the words naming the issue."""
    found: list[NotDiscussed] = []
    for sentence in sents:
        verb = off_agenda_verb(sentence.span)
        if verb is None:
            continue
        issue = _issue(verb)
        if issue is None:
            continue
        phrase, confidence = issue
        offset = sentence.start - sentence.span.start_char
        start, end = offset + phrase.start_char, offset + phrase.end_char
        text = " ".join(phrase.text.split())
        if any(item.text.lower() == text.lower() for item in found):
            continue
        found.append(NotDiscussed(text, [Span(sentence.source_id, start, end)], confidence))
    return found
