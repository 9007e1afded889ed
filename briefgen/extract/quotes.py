"""Quotes: every direct quotation, joined across its attribution, with its speaker resolved."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from briefgen.extract.entities import ORG, PERSON, Mention
from briefgen.extract.lexicon import (
    PRONOUNS_PERSON,
    SPEAKER_NOUNS,
    TITLE_WORDS,
    canonical_name,
    name_key,
    words,
)
from briefgen.extract.parse import Parsed
from briefgen.extract.quote_marks import (
    DASH_CREDIT,
    TRANSCRIPT_LABEL,
    Pieces,
    is_cue,
    join_split_quotes,
    mixed_quotes,
    quoted_stretches,
)
from briefgen.extract.speech_syntax import (
    DOCUMENT_NOUNS,
    adjacent_name,
    apposed_name,
    description,
    is_human_noun,
    is_lead_in,
    sentence_ends,
    speech_subject,
    subject_rank,
)
from briefgen.model import Organization, Person, Quote, Span

_MIN_WORDS = 4
# A sentence this short right after a quote may carry its attribution.
TAIL_TOKENS = 12
# A speech verb further than this (characters) from the quote, in one long sentence, is not
# its cue; the bound keeps the search per quote constant, so extraction stays linear.
CUE_WINDOW = 600
# Only the nearest few speech verbs are tried as the cue (a sentence rarely has more).
MAX_CUES = 8

# How sure a speaker is, by the evidence that gave it (the Quote's ``confidence``).
SURE_NAMED = 0.95  # a name is the subject of the speech verb: "..., Solberg said"
SURE_APPOSED = 0.9  # a description with the name beside it: "the envoy, Jane Doe, said"
SURE_LABEL = 0.9  # a transcript label, a dash credit, "Jane Doe said:" before the quote
SURE_PRONOUN_NEAR = 0.85  # "he said", the subject of this or the last sentence before
SURE_DESCRIBED = 0.8  # "the ministry said", "said a company spokesperson", "the EU said"
SURE_ROLE_NOUN = 0.75  # "the minister said" after "Minister Jane Doe"
SURE_ISSUER = 0.7  # "the statement said": whoever issued it
SURE_ORG_PRONOUN = 0.6  # "it said": the organisation named last
SURE_PRONOUN_FAR = 0.55  # "he said", a name further back, or not a subject
SURE_PLACE = 0.55  # a place as the speaker: "Washington had concluded" (who, in Washington?)
SURE_THING = 0.5  # a thing as the speaker: "the indictment says", "his comments"
SURE_GUESS = 0.4  # the person named last, the paragraph's person, the article's author
SURE_NONE = 0.2  # no speaker found: check who said it
_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_ANTECEDENT_REACH = 1500
_NEAR_BREAKS, _FAR_BREAKS = 2, 6


@dataclass
class FoundQuote:
    """A quotation: its pieces (inner text offsets), text, speaker and the speaker's mention."""

    pieces: list[tuple[int, int]]
    text: str
    speaker: str | None = None
    speaker_span: tuple[int, int] | None = None
    role: str | None = None
    cue: tuple[int, int] | None = None
    inherited: bool = False
    quoted: list[tuple[int, int]] = field(default_factory=list)
    confidence: float | None = None
    heard: bool = False  # a speech verb stood next to it, even if not the speaker's

    @property
    def start(self) -> int:
        return self.pieces[0][0]

    @property
    def end(self) -> int:
        return self.pieces[-1][1]


def find_quotes(
    parsed: Parsed, mentions: list[Mention], people: list[Person], orgs: list[Organization]
) -> list[FoundQuote]:
    """Every direct quotation of a source, with its speaker resolved where the text says."""
    text = parsed.text
    resolver = _Resolver(parsed, mentions, people, orgs)
    stretches = mixed_quotes(parsed, join_split_quotes(text, quoted_stretches(text)))
    resolver.all_quoted = [piece for _, quoted in stretches for piece in quoted]
    quotes: list[FoundQuote] = []
    for pieces, quoted in stretches:
        pieces = _trim_trailing_comma(text, pieces)
        body = " ".join(text[a:b].strip() for a, b in pieces)
        quote = FoundQuote(pieces, " ".join(body.split()),
                           quoted=_trim_trailing_comma(text, quoted))
        resolver.attribute(quote)
        if len(body.split()) < _MIN_WORDS and quote.cue is None and not quote.heard:
            continue  # a scare quote or a title, not a quotation
        if _is_title(text, quote):
            continue  # a song, show or book title, or lyrics sung: not somebody's words
        quotes.append(quote)
    _inherit_speakers(text, quotes, resolver)
    return quotes


class _Resolver:
    """Finds the cue verb around a quote and resolves its subject to a person or organisation."""

    def __init__(
        self,
        parsed: Parsed,
        mentions: list[Mention],
        people: list[Person],
        orgs: list[Organization],
    ) -> None:
        self.parsed = parsed
        self.text = parsed.text
        self.mentions = sorted(
            (m for m in mentions if m.kind in {PERSON, ORG}), key=lambda m: m.start
        )
        self.people = people
        self.orgs = orgs
        self.person_of_span: dict[tuple[int, int], Person] = {
            (s.start, s.end): p for p in people for s in p.spans
        }
        self.quoted: list[tuple[int, int]] = []
        self.all_quoted: list[tuple[int, int]] = []
        self._genders: dict[int, str | None] = {}
        self._sent_cache: dict[int, list[SpacySpan]] = {}
        # Indexes that keep every lookup per quote logarithmic (linear extraction):
        self._mention_starts = [m.start for m in self.mentions]
        self._mention_reach: list[int] = []  # the furthest end among mentions[:i + 1]
        for mention in self.mentions:
            self._mention_reach.append(max([mention.end, *self._mention_reach[-1:]]))
        first_at: dict[int, Person] = {}
        for (start, _end), person in self.person_of_span.items():
            first_at.setdefault(start, person)
        self._person_starts = sorted(first_at)
        self._person_at = [first_at[start] for start in self._person_starts]
        self._newlines = [m.start() for m in re.finditer("\n", self.text)]
        self._offset_of_doc = {id(piece.doc): piece.offset for piece in parsed.pieces}
        self._sent_ends: dict[int, list[int]] = {}
        named: list[Person | Organization] = [*people, *orgs]
        self._span_starts: dict[int, list[int]] = {
            id(item): sorted(s.start for s in item.spans) for item in named
        }
        self._by_label: dict[str, Person] = {}
        for person in people:
            last = name_key(person.name).split()[-1:]
            if last:
                self._by_label.setdefault(last[0], person)

    def _mentions_within(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in ``[start, end)``, in text order."""
        low = bisect_left(self._mention_starts, start)
        return self.mentions[low : bisect_left(self._mention_starts, end, lo=low)]

    def _paragraph(self, start: int, end: int) -> tuple[int, int]:
        """Where the paragraph (line) around ``[start, end)`` starts and ends, as
        ``text.rfind("\n", 0, start) + 1`` and ``text.find("\n", end)`` (or the length)."""
        before = bisect_left(self._newlines, start)
        para_start = self._newlines[before - 1] + 1 if before else 0
        after = bisect_left(self._newlines, end)
        para_end = self._newlines[after] if after < len(self._newlines) else len(self.text)
        return para_start, para_end

    def _spoken_before(self, item: Person | Organization, before: int, since: int = -1) -> bool:
        """True when one of the item's spans starts in ``[since, before)`` (any before
        ``before`` when ``since`` is left out)."""
        starts = self._span_starts.get(id(item))
        if starts is None:
            return any(since <= s.start < before for s in item.spans)
        index = bisect_left(starts, since)
        return index < len(starts) and starts[index] < before

    def attribute(self, quote: FoundQuote) -> None:
        """Set the quote's speaker from the speech verb next to it, if there is one."""
        self.quoted.extend(quote.pieces)
        cues = self._cues(quote)
        for cue in cues:
            subject = speech_subject(cue)
            if subject is None or self._inside_quote(self._global(subject), quote):
                subject = adjacent_name(cue)
            if subject is None or self._inside_quote(self._global(subject), quote):
                continue
            name, span, role, sure = self.resolve(subject, quote.start)
            if name is not None:
                quote.speaker, quote.speaker_span, quote.role = name, span, role
                quote.confidence = sure
                quote.cue = (self._global(cue), self._global(cue) + len(cue.text))
                return
        if self._transcript_label(quote) or self._lead_in(quote) or self._dash_credit(quote):
            return
        if cues:
            cue = cues[0]
            quote.cue = (self._global(cue), self._global(cue) + len(cue.text))

    def speaker_of_paragraph_before(self, quote: FoundQuote) -> Person | None:
        """The person whose speech verb ends the paragraph before a quote that opens its own
        paragraph with no cue ("Erekat said it was the latest move.\n\n"They wanted ...")."""
        end = self.text.rfind("\n", 0, quote.start - 1)
        while end > 0 and self.text[end - 1] == "\n":
            end -= 1
        start = self.text.rfind("\n", 0, end) + 1
        if end <= start:
            return None
        token = self.parsed.token_at(end - 1)
        if token is None:
            return None
        sent = token.sent
        offset = self._piece_offset_hint(token)
        if offset + sent.start_char < start - 1:
            return None
        for cue in sent:
            at = offset + cue.idx
            if not is_cue(cue) or any(a <= at < b for a, b in self.all_quoted):
                continue
            subject = speech_subject(cue)
            if subject is None:
                continue
            mention = self._mention_at(self._global(subject))
            person = self.person_of_span.get((mention.start, mention.end)) if mention else None
            if person is not None:
                return person
        return None

    def _transcript_label(self, quote: FoundQuote) -> bool:
        """ "PENCE: Well, look, ...": a transcript's speaker label opening the quote."""
        match = TRANSCRIPT_LABEL.match(self.text, quote.start)
        if match is None:
            return False
        label = match.group(1)
        person = self._by_label.get(label.lower())
        quote.speaker = person.name if person else label.title()
        quote.role = person.role if person else None
        quote.speaker_span = match.span(1)
        quote.cue = (match.end(1), match.end(1) + 1)
        quote.confidence = SURE_NAMED if person else SURE_LABEL
        return True

    def _dash_credit(self, quote: FoundQuote) -> bool:
        """ "...” ― Jane Doe": a name after a dash right behind the closing mark."""
        match = DASH_CREDIT.match(self.text, quote.end + 1)
        if match is None:
            return False
        start, end = match.span(1)
        mention = next(iter(self._mentions_within(start, end)), None)
        person = self.person_of_span.get((mention.start, mention.end)) if mention else None
        quote.speaker = person.name if person else match.group(1)
        quote.role = person.role if person else None
        quote.speaker_span = (start, end)
        quote.cue = (match.start(), start)
        quote.confidence = SURE_LABEL
        return True

    def _lead_in(self, quote: FoundQuote) -> bool:
        """ "Caddell continued:" or "Jane Doe, a teacher:" just before the quote."""
        text = self.text
        mark = quote.start - 1
        before = text[max(0, mark - 300) : mark].rstrip()
        if not before.endswith(":"):
            return False
        line_start = before.rfind("\n") + 1
        lead = before[line_start:]
        lead_start = max(0, mark - 300) + line_start
        if len(lead.split()) > 25:
            return False
        token = self.parsed.token_at(lead_start)
        verbs = [t for t in token.sent if is_cue(t)] if token is not None else []
        if token is not None and not verbs and token.sent.root.pos_ in {"VERB", "AUX"}:
            verbs = [token.sent.root]  # "The piece used her words as its headline:"
        for cue in verbs:
            subject = speech_subject(cue)
            if subject is not None:
                name, span, role, sure = self.resolve(subject, lead_start)
                if name is not None:
                    quote.speaker, quote.speaker_span, quote.role = name, span, role
                    quote.confidence = sure
                    quote.cue = (self._global(cue), self._global(cue) + len(cue.text))
                    return True
        found = self._mentions_within(lead_start, lead_start + len(lead))
        if found:
            mention = found[0]
            person = self.person_of_span.get((mention.start, mention.end))
            quote.speaker = person.name if person else mention.text
            quote.role = person.role if person else None
        else:
            words = lead.rstrip(":").split(",")[0].split()
            if not 1 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
                return False
            quote.speaker = " ".join(words)
            quote.confidence = SURE_GUESS
            mention_span = (lead_start, lead_start + len(lead.split(",")[0].rstrip(":")))
            quote.speaker_span = mention_span
            quote.cue = (lead_start + len(lead) - 1, lead_start + len(lead))
            return True
        quote.speaker_span = (mention.start, mention.end)
        quote.cue = (lead_start + len(lead) - 1, lead_start + len(lead))
        quote.confidence = SURE_DESCRIBED  # a name in the line before the colon
        return True

    def _global(self, token: Token) -> int:
        return self._piece_offset_hint(token) + token.idx

    def _piece_offset_hint(self, token: Token) -> int:
        return self._offset_of_doc.get(id(token.doc), 0)

    def _cues(self, quote: FoundQuote) -> list[Token]:
        """Speech verbs outside the quote in its sentences, nearest first."""
        first, last = quote.start, quote.end
        piece = self.parsed.piece_at(first)
        if piece is None:
            return []
        offset = piece.offset
        sents = self._frame(piece.doc, first - offset, last - offset)
        para_start, para_end = self._paragraph(first, last)
        low = piece.token_index(max(0, first - CUE_WINDOW - offset))
        high = piece.token_index(last + CUE_WINDOW - offset) + 1
        candidates: list[tuple[int, Token]] = []
        for sent in sents:
            for token in sent.doc[max(sent.start, low) : min(sent.end, high)]:
                at = offset + token.idx
                if not para_start <= at < para_end or any(a <= at < b for a, b in quote.pieces):
                    continue
                if is_cue(token):
                    distance = min(a - at if at < a else at - b for a, b in quote.pieces)
                    if at < first and sentence_ends(self.text[at:first]):
                        continue  # "... Warren said. "Next quote"": that cue is spent
                    if at > last and self._new_sentence_after(quote, token):
                        quote.heard = True
                        continue  # "...together.” Reyhan said little.": Reyhan's own news
                    candidates.append((distance, token))
        candidates.sort(key=lambda item: item[0])
        return [token for _, token in candidates[:MAX_CUES]]

    def _new_sentence_after(self, quote: FoundQuote, cue: Token) -> bool:
        """True when the quote ends its sentence inside the marks (".”", "?”") and the cue
        after it heads a sentence of its own with more to say than "Reyhan said."."""
        inner = self.text[quote.start : quote.end].rstrip()
        if not inner.endswith((".", "!", "?")):
            return False
        return any(
            c.dep_ in {"dobj", "ccomp", "xcomp", "acomp", "advmod", "npadvmod", "attr"}
            and c.i > cue.i
            for c in cue.children
        )

    def _frame(self, doc: object, start: int, end: int) -> list[SpacySpan]:
        """The sentences around a quote, stopping at paragraph breaks, plus a short tail
        sentence ("... ," Lindqvist said.) that spaCy split off."""
        assert hasattr(doc, "sents")
        para_start = self._paragraph(start, start)[0]  # as text.rfind("\n", 0, start) + 1
        frame: list[SpacySpan] = []
        sents = self._sents(doc)
        # Sentences ending two or more characters before the quote are skipped unless the
        # next one starts after it, so the search begins just before the first that does not.
        ends = self._sent_ends[id(doc)]
        begin = max(0, bisect_right(ends, start - 2) - 1)
        for index, sent in enumerate(sents[begin:], start=begin):
            if sent.end_char <= start - 2 and not is_lead_in(sent):
                continue
            if sent.start_char > end + 2:
                if sent.start_char <= end + 4 and len(sent) <= TAIL_TOKENS:
                    frame.append(sent)
                break
            if sent.end_char < para_start:
                continue
            if (
                sent.end_char <= start - 2
                and index + 1 < len(sents)
                and sents[index + 1].start_char > start
                or sent.end_char > start - 2
            ):
                frame.append(sent)
        return frame

    def _sents(self, doc: object) -> list[SpacySpan]:
        """The sentences of a piece's Doc, listed once."""
        key = id(doc)
        if key not in self._sent_cache:
            self._sent_cache[key] = list(doc.sents)  # type: ignore[attr-defined]
            self._sent_ends[key] = [sent.end_char for sent in self._sent_cache[key]]
        return self._sent_cache[key]

    def _inside_quote(self, at: int, quote: FoundQuote) -> bool:
        """True inside the quoted words (a mixed quote's clause around them is outside)."""
        return any(a <= at < b for a, b in quote.quoted or quote.pieces)

    def resolve(
        self, subject: Token, before: int
    ) -> tuple[str | None, tuple[int, int] | None, str | None, float]:
        """Name, mention span, role and confidence of the speaker a subject word stands for."""
        offset = self._piece_offset_hint(subject)
        at = offset + subject.idx
        span = (at, at + len(subject.text))
        mention = self._mention_at(at)
        if mention is not None:
            span = (mention.start, mention.end)
            person = self.person_of_span.get((mention.start, mention.end))
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
                return self.parsed.source.author or "the author", span, None, SURE_GUESS
            if low in {"it", "they", "them"}:
                org = self._latest_org(before) or self._latest_subject(subject)
                return (org, span, None, SURE_ORG_PRONOUN) if org else (None, None, None, 0.0)
            found = self._antecedent(subject, before)
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

    def _antecedent(self, pronoun: Token, before: int) -> tuple[Person, float] | None:
        """The person a "he"/"she" before a speech verb stands for, and how sure that is.

        Looking back from the pronoun sentence by sentence (two paragraphs at most), the
        first sentence that names a person of the pronoun's gender gives the answer: the
        subject of its main clause first, then any subject, then the person named last.
        Names inside quotation marks do not count. When no name is that close, the main
        subject of a sentence further back (six paragraphs at most) is taken, less surely.
        """
        gender = _PRONOUN_GENDER.get(pronoun.lower_)
        before = min(before, self._global(pronoun))
        candidates: list[tuple[int, int, Person, Token]] = []
        for (start, end), person in self.person_of_span.items():
            if not before - _ANTECEDENT_REACH * 3 < start < before:
                continue
            if any(a <= start < b for a, b in self.all_quoted):
                continue
            if gender is not None and self._gender(person) not in {None, gender}:
                continue
            token = self.parsed.token_at(start)
            if token is None:
                continue
            candidates.append((start, end, person, token))
        candidates.sort(key=lambda c: c[0], reverse=True)
        seen_sentence: int | None = None
        sentences_back = 0
        best: tuple[int, Person] | None = None
        far: Person | None = None
        for start, end, person, token in candidates:
            breaks = self.text.count("\n", end, before)
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
        for (start, _end), person in self.person_of_span.items():
            if start >= before or any(a <= start < b for a, b in self.all_quoted):
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
        offset = self._piece_offset_hint(token)
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
            words = self.text[max(0, span.start - 6) : span.start].lower().split()
            if words and words[-1] in {"mr.", "mr"}:
                votes["m"] += 5
            if words and words[-1] in {"ms.", "mrs.", "ms", "mrs", "miss"}:
                votes["f"] += 5
            token = self.parsed.token_at(span.start)
            if token is None:
                continue
            sent = token.sent
            offset = self._piece_offset_hint(token)
            others = [
                m for m in self.mentions
                if m.kind == PERSON
                and offset + sent.start_char <= m.start < offset + sent.end_char
                and self.person_of_span.get((m.start, m.end)) is not person
            ]
            if others:
                continue
            for later in sent:
                if later.i <= token.i or any(
                    a <= offset + later.idx < b for a, b in self.all_quoted
                ):
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

    def _mention_at(self, at: int) -> Mention | None:
        """The first mention (in text order) that covers ``at``."""
        first = bisect_right(self._mention_reach, at)  # the first reaching past ``at``
        if first < len(self.mentions) and self.mentions[first].start <= at:
            return self.mentions[first]
        return None

    def _latest_person(self, before: int) -> Person | None:
        """The person mentioned last before ``before``."""
        index = bisect_left(self._person_starts, before) - 1
        return self._person_at[index] if index >= 0 else None

    def _issuer(self, noun: str, at: int) -> str | None:
        """Who issued the statement (letter, report) a quote is credited to: the person or
        organisation named in the sentence that first mentions it."""
        text = self.text
        for match in re.finditer(rf"\b{noun}s?\b", text[max(0, at - 1500) : at], re.I):
            where = max(0, at - 1500) + match.start()
            token = self.parsed.token_at(where)
            if token is None:
                continue
            sent = token.sent
            offset = self._piece_offset_hint(token)
            start, end = offset + sent.start_char, offset + sent.end_char
            inside = self._mentions_within(start, end)
            if len(inside) == 1:
                person = self.person_of_span.get((inside[0].start, inside[0].end))
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
        window = self._mentions_within(before - 599, before)
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
        for org in reversed(self.orgs):
            name = org.name.lower()
            if (
                name.endswith(key) or name.split()[-1] == lemma and len(words) == 1
            ) and self._spoken_before(org, before):
                return org.name, where, None, SURE_DESCRIBED
        if lemma in DOCUMENT_NOUNS:
            issuer = self._issuer(lemma, span[0])
            if issuer is not None:
                return issuer, where, None, SURE_ISSUER
        for person in self.people:
            role = (person.role or "").lower()
            if lemma in role.split() and self._spoken_before(person, before):
                return person.name, where, person.role, SURE_ROLE_NOUN
        if is_human_noun(subject) and subject.tag_ == "NN":
            latest = self._latest_person(before)
            if latest is not None:
                return latest.name, where, latest.role, SURE_GUESS
        if lemma in SPEAKER_NOUNS or subject.lower_ in SPEAKER_NOUNS or is_human_noun(subject):
            return canonical_name(phrase), where, None, SURE_DESCRIBED
        if len(words) <= 6:  # "the indictment", "his comments": who is behind them is open
            return canonical_name(phrase), where, None, SURE_THING
        return None, None, None, 0.0


def _inherit_speakers(text: str, quotes: list[FoundQuote], resolver: _Resolver) -> None:
    """A quote with no cue takes the speaker of the quote just before it or the person the
    paragraph is about ("Reyhan struck a cautious note. "This is ...")."""
    previous: FoundQuote | None = None
    for quote in quotes:
        if quote.speaker is None and quote.cue is None:
            para_start = resolver._paragraph(quote.start, quote.start)[0]
            gap_start = previous.end if previous else 0
            between = text[gap_start : quote.start]
            reporter = (
                resolver.speaker_of_paragraph_before(quote) if para_start == quote.start - 1
                else None
            )
            if reporter is not None:
                quote.speaker, quote.role = reporter.name, reporter.role
                quote.inherited = True
                quote.confidence = SURE_ISSUER
            elif (
                previous is not None
                and previous.speaker
                and between.count("\n") <= 2
                and len(between.split()) <= 40
            ):
                quote.speaker, quote.role = previous.speaker, previous.role
                quote.speaker_span = previous.speaker_span
                quote.inherited = True
                carried = previous.confidence or SURE_GUESS
                quote.confidence = carried if "\n" not in between else carried * 0.9
            else:
                person = resolver._latest_person(quote.start)
                if person is not None and resolver._spoken_before(person, quote.start, para_start):
                    quote.speaker, quote.role = person.name, person.role
                    quote.inherited = True
                    quote.confidence = SURE_GUESS
        previous = quote


_TITLE_NOUNS = words(
    "song songs album film movie book novel show series play anthem hit single track poem "
    "titled entitled slogan banner sign signs"
)
_TITLE_CUES = words(
    "sang sing sings sung singing played play plays playing read reads titled"
)


def _is_title(text: str, quote: FoundQuote) -> bool:
    """True for a title or lyrics in quotation marks: a short stretch in title case
    ("We're Not Gonna Take It") or one right after "song", "titled", "the film" ...,
    unless somebody is said to have said it ("Make it count," she said)."""
    if len(quote.pieces) != 1 or quote.quoted != quote.pieces:
        return False
    start, end = quote.pieces[0]
    inner = text[start:end].strip(" ,.")
    words = inner.split()
    cue = text[quote.cue[0] : quote.cue[1]].lower() if quote.cue else ""
    if quote.cue is not None and cue not in _TITLE_CUES:
        return False
    before = text[max(0, start - 30) : start - 1].lower().split()
    if before and before[-1].strip(",:") in _TITLE_NOUNS:
        return True
    long_words = [w for w in words if len(w) > 3 and w[:1].isalpha()]
    return (
        0 < len(words) <= 10
        and bool(long_words)
        and all(w[:1].isupper() for w in long_words)
        and not any(c in inner for c in ".!?;")
    )


def _trim_trailing_comma(text: str, pieces: Pieces) -> Pieces:
    """``pieces`` with the comma (and blanks) that end the last one before its close mark
    removed: in ``"We came here to listen," she said`` the quote ends at ``listen``."""
    last_start, last_end = pieces[-1]
    while last_end > last_start and text[last_end - 1] in ", \t":
        last_end -= 1
    return [*pieces[:-1], (last_start, last_end)]


def to_quotes(found: list[FoundQuote], source_id: str, text: str) -> list[Quote]:
    """The Brief's Quote items: text and evidence spans are the quoted words, no marks.

    For a fragment quoted inside reported speech (``said the plan was "a disgrace"``),
    that is the fragment alone, as the Brief JSON contract says; the reported clause
    around it served only to find the speaker.
    """
    return [
        Quote(
            text=" ".join(" ".join(text[a:b].strip() for a, b in q.quoted).split()),
            speaker=q.speaker,
            speaker_role=q.role,
            spans=[Span(source_id, a, b) for a, b in q.quoted],
            confidence=_speaker_confidence(q),
        )
        for q in found
    ]


def _speaker_confidence(quote: FoundQuote) -> float:
    """How sure the quote's speaker is (low when there is none: someone should check)."""
    if not quote.speaker:
        return SURE_NONE
    return round(quote.confidence if quote.confidence is not None else SURE_GUESS, 2)


def speaker_key(name: str | None) -> str:
    """A comparison key for speakers: the last word of the normalised name."""
    key = name_key(name or "")
    return key.split()[-1] if key else ""
