"""Pasted content from the clipboard: rich text (HTML) or plain text."""

from __future__ import annotations

import datetime as dt

import lxml.html

from briefgen.errors import IntakeError
from briefgen.intake.dispatch import PASTED_NAME, html_source, text_source
from briefgen.intake.reading import MAX_TEXT_BYTES, intake_error, too_large_reason
from briefgen.model import Source


def _html_to_text(html: str) -> str:
    """The visible text of a clipboard HTML fragment, block elements as paragraphs."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # noqa: BLE001 - lxml on hostile fragments
        return ""
    for bad in root.xpath("//script|//style|//template|//noscript"):
        bad.drop_tree()
    for block in root.xpath("//p|//div|//h1|//h2|//h3|//h4|//li|//br|//tr|//blockquote"):
        block.tail = "\n\n" + (block.tail or "")
    text: str = root.text_content()
    return text


def load_pasted(text: str | None = None, html: str | None = None) -> Source:
    """The article pasted by the user: the HTML through the web page path when given,
    falling back to the plain text (or the fragment's visible text) when the HTML is
    only a snippet. The source records today as the day it was ``pasted``. Raises
    IntakeError when there is nothing to load."""
    for value in (text, html):
        if value and len(value.encode("utf-8", errors="replace")) > MAX_TEXT_BYTES:
            size = len(value.encode("utf-8", errors="replace"))
            raise intake_error(PASTED_NAME, too_large_reason(size, MAX_TEXT_BYTES))
    source: Source | None = None
    if html and html.strip():
        try:
            source = html_source(html, name=PASTED_NAME)
        except IntakeError:
            if not (text and text.strip()):
                text = _html_to_text(html)
    if source is None and text and text.strip():
        source = text_source(text, name=PASTED_NAME)
    if source is None:
        raise intake_error(PASTED_NAME, "there is no text to load")
    source.pasted = dt.date.today().isoformat()
    return source
