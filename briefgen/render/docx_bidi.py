"""Right-to-left text in Word: mark Arabic and Hebrew paragraphs and runs as such."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement

# Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan and their presentation forms.
_RTL_CHARS = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


# A leading portion mark such as "(U) " says nothing about the paragraph's direction.
_PORTION_MARK = re.compile(r"^\s*\([A-Z/-]{1,8}\)\s*")


def has_rtl(text: str) -> bool:
    """Whether ``text`` holds any right-to-left letter."""
    return _RTL_CHARS.search(text) is not None


def first_strong_is_rtl(text: str) -> bool:
    """Whether the first letter with a direction in ``text`` is right-to-left (``None``
    direction, e.g. digits and punctuation only, counts as left-to-right)."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


# Word refuses elements out of schema order: each is inserted before its successors.
_BIDI_SUCCESSORS = (
    "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
    "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
    "w:pPrChange",
)
_RTL_SUCCESSORS = ("w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath")


def _add_once(parent: Any, tag: str, successors: tuple[str, ...]) -> None:
    if parent.find(qn(tag)) is None:
        parent.insert_element_before(OxmlElement(tag), *successors)


def mark_rtl_paragraphs(body: Any) -> int:
    """Give every paragraph that starts in a right-to-left script ``<w:bidi/>`` (so Word
    lays it out right to left, bullet on the right) and every run that starts in one
    ``<w:rtl/>``. Returns how many paragraphs were marked."""
    marked = 0
    for paragraph in body.iter(qn("w:p")):
        runs = list(paragraph.iter(qn("w:r")))
        texts = ["".join(t.text or "" for t in run.iter(qn("w:t"))) for run in runs]
        if not has_rtl("".join(texts)):
            continue
        for run, text in zip(runs, texts, strict=True):
            if first_strong_is_rtl(text):
                _add_once(run.get_or_add_rPr(), "w:rtl", _RTL_SUCCESSORS)
        if first_strong_is_rtl(_PORTION_MARK.sub("", "".join(texts), count=1)):
            _add_once(paragraph.get_or_add_pPr(), "w:bidi", _BIDI_SUCCESSORS)
            marked += 1
    return marked
