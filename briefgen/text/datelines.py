"""The one reading of a wire dateline (``GENEVA, March 13 (Reuters) -``) at a story's start."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"
# "March 13", "13 March", "Thursday, March 13, 2026", "Thursday".
_DATE = (
    rf"(?:(?:{_WEEKDAY},?\s+)?(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?"
    rf"|{_WEEKDAY})(?![\w'\u2019])"
)
_CAPS_WORD = r"[A-Z][A-Z.'\u2019\-]*"
_TITLE_WORD = r"[A-Z][\w.'\u2019\-]*"
# A region after the city ("HANOI, Vietnam", "WASHINGTON, D.C.") is never a date.
_REGION = rf"(?!{_DATE}){_TITLE_WORD}(?:[ ](?!{_DATE}){_TITLE_WORD}){{0,2}}"
# Words that open ordinary sentences, so "On Tuesday, Ms Lee - ..." is no title-case dateline.
_OPENERS = r"(?:On|In|At|After|Before|When|While|But|And|As|By|For|From|With|Last|Next|This)\b"
_PLACE = (
    rf"(?P<caps>{_CAPS_WORD}(?:[ ]{_CAPS_WORD}){{0,3}})"
    rf"|(?!{_OPENERS})(?P<title>{_TITLE_WORD}(?:[ ]{_TITLE_WORD}){{0,2}})"
)
_DASH_AFTER = r"\s*(?:--|[-\u2013\u2014])\s+(?=\S)"
# After an agency the dash may be missing, the story run straight on: "WASHINGTON (CNN)The".
_RUN_ON = r"(?<=\))(?=[A-Z\"\u201c])"
# The patterns are compiled on first use (_patterns), not at import: the window imports
# the model, and with it this module, before its first paint, and reads no dateline then.
_DATELINE = (
    rf"(?P<place>(?:{_PLACE})(?P<region>(?:,[ ]?{_REGION}){{0,2}}))"
    rf"(?:,?\s*(?P<date>{_DATE}))?"
    rf"\s*(?:\((?P<agency>[^()\n]{{2,60}})\))?"
    rf"(?:{_DASH_AFTER}|{_RUN_ON})"
)
# "(Reuters) - The ...": an agency with no place.
_AGENCY_ONLY = rf"\((?P<agency>[^()\n]{{2,60}})\){_DASH_AFTER}"
# A web page's date line run into the first sentence ("Thursday, May 7, 2015 On Tuesday, ...").
_WEB_DATE = (
    rf"(?P<date>{_WEEKDAY},\s+{_MONTH}\s+\d{{1,2}},\s+\d{{4}})\s+(?=[A-Z\"\u201c])"
)
# Capitals that open a story but name no place.
_NOT_PLACES = frozenset(
    {"EDITOR'S NOTE", "EDITOR\u2019S NOTE", "UPDATE", "UPDATED", "CORRECTION", "BREAKING",
     "BREAKING NEWS", "EXCLUSIVE", "ANALYSIS", "OPINION", "COMMENTARY", "WATCH", "LIVE",
     "FILE", "NOTE", "ADVISORY", "EMBARGOED"}
)
# How far into a text a dateline may reach.
_REACH = 200


@dataclass(frozen=True)
class Dateline:
    """The dateline opening a story: ``text[:end]`` is it (with the space after its dash).

    ``place`` is the place as written (``"WASHINGTON, D.C."``, ``"Taipei, Taiwan"``);
    ``date_text`` the date as written (``"March 13"``); ``agency`` the agency in brackets
    (``"Reuters"``). Each is ``None`` when the dateline does not give it.
    """

    place: str | None
    date_text: str | None
    agency: str | None
    end: int

    @property
    def city(self) -> str | None:
        """The place before its first comma (``"HANOI"`` of ``"HANOI, Vietnam"``), or None."""
        return self.place.split(",")[0].strip() if self.place else None


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The compiled dateline, agency-only and web-date patterns."""
    return re.compile(_DATELINE), re.compile(_AGENCY_ONLY), re.compile(_WEB_DATE)


def parse_dateline(text: str) -> Dateline | None:
    """The dateline at the start of ``text`` (leading whitespace allowed), or ``None``.

    Accepted: a place in capitals (``GENEVA``, ``ST. JOHN'S``, ``HANOI, Vietnam``) or in
    title case with a region or date after a comma (``Taipei, Taiwan``,
    ``Geneva, March 13``), then an optional date (with or without a weekday) and agency in
    brackets, then a dash (``-``, ``--``, en or em dash) and a space; an agency alone
    (``(Reuters) -``); and a web date line run into the first sentence
    (``Thursday, May 7, 2015 On Tuesday...``), alone or before a dateline.
    """
    start = len(text) - len(text.lstrip())
    head = text[start : start + _REACH]
    _dateline, agency_only, web_date = _patterns()
    web = web_date.match(head)
    skip = web.end() if web else 0
    found = _place_dateline(head, skip)
    if found is None:
        agency = agency_only.match(head, skip)
        if agency is not None:
            found = Dateline(None, None, agency.group("agency").strip(), agency.end())
    if found is None:
        return Dateline(None, web.group("date"), None, start + skip) if web else None
    date_text = found.date_text or (web.group("date") if web else None)
    return Dateline(found.place, date_text, found.agency, start + found.end)


def _place_dateline(head: str, pos: int) -> Dateline | None:
    match = _patterns()[0].match(head, pos)
    if match is None:
        return None
    place = match.group("place").strip()
    date, agency = match.group("date"), match.group("agency")
    if match.group("title") is not None and not (match.group("region") or date or agency):
        return None  # "Anika Solberg - the envoy": a name, not a place ("Washington (CNN) --" is)
    if match.group("caps") is not None and (
        match.group("caps") in _NOT_PLACES or sum(c.isalpha() for c in match.group("caps")) < 2
    ):
        return None
    return Dateline(place, date, agency.strip() if agency else None, match.end())
