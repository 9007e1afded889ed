"""Finding direct quotations: paired marks, quotes across paragraphs, split and mixed quotes."""

from __future__ import annotations

import re

from spacy.tokens import Token

from briefgen.extract.lexicon import SPEECH_VERBS
from briefgen.extract.parse import Parsed

_OPEN = {"\u201c": "\u201d", "\u00ab": "\u00bb", '"': '"'}
CLOSE_MARKS = {"\u201d", "\u00bb", '"'}
_GAP_MAX_WORDS = 10


def quoted_stretches(text: str) -> list[list[tuple[int, int]]]:
    """Inner offsets of every quoted stretch; a quote running on into the next paragraph
    (left open, the next paragraph opening with a mark) is one stretch of several pieces."""
    found: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    open_at: int | None = None
    closer = ""
    inner = False
    i = 0
    n = len(text)
    while i < n:
        char = text[i]
        if char == "\n":
            if open_at is not None:
                current.append((open_at, _trim_end(text, open_at, i)))
                j = i
                while j < n and text[j].isspace():
                    j += 1
                if j < n and text[j] in _OPEN and text[j] != "\u00bb":
                    if TRANSCRIPT_LABEL.match(text, j + 1):  # a new speaker's turn
                        found.append(current)
                        current = []
                    open_at, closer = j + 1, _OPEN[text[j]]
                    i = j + 1
                    continue
                if j < n and _closes_first(text, j, closer):
                    open_at = j  # the quote runs on into a paragraph without an opening mark
                    i = j
                    continue
                found.append(current)
                current, open_at = [], None
            i += 1
            continue
        pair = text[i : i + 2]
        if open_at is None and _doubled_opening(text, i):
            open_at, closer = i + 2, "\u201d"  # ‘‘two single marks’’ typed as a double one
            i += 2
            continue
        if (
            open_at is not None
            and pair in _DOUBLED_CLOSE
            and closer in {'"', "\u201d"}
            and i > open_at
            and not text[i - 1].isspace()
        ):
            current.append((open_at, i))
            found.append(current)
            current, open_at = [], None
            i += 2
            continue
        if open_at is None:
            if char in _OPEN and _can_open(text, i):
                open_at, closer = i + 1, _OPEN[char]
            elif char == "\u201d" and _misused_closer(text, i):
                open_at, closer = i + 1, "\u201d"
        elif closer == '"' and char == "\u201c":
            inner = True  # a title in curly marks inside a straight quote: “Shark Tank.”
        elif closer == '"' and char == "\u201d" and inner:
            inner = False
        elif char == closer or (char in CLOSE_MARKS and closer != '"') or (
            closer == '"' and char == "\u201d"
        ):
            current.append((open_at, i))
            found.append(current)
            current, open_at, inner = [], None, False
        elif char == "\u201c" and closer == "\u201d":
            open_at = i + 1  # a stray opening mark: restart from the newer one
            current = []
        i += 1
    if open_at is not None:
        current.append((open_at, _trim_end(text, open_at, n)))
    if current:
        found.append(current)
    return [
        [(a, b) for a, b in pieces if b > a] for pieces in found if any(b > a for a, b in pieces)
    ]


_DOUBLED_OPEN = {"\u2018\u2018", "``"}
_DOUBLED_CLOSE = {"\u2019\u2019", "''"}


def _doubled_opening(text: str, i: int) -> bool:
    """Two single marks typed for an opening double one (‘‘, ``, and '' as old newspaper
    archives write it) at the start of a word."""
    pair = text[i : i + 2]
    if pair not in _DOUBLED_OPEN and pair != "''":
        return False
    before = text[i - 1] if i else "\n"
    after = text[i + 2] if i + 2 < len(text) else ""
    return (before.isspace() or before in "([{\u2014\u2013-:") and after.isalnum()


def _closes_first(text: str, start: int, closer: str) -> bool:
    """True when the paragraph at ``start`` holds a closing mark before any opening one:
    it carries on a quote left open at the end of the paragraph before."""
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    for k in range(start, end):
        char = text[k]
        if char == "\u201c" or char == '"' and _can_open(text, k):
            return False
        if char in {closer, "\u201d"} or text[k : k + 2] in _DOUBLED_CLOSE:
            return True
    return False


def _misused_closer(text: str, i: int) -> bool:
    """A closing mark typed where an opening one belongs: after a space, before a word."""
    before = text[i - 1] if i else "\n"
    return before.isspace() and i + 1 < len(text) and text[i + 1].isalnum()


def _can_open(text: str, i: int) -> bool:
    """A straight mark opens only after a space, a bracket or the start, not inside a word."""
    if text[i] != '"':
        return True
    return i == 0 or text[i - 1].isspace() or text[i - 1] in "([{\u2014\u2013-:"


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def join_split_quotes(
    text: str, stretches: list[list[tuple[int, int]]]
) -> list[list[tuple[int, int]]]:
    """Join "First part," he said, "second part." into one quote of two pieces."""
    joined: list[list[tuple[int, int]]] = []
    for pieces in stretches:
        if joined:
            last = joined[-1][-1]
            gap = text[last[1] + 1 : pieces[0][0] - 1]
            words = gap.split()
            if (
                "\n" not in gap
                and not any(c.isalnum() for c in gap)
                and text[last[1] - 1 : last[1]] == ","
            ):
                joined[-1].extend(pieces)  # "First," "second." with nothing between
                continue
            if (
                "\n" not in gap
                and 0 < len(words) <= _GAP_MAX_WORDS
                and text[last[1] - 1 : last[1]] in {",", "\u2014", "-"}
                and gap.strip().endswith((",", ":", "\u2014"))
                and _has_speech_word(gap)
            ):
                joined[-1].extend(pieces)
                continue
        joined.append(list(pieces))
    return joined


_COMPLEMENTS = {"ccomp", "xcomp", "dobj", "oprd", "attr", "acomp"}


Pieces = list[tuple[int, int]]


def mixed_quotes(parsed: Parsed, quotes: list[Pieces]) -> list[tuple[Pieces, Pieces]]:
    """A quoted fragment inside reported speech ("said the plan was "a disgrace"") becomes
    the whole reported clause, marks kept, so the quote reads in context; fragments of
    one clause become one quote. Each item: the evidence pieces and the quoted words."""
    out: list[tuple[Pieces, Pieces]] = []
    last_clause: tuple[int, int] | None = None
    for pieces in quotes:
        clause = _reported_clause(parsed, pieces) if len(pieces) == 1 else None
        if clause is None:
            out.append((pieces, list(pieces)))
            last_clause = None
            continue
        if last_clause is not None and clause[0] < last_clause[1]:
            merged = (min(clause[0], last_clause[0]), max(clause[1], last_clause[1]))
            out[-1] = ([merged], out[-1][1] + pieces)
            last_clause = merged
            continue
        out.append(([clause], list(pieces)))
        last_clause = clause
    return out


def _reported_clause(parsed: Parsed, pieces: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The clause of a speech verb that holds a quoted fragment and goes beyond it."""
    start, end = pieces[0][0], pieces[-1][1]
    piece = parsed.piece_at(start)
    token = parsed.token_at(start)
    if piece is None or token is None:
        return None
    offset = piece.offset
    current = token
    for _ in range(10):
        head = current.head
        if head is current:
            return None
        if is_cue(head) and not (start <= offset + head.idx < end):
            if current.dep_ in _COMPLEMENTS:
                tokens = list(current.subtree)
                break
            if current.dep_ == "prep" and current.lower_ == "as":
                # "described the plan as "a disgrace"": the object and its description
                obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < current.i), None)
                first = obj.left_edge.i if obj is not None else current.i
                tokens = list(current.doc[first : current.right_edge.i + 1])
                break
        current = head
    else:
        return None
    while tokens and (
        tokens[0].dep_ == "mark" or tokens[0].is_punct and tokens[0].text not in _OPEN
    ):
        tokens.pop(0)
    while tokens and tokens[-1].is_punct and tokens[-1].text not in CLOSE_MARKS:
        tokens.pop()
    if not tokens:
        return None
    left = offset + tokens[0].idx
    right = offset + tokens[-1].idx + len(tokens[-1].text)
    if left > start or right < end - 1:
        return None
    outside = len(parsed.text[left:start].split()) + len(parsed.text[end:right].split())
    if outside < 3:
        return None
    return left, max(right, end)


TRANSCRIPT_LABEL = re.compile(r"([A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,2}):\s")
SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)]*\s")
DASH_CREDIT = re.compile(
    r"[^\S\n]*[\u2015\u2014\u2013-]+[^\S\n]*"
    r"([A-Z][\w.'\u2019-]*(?:[^\S\n]+[A-Z][\w.'\u2019-]*){0,3})"
)
_SPEECH_FORMS = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|noted|notes|stated|states|asked|asks|explained|"
    r"wrote|writes|insisted|warned|argued|claimed|declared|announced|replied|continued|"
    r"recalled|acknowledged|admitted|stressed|observed|suggested|according)\b",
    re.IGNORECASE,
)


def _has_speech_word(gap: str) -> bool:
    return bool(_SPEECH_FORMS.search(gap))


def is_cue(token: Token) -> bool:
    if token.lemma_.lower() == "accord" and token.lower_ == "according":
        return True
    return (
        token.pos_ in {"VERB", "AUX"}
        and token.lemma_.lower() in SPEECH_VERBS
        and (token.lemma_.lower() != "be")
    )
