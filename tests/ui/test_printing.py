"""Tests for briefgen/ui/printing.py: the memo's PDF drawn page by page onto a printer.

The printer is Qt's PDF printer writing to a temporary file: the test reopens what was
"printed" and compares each sheet's picture with the memo's own PDF page drawn by PDFium
(the printed pages are pictures of the memo's pages, so pixels are compared, not text)."""

from __future__ import annotations

from pathlib import Path

import numpy
import pypdf
import pypdfium2
import pytest
from PySide6.QtGui import QPageRanges, QPageSize
from PySide6.QtPrintSupport import QPrinter
from support.sample_briefs import many_points_brief

from briefgen.errors import Cancelled, RenderError
from briefgen.render import TemplateLibrary
from briefgen.render.output import memo_pdf
from briefgen.render.pdf_pages import pdf_page_images
from briefgen.ui.printing import pages_to_print, print_pdf


@pytest.fixture(scope="module")
def long_pdf() -> bytes:
    template = TemplateLibrary(user_dir=Path("/nonexistent-briefgen-user")).get(
        "information-memo")
    return memo_pdf(many_points_brief(), template)  # fpdf2: tests run without LibreOffice


def pdf_printer(path: Path) -> QPrinter:
    """A printer that writes a PDF to ``path`` (A4, as the memo's PDF)."""
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    return printer


def printed_pictures(printed: Path) -> list[tuple[numpy.ndarray, tuple[float, ...]]]:
    """Each printed sheet's one picture (RGB numbers) and where it lies on the sheet
    (left, bottom, right, top in points)."""
    reader = pypdf.PdfReader(printed)
    document = pypdfium2.PdfDocument(printed)
    try:
        sheets = []
        for page, drawn in zip(reader.pages, document, strict=True):
            assert len(page.images) == 1
            placed = list(drawn.get_objects(filter=[pypdfium2.raw.FPDF_PAGEOBJ_IMAGE]))
            assert len(placed) == 1
            sheets.append((numpy.asarray(page.images[0].image.convert("RGB"), dtype=int),
                           tuple(placed[0].get_bounds())))
        return sheets
    finally:
        document.close()


def memo_pictures(pdf: bytes, dpi: int = 96) -> list[numpy.ndarray]:
    """Each page of the memo's PDF drawn by PDFium at ``dpi``, as RGB numbers."""
    pictures = []
    for page in pdf_page_images(pdf, dpi=dpi).pages:
        rows = numpy.frombuffer(page.pixels, dtype=numpy.uint8).reshape(page.height, page.stride)
        pictures.append(rows[:, : page.width * 3].reshape(page.height, page.width, 3).astype(int))
    return pictures


def assert_printed(printed: Path, pdf: bytes, pages: list[int]) -> None:
    """``printed`` holds the memo's pages ``pages`` (from 0), in that order: on each sheet
    one picture, pixel for pixel the memo's page as PDFium draws it at the printer's 96 dpi
    (so the same words in the same places), at the page's printed size."""
    memo = memo_pictures(pdf)
    width, height = pypdfium2.PdfDocument(pdf)[0].get_size()
    sheets = printed_pictures(printed)
    assert len(sheets) == len(pages)
    for (picture, (left, bottom, right, top)), index in zip(sheets, pages, strict=True):
        assert picture.shape == memo[index].shape
        assert numpy.array_equal(picture, memo[index])
        assert abs((right - left) - width) < 1.5
        assert abs((top - bottom) - height) < 1.5


def test_every_page_of_the_memos_pdf_is_printed_at_its_size(qtbot, tmp_path, long_pdf) -> None:  # type: ignore[no-untyped-def]
    printer = pdf_printer(tmp_path / "printed.pdf")
    steps: list[tuple[int, int]] = []
    count = print_pdf(long_pdf, printer, lambda done, total: steps.append((done, total)),
                      lambda: False)
    total = len(pypdfium2.PdfDocument(long_pdf))
    assert total > 2
    assert count == total
    assert steps[0] == (0, total)
    assert steps[-1] == (total, total)
    assert_printed(tmp_path / "printed.pdf", long_pdf, list(range(total)))
    memo_page = pypdfium2.PdfDocument(long_pdf)[0].get_size()
    paper_page = pypdfium2.PdfDocument(tmp_path / "printed.pdf")[0].get_size()
    assert all(abs(a - b) < 1 for a, b in zip(memo_page, paper_page, strict=True))


def test_the_page_range_and_uncollated_copies_of_the_print_dialog_are_honoured(
    qtbot, tmp_path, long_pdf
) -> None:  # type: ignore[no-untyped-def]
    printer = pdf_printer(tmp_path / "printed.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(2, 3)
    printer.setCopyCount(2)
    printer.setCollateCopies(False)
    assert not printer.supportsMultipleCopies()  # so the copies are drawn here
    count = print_pdf(long_pdf, printer, lambda _done, _total: None, lambda: False)
    assert count == 4
    assert_printed(tmp_path / "printed.pdf", long_pdf, [1, 1, 2, 2])


def test_page_order_collated_copies_and_the_current_page() -> None:
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    assert pages_to_print(printer, 3) == [0, 1, 2]
    printer.setCopyCount(2)
    printer.setCollateCopies(True)
    assert pages_to_print(printer, 3) == [0, 1, 2, 0, 1, 2]
    printer.setCopyCount(1)
    printer.setPageOrder(QPrinter.PageOrder.LastPageFirst)
    assert pages_to_print(printer, 3) == [2, 1, 0]
    printer.setPageOrder(QPrinter.PageOrder.FirstPageFirst)
    printer.setPrintRange(QPrinter.PrintRange.CurrentPage)
    assert pages_to_print(printer, 3, current_page=2) == [1]
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    ranges = QPageRanges()
    ranges.addPage(1)
    ranges.addRange(3, 9)
    printer.setPageRanges(ranges)
    assert pages_to_print(printer, 4) == [0, 2, 3]


def test_a_range_beyond_the_last_page_prints_nothing_and_says_so(tmp_path, long_pdf) -> None:  # type: ignore[no-untyped-def]
    printer = pdf_printer(tmp_path / "printed.pdf")
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(50, 60)
    with pytest.raises(RenderError, match="not in the memo: nothing was printed"):
        print_pdf(long_pdf, printer, lambda _done, _total: None, lambda: False)
    assert not (tmp_path / "printed.pdf").exists()


def test_cancel_stops_between_pages_and_aborts_the_job(tmp_path, long_pdf) -> None:  # type: ignore[no-untyped-def]
    from briefgen.cancellation import cancellable

    printer = pdf_printer(tmp_path / "printed.pdf")
    steps: list[int] = []
    with cancellable(lambda: len(steps) >= 2), pytest.raises(Cancelled):
        print_pdf(long_pdf, printer, lambda done, _total: steps.append(done),
                  lambda: len(steps) >= 2)
    assert steps == [0, 1]  # the first page drawn, then no more
    # Qt's PDF (and CUPS) printing cannot abort a started job: the page drawn stays.
    assert len(pypdf.PdfReader(tmp_path / "printed.pdf").pages) == 1
