"""Tests for briefgen/intake/plain_text.py: header lines to metadata, Markdown to text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from support.builders import AUTHOR, BODY, HEADLINE, PLAIN_ARTICLE, PUBLISHED, PUBLISHER
from support.growth import growth

from briefgen.intake.plain_text import markdown_to_text, parse_plain_article


def test_headline_byline_and_published_lines_become_metadata() -> None:
    parts = parse_plain_article(PLAIN_ARTICLE)
    assert parts.title == HEADLINE
    assert parts.author == AUTHOR
    assert parts.publisher == PUBLISHER
    assert parts.published == PUBLISHED
    assert parts.body.strip() == BODY


def test_dateline_stays_at_the_start_of_the_body() -> None:
    parts = parse_plain_article(PLAIN_ARTICLE)
    assert parts.body.startswith("PORT ELLIS, Feb. 4 (Coastline Courier) - The harbour")


def test_text_without_header_is_left_whole() -> None:
    parts = parse_plain_article(BODY)
    assert parts.title is None
    assert parts.author is None
    assert parts.body == BODY


def test_first_line_that_reads_like_a_sentence_is_not_a_headline() -> None:
    text = "The council met on Tuesday.\n\nIt approved the plan."
    parts = parse_plain_article(text)
    assert parts.title is None
    assert parts.body == text


def test_headline_followed_by_a_blank_line_is_the_title() -> None:
    parts = parse_plain_article(f"{HEADLINE}\n\n{BODY}")
    assert parts.title == HEADLINE
    assert parts.body == BODY


def test_byline_with_two_authors_and_no_publisher() -> None:
    parts = parse_plain_article(f"{HEADLINE}\nBy Ann Lee and Tom Rys\n\nThe council met.")
    assert parts.author == "Ann Lee and Tom Rys"
    assert parts.publisher is None


def test_written_out_publication_date_is_normalised() -> None:
    parts = parse_plain_article(f"{HEADLINE}\nPosted on February 4, 2026\n\n{BODY}")
    assert parts.published == "2026-02-04"


def test_markdown_marks_links_and_images_are_removed() -> None:
    markdown = (
        "# Ferry plan approved\n\nThe **council** voted on [Tuesday](https://example.org/x)."
        "\n\n![map](map.png)\n\n* first item\n* second item\n"
    )
    text = markdown_to_text(markdown)
    assert text.startswith("Ferry plan approved\n")
    assert "The council voted on Tuesday." in text
    assert "map.png" not in text
    assert "https://" not in text
    assert "- first item" in text


def test_sentence_starting_with_by_is_not_a_byline() -> None:
    text = f"{HEADLINE}\nBy the end of March the council expects two extra crossings.\n\nMore."
    parts = parse_plain_article(text)
    assert parts.author is None
    assert parts.body.startswith("By the end of March")


def test_uppercase_byline_is_recognised() -> None:
    parts = parse_plain_article(f"{HEADLINE}\nBY PRIYA CASTELLAN\n\n{BODY}")
    assert parts.author == "PRIYA CASTELLAN"


def test_dateline_agency_is_the_publisher_when_the_byline_names_none() -> None:
    parts = parse_plain_article(f"{HEADLINE}\nBy {AUTHOR}\n\n{BODY}")
    assert parts.publisher == "Coastline Courier"
    assert parts.body == BODY


def test_markdown_keeps_blank_lines_between_paragraphs() -> None:
    markdown = "# Ferry plan\n\nFirst paragraph.\n\n> Quoted.\n\n* item\n\n---\n\nLast."
    assert markdown_to_text(markdown) == (
        "Ferry plan\n\nFirst paragraph.\n\nQuoted.\n\n- item\n\n\n\nLast."
    )


def test_markdown_headline_without_byline_becomes_the_title() -> None:
    parts = parse_plain_article(markdown_to_text(f"# {HEADLINE}\n\n{BODY}\n"))
    assert parts.title == HEADLINE
    assert parts.body.strip() == BODY


_LINES = st.sampled_from(
    [HEADLINE, f"By {AUTHOR}, {PUBLISHER}", f"Published: {PUBLISHED}", "", "March 3, 2026",
     "By the way, this is a sentence.", "A line of body text.", "# Heading"]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_LINES, max_size=10), st.text(max_size=200))
def test_parsing_never_loses_the_body(header: list[str], rest: str) -> None:
    text = "\n".join([*header, "The body paragraph stays.", rest])
    parts = parse_plain_article(text)
    assert "The body paragraph stays." in parts.body
    assert text.strip("\n").endswith(parts.body.strip("\n"))


def test_headline_run_straight_into_the_body_is_the_title_not_part_of_it() -> None:
    body = "Diplomats from both countries met in Geneva on Thursday for five hours of talks."
    parts = parse_plain_article(f"Talks resume after six years\n{body}\nThe next round is in May.")
    assert parts.title == "Talks resume after six years"
    assert parts.body == f"{body}\nThe next round is in May."


def test_a_short_first_paragraph_line_without_a_stop_is_not_taken_for_a_headline() -> None:
    text = "Officials said on Monday that\nthe plan was approved."
    parts = parse_plain_article(text)
    assert parts.title is None


HOSTILE_MARKDOWN = {
    "images opened and never closed": "![",
    "links whose target never closes": "[a](",
    "emphasis that never closes": "*a ",
    "strong emphasis that never closes": "**a ",
    "reference lines that never close": "[\n",
    "a heading of hashes": "#",
}


@pytest.mark.parametrize("unit", HOSTILE_MARKDOWN.values(), ids=HOSTILE_MARKDOWN.keys())
def test_markdown_cost_grows_with_the_text_not_its_square(unit: str) -> None:
    def text(size: int) -> str:
        body = unit * (size // len(unit))
        return f"# {body}x" if unit == "#" else body

    # four times the text: about four times the work, where rescanning from every mark
    # (the old patterns) took sixteen
    assert growth(markdown_to_text, text(8_000), text(32_000)) < 8


def test_markdown_strong_text_may_hold_emphasis() -> None:
    assert markdown_to_text("The **vote on *Tuesday* passed** at last.") == (
        "The vote on Tuesday passed at last."
    )


def test_markdown_heading_loses_its_closing_hashes_but_keeps_a_sharp() -> None:
    assert markdown_to_text("## Budget vote ##\n# Notes on C#") == "Budget vote\nNotes on C#"
