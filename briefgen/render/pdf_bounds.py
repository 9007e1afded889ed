"""Bounds on drawing a PDF: its time, its redraws, and the text that needs HarfBuzz."""

from __future__ import annotations

import re
from typing import Any

# Letters that only HarfBuzz lays out right: right-to-left and Indic scripts, Thai, Khmer,
# Myanmar, combining marks, joiners. Text without any is drawn without the shaping engine,
# which measures each line again for every character it adds (it made a 1 MB background
# take two minutes).
_NEEDS_SHAPING = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0590-\u0fff\u1000-\u109f\u1780-\u18af"
    "\u1ab0-\u1aff\u1dc0-\u1dff\u200c\u200d\u20d0-\u20ff\ua8e0-\ua8ff"
    "\ufb1d-\ufdff\ufe00-\ufe0f\ufe20-\ufe2f\ufe70-\ufeff]"
)
# How long drawing one PDF may take, like the HTML render's bound (checked on every page
# and paragraph), and the longest memo drawn again with tighter lines to keep the Sources
# off a page of their own (each try draws the whole memo again).
PDF_SECONDS = 30.0
TIGHTER_LINES_MAX_PAGES = 12
# The longest text given to fpdf2 at once (it breaks all of it into lines before drawing).
FLOW_CHARS = 4_000


def needs_shaping(value: Any) -> bool:
    """Whether any text in ``value`` (a string, or dicts and lists of them) needs HarfBuzz."""
    if isinstance(value, str):
        return _NEEDS_SHAPING.search(value) is not None
    if isinstance(value, dict):
        return any(needs_shaping(item) for item in value.values())
    if isinstance(value, (list, tuple)):
        return any(needs_shaping(item) for item in value)
    return False


def slices(text: str, size: int) -> list[str]:
    """``text`` in consecutive slices of at most ``size`` characters, each but the last
    cut after its last space or line end when it has one (joined, they give ``text``)."""
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        end = start + size
        cut = max(text.rfind(" ", start + size // 2, end), text.rfind("\n", start + size // 2, end))
        cut = cut + 1 if cut >= 0 else end
        out.append(text[start:cut])
        start = cut
    out.append(text[start:])
    return out


class PdfTooSlow(Exception):
    """Drawing the PDF ran past its deadline."""
