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
)
from briefgen.extract.parse import Parsed
from briefgen.extract.quote_marks import (
    CLOSE_MARKS,
    DASH_CREDIT,
    SENTENCE_END,
    TRANSCRIPT_LABEL,
    Pieces,
    is_cue,
    join_split_quotes,
    mixed_quotes,
    quoted_stretches,
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
    quotes: list[FoundQuote] = []
    for pieces, quoted in mixed_quotes(parsed, join_split_quotes(text, quoted_stretches(text))):
        pieces = _trim_trailing_comma(text, pieces)
        body = " ".join(text[a:b].strip() for a, b in pieces)
        quote = FoundQuote(pieces, " ".join(body.split()),
                           quoted=_trim_trailing_comma(text, quoted))
        resolver.attribute(quote)
        if len(body.split()) < _MIN_WORDS and quote.cue is None:
            continue  # a scare quote or a title, not a quotation
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
        self._orgs_by_word: dict[str, list[Organization]] = {}
        for org in reversed(orgs):
            words = org.name.split()
            if words:
                self._orgs_by_word.setdefault(words[-1].lower(), []).append(org)
        self._people_by_role_word: dict[str, list[Person]] = {}
        for person in people:
            for word in dict.fromkeys((person.role or "").lower().split()):
                self._people_by_role_word.setdefault(word, []).append(person)

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
            subject = _subject(cue)
            if subject is None or self._inside_quote(self._global(subject), quote):
                subject = _adjacent_name(cue)
            if subject is None or self._inside_quote(self._global(subject), quote):
                continue
            name, span, role = self.resolve(subject, quote.start)
            if name is not None:
                quote.speaker, quote.speaker_span, quote.role = name, span, role
                quote.cue = (self._global(cue), self._global(cue) + len(cue.text))
                return
        if self._transcript_label(quote) or self._lead_in(quote) or self._dash_credit(quote):
            return
        if cues:
            cue = cues[0]
            quote.cue = (self._global(cue), self._global(cue) + len(cue.text))

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
            subject = _subject(cue)
            if subject is not None:
                name, span, role = self.resolve(subject, lead_start)
                if name is not None:
                    quote.speaker, quote.speaker_span, quote.role = name, span, role
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
            mention_span = (lead_start, lead_start + len(lead.split(",")[0].rstrip(":")))
            quote.speaker_span = mention_span
            quote.cue = (lead_start + len(lead) - 1, lead_start + len(lead))
            return True
        quote.speaker_span = (mention.start, mention.end)
        quote.cue = (lead_start + len(lead) - 1, lead_start + len(lead))
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
                    if at < first and SENTENCE_END.search(self.text[at:first]):
                        continue  # "... Warren said. "Next quote"": that cue is spent
                    candidates.append((distance, token))
        candidates.sort(key=lambda item: item[0])
        return [token for _, token in candidates[:MAX_CUES]]

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
            if sent.end_char <= start - 2 and not _is_lead_in(sent):
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
    ) -> tuple[str | None, tuple[int, int] | None, str | None]:
        """Name, mention span and role of the speaker a subject word stands for."""
        offset = self._piece_offset_hint(subject)
        at = offset + subject.idx
        span = (at, at + len(subject.text))
        mention = self._mention_at(at)
        if mention is not None:
            span = (mention.start, mention.end)
            person = self.person_of_span.get((mention.start, mention.end))
            if person is not None:
                return person.name, span, person.role
            return mention.text, span, None
        low = subject.lower_
        if low in {"who", "which", "that"} and subject.head.dep_ == "relcl":
            name, _span, role = self.resolve(subject.head.head, before)
            return (name, span, role) if name else (None, None, None)
        if low in PRONOUNS_PERSON or low == "it":
            if low in {"i", "we"}:  # outside quotes, the writer speaks
                return self.parsed.source.author or "the author", span, None
            if low in {"it", "they", "them"}:
                org = self._latest_org(before) or self._latest_subject(subject)
                return (org, span, None) if org else (None, None, None)
            person = self._latest_person(before)
            if person is None:
                return None, None, None
            return person.name, span, person.role
        if subject.pos_ == "PROPN" and not any(c.isdigit() for c in subject.text):
            chain = [
                t
                for t in subject.subtree
                if t.pos_ == "PROPN" and t.i <= subject.i and t.lower_ not in TITLE_WORDS
            ]
            name = canonical_name(" ".join(t.text for t in chain) or subject.text)
            first = offset + (chain[0].idx if chain else subject.idx)
            return name, (first, at + len(subject.text)), None
        if subject.pos_ == "NOUN":
            return self._common_noun(subject, span, before)
        return None, None, None

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
    ) -> tuple[str | None, tuple[int, int] | None, str | None]:
        """ "the ministry noted", "the statement said", "the president said"."""
        lemma = subject.lemma_.lower()
        words = [t for t in subject.subtree if t.i <= subject.i and t.dep_ != "det"]
        phrase = " ".join(t.text for t in words) or subject.text
        first = span[0] - (subject.idx - words[0].idx) if words else span[0]
        for org in self._orgs_by_word.get(lemma, []):  # the last-listed first
            if self._spoken_before(org, before):
                return org.name, (first, span[1]), None
        if lemma in _DOCUMENT_NOUNS:
            issuer = self._issuer(lemma, span[0])
            if issuer is not None:
                return issuer, (first, span[1]), None
        for person in self._people_by_role_word.get(lemma, []):
            if self._spoken_before(person, before):
                return person.name, (first, span[1]), person.role
        if _is_human_noun(subject) and subject.tag_ == "NN":
            latest = self._latest_person(before)
            if latest is not None:
                return latest.name, (first, span[1]), latest.role
        if lemma in SPEAKER_NOUNS or subject.lower_ in SPEAKER_NOUNS or len(words) <= 6:
            return canonical_name(phrase), (first, span[1]), None
        return None, None, None


_HUMAN_ENDINGS = ("man", "woman", "person", "ist", "ian", "mother", "father", "lady")


_DOCUMENT_NOUNS = frozenset({"statement", "letter", "report", "release", "communique", "memo"})


def _is_human_noun(noun: Token) -> bool:
    """True for a noun that names a person by description ("the New York businessman")."""
    lemma = noun.lemma_.lower()
    if lemma in {"statement", "report", "campaign", "ministry", "department", "government"}:
        return False
    return lemma in TITLE_WORDS or lemma.endswith(_HUMAN_ENDINGS)


def _is_lead_in(sent: SpacySpan) -> bool:
    """A sentence ending in a colon introduces the quote after it ("Brunner also stated:")."""
    return sent.text.rstrip().endswith(":")


def _subject(verb: Token) -> Token | None:
    """The subject of a speech verb (following conjunctions: "... and added")."""
    if verb.lower_ == "according":
        for child in verb.children:
            if child.dep_ == "prep":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return grandchild
        return None
    token: Token | None = verb
    for _ in range(5):
        if token is None:
            break
        subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
        same_paragraph = [c for c in subjects if not _newline_between(c, token)]
        if same_paragraph or subjects:
            return (same_paragraph or subjects)[-1]
        climb = {"conj", "xcomp", "advcl", "pcomp", "acl", "prep"}
        token = token.head if token.dep_ in climb else None
    return None


def _newline_between(a: Token, b: Token) -> bool:
    """True when a line break separates two tokens (the parser crossed a paragraph)."""
    first, last = (a, b) if a.i < b.i else (b, a)
    return "\n" in first.doc[first.i : last.i + 1].text


def _adjacent_name(verb: Token) -> Token | None:
    """A name right before a speech verb the parser left without a subject, an
    apposition skipped ("..." Flynn, a top surrogate, said) or right after it."""
    doc = verb.doc
    i = verb.i - 1
    if i >= 0 and doc[i].text == ")":
        while i >= max(0, verb.i - 12) and doc[i].text != "(":
            i -= 1
        i -= 1
    if i >= 0 and doc[i].text == ",":
        j = i - 1
        while j >= max(0, verb.i - 25) and doc[j].text != "," and doc[j].text not in CLOSE_MARKS:
            j -= 1
        if j >= 0 and doc[j].text == ",":
            i = j - 1
    if i >= 0 and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper():
        return doc[i]
    after = verb.i + 1
    if after < len(doc) and doc[after].pos_ == "PROPN" and doc[after].text[:1].isupper():
        end = after
        while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN":
            end += 1
        return doc[end]
    return None


def _inherit_speakers(text: str, quotes: list[FoundQuote], resolver: _Resolver) -> None:
    """A quote with no cue takes the speaker of the quote just before it or the person the
    paragraph is about ("Reyhan struck a cautious note. "This is ...")."""
    previous: FoundQuote | None = None
    for quote in quotes:
        if quote.speaker is None and quote.cue is None:
            para_start = resolver._paragraph(quote.start, quote.start)[0]
            gap_start = previous.end if previous else 0
            between = text[gap_start : quote.start]
            if (
                previous is not None
                and previous.speaker
                and between.count("\n") <= 2
                and len(between.split()) <= 40
            ):
                quote.speaker, quote.role = previous.speaker, previous.role
                quote.speaker_span = previous.speaker_span
                quote.inherited = True
            else:
                person = resolver._latest_person(quote.start)
                if person is not None and resolver._spoken_before(person, quote.start, para_start):
                    quote.speaker, quote.role = person.name, person.role
                    quote.inherited = True
        previous = quote


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
        )
        for q in found
    ]


def speaker_key(name: str | None) -> str:
    """A comparison key for speakers: the last word of the normalised name."""
    key = name_key(name or "")
    return key.split()[-1] if key else ""
