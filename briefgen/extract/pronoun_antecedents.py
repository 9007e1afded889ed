"""The person a "he" or "she" outside quotation marks stands for, or who the story is about."""

from __future__ import annotations

from spacy.tokens import Token

from briefgen.extract.entities import PERSON
from briefgen.extract.found_quote import SURE_GUESS, SURE_PRONOUN_FAR, SURE_PRONOUN_NEAR
from briefgen.extract.mention_index import MentionIndex
from briefgen.extract.speech_syntax import subject_rank
from briefgen.model import Person

_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_ANTECEDENT_REACH = 1500
_NEAR_BREAKS, _FAR_BREAKS = 2, 6


class Antecedents:
    """Resolves person pronouns before speech verbs to the people a source names."""

    def __init__(self, index: MentionIndex) -> None:
        self.index = index
        self._genders: dict[int, str | None] = {}

    def antecedent(self, pronoun: Token, before: int) -> tuple[Person, float] | None:
        """The person a "he"/"she" before a speech verb stands for, and how sure that is.

        Looking back from the pronoun sentence by sentence (two paragraphs at most), the
        first sentence that names a person of the pronoun's gender gives the answer: the
        subject of its main clause first, then any subject, then the person named last.
        Names inside quotation marks do not count. When no name is that close, the main
        subject of a sentence further back (six paragraphs at most) is taken, less surely.
        """
        gender = _PRONOUN_GENDER.get(pronoun.lower_)
        before = min(before, self.index.offset_of(pronoun))
        candidates: list[tuple[int, int, Person, Token]] = []
        for start, end, person in self.index.spans_between(
            before - _ANTECEDENT_REACH * 3, before
        ):
            if self.index.in_quoted(start):
                continue
            if gender is not None and self._gender(person) not in {None, gender}:
                continue
            token = self.index.parsed.token_at(start)
            if token is None:
                continue
            candidates.append((start, end, person, token))
        candidates.sort(key=lambda c: c[0], reverse=True)
        seen_sentence: int | None = None
        sentences_back = 0
        best: tuple[int, Person] | None = None
        far: Person | None = None
        for start, end, person, token in candidates:
            breaks = self.index.text.count("\n", end, before)
            rank = subject_rank(self._mention_root(start, end, token))
            if breaks > _NEAR_BREAKS or before - start > _ANTECEDENT_REACH:
                if best is None and far is None and rank == 3 and breaks <= _FAR_BREAKS:
                    far = person
                continue
            sent_key = id(token.doc) * 100003 + token.sent.start
            if sent_key != seen_sentence:
                if best is not None:
                    break  # the nearest sentence with a person decided
                seen_sentence = sent_key
                sentences_back += 1
            if best is None or rank > best[0] or rank == best[0] and rank > 0:
                best = (rank, person)  # ties: the earlier subject, the later other name
        if best is None and far is not None:
            return far, SURE_PRONOUN_FAR
        if best is None:
            topic = self._topic_person(before, gender)
            return (topic, SURE_GUESS) if topic is not None else None
        rank, person = best
        if rank >= 2:
            sure = SURE_PRONOUN_NEAR if sentences_back <= 2 else SURE_PRONOUN_FAR
        else:
            sure = SURE_PRONOUN_FAR if sentences_back <= 1 else SURE_GUESS
        return person, sure

    def _topic_person(self, before: int, gender: str | None) -> Person | None:
        """The person the text has named most often before ``before`` (outside quotes),
        of the given gender if the text tells: who the story is about."""
        counts: dict[int, tuple[int, int, Person]] = {}
        for (start, _end), person in self.index.person_of_span.items():
            if start >= before or self.index.in_quoted(start):
                continue
            if gender is not None and self._gender(person) not in {None, gender}:
                continue
            count, _last, _ = counts.get(id(person), (0, 0, person))
            counts[id(person)] = (count + 1, start, person)
        if not counts:
            return None
        return max(counts.values(), key=lambda c: (c[0], c[1]))[2]

    def _mention_root(self, start: int, end: int, token: Token) -> Token:
        """The syntactic head of the mention that starts at ``token``."""
        doc = token.doc
        offset = self.index.piece_offset(token)
        last = token
        for t in doc[token.i : min(len(doc), token.i + 8)]:
            if offset + t.idx >= end:
                break
            last = t
        return doc[token.i : last.i + 1].root

    def _gender(self, person: Person) -> str | None:
        """ "m" or "f": an honorific before a mention ("Ms. Lowe"), else the pronouns that
        follow the person's mentions in sentences naming nobody else ("Omar said her
        office ..."); ``None`` when the text does not tell."""
        key = id(person)
        if key in self._genders:
            return self._genders[key]
        votes = {"m": 0, "f": 0}
        for span in person.spans:
            words = self.index.text[max(0, span.start - 6) : span.start].lower().split()
            if words and words[-1] in {"mr.", "mr"}:
                votes["m"] += 5
            if words and words[-1] in {"ms.", "mrs.", "ms", "mrs", "miss"}:
                votes["f"] += 5
            token = self.index.parsed.token_at(span.start)
            if token is None:
                continue
            sent = token.sent
            offset = self.index.piece_offset(token)
            others = [
                m for m in self.index.mentions_within(
                    offset + sent.start_char, offset + sent.end_char
                )
                if m.kind == PERSON
                and self.index.person_of_span.get((m.start, m.end)) is not person
            ]
            if others:
                continue
            for later in sent:
                if later.i <= token.i or self.index.in_quoted(offset + later.idx):
                    continue
                vote = _PRONOUN_GENDER.get(later.lower_)
                if vote is not None:
                    votes[vote] += 1
        gender = None
        if votes["m"] > votes["f"]:
            gender = "m"
        elif votes["f"] > votes["m"]:
            gender = "f"
        self._genders[key] = gender
        return gender

