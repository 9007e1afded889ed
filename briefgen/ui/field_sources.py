"""Where an empty header field's value in the memo comes from, said under the field.

Some templates fill an empty field from the brief (the meeting readout's Location from the
article's dateline or the sentence saying where the meeting was, its Participants from the
People list); their manifest's help says so ("when empty ..."). Without a word in the form,
the field looked empty while the preview showed "Geneva" and six names.
"""

from __future__ import annotations

from collections.abc import Callable

from briefgen.model import Brief
from briefgen.render.context import dateline_venue
from briefgen.text.normalise import entity_key


def _location(brief: Brief) -> str:
    """The venue extraction found: the dateline's city, or (without a dateline naming it)
    the place the text says the meeting took place in."""
    venue = dateline_venue(brief)
    if not venue:
        return ""
    dateline = brief.sources[0].dateline
    city = dateline.city if dateline is not None else None
    if city and entity_key(city) == entity_key(venue):
        return f"Empty: the memo shows \u201c{venue}\u201d, from the dateline."
    return f"Empty: the memo shows \u201c{venue}\u201d, where the text says the meeting took place."


def _participants(brief: Brief) -> str:
    """What the memo shows: the people marked as having taken part; the others go under
    "Also mentioned" (render/context.py's ``participants`` and ``also_mentioned``)."""
    count = sum(1 for person in brief.people if person.participant)
    others = len(brief.people) - count
    if not brief.people:
        return ""
    people = "person" if count == 1 else "people"
    told = f"Empty: the memo lists the {count} {people} marked \u201cTook part\u201d in People"
    if others:
        return told + f"; the other {others} under \u201cAlso mentioned\u201d."
    return told + "."


def _event_date(brief: Brief) -> str:
    """An ``event-date`` field: the event date extraction found (render/context.py's
    ``_date_value``), said to be a guess when extraction says so."""
    event = brief.fields.get("event_date")
    if not event:
        return ""
    told = f"Empty: the memo shows {event}, the date of the event found in the text"
    if brief.fields.get("event_date_guessed"):
        return told + " (a guess: check it)."
    return told + "."


def _outcomes(brief: Brief) -> str:
    """For a template made before the Outcomes list, which still has the header field."""
    count = sum(1 for outcome in brief.outcomes if outcome.include)
    if not count:
        return ""
    items = "outcome" if count == 1 else "outcomes"
    return f"Empty: the memo lists the {count} {items} chosen in the Outcomes list."


FALLBACKS: dict[str, Callable[[Brief], str]] = {
    "location": _location, "participants": _participants, "outcomes": _outcomes,
    "date": _event_date,
}


def source_hint(name: str, help_text: str, brief: Brief) -> str:
    """What the memo shows for field ``name`` while it is empty ("" when it shows nothing
    or the field has a value). Only for fields whose manifest help says "when empty"."""
    rule = FALLBACKS.get(name)
    if rule is None or "when empty" not in help_text.lower():
        return ""
    value = brief.fields.get(name)
    if value not in (None, "", []):
        return ""
    return rule(brief)
