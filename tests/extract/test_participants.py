"""Participants: who the text says took part, told apart from the people only mentioned."""

from __future__ import annotations

from briefgen.extract.entities import find_mentions
from briefgen.extract.participants import mark_participants
from briefgen.extract.people import build_people


def _participants(parse, text: str) -> dict[str, bool]:  # type: ignore[no-untyped-def]
    parsed = parse(text)
    people = build_people(find_mentions(parsed))
    mark_participants(people, [parsed])
    return {p.name: p.participant for p in people}


def test_leads_and_representatives_take_part_and_a_later_spokesperson_does_not(parse):
    text = (
        "The Norland delegation was led by Deputy Foreign Minister Ingrid Halvorsen, and "
        "Estavia was represented by Ambassador Tomas Reyes. The talks focused on visas.\n\n"
        "Foreign ministry spokesperson Lena Okafor later said the mood was good."
    )
    assert _participants(parse, text) == {
        "Ingrid Halvorsen": True, "Tomas Reyes": True, "Lena Okafor": False,
    }


def test_people_who_met_or_attended_take_part_but_not_one_who_did_not_attend(parse):
    text = (
        "Prime Minister Anika Solberg met President Oskar Lind in Valmont on Monday. "
        "The session was also attended by Finance Minister Rui Costa.\n\n"
        "Interior Minister Paulo Brandt, who did not attend, criticised the meeting."
    )
    found = _participants(parse, text)
    assert found["Anika Solberg"]
    assert found["Oskar Lind"]
    assert found["Rui Costa"]
    assert found["Paulo Brandt"] is False


def test_a_minister_named_in_passing_is_only_mentioned(parse):
    text = (
        "Envoys Mara Quint and Jonas Feld held talks in Valmont on Friday. The plan recalls "
        "one drafted years ago by former minister Edda Varga."
    )
    found = _participants(parse, text)
    assert found["Mara Quint"]
    assert found["Jonas Feld"]
    assert found["Edda Varga"] is False
