"""Who a speech verb's subject stands for: a named person or organisation, a pronoun's
antecedent, the issuer of a statement, or the description the text gives."""

from __future__ import annotations

import re

from spacy.tokens import Token

from briefgen.extract.entities import ORG
from briefgen.extract.found_quote import (
    SURE_APPOSED,
    SURE_DESCRIBED,
    SURE_GUESS,
    SURE_ISSUER,
    SURE_NAMED,
    SURE_ORG_PRONOUN,
    SURE_PLACE,
    SURE_ROLE_NOUN,
    SURE_THING,
)
from briefgen.extract.lexicon import PRONOUNS_PERSON, SPEAKER_NOUNS, TITLE_WORDS, canonical_name
from briefgen.extract.mention_index import MentionIndex
from briefgen.extract.pronoun_antecedents import Antecedents
from briefgen.extract.speech_syntax import (
    DOCUMENT_NOUNS,
    apposed_name,
    description,
    is_human_noun,
)


class SpeakerResolver:
    """Resolves the subject of a speech verb to the speaker's name, mention span, role and
    how sure that is."""

    def __init__(self, index: MentionIndex) -> None:
        self.index = index
        self.antecedents = Antecedents(index)

    def resolve(
        self, subject: Token, before: int
    ) -> tuple[str | None, tuple[int, int] | None, str | None, float]:
        """Name, mention span, role and confidence of the speaker a subject word stands for."""
        offset = self.index.piece_offset(subject)
        at = offset + subject.idx
        span = (at, at + len(subject.text))
        mention = self.index.mention_at(at)
        if mention is not None:
            span = (mention.start, mention.end)
            person = self.index.person_of_span.get((mention.start, mention.end))
            if person is not None:
                return person.name, span, person.role, SURE_NAMED
            sure = SURE_DESCRIBED if mention.kind == ORG else SURE_PLACE
            words = [t for t in subject.subtree if t.i <= subject.i and t.dep_ != "det"]
            phrase = " ".join(t.text for t in words)
            if mention.kind == ORG and len(phrase) > len(mention.text) and len(words) <= 6:
                return canonical_name(phrase), span, None, sure  # "French foreign ministry"
            return mention.text, span, None, sure
        low = subject.lower_
        if low in {"who", "which", "that"} and subject.head.dep_ == "relcl":
            name, _span, role, sure = self.resolve(subject.head.head, before)
            return (name, span, role, sure) if name else (None, None, None, 0.0)
        if low in PRONOUNS_PERSON or low == "it":
            if low in {"i", "we"}:  # outside quotes, the writer speaks
                return self.index.parsed.source.author or "the author", span, None, SURE_GUESS
            if low in {"it", "they", "them"}:
                org = self._latest_org(before) or self._latest_subject(subject)
                return (org, span, None, SURE_ORG_PRONOUN) if org else (None, None, None, 0.0)
            found = self.antecedents.antecedent(subject, before)
            if found is None:
                return None, None, None, 0.0
            person, sure = found
            return person.name, span, person.role, sure
        named = apposed_name(subject)
        if named is not None:  # "the chief negotiator, Major General Jane Doe, told AFP"
            name, named_span, role, _sure = self.resolve(named, before)
            if name is not None:
                return name, named_span, role, SURE_APPOSED
        if subject.pos_ == "PROPN" and not any(c.isdigit() for c in subject.text):
            lower = subject.text.islower()  # a common noun tagged as a name: "ministry"
            chain = [
                t
                for t in subject.subtree
                if t.i <= subject.i
                and (
                    t.pos_ == "PROPN" and t.lower_ not in TITLE_WORDS
                    or lower and t.dep_ in {"amod", "compound"}
                )
            ]
            name = canonical_name(" ".join(t.text for t in chain) or subject.text)
            first = offset + (chain[0].idx if chain else subject.idx)
            if subject.ent_type_ in {"GPE", "LOC", "NORP", "FAC"}:
                sure = SURE_PLACE  # "Washington had concluded", "Democrats say"
            elif subject.ent_type_ == "PERSON":
                sure = SURE_NAMED
            else:
                sure = SURE_DESCRIBED  # a name the model does not know as anybody's
            return name, (first, at + len(subject.text)), None, sure
        if subject.pos_ == "NOUN":
            return self._common_noun(subject, span, before)
        return None, None, None, 0.0

    def _issuer(self, noun: str, at: int) -> str | None:
        """Who issued the statement (letter, report) a quote is credited to: the person or
        organisation named in the sentence that first mentions it."""
        text = self.index.text
        for match in re.finditer(rf"\b{noun}s?\b", text[max(0, at - 1500) : at], re.I):
            where = max(0, at - 1500) + match.start()
            token = self.index.parsed.token_at(where)
            if token is None:
                continue
            sent = token.sent
            offset = self.index.piece_offset(token)
            start, end = offset + sent.start_char, offset + sent.end_char
            inside = self.index.mentions_within(start, end)
            if len(inside) == 1:
                person = self.index.person_of_span.get((inside[0].start, inside[0].end))
                return person.name if person else inside[0].text
            return None
        return None

    def _latest_subject(self, pronoun: Token) -> str | None:
        """The noun subject of the sentence before a pronoun ("The campaign ... It said")."""
        doc = pronoun.doc
        sent_start = pronoun.sent.start
        if sent_start == 0:
            return None
        previous = doc[sent_start - 1].sent
        for token in previous:
            if token.dep_ == "nsubj" and token.pos_ in {"NOUN", "PROPN"}:
                words = [t for t in token.subtree if t.i <= token.i and t.dep_ != "det"]
                if len(words) <= 5:
                    return canonical_name(" ".join(t.text for t in words))
        return None

    def _latest_org(self, before: int) -> str | None:
        """The organisation mentioned last before ``before`` (within about a paragraph)."""
        window = self.index.mentions_within(before - 599, before)
        orgs = [m for m in window if m.kind == ORG]
        return orgs[-1].text if orgs else None

    def _common_noun(
        self, subject: Token, span: tuple[int, int], before: int
    ) -> tuple[str | None, tuple[int, int] | None, str | None, float]:
        """ "the ministry noted", "the statement said", "the president said", "said a
        company spokesperson" (someone the text does not name: the description is kept)."""
        lemma = subject.lemma_.lower()
        words = [t for t in subject.subtree if t.i <= subject.i and t.dep_ != "det"]
        phrase = " ".join(t.text for t in words) or subject.text
        first = span[0] - (subject.idx - words[0].idx) if words else span[0]
        where = (first, span[1])
        article = next((c.lower_ for c in subject.children if c.dep_ == "det"), "")
        if article in {"a", "an", "another", "one"}:
            return canonical_name(description(subject)), where, None, SURE_DESCRIBED
        key = " ".join(phrase.lower().split())
        for org in reversed(self.index.orgs):
            name = org.name.lower()
            if (
                name.endswith(key) or name.split()[-1] == lemma and len(words) == 1
            ) and self.index.spoken_before(org, before):
                return org.name, where, None, SURE_DESCRIBED
        if lemma in DOCUMENT_NOUNS:
            issuer = self._issuer(lemma, span[0])
            if issuer is not None:
                return issuer, where, None, SURE_ISSUER
        for person in self.index.people:
            role = (person.role or "").lower()
            if lemma in role.split() and self.index.spoken_before(person, before):
                return person.name, where, person.role, SURE_ROLE_NOUN
        if is_human_noun(subject) and subject.tag_ == "NN":
            latest = self.index.latest_person(before)
            if latest is not None:
                return latest.name, where, latest.role, SURE_GUESS
        if lemma in SPEAKER_NOUNS or subject.lower_ in SPEAKER_NOUNS or is_human_noun(subject):
            return canonical_name(phrase), where, None, SURE_DESCRIBED
        if len(words) <= 6:  # "the indictment", "his comments": who is behind them is open
            return canonical_name(phrase), where, None, SURE_THING
        return None, None, None, 0.0
