"""Repairs of the small English model's parse that every later step would inherit.

The small model sometimes reads the verb of a short scheduling sentence as a plural noun
closing a compound: in "The new joint council convenes in Oslo on Friday." it tags
"convenes" NNS, makes it the sentence's root, and hangs "council" on it as a compound, so
the sentence has no verb. Next steps then miss the meeting, and topics print "joint council
convenes in Oslo on Friday". The repair re-reads such a root as the verb it is.
"""

from __future__ import annotations

from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

# Tags of a finite verb: a sentence that has one was parsed around it.
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
# What the model hangs on the misread root that belongs to its subject.
_SUBJECT_PARTS = frozenset({"det", "amod", "compound", "nmod", "poss", "nummod", "case"})


@lru_cache(maxsize=2)
def verb_lemmas(nlp: Language) -> frozenset[str]:
    """The verbs the pipeline's lemmatizer knows (its index of base forms); empty when the
    pipeline has no rule lemmatizer, which turns the repair off. Read once per pipeline."""
    if "lemmatizer" not in nlp.pipe_names:
        return frozenset()
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return frozenset()
    index = lookups.get_table("lemma_index")
    return frozenset(index.get("verb", ()))


def repair_misread_verbs(doc: Doc, verbs: frozenset[str]) -> int:
    """Re-read as a present-tense verb each sentence root of ``doc`` that the model tagged
    as a plural noun when it is one of ``verbs`` in its -s form, the sentence has no finite
    verb, ends as a sentence does, and a singular noun just before it can be its subject
    ("The joint council convenes in Oslo on Friday."). The noun becomes the root's subject
    and takes its own modifiers back. Returns how many roots were repaired."""
    repaired = 0
    if not verbs:
        return repaired
    for sent in doc.sents:
        root = sent.root
        if _misread_verb(sent, root, verbs):
            _reread(root)
            repaired += 1
    return repaired


def _misread_verb(sent: Span, root: Token, verbs: frozenset[str]) -> bool:
    if root.tag_ != "NNS" or not root.lower_.endswith("s") or root.i == sent.start:
        return False
    if root.lemma_.lower() not in verbs or root.i + 1 >= sent.end:
        return False
    if any(t.tag_ in _FINITE for t in sent):
        return False
    if sent.text.rstrip("\"'\u201d\u2019 ").endswith(("?", ":", ",")) or not any(
        t.is_punct and t.text in {".", "!"} for t in sent[-2:]
    ):
        return False  # a headline or a label, not a sentence
    subject = root.nbor(-1)
    return (
        subject.head.i == root.i
        and subject.dep_ in {"compound", "nmod"}
        and subject.tag_ in {"NN", "NNP"}
        and any(c.i > root.i and not c.is_punct for c in root.children)
    )


def _reread(root: Token) -> None:
    subject = root.nbor(-1)
    for child in list(root.children):
        if child.i < subject.i and child.dep_ in _SUBJECT_PARTS:
            child.head = subject
    subject.dep_ = "nsubj"
    root.tag_ = "VBZ"
    root.pos_ = "VERB"
