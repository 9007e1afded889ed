"""Sentences of a parsed source, cut at paragraph breaks, without the dateline, headlines or
a wire credit line."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan

from briefgen.extract.parse import Parsed
from briefgen.model import Span


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
    dateline_start, dateline_end = parsed.dateline_bounds()
    credit_start, credit_end = parsed.credit
    out: list[Sentence] = []
    for offset, sent in parsed.sentences():
        doc = sent.doc
        bounds = _paragraph_parts(text, offset + sent.start_char, offset + sent.end_char)
        for g_start, g_end in bounds:
            if credit_start <= g_start < credit_end:
                continue  # "(Reporting by ...; Editing by ...)": no sentence of the story
            cut = 0
            if dateline_start <= g_start < dateline_end:
                g_start = min(dateline_end, g_end)  # the first sentence starts after it
                cut = g_start
            span = doc.char_span(g_start - offset, g_end - offset, alignment_mode="contract")
            if span is None or len(span) == 0 or not text[g_start:g_end].strip():
                continue
            if cut and offset + span.start_char > cut:
                # a dateline run into its first word ("WASHINGTON (CNN)The") ends inside a
                # token: keep the token, start the sentence's text after the dateline
                span = doc.char_span(cut - offset, g_end - offset, alignment_mode="expand")
                if span is None:
                    continue
                g_start, g_end = cut, offset + span.end_char
            else:
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
