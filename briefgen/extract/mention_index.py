"""Where a source's mentions, people and paragraphs are: offset lookups for quote attribution."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Token

from briefgen.extract.entities import ORG, PERSON, Mention
from briefgen.extract.parse import Parsed
from briefgen.model import Organization, Person


class MentionIndex:
    """The person and organisation mentions of one parsed source, the people and
    organisations they name, and the quoted stretches, indexed so that every lookup per
    quote is logarithmic (extraction stays linear in the length of the text)."""

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
        self._quoted: list[tuple[int, int]] = []
        self._quoted_starts: list[int] = []
        self._quoted_reach: list[int] = []  # the furthest end among the first i + 1
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
        named: list[Person | Organization] = [*people, *orgs]
        self._span_starts: dict[int, list[int]] = {
            id(item): sorted(s.start for s in item.spans) for item in named
        }
        # Every person's mention spans, by start (ties in the order of person_of_span).
        self._spans_by_start = sorted(
            ((start, end, person) for (start, end), person in self.person_of_span.items()),
            key=lambda item: item[0],
        )
        self._span_start_list = [start for start, _end, _person in self._spans_by_start]

    @property
    def all_quoted(self) -> list[tuple[int, int]]:
        """Every quoted stretch of the source (names inside them are nobody's antecedent)."""
        return self._quoted

    @all_quoted.setter
    def all_quoted(self, pieces: list[tuple[int, int]]) -> None:
        self._quoted = pieces
        ordered = sorted(pieces)
        self._quoted_starts = [a for a, _b in ordered]
        self._quoted_reach = []
        for _a, b in ordered:
            self._quoted_reach.append(max([b, *self._quoted_reach[-1:]]))

    def in_quoted(self, at: int) -> bool:
        """True when ``at`` lies inside one of the quoted stretches (``a <= at < b``)."""
        count = bisect_right(self._quoted_starts, at)  # the stretches starting by ``at``
        return count > 0 and self._quoted_reach[count - 1] > at

    def spans_between(self, low: int, high: int) -> list[tuple[int, int, Person]]:
        """``(start, end, person)`` of the person mentions that start strictly between
        ``low`` and ``high``, by start (ties in the order of ``person_of_span``)."""
        first = bisect_right(self._span_start_list, low)
        last = bisect_left(self._span_start_list, high, lo=first)
        return self._spans_by_start[first:last]

    def mentions_within(self, start: int, end: int) -> list[Mention]:
        """The mentions that start in ``[start, end)``, in text order."""
        low = bisect_left(self._mention_starts, start)
        return self.mentions[low : bisect_left(self._mention_starts, end, lo=low)]

    def paragraph(self, start: int, end: int) -> tuple[int, int]:
        """Where the paragraph (line) around ``[start, end)`` starts and ends, as
        ``text.rfind("\n", 0, start) + 1`` and ``text.find("\n", end)`` (or the length)."""
        before = bisect_left(self._newlines, start)
        para_start = self._newlines[before - 1] + 1 if before else 0
        after = bisect_left(self._newlines, end)
        para_end = self._newlines[after] if after < len(self._newlines) else len(self.text)
        return para_start, para_end

    def spoken_before(self, item: Person | Organization, before: int, since: int = -1) -> bool:
        """True when one of the item's spans starts in ``[since, before)`` (any before
        ``before`` when ``since`` is left out)."""
        starts = self._span_starts.get(id(item))
        if starts is None:
            return any(since <= s.start < before for s in item.spans)
        index = bisect_left(starts, since)
        return index < len(starts) and starts[index] < before

    def offset_of(self, token: Token) -> int:
        """The global offset of ``token`` in the source text."""
        return self.piece_offset(token) + token.idx

    def piece_offset(self, token: Token) -> int:
        """The global offset of the piece whose Doc holds ``token`` (0 for a Doc of none)."""
        return self._offset_of_doc.get(id(token.doc), 0)

    def mention_at(self, at: int) -> Mention | None:
        """The first mention (in text order) that covers ``at``."""
        first = bisect_right(self._mention_reach, at)  # the first reaching past ``at``
        if first < len(self.mentions) and self.mentions[first].start <= at:
            return self.mentions[first]
        return None

    def latest_person(self, before: int) -> Person | None:
        """The person mentioned last before ``before``."""
        index = bisect_left(self._person_starts, before) - 1
        return self._person_at[index] if index >= 0 else None
