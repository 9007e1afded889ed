"""Attributing one quotation: the speech verb beside it, a transcript label, a lead-in
line ending in a colon, a dash credit, or the speech verb that ends the paragraph before."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from briefgen.extract.found_quote import (
    SURE_DESCRIBED,
    SURE_GUESS,
    SURE_LABEL,
    SURE_NAMED,
    FoundQuote,
)
from briefgen.extract.lexicon import name_key
from briefgen.extract.mention_index import MentionIndex
from briefgen.extract.quote_marks import DASH_CREDIT, TRANSCRIPT_LABEL, is_cue
from briefgen.extract.speaker_resolution import SpeakerResolver
from briefgen.extract.speech_syntax import (
    adjacent_name,
    is_lead_in,
    sentence_ends,
    speech_subject,
)
from briefgen.model import Person

# A sentence this short right after a quote may carry its attribution.
TAIL_TOKENS = 12
# A speech verb further than this (characters) from the quote, in one long sentence, is not
# its cue; the bound keeps the search per quote constant, so extraction stays linear.
CUE_WINDOW = 600
# Only the nearest few speech verbs are tried as the cue (a sentence rarely has more).
MAX_CUES = 8


class QuoteAttributor:
    """Finds the cue verb around a quote and has its subject resolved to the speaker."""

    def __init__(self, index: MentionIndex, resolver: SpeakerResolver) -> None:
        self.index = index
        self.resolver = resolver
        self._sent_cache: dict[int, list[SpacySpan]] = {}
        self._sent_ends: dict[int, list[int]] = {}
        self._by_label: dict[str, Person] = {}
        for person in index.people:
            last = name_key(person.name).split()[-1:]
            if last:
                self._by_label.setdefault(last[0], person)

    def attribute(self, quote: FoundQuote) -> None:
        """Set the quote's speaker from the speech verb next to it, if there is one."""
        cues = self._cues(quote)
        for cue in cues:
            subject = speech_subject(cue)
            if subject is None or self._inside_quote(self.index.offset_of(subject), quote):
                subject = adjacent_name(cue)
            if subject is None or self._inside_quote(self.index.offset_of(subject), quote):
                continue
            name, span, role, sure = self.resolver.resolve(subject, quote.start)
            if name is not None:
                quote.speaker, quote.speaker_span, quote.role = name, span, role
                quote.confidence = sure
                quote.cue = self._cue_span(cue)
                return
        if self._transcript_label(quote) or self._lead_in(quote) or self._dash_credit(quote):
            return
        if cues:
            cue = cues[0]
            quote.cue = self._cue_span(cue)

    def speaker_of_paragraph_before(self, quote: FoundQuote) -> Person | None:
        """The person whose speech verb ends the paragraph before a quote that opens its own
        paragraph with no cue ("Erekat said it was the latest move.\n\n"They wanted ...")."""
        end = self.index.text.rfind("\n", 0, quote.start - 1)
        while end > 0 and self.index.text[end - 1] == "\n":
            end -= 1
        start = self.index.text.rfind("\n", 0, end) + 1
        if end <= start:
            return None
        token = self.index.parsed.token_at(end - 1)
        if token is None:
            return None
        sent = token.sent
        offset = self.index.piece_offset(token)
        if offset + sent.start_char < start - 1:
            return None
        for cue in sent:
            at = offset + cue.idx
            if not is_cue(cue) or self.index.in_quoted(at):
                continue
            subject = speech_subject(cue)
            if subject is None:
                continue
            mention = self.index.mention_at(self.index.offset_of(subject))
            person = (
                self.index.person_of_span.get((mention.start, mention.end)) if mention else None
            )
            if person is not None:
                return person
        return None

    def _transcript_label(self, quote: FoundQuote) -> bool:
        """ "PENCE: Well, look, ...": a transcript's speaker label opening the quote."""
        match = TRANSCRIPT_LABEL.match(self.index.text, quote.start)
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
        match = DASH_CREDIT.match(self.index.text, quote.end + 1)
        if match is None:
            return False
        start, end = match.span(1)
        mention = next(iter(self.index.mentions_within(start, end)), None)
        person = self.index.person_of_span.get((mention.start, mention.end)) if mention else None
        quote.speaker = person.name if person else match.group(1)
        quote.role = person.role if person else None
        quote.speaker_span = (start, end)
        quote.cue = (match.start(), start)
        quote.confidence = SURE_LABEL
        return True

    def _lead_in(self, quote: FoundQuote) -> bool:
        """ "Caddell continued:" or "Jane Doe, a teacher:" just before the quote."""
        text = self.index.text
        mark = quote.start - 1
        before = text[max(0, mark - 300) : mark].rstrip()
        if not before.endswith(":"):
            return False
        line_start = before.rfind("\n") + 1
        lead = before[line_start:]
        lead_start = max(0, mark - 300) + line_start
        if len(lead.split()) > 25:
            return False
        token = self.index.parsed.token_at(lead_start)
        verbs = [t for t in token.sent if is_cue(t)] if token is not None else []
        if token is not None and not verbs and token.sent.root.pos_ in {"VERB", "AUX"}:
            verbs = [token.sent.root]  # "The piece used her words as its headline:"
        for cue in verbs:
            subject = speech_subject(cue)
            if subject is not None:
                name, span, role, sure = self.resolver.resolve(subject, lead_start)
                if name is not None:
                    quote.speaker, quote.speaker_span, quote.role = name, span, role
                    quote.confidence = sure
                    quote.cue = self._cue_span(cue)
                    return True
        found = self.index.mentions_within(lead_start, lead_start + len(lead))
        if found:
            mention = found[0]
            person = self.index.person_of_span.get((mention.start, mention.end))
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

    def _cue_span(self, cue: Token) -> tuple[int, int]:
        """The global offsets of a cue word."""
        return (self.index.offset_of(cue), self.index.offset_of(cue) + len(cue.text))

    def _cues(self, quote: FoundQuote) -> list[Token]:
        """Speech verbs outside the quote in its sentences, nearest first."""
        first, last = quote.start, quote.end
        piece = self.index.parsed.piece_at(first)
        if piece is None:
            return []
        offset = piece.offset
        sents = self._frame(piece.doc, first - offset, last - offset, offset)
        para_start, para_end = self.index.paragraph(first, last)
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
                    if at < first and sentence_ends(self.index.text[at:first]):
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
        inner = self.index.text[quote.start : quote.end].rstrip()
        if not inner.endswith((".", "!", "?")):
            return False
        return any(
            c.dep_ in {"dobj", "ccomp", "xcomp", "acomp", "advmod", "npadvmod", "attr"}
            and c.i > cue.i
            for c in cue.children
        )

    def _frame(self, doc: object, start: int, end: int, offset: int) -> list[SpacySpan]:
        """The sentences around a quote, stopping at paragraph breaks, plus a short tail
        sentence ("... ," Lindqvist said.) that spaCy split off. ``start`` and ``end`` are
        offsets in the piece ``doc``, which starts at ``offset`` of the whole text."""
        assert hasattr(doc, "sents")
        para_start = self.index.paragraph(offset + start, offset + start)[0] - offset
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
