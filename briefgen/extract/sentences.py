"""Sentences of a parsed source, cut at paragraph breaks, datelines and headline lines removed."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan

from briefgen.extract.lexicon import dateline_length
from briefgen.extract.parse import Parsed
from briefgen.model import Span

# A web-news date line run into the first sentence ("Thursday, May 7, 2015 On Tuesday, ...").
_DAY_DATE = re.compile(
    r"^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}"
    r"\s+(?=[A-Z\"\u201c])"
)
# A place dateline in title case ("Taipei, Taiwan \u2014 ", "Evansville, Indiana - ").
_PLACE_DATELINE = re.compile(
    r"^[A-Z][\w.'\u2019]*(?:\s[A-Z][\w.'\u2019]*){0,2}"
    r"(?:,\s[A-Z][\w.'\u2019]*(?:\s[A-Z][\w.'\u2019]*){0,2}){1,2}"
    r"\s+[-\u2013\u2014]+\s+(?=[A-Z\"\u201c])"
)


@dataclass
class Sentence:
    """One sentence: global offsets into the source text and its spaCy span."""

    source_id: str
    start: int
    end: int
    text: str
    span: SpacySpan
    index: int
    paragraph: int

    def evidence(self) -> Span:
        """The Span pointing at this sentence in its source."""
        return Span(self.source_id, self.start, self.end)

    @property
    def is_headline_like(self) -> bool:
        """True for lines with no finite verb or no closing punctuation (headlines, datelines)."""
        has_verb = any(t.pos_ in {"VERB", "AUX"} for t in self.span)
        ends = self.text.rstrip("\"'\u201d\u2019)").endswith((".", "!", "?", ":"))
        return not has_verb or not ends


def sentences(parsed: Parsed) -> list[Sentence]:
    """Every sentence of the source in order, each within one paragraph, trimmed."""
    text = parsed.text
    mark = "\n\n" if "\n\n" in text else "\n"
    breaks = [m.start() for m in re.finditer(mark, text)]
    out: list[Sentence] = []
    for offset, sent in parsed.sentences():
        doc = sent.doc
        bounds = _paragraph_parts(text, offset + sent.start_char, offset + sent.end_char)
        for g_start, g_end in bounds:
            lead = _leading_dateline(text, g_start)
            g_start += lead
            span = doc.char_span(g_start - offset, g_end - offset, alignment_mode="contract")
            if span is None or len(span) == 0 or not text[g_start:g_end].strip():
                continue
            g_start, g_end = offset + span.start_char, offset + span.end_char
            paragraph = bisect_right(breaks, g_start)
            out.append(
                Sentence(
                    parsed.source.id, g_start, g_end, text[g_start:g_end], span, len(out), paragraph
                )
            )
    return out


def _paragraph_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut ``text[start:end]`` at newlines into trimmed non-empty parts."""
    parts: list[tuple[int, int]] = []
    pos = start
    while pos < end:
        newline = text.find("\n", pos, end)
        stop = end if newline < 0 else newline
        a, b = pos, stop
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            parts.append((a, b))
        pos = stop + 1
    return parts


def _leading_dateline(text: str, start: int) -> int:
    """Length of a dateline when ``start`` opens a paragraph, else 0."""
    if start == 0 or text[start - 1] == "\n":
        head = text[start : start + 120]
        day = _DAY_DATE.match(head)
        skip = day.end() if day else 0
        head = head[skip:]
        wire = dateline_length(head)
        if wire:
            return skip + wire
        place = _PLACE_DATELINE.match(head)
        return skip + (place.end() if place else 0)
    return 0
