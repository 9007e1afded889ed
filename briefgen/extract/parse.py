"""Parsing sources once: paragraph-aligned pieces through nlp.pipe, offsets kept global."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from briefgen.errors import ExtractionError
from briefgen.extract.parse_repair import repair_misread_verbs, verb_lemmas
from briefgen.model import Source
from briefgen.text.datelines import Dateline, parse_dateline
from briefgen.text.wire_credits import credit_line

# Pieces of about this many words (whole paragraphs) keep memory flat on long texts (one
# Doc per piece) and the window responsive while a text is parsed on a worker thread: each
# spaCy component handles a piece in one C call that holds the GIL throughout, and the
# attribute ruler's matcher alone takes about 65 us a token (a 2,000-word piece stalled the
# GUI thread 150-190 ms; pieces of 300 words keep every stall near the thread switch time).
PIECE_WORDS = 300
# And of at most this many characters, whatever the words: text without spaces (Chinese,
# Japanese, a run of one word) must never reach spaCy's limit of 1,000,000 characters.
PIECE_CHARS = 50_000
# And of at most about this many tokens (words and marks, each mark counted as one): the
# parser and the entity recogniser need about 10 KB per token of a batch while they run
# (200 KB of "- " took 1.7 GB in pieces of 25,000 tokens), and the longest single C call
# (so the longest GIL stall of the GUI thread, see PIECE_WORDS) grows with a piece's tokens.
# PIPE_BATCH pieces run at once.
PIECE_TOKENS = 500
PIPE_BATCH = 4
# The most tokens (as estimated_tokens counts them) one source may have: about 3 MB of
# prose, or two minutes of extraction on a small machine (about 5,000 tokens a second).
# What a parse keeps is about 100 bytes a token, so memory stays far under 1 GB.
MAX_SOURCE_TOKENS = 700_000
_TOKEN_ESTIMATE = re.compile(r"\w+|[^\w\s]")
# No run of characters without a space reaches spaCy longer than this: its tokenizer takes
# time growing with the square of such a run (8 KB of quotation marks took 8 s). A longer
# run is given to spaCy with every RUN_CHARS + 1st character made a space, so offsets hold.
RUN_CHARS = 100
_LONG_RUN = re.compile(rf"\S{{{RUN_CHARS + 1},}}")
# Where to cut a piece that is too long, best first: a line end, a sentence end, a space.
_CUT_AFTER = ("\n", ". ", "? ", "! ", "\u3002", "\uff01", "\uff1f", " ")
_PARAGRAPH_BREAK = re.compile(r"\n")
# The dash after a place that opens a story ("Indianapolis – Several thousand ...").
_PLACE_DASH = re.compile(r"[ \t]*(?:--|[-\u2013\u2014])[ \t]+(?=[A-Z\"\u201c])")
_NO_TENSOR = numpy.zeros((0, 0), dtype="float32")
# Where a Doc keeps its entities sorted by start token, for entities_in.
_ENTITIES = "briefgen.entities"


def caps_dateline(span: Span) -> list[Token]:
    """The tokens of a wire dateline run into the sentence ``span`` ("MUNICH Major powers
    ...", "NEW YORK The"): capitals opening a paragraph before a capitalised word, not a
    name of their own (an acronym the model tags as a body or a people, "NATO", "EU");
    empty when there is none."""
    run: list[Token] = []
    for token in span:
        if not (token.is_alpha and token.is_upper and len(token.text) > 1):
            break
        run.append(token)
    if not run or len(run) == len(span) or sum(len(t.text) for t in run) < 4:
        return []
    doc = span.doc
    after = doc[run[-1].i + 1]
    if not after.text[:1].isupper() or after.is_upper:
        return []
    start = run[0].i
    if start > 0 and "\n" not in doc[start - 1].whitespace_ + doc[start - 1].text:
        return []
    named = {e for e in doc.ents if e.start <= run[-1].i and e.end > start}
    if any(e.label_ in {"ORG", "NORP", "PERSON"} and e.end <= run[-1].i + 1 for e in named):
        return []
    return run


def entities_in(span: Span) -> list[Span]:
    """The named entities wholly inside ``span``, as ``span.ents`` gives them.

    spaCy's ``Span.ents`` walks every entity of the document on each call, which on a long
    text asked once per sentence grows with the square of its length; this lists the
    document's entities once and finds a span's by bisection.
    """
    doc = span.doc
    cached = doc.user_data.get(_ENTITIES)
    if cached is None:
        ents = list(doc.ents)
        cached = ([e.start for e in ents], ents)
        doc.user_data[_ENTITIES] = cached
    starts, ents = cached
    out: list[Span] = []
    for ent in ents[bisect_left(starts, span.start):]:
        if ent.start >= span.end or ent.end > span.end:
            break
        out.append(ent)
    return out


@dataclass(frozen=True)
class CapsDateline:
    """A wire dateline of capitals run into the story's first sentence with no dash: the
    city is ``text[start:end]``, the sentence's first word starts at ``first``."""

    start: int
    end: int
    first: int


@dataclass
class Piece:
    """One parsed piece of a source: ``doc`` covers ``text[offset:offset + length]``, its
    text that stretch as ``tokenizer_text`` gives it (the same but in over-long runs)."""

    offset: int
    doc: Doc
    length: int = 0
    _starts: list[int] = field(default_factory=list, repr=False)

    def token_index(self, local: int) -> int:
        """Index of the token covering local offset ``local`` (the one before a gap)."""
        if not self._starts:
            self._starts = [t.idx for t in self.doc]
        return max(0, bisect_right(self._starts, local) - 1)


@dataclass
class Parsed:
    """A source with its parse: the pieces cover the whole text in order."""

    source: Source
    pieces: list[Piece] = field(default_factory=list)
    _offsets: list[int] = field(default_factory=list, repr=False, compare=False)
    # a dateline of capitals run into the story's first sentence, found while parsing
    # (separate_caps_dateline)
    caps_dateline: CapsDateline | None = field(default=None, repr=False, compare=False)

    @property
    def text(self) -> str:
        """The source text every offset refers to."""
        return self.source.text

    @cached_property
    def dateline(self) -> Dateline | None:
        """The source's dateline as intake recorded it; for a source built without intake
        (or read from an older file), parsed once from its text by the same rule. A place
        in title case and a dash alone ("Indianapolis – ") is a dateline only when the
        parse calls it a place: the text rule cannot tell it from "Anika Solberg - "."""
        return (
            self.source.dateline
            or parse_dateline(self.source.text)
            or self._place_dateline()
            or self._opening_caps_dateline()
        )

    def _opening_caps_dateline(self) -> Dateline | None:
        """The caps dateline as the source's dateline, when the text opens with it (after a
        title it is none: ``text[:end]`` would take the title for part of it)."""
        caps = self.caps_dateline
        if caps is None or self.text[: caps.start].strip():
            return None
        return Dateline(self.text[caps.start : caps.end], None, None, caps.first)

    def _place_dateline(self) -> Dateline | None:
        if not self.pieces:
            return None
        piece = self.pieces[0]
        text = self.source.text
        first = next(iter(piece.doc.ents), None)
        if first is None or first.label_ not in {"GPE", "LOC"}:
            return None
        start, end = piece.offset + first.start_char, piece.offset + first.end_char
        dash = _PLACE_DASH.match(text, end)
        if text[:start].strip() or dash is None:
            return None
        return Dateline(text[start:end], None, None, dash.end())

    @cached_property
    def credit(self) -> tuple[int, int]:
        """The offsets of the wire credit line closing the text ("(Reporting by ...;
        Editing by ...)"), whose names are the story's writers, not its people; ``(0, 0)``
        when the text has none."""
        return credit_line(self.source.text) or (0, 0)

    def dateline_place(self) -> tuple[int, int]:
        """The offsets of the dateline's place in the text (a caps dateline's city after a
        title too); ``(0, 0)`` when it names none."""
        dateline = self.dateline
        if dateline is None and self.caps_dateline is not None:
            return (self.caps_dateline.start, self.caps_dateline.end)
        if dateline is None or not dateline.place:
            return (0, 0)
        start = self.text.find(dateline.place, 0, dateline.end)
        return (start, start + len(dateline.place)) if start >= 0 else (0, 0)

    def dateline_bounds(self) -> tuple[int, int]:
        """The offsets of the dateline's text, up to the story's first word: ``(0, end)``
        for a dateline opening the text, the city and its space for a caps dateline after
        a title; ``(0, 0)`` when there is none."""
        dateline = self.dateline
        if dateline is not None:
            return (0, dateline.end)
        if self.caps_dateline is not None:
            return (self.caps_dateline.start, self.caps_dateline.first)
        return (0, 0)

    def sentences(self) -> Iterator[tuple[int, Span]]:
        """Every sentence with the global offset of its piece."""
        for piece in self.pieces:
            for sent in piece.doc.sents:
                yield piece.offset, sent

    def entities(self) -> Iterator[tuple[int, Span]]:
        """Every named entity with the global offset of its piece."""
        for piece in self.pieces:
            for ent in piece.doc.ents:
                yield piece.offset, ent

    def tokens(self) -> Iterator[tuple[int, Token]]:
        """Every token with the global offset of its piece."""
        for piece in self.pieces:
            for token in piece.doc:
                yield piece.offset, token

    def piece_at(self, char: int) -> Piece | None:
        """The piece holding global character offset ``char`` (found by bisection: the
        pieces are in text order)."""
        if len(self._offsets) != len(self.pieces):
            self._offsets = [piece.offset for piece in self.pieces]
        index = bisect_right(self._offsets, char) - 1
        if index < 0:
            return None
        piece = self.pieces[index]
        return piece if piece.offset <= char < piece.offset + piece.length else None

    def token_at(self, char: int) -> Token | None:
        """The token covering global offset ``char`` (or the one just before it)."""
        piece = self.piece_at(char)
        if piece is None:
            return None
        if len(piece.doc) == 0:
            return None
        return piece.doc[piece.token_index(char - piece.offset)]


def _break_run(match: re.Match[str]) -> str:
    chars = list(match.group())
    spaces = range(RUN_CHARS, len(chars), RUN_CHARS + 1)
    chars[RUN_CHARS :: RUN_CHARS + 1] = " " * len(spaces)
    return "".join(chars)


def tokenizer_text(text: str) -> str:
    """``text`` as spaCy is given it: the same length and characters, except that in a run
    of more than ``RUN_CHARS`` characters without whitespace every ``RUN_CHARS + 1``-st
    character is a space (a token's offset in it is its offset in ``text``)."""
    return _LONG_RUN.sub(_break_run, text)


def split_pieces(
    text: str, max_words: int | None = None, max_chars: int | None = None
) -> list[tuple[int, str]]:
    """Cut ``text`` at paragraph breaks into pieces of at most about ``max_words`` words
    (default ``PIECE_WORDS``); a longer single paragraph is cut after sentence ends.
    No piece is longer than ``max_chars`` (default ``PIECE_CHARS``): one that would be is
    cut at its last line end, sentence end or space in its second half, else at the limit.
    No piece holds more than about ``PIECE_TOKENS`` tokens either (see ``estimated_tokens``).
    """
    limit = PIECE_CHARS if max_chars is None else max(1, max_chars)
    return [cut for offset, chunk in _split_by_words(text, max_words)
            for by_chars in _split_by_chars(chunk, offset, limit)
            for cut in _split_by_tokens(*by_chars, PIECE_TOKENS)]


def estimated_tokens(text: str) -> int:
    """About how many tokens spaCy makes of ``text``, rather more than fewer: every word
    and every mark (a quotation mark, a dash) counts one."""
    return sum(1 for _ in _TOKEN_ESTIMATE.finditer(text))


def _cut_before(chunk: str, floor: int, end: int) -> int:
    """Where to end a piece of ``chunk`` that must end by ``end``: after its last line end,
    sentence end or space from ``floor`` on, else at ``end``."""
    for mark in _CUT_AFTER:
        found = chunk.rfind(mark, floor, end)
        if found >= 0:
            return min(found + len(mark), end)
    return end


def _split_by_chars(chunk: str, offset: int, limit: int) -> Iterator[tuple[int, str]]:
    start = 0
    while len(chunk) - start > limit:
        cut = _cut_before(chunk, start + limit // 2, start + limit)
        yield offset + start, chunk[start:cut]
        start = cut
    if start < len(chunk):
        yield offset + start, chunk[start:]


def _split_by_tokens(offset: int, chunk: str, limit: int) -> Iterator[tuple[int, str]]:
    ends = [match.end() for match in _TOKEN_ESTIMATE.finditer(chunk)]
    start = 0
    first = 0  # the index in ends of the first token at or after start
    while len(ends) - first > limit:
        cut = _cut_before(chunk, ends[first + limit // 2 - 1], ends[first + limit - 1])
        yield offset + start, chunk[start:cut]
        start = cut
        first = bisect_right(ends, start)
    if start < len(chunk):
        yield offset + start, chunk[start:]


def _split_by_words(text: str, max_words: int | None) -> list[tuple[int, str]]:
    if max_words is None:
        max_words = PIECE_WORDS
    pieces: list[tuple[int, str]] = []
    start = 0
    words = 0
    pos = 0
    for match in _PARAGRAPH_BREAK.finditer(text + "\n"):
        para_end = match.end()
        para_words = len(text[pos:para_end].split())
        if words and words + para_words > max_words:
            pieces.append((start, text[start:pos]))
            start, words = pos, 0
        words += para_words
        pos = para_end
        if words > max_words * 1.5:
            pieces.extend(_split_long(text, start, min(pos, len(text)), max_words))
            start, words = min(pos, len(text)), 0
    if start < len(text):
        pieces.append((start, text[start:]))
    return [(off, chunk) for off, chunk in pieces if chunk]


def _split_long(text: str, start: int, end: int, max_words: int) -> list[tuple[int, str]]:
    """Cut one over-long stretch after sentence ends (". ") near every ``max_words`` words."""
    out: list[tuple[int, str]] = []
    cut_from = start
    words = 0
    for match in re.finditer(r"\S+", text[start:end]):
        words += 1
        tail = match.group()
        if words >= max_words and tail[-1:] in ".!?":
            cut = start + match.end()
            out.append((cut_from, text[cut_from:cut]))
            cut_from, words = cut, 0
    if cut_from < end:
        out.append((cut_from, text[cut_from:end]))
    return out


def _source_name(source: Source) -> str:
    """How a refusal names ``source``: its file, address or title, else what it is."""
    if source.path or source.url or source.title:
        return f'"{source.path or source.url or source.title}"'
    return "the pasted text" if source.pasted else f"the article {source.id}"


def check_source_size(source: Source, tokens: int) -> None:
    """Refuse (ExtractionError) a source of more than MAX_SOURCE_TOKENS ``tokens``."""
    if tokens > MAX_SOURCE_TOKENS:
        raise ExtractionError(
            f"Cannot extract {_source_name(source)}: it has about {tokens:,} words and "
            f"marks, more than the {MAX_SOURCE_TOKENS:,} one article may have (about two "
            "minutes of extraction); split it into smaller files."
        )


def parse_sources(
    sources: Sequence[Source], nlp: Language, *, batch_size: int = PIPE_BATCH
) -> list[Parsed]:
    """Parse every source once, all pieces of all sources through one batched ``nlp.pipe``.

    A Doc keeps no tensor: the steps read tokens, tags, parses and entities, and the
    tok2vec output (384 bytes a token) would be most of what a long text keeps.
    Raises ExtractionError, before parsing anything, for a source of more than
    MAX_SOURCE_TOKENS tokens. Each Doc's misread verbs are repaired (parse_repair)."""
    parsed = [Parsed(source) for source in sources]
    verbs = verb_lemmas(nlp)
    jobs: list[tuple[int, int, int]] = []
    texts: list[str] = []
    for index, source in enumerate(sources):
        check_source_size(source, estimated_tokens(source.text))
        for offset, chunk in split_pieces(source.text):
            jobs.append((index, offset, len(chunk)))
            texts.append(tokenizer_text(chunk))
    for (index, offset, length), doc in zip(
        jobs, nlp.pipe(texts, batch_size=batch_size), strict=True
    ):
        doc.tensor = _NO_TENSOR
        repair_misread_verbs(doc, verbs)
        parsed[index].pieces.append(Piece(offset, doc, length))
    for one in parsed:
        separate_caps_dateline(one, nlp, verbs)
    return parsed


def _dateline_place_entity(doc: Doc, start: int, end: int) -> None:
    """Make ``doc.text[start:end]``, a dateline's place, one place entity, and cut any
    entity the model ran on from it into the sentence ("SEOUL Defence"): the rest of
    such an entity is no name of its own."""
    place = doc.char_span(start, end, label="GPE")
    if place is None:
        return
    kept = [e for e in doc.ents if e.end_char <= start or e.start_char >= end]
    doc.ents = sorted([*kept, place], key=lambda e: e.start)


# The most words of a title line above the story that a caps dateline may follow.
TITLE_WORDS = 25
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*$")


def story_starts(text: str) -> list[int]:
    """Where the story's first paragraph may start: the text's first character, and the
    first character of the next line when the first line is a title (a pasted headline
    kept in the text: one line of at most ``TITLE_WORDS`` words, not closed like a
    sentence)."""
    start = len(text) - len(text.lstrip())
    if start >= len(text):
        return []
    starts = [start]
    line_end = text.find("\n", start)
    if line_end < 0:
        return starts
    title = text[start:line_end].strip()
    after = len(text) - len(text[line_end:].lstrip())
    if (
        after < len(text)
        and len(title.split()) <= TITLE_WORDS
        and not _SENTENCE_END.search(title)
    ):
        starts.append(after)
    return starts


def separate_caps_dateline(parsed: Parsed, nlp: Language, verbs: frozenset[str]) -> None:
    """Find a dateline of capitals run into the story's first sentence with no dash
    ("MUNICH Major powers agreed ...", as a wire story copied from some pages reads;
    caps_dateline), at the start of the text or of the line after a one-line title
    (story_starts), and parse the first piece again with a line break after it, in place
    of the space, so that the model reads the place apart from the sentence (run in, it
    tagged "MUNICH Major" and "PARIS France's" as organisations, and "TALLPORT Estmark" as
    a person). The offsets stay the same; the place is one place entity. Records it as
    ``parsed.caps_dateline`` (the source's dateline when it opens the text); nothing when
    the source has another dateline."""
    if not parsed.pieces or parsed.source.dateline is not None:
        return
    piece = parsed.pieces[0]
    doc = piece.doc
    text = parsed.text
    if not len(doc) or piece.offset:
        return
    if not (doc.has_annotation("DEP") or doc.has_annotation("SENT_START")):
        return  # a pipeline with no sentences (a test's blank one)
    if parse_dateline(text) is not None or parsed._place_dateline() is not None:
        return
    run: list[Token] = []
    for start in story_starts(text[: piece.length]):
        token = doc[piece.token_index(start)]
        if token.idx == start:
            run = caps_dateline(doc[token.i :])
        if run:
            break
    if not run:
        return
    chunk = tokenizer_text(text[: piece.length])
    gap = run[-1].idx + len(run[-1].text)
    if chunk[gap : gap + 1] not in {" ", "\u00a0"}:
        return
    # the story's first word starts a sentence: the parser keeps the place out of it (left
    # to itself it made "MUNICH" the subject and the story's subject its apposition)
    again = nlp.make_doc(chunk[:gap] + "\n" + chunk[gap + 1 :])
    story = next((t for t in again if t.idx > gap), None)
    if story is not None:
        story.is_sent_start = True
        if story.i + 1 < len(again):
            again[story.i + 1].is_sent_start = False  # nor is its first word one alone
    for _name, component in nlp.pipeline:
        again = component(again)
    again.tensor = _NO_TENSOR
    repair_misread_verbs(again, verbs)
    _dateline_place_entity(again, run[0].idx, gap)
    parsed.pieces[0] = Piece(0, again, piece.length)
    parsed.caps_dateline = CapsDateline(run[0].idx, gap, doc[run[-1].i + 1].idx)
