"""Tests for briefgen/intake/html_page.py: main text without page furniture, and metadata."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.builders import AUTHOR, HEADLINE, PARAGRAPHS, PUBLISHED, PUBLISHER, html_page

from briefgen.errors import IntakeError
from briefgen.intake import load
from briefgen.intake.html_page import clean_author, decode_html, extract_html_article


def test_page_main_text_keeps_the_article_paragraphs_in_order() -> None:
    article = extract_html_article(html_page(), name="page.html")
    positions = [article.text.index(p[:60]) for p in PARAGRAPHS]
    assert positions == sorted(positions)


@pytest.mark.parametrize(
    "furniture",
    ["We use cookies", "Weather", "discount garden furniture", "Typical council", "Copyright"],
)
def test_navigation_cookie_banner_adverts_and_comments_are_left_out(furniture: str) -> None:
    article = extract_html_article(html_page(), name="page.html")
    assert furniture not in article.text


def test_page_metadata_is_read() -> None:
    article = extract_html_article(html_page(), name="page.html")
    assert article.title == HEADLINE
    assert article.author == AUTHOR
    assert article.sitename == PUBLISHER
    assert article.date == PUBLISHED


def test_html_file_loads_as_a_source_with_metadata(tmp_path: Path) -> None:
    path = tmp_path / "story.htm"
    path.write_text(html_page(), encoding="utf-8")
    source = load(path)
    assert source.title == HEADLINE
    assert source.publisher == PUBLISHER
    assert source.published == PUBLISHED
    assert source.text.startswith("PORT ELLIS, Feb. 4")
    assert source.path == str(path.resolve())


def test_page_without_an_article_is_refused_with_a_clear_sentence() -> None:
    shell = "<html><head><title>Home</title></head><body><nav><a href='/'>Home</a></nav>"
    with pytest.raises(IntakeError, match=r'^Cannot load "home\.html": the page has no article'):
        extract_html_article(shell + "</body></html>", name="home.html")


def test_meta_charset_decides_the_decoding() -> None:
    page = html_page().replace('charset="utf-8"', 'charset="windows-1252"')
    page = page.replace("The harbour council", "The café council")
    assert "The café council" in decode_html(page.encode("cp1252"), "page.html")


def test_headline_repeated_at_the_top_of_the_text_is_dropped() -> None:
    page = html_page().replace("<h1>", "<p class='kicker'>Transport</p><h1>")
    source = load(page.encode(), name="page.html")
    assert source.title == HEADLINE
    assert HEADLINE not in source.text
    assert source.text.startswith("PORT ELLIS")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Jeffrey Gettleman; JEFFREY GETTLEMAN", "Jeffrey Gettleman"),
        ("By Joshua Sokol May", "Joshua Sokol"),
        ("Ann Lee; Username", "Ann Lee"),
        ("Username", None),
        ("Ann May", "Ann May"),
    ],
)
def test_page_author_is_cleaned_of_repeats_prefixes_and_placeholders(
    raw: str, clean: str | None
) -> None:
    assert clean_author(raw) == clean
