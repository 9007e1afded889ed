"""The repair of a verb the small model reads as a plural noun."""

from __future__ import annotations

from spacy.tokens import Doc

from briefgen.extract import extract_brief
from briefgen.extract.parse_repair import repair_misread_verbs, verb_lemmas
from briefgen.model import Source

# "The new joint council convenes in Oslo on Friday." as the small model parses it: the
# verb a plural noun and the root, the council a compound hanging on it.
WORDS = ["The", "new", "joint", "council", "convenes", "in", "Oslo", "on", "Friday", "."]
HEADS = [4, 4, 3, 4, 4, 4, 5, 4, 7, 4]
DEPS = ["det", "amod", "amod", "compound", "ROOT", "prep", "pobj", "prep", "pobj", "punct"]
TAGS = ["DT", "JJ", "JJ", "NN", "NNS", "IN", "NNP", "IN", "NNP", "."]
LEMMAS = ["the", "new", "joint", "council", "convene", "in", "Oslo", "on", "Friday", "."]


def _misread(nlp, words=WORDS, tags=TAGS, lemmas=LEMMAS) -> Doc:  # type: ignore[no-untyped-def]
    return Doc(nlp.vocab, words=words, heads=HEADS, deps=DEPS, tags=tags, lemmas=lemmas)


def test_a_plural_noun_root_that_is_a_verb_is_read_as_the_verb(nlp):
    doc = _misread(nlp)
    assert repair_misread_verbs(doc, verb_lemmas(nlp)) == 1
    verb, subject = doc[4], doc[3]
    assert (verb.tag_, verb.pos_, verb.dep_) == ("VBZ", "VERB", "ROOT")
    assert (subject.dep_, subject.head.i) == ("nsubj", 4)
    # the subject takes its own words back; what follows the verb stays on it
    assert [t.text for t in subject.subtree] == ["The", "new", "joint", "council"]
    assert [c.text for c in verb.children] == ["council", "in", "on", "."]


def test_a_noun_that_is_no_verb_a_sentence_with_a_verb_and_a_headline_stay_as_parsed(nlp):
    verbs = verb_lemmas(nlp)
    not_a_verb = _misread(
        nlp,
        words=[*WORDS[:4], "officials", *WORDS[5:]],
        lemmas=[*LEMMAS[:4], "official", *LEMMAS[5:]],
    )
    with_a_verb = _misread(nlp, tags=[*TAGS[:6], "VBZ", *TAGS[7:]])
    headline = _misread(nlp, words=[*WORDS[:9], "Reuters"], tags=[*TAGS[:9], "NNP"])
    plural_subject = _misread(nlp, tags=[*TAGS[:3], "NNS", *TAGS[4:]])
    for doc in (not_a_verb, with_a_verb, headline, plural_subject):
        assert repair_misread_verbs(doc, verbs) == 0
        assert doc[4].tag_ == "NNS"


def test_without_a_verb_index_nothing_is_repaired(nlp):
    doc = _misread(nlp)
    assert repair_misread_verbs(doc, frozenset()) == 0
    assert doc[4].tag_ == "NNS"


def test_a_meeting_whose_verb_the_model_misreads_is_a_next_step_and_no_topic(nlp):
    text = (
        "The envoys ended two days of talks on Tuesday. "
        "The new joint council convenes in Oslo on Friday for the first time."
    )
    brief = extract_brief([Source(id="t", text=text, published="2026-12-08")], nlp)
    assert [s.text for s in brief.next_steps] == [
        "The new joint council convenes in Oslo on Friday for the first time."
    ]
    assert "new joint council" in [t.text for t in brief.topics]
    assert not any("convenes" in t.text for t in brief.topics)
