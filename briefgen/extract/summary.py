"""The bottom line up front: the best one or two sentences, in the order of the text."""

from __future__ import annotations

from briefgen.extract.keypoints import Ranked
from briefgen.model import Summary

# A lead sentence shorter than this gets the next best sentence beside it.
SHORT_LEAD_WORDS = 22


def build_summary(ranked: list[Ranked]) -> Summary:
    """One sentence, or two when the best one is short, from the ranked sentences, each in
    the words its key point uses (Ranked.text: a side clause naming nothing new left out),
    so that the memo, which leaves out a key point that repeats the bottom line, knows it."""
    if not ranked:
        return Summary()
    chosen = [ranked[0]]
    if len(ranked[0].sentence.text.split()) < SHORT_LEAD_WORDS and len(ranked) > 1:
        second = ranked[1]
        if second.sentence.source_id == ranked[0].sentence.source_id:
            chosen.append(second)
    chosen.sort(key=lambda r: r.sentence.start)
    return Summary(
        text=" ".join(r.text() for r in chosen),
        spans=[r.sentence.evidence() for r in chosen],
    )
