"""The meeting's place comes from the sentence saying where it took place."""

from __future__ import annotations

from briefgen.extract.entities import find_mentions
from briefgen.extract.event_place import meeting_place
from briefgen.extract.organizations import build_places
from briefgen.extract.people import build_people


def _place(parse, text: str) -> str | None:  # type: ignore[no-untyped-def]
    parsed = parse(text)
    mentions = find_mentions(parsed)
    return meeting_place(parsed, build_places(mentions, build_people(mentions)))


def test_the_place_of_a_meeting_comes_from_the_sentence_saying_they_met_there(parse):
    text = (
        "The minister praised reforms in Norland. President Arne Dahl met Prime Minister "
        "Lise Moen on March 3, 2025, in Valmont to discuss the harbor."
    )
    assert _place(parse, text) == "Valmont"


def test_a_planned_meeting_or_a_place_only_mentioned_gives_no_place(parse):
    text = (
        "Trade with Norland grew last year. President Arne Dahl will meet Prime Minister "
        "Lise Moen in Valmont next month."
    )
    assert _place(parse, text) is None


def test_an_earlier_summit_elsewhere_does_not_move_the_meeting(parse):
    text = (
        "President Arne Dahl met today with Prime Minister Lise Moen of Norland in Valmont. "
        "The leaders recalled the historic summit in Ostberg and the trade talks."
    )
    assert _place(parse, text) == "Valmont"
