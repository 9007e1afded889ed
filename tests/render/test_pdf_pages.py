"""A PDF's pages drawn as images for the print preview."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.sample_briefs import many_points_brief, sample_brief

from briefgen.cancellation import cancellable
from briefgen.errors import Cancelled, RenderError
from briefgen.render import TemplateLibrary
from briefgen.render.output import memo_pdf
from briefgen.render.pdf_pages import each_pdf_page, pdf_page_count, pdf_page_images


def _pdf(brief_factory=sample_brief) -> bytes:  # type: ignore[no-untyped-def]
    template = TemplateLibrary(user_dir=Path("/nonexistent-briefgen-user")).get(
        "information-memo")
    return memo_pdf(brief_factory(), template)  # fpdf2: tests run without LibreOffice


def _dark_share(pixels: bytes) -> float:
    """The share of bytes darker than mid-grey: ink on the page."""
    return sum(1 for value in pixels[::7] if value < 128) / len(pixels[::7])


def test_each_page_is_drawn_at_the_asked_resolution_with_ink_on_it() -> None:
    import io

    from pypdf import PdfReader

    pdf = _pdf()
    reader = PdfReader(io.BytesIO(pdf))
    drawn = pdf_page_images(pdf, dpi=72)
    assert drawn.total == len(reader.pages)
    assert len(drawn.pages) == drawn.total
    first = drawn.pages[0]
    box = reader.pages[0].mediabox
    assert abs(first.width - float(box.width)) <= 1  # 72 dpi: one pixel a point
    assert abs(first.height - float(box.height)) <= 1
    assert first.mode == "RGB"
    assert len(first.pixels) == first.stride * first.height
    assert 0.001 < _dark_share(first.pixels) < 0.5  # text, on a white page
    sharper = pdf_page_images(pdf, dpi=144).pages[0]
    assert abs(sharper.width - 2 * first.width) <= 2


def test_a_long_pdf_shows_its_first_pages_and_says_how_many_there_are() -> None:
    pdf = _pdf(many_points_brief)
    drawn = pdf_page_images(pdf, dpi=30, max_pages=2)
    assert drawn.total > 2
    assert len(drawn.pages) == 2


def test_bytes_that_are_not_a_pdf_are_one_sentence() -> None:
    with pytest.raises(RenderError, match="The memo's PDF cannot be shown"):
        pdf_page_images(b"not a pdf at all")


def test_cancel_stops_between_pages() -> None:
    with cancellable(lambda: True), pytest.raises(Cancelled):
        pdf_page_images(_pdf(), dpi=30)


def test_each_pdf_page_hands_over_the_asked_pages_one_at_a_time_in_order() -> None:
    pdf = _pdf(many_points_brief)
    assert pdf_page_count(pdf) == pdf_page_images(pdf, dpi=20).total > 2
    whole = pdf_page_images(pdf, dpi=40)
    seen: list[tuple[int, bytes]] = []
    each_pdf_page(pdf, [2, 0, 0], 40, lambda index, page: seen.append((index, page.pixels)))
    assert [index for index, _pixels in seen] == [2, 0, 0]
    assert seen[0][1] == whole.pages[2].pixels  # the same pixels as the preview's page
    assert seen[1][1] == seen[2][1] == whole.pages[0].pixels
    assert seen[0][1] != seen[1][1]


def test_each_pdf_page_refuses_a_page_the_pdf_lacks_and_bytes_that_are_no_pdf() -> None:
    pdf = _pdf()
    with pytest.raises(RenderError, match=f"has no page {pdf_page_count(pdf) + 1}"):
        each_pdf_page(pdf, [pdf_page_count(pdf)], 20, lambda _index, _page: None)
    with pytest.raises(RenderError, match="The memo's PDF cannot be read"):
        each_pdf_page(b"%PDF-broken", [0], 20, lambda _index, _page: None)
    with pytest.raises(RenderError, match="The memo's PDF cannot be read"):
        pdf_page_count(b"no pdf")


def test_each_pdf_page_stops_between_pages_on_cancel() -> None:
    pdf = _pdf(many_points_brief)
    used: list[int] = []
    with cancellable(lambda: len(used) >= 1), pytest.raises(Cancelled):
        each_pdf_page(pdf, [0, 1, 2], 20, lambda index, _page: used.append(index))
    assert used == [0]
