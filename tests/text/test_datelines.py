"""The one dateline parse, from one table of real-world dateline forms (examples ours)."""

from __future__ import annotations

import pytest

from briefgen.text.datelines import parse_dateline

# (opening of a story, expected dateline text, place, date_text, agency); None: no dateline.
FORMS: list[tuple[str, str | None, str | None, str | None, str | None]] = [
    # wire capitals
    ("GENEVA, March 13 (Meridian Wire) - Senior diplomats met.",
     "GENEVA, March 13 (Meridian Wire) - ", "GENEVA", "March 13", "Meridian Wire"),
    ("NEW YORK - Stocks fell.", "NEW YORK - ", "NEW YORK", None, None),
    ("LONDON \u2014 After nearly 20 years", "LONDON \u2014 ", "LONDON", None, None),
    ("THE HAGUE, Netherlands \u2013 Judges ruled.", "THE HAGUE, Netherlands \u2013 ",
     "THE HAGUE, Netherlands", None, None),
    ("HANOI, Vietnam (AP) \u2014 U.S. Defense Secretary spoke.",
     "HANOI, Vietnam (AP) \u2014 ", "HANOI, Vietnam", None, "AP"),
    ("DUBAI, United Arab Emirates \u2014 The carrier signed.",
     "DUBAI, United Arab Emirates \u2014 ", "DUBAI, United Arab Emirates", None, None),
    # "(Reuters) -" and "--"
    ("GENEVA (Reuters) - Talks resumed.", "GENEVA (Reuters) - ", "GENEVA", None, "Reuters"),
    ("WASHINGTON, D.C. (AP) -- The Senate voted.", "WASHINGTON, D.C. (AP) -- ",
     "WASHINGTON, D.C.", None, "AP"),
    ("WASHINGTON -- The committee asked.", "WASHINGTON -- ", "WASHINGTON", None, None),
    # a title-case place with an agency, and an agency run straight into the story
    ("Washington (CNN) -- The Senate voted.", "Washington (CNN) -- ", "Washington", None,
     "CNN"),
    ("WASHINGTON (CNN)The Senate voted.", "WASHINGTON (CNN)", "WASHINGTON", None, "CNN"),
    ("(Reuters) \u2014 The attorney general is investigating.", "(Reuters) \u2014 ", None,
     None, "Reuters"),
    # "ST. JOHN'S", straight or curly apostrophe
    ("ST. JOHN'S, March 3 (Wire) - Fishers gathered.", "ST. JOHN'S, March 3 (Wire) - ",
     "ST. JOHN'S", "March 3", "Wire"),
    ("ST. JOHN\u2019S, Newfoundland (CP) \u2014 Fog closed the port.",
     "ST. JOHN\u2019S, Newfoundland (CP) \u2014 ", "ST. JOHN\u2019S, Newfoundland", None, "CP"),
    # title case
    ("Geneva, March 13 (Meridian Wire) - Senior diplomats met.",
     "Geneva, March 13 (Meridian Wire) - ", "Geneva", "March 13", "Meridian Wire"),
    ("Taipei, Taiwan \u2014 Voters queued.", "Taipei, Taiwan \u2014 ", "Taipei, Taiwan",
     None, None),
    ("Evansville, Indiana, USA - The river rose.", "Evansville, Indiana, USA - ",
     "Evansville, Indiana, USA", None, None),
    ("Oslo, 2 October - Ministers met.", "Oslo, 2 October - ", "Oslo", "2 October", None),
    # with a weekday
    ("BEIJING, Tuesday (Xinhua) - Officials said.", "BEIJING, Tuesday (Xinhua) - ",
     "BEIJING", "Tuesday", "Xinhua"),
    ("KYIV, Thursday, March 5, 2026 - Sirens sounded.", "KYIV, Thursday, March 5, 2026 - ",
     "KYIV", "Thursday, March 5, 2026", None),
    ("Thursday, May 7, 2015 On Tuesday, the board met.", "Thursday, May 7, 2015 ", None,
     "Thursday, May 7, 2015", None),
    ("Friday, May 8, 2015 ROME (Wire) - Rain fell.", "Friday, May 8, 2015 ROME (Wire) - ",
     "ROME", "Friday, May 8, 2015", "Wire"),
    # leading whitespace is skipped
    ("\n  OSLO - Snow fell.", "\n  OSLO - ", "OSLO", None, None),
    # none, and false positives
    ("Senior diplomats met in Geneva on Thursday.", None, None, None, None),
    ("The council met on Tuesday - and voted.", None, None, None, None),
    ("Anika Solberg - the envoy - said no.", None, None, None, None),
    ("Anika Solberg, the envoy - said no.", None, None, None, None),
    ("On Tuesday, Ms Lee - who chairs it - spoke.", None, None, None, None),
    ("EDITOR'S NOTE \u2014 This story has been updated.", None, None, None, None),
    ("UPDATE - The vote was delayed.", None, None, None, None),
    ("Geneva (Reuters) talks ended - badly.", None, None, None, None),
    ("A - the first option.", None, None, None, None),
    ("", None, None, None, None),
]


@pytest.mark.parametrize(("text", "dateline", "place", "date_text", "agency"), FORMS)
def test_a_dateline_is_parsed_into_its_parts(
    text: str, dateline: str | None, place: str | None, date_text: str | None,
    agency: str | None,
) -> None:
    found = parse_dateline(text)
    if dateline is None:
        assert found is None
        return
    assert found is not None
    assert text[: found.end] == dateline
    assert (found.place, found.date_text, found.agency) == (place, date_text, agency)


def test_the_city_is_the_place_before_its_first_comma() -> None:
    found = parse_dateline("HANOI, Vietnam (AP) \u2014 Talks began.")
    assert found is not None
    assert found.city == "HANOI"
    agency_only = parse_dateline("(AP) - Talks began.")
    assert agency_only is not None
    assert agency_only.city is None


def test_only_the_opening_of_the_text_is_read() -> None:
    assert parse_dateline("Talks began.\n\nGENEVA - More talks.") is None
