"""Tests for briefgen/intake/pasted.py: clipboard HTML and plain text."""

from __future__ import annotations

import pytest
from support.builders import AUTHOR, BODY, HEADLINE, PLAIN_ARTICLE, html_page

from briefgen.errors import IntakeError
from briefgen.intake import load_pasted


def test_pasted_plain_text_has_its_header_parsed() -> None:
    source = load_pasted(text=PLAIN_ARTICLE)
    assert source.title == HEADLINE
    assert source.author == AUTHOR
    assert source.text == BODY
    assert source.path is None


def test_pasted_web_page_goes_through_the_html_path() -> None:
    source = load_pasted(html=html_page(), text="ignored when the HTML has an article")
    assert source.title == HEADLINE
    assert "We use cookies" not in source.text


def test_short_html_snippet_falls_back_to_the_plain_text() -> None:
    source = load_pasted(html="<b>Ferry</b> plan", text="Ferry plan approved by the council.")
    assert source.text == "Ferry plan approved by the council."


def test_html_snippet_without_plain_text_keeps_its_visible_text() -> None:
    source = load_pasted(html="<p>Ferry plan approved.</p><p>Crossings <b>added</b>.</p>")
    assert source.text == "Ferry plan approved.\n\nCrossings added."


def test_nothing_pasted_is_refused() -> None:
    with pytest.raises(IntakeError, match=r'^Cannot load "the pasted content": there is no text'):
        load_pasted(text="  ", html="")


def test_huge_paste_is_refused() -> None:
    with pytest.raises(IntakeError, match="more than the 3 MB"):
        load_pasted(text="word " * 700_000)
