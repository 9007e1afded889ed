"""Whether the brief's sources tell one story: the people, organisations, places and topics
they share; and the two ways out when they share none (a memo per source, a line per source)."""

from __future__ import annotations

import re

from briefgen.model import Brief
from briefgen.model.edits import remove_source
from briefgen.text.normalise import text_key

_UNSAFE = re.compile(r"[^\w -]+")


def shared_items(brief: Brief) -> list[str]:
    """The names of the people, organisations and places found in two sources or more, and
    the topics whose words two sources or more contain."""
    shared = []
    for items in (brief.people, brief.organizations, brief.places):
        for item in items:
            if len({span.source for span in item.spans}) >= 2:
                shared.append(item.name)
    texts = [text_key(source.text) for source in brief.sources]
    for topic in brief.topics:
        key = text_key(topic.text)
        if key and sum(key in text for text in texts) >= 2:
            shared.append(topic.text)
    return shared


def unrelated_sources(brief: Brief) -> bool:
    """True when the brief has two sources or more and they share no person, organisation,
    place or topic (two stories mixed in one memo)."""
    return len(brief.sources) >= 2 and not shared_items(brief)


def line_per_source(brief: Brief) -> str:
    """A bottom line of one line per source: its title, then its first sentence."""
    lines = []
    for source in brief.sources:
        lead = (source.lead or "").strip()
        title = (source.title or "").strip()
        lines.append(f"{title}: {lead}" if title and lead else lead or title)
    return "\n".join(line for line in lines if line)


def brief_per_source(brief: Brief) -> list[Brief]:
    """One brief per source: the source with the items that came from it (the others'
    items removed, as when a source is removed), its title as the subject."""
    briefs = []
    for source in brief.sources:
        single = brief
        for other in brief.sources:
            if other.id != source.id:
                single = remove_source(single, other.id)
        if single is brief:
            continue
        single.summary.text = single.summary.text or (source.lead or "")
        if source.title:
            single.fields["subject"] = source.title
        briefs.append(single)
    return briefs


def file_stem(brief: Brief, number: int) -> str:
    """A safe file name (without suffix) for the ``number``-th memo of a split: its subject
    in a few words, else "memo-N"."""
    words = _UNSAFE.sub(" ", str(brief.fields.get("subject") or "")).split()
    stem = "-".join(words[:8]).lower()
    return f"{number:02d}-{stem}" if stem else f"memo-{number:02d}"
