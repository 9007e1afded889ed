"""Tests for briefgen/intake/pdf_file.py: reading order, hyphens, running lines, refusals."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PageObject
from support.builders import AUTHOR, HEADLINE, encrypted_pdf_bytes, image_only_pdf_bytes, pdf_bytes
from support.hostile_inputs import shared_stream_pdf

from briefgen.cancellation import cancellable
from briefgen.errors import Cancelled, IntakeError
from briefgen.intake import load, pdf_file
from briefgen.intake.pdf_file import join_lines, read_pdf, remove_running_lines


@pytest.fixture(scope="module")
def pdf_text() -> str:
    return load(pdf_bytes(), name="story.pdf").text


def test_pdf_loads_with_its_document_title_and_author(tmp_path: Path) -> None:
    path = tmp_path / "story.pdf"
    path.write_bytes(pdf_bytes())
    source = load(path)
    assert source.title == HEADLINE
    assert source.author == AUTHOR
    assert source.path == str(path.resolve())


@pytest.mark.parametrize("word", ["timetable", "without", "permitting", "council will"])
def test_words_hyphenated_at_line_ends_are_joined(pdf_text: str, word: str) -> None:
    assert word in pdf_text


def test_running_header_and_page_numbers_are_dropped(pdf_text: str) -> None:
    assert "Regional edition" not in pdf_text
    assert "Page 2" not in pdf_text


def test_text_is_in_reading_order_across_pages(pdf_text: str) -> None:
    first = pdf_text.index("The harbour council voted")
    second = pdf_text.index("The ferry operator")
    third = pdf_text.index("A review of the winter schedule")
    assert first < second < third


def test_lines_of_a_paragraph_are_joined_and_paragraphs_kept_apart(pdf_text: str) -> None:
    assert "ending a dispute that had left commuters without an evening service" in pdf_text
    assert "since the autumn.\n\nCouncil chair" in pdf_text


def test_encrypted_pdf_error_says_it_is_encrypted() -> None:
    with pytest.raises(IntakeError, match=r'"minutes\.pdf": the PDF is encrypted'):
        load(encrypted_pdf_bytes(), name="minutes.pdf")


def test_image_only_pdf_error_says_it_is_scanned_images() -> None:
    with pytest.raises(IntakeError, match=r'"scan\.pdf": the PDF holds only scanned images'):
        load(image_only_pdf_bytes(), name="scan.pdf")


def test_truncated_pdf_gets_a_clear_error() -> None:
    data = pdf_bytes()
    with pytest.raises(IntakeError, match=r'^Cannot load "cut\.pdf": '):
        load(data[: len(data) // 3], name="cut.pdf")


def test_footer_repeated_on_most_pages_is_removed_but_body_lines_stay() -> None:
    pages = [
        ["Daily Ledger", f"Body line {word}.", "Confidential - 2026"]
        for word in ("one", "two", "three")
    ]
    cleaned = remove_running_lines(pages)
    assert cleaned == [["Body line one."], ["Body line two."], ["Body line three."]]


def test_hyphen_before_a_capital_is_kept_in_the_compound() -> None:
    joined = join_lines(["The Franco-", "German talks went on."])
    assert joined == "The Franco-German talks went on."


def test_compound_written_with_a_hyphen_elsewhere_keeps_it_at_a_line_end() -> None:
    lines = [
        "The well-known harbour has a long", "history. The council is well-",
        "known for delays and for time-", "tables that change.",
    ]
    joined = join_lines(lines)
    assert "is well-known for delays" in joined
    assert "for timetables that change" in joined


@pytest.fixture
def extractions(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry per page whose text pypdf was asked to read."""
    calls: list[int] = []
    real = PageObject.extract_text

    def counting(page: PageObject, *args: Any, **kwargs: Any) -> str:
        calls.append(1)
        return real(page, *args, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", counting)
    return calls


def test_pages_that_share_one_content_stream_are_read_once(extractions: list[int]) -> None:
    read_pdf(shared_stream_pdf(pages=40, stream_lines=200), "shared.pdf")
    assert len(extractions) == 1


def test_pages_with_streams_of_their_own_are_each_read(extractions: list[int]) -> None:
    read_pdf(shared_stream_pdf(pages=5, stream_lines=20, shared=False), "own.pdf")
    assert len(extractions) == 5


def test_a_pdf_past_the_content_bound_is_refused_before_reading_further(
    extractions: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    one_stream = 200 * 64  # 200 lines of about 64 bytes each
    monkeypatch.setattr(pdf_file, "MAX_CONTENT_BYTES", 3 * one_stream)
    with pytest.raises(IntakeError) as caught:
        read_pdf(shared_stream_pdf(pages=30, stream_lines=200, shared=False), "big.pdf")
    assert str(caught.value).startswith('Cannot load "big.pdf": its pages hold more than')
    assert "split it, or print it to a new PDF" in str(caught.value)
    assert len(extractions) <= 3


def test_reading_a_pdf_stops_at_its_time_bound(
    extractions: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = iter(range(0, 10_000, 5))  # each look at the clock: five more seconds
    monkeypatch.setattr(pdf_file.time, "monotonic", lambda: float(next(clock)))
    with pytest.raises(IntakeError) as caught:
        read_pdf(shared_stream_pdf(pages=30, stream_lines=20, shared=False), "slow.pdf")
    assert f"longer than {pdf_file.MAX_SECONDS:g} seconds" in str(caught.value)
    assert len(extractions) == pdf_file.MAX_SECONDS // 5


def test_cancel_stops_reading_a_pdf_between_pages(extractions: list[int]) -> None:
    asked: list[int] = []

    def is_cancelled() -> bool:
        asked.append(1)
        return len(asked) > 2

    with cancellable(is_cancelled), pytest.raises(Cancelled) as caught:
        load(shared_stream_pdf(pages=30, stream_lines=20, shared=False), name="long.pdf")
    assert str(caught.value) == "Cancelled."
    assert len(extractions) == 2


def test_pages_repeating_one_stream_are_refused_past_the_text_bound(
    extractions: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_file, "MAX_TEXT_CHARS", 100_000)
    with pytest.raises(IntakeError) as caught:
        read_pdf(shared_stream_pdf(pages=1_000, stream_lines=200), "repeated.pdf")
    assert str(caught.value) == (
        'Cannot load "repeated.pdf": its text is longer than 100,000 characters, the most an '
        "article may have; split it and load the parts."
    )
    assert len(extractions) == 1
