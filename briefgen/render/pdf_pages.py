"""A PDF's pages drawn as images (PDFium, through pypdfium2) for the print preview: what the
memo looks like printed, page by page, as the PDF route made it."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from briefgen.cancellation import current_cancel_check
from briefgen.errors import Cancelled, RenderError

PREVIEW_DPI = 120
MAX_PREVIEW_PAGES = 30  # about 4 MB each at 120 dpi: a long PDF shows its first pages
_PDFIUM = threading.Lock()  # PDFium is not thread-safe: one caller at a time


@dataclass(frozen=True)
class PageImage:
    """One page's pixels, ``stride`` bytes a row, 8 bits a channel in the order ``mode``
    names ("RGB", or "RGBA"/"RGBX" for a page PDFium draws with a fourth byte); ``dpi``
    its resolution."""

    width: int
    height: int
    stride: int
    pixels: bytes
    mode: str
    dpi: int


@dataclass(frozen=True)
class PdfPages:
    """The first pages of a PDF as images, how many pages it has in all, and the PDF itself
    (what Print sends to the printer, so the paper shows these very pages)."""

    pages: list[PageImage]
    total: int
    pdf: bytes = field(default=b"", repr=False)


def _open(pdf: bytes, verb: str = "read") -> object:
    """The pypdfium2 document of ``pdf``; RenderError (one sentence) for bytes PDFium cannot
    read. Call with _PDFIUM held."""
    import pypdfium2

    try:
        return pypdfium2.PdfDocument(pdf)
    except pypdfium2.PdfiumError as exc:
        raise RenderError(f"The memo's PDF cannot be {verb} ({exc}).") from None


def pdf_page_images(pdf: bytes, *, dpi: int = PREVIEW_DPI,
                    max_pages: int = MAX_PREVIEW_PAGES) -> PdfPages:
    """Draw the first ``max_pages`` pages of ``pdf`` at ``dpi``. RenderError (one sentence)
    for bytes PDFium cannot read; Cancelled between pages when the caller cancels."""
    is_cancelled = current_cancel_check()
    with _PDFIUM:
        document: Any = _open(pdf, "shown")
        try:
            total = len(document)
            pages: list[PageImage] = []
            for index in range(min(total, max_pages)):
                if is_cancelled is not None and is_cancelled():
                    raise Cancelled("The print preview was cancelled.")
                pages.append(_page_image(document[index], dpi))
            return PdfPages(pages, total, pdf)
        finally:
            document.close()


def _page_image(page: object, dpi: int) -> PageImage:
    """Draw ``page`` (a pypdfium2 page, closed here) at ``dpi``; call with _PDFIUM held."""
    try:
        bitmap = page.render(scale=dpi / 72, rev_byteorder=True)  # type: ignore[attr-defined]
        try:
            return PageImage(bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer),
                             str(bitmap.mode), dpi)
        finally:
            bitmap.close()
    finally:
        page.close()  # type: ignore[attr-defined]


def pdf_page_count(pdf: bytes) -> int:
    """How many pages ``pdf`` has; RenderError (one sentence) for bytes PDFium cannot read."""
    with _PDFIUM:
        document: Any = _open(pdf)
        try:
            return len(document)
        finally:
            document.close()


def each_pdf_page(pdf: bytes, indices: Iterable[int], dpi: int,
                  use: Callable[[int, PageImage], None]) -> None:
    """Draw the pages ``indices`` (counted from 0, in that order, repeats allowed) of ``pdf``
    at ``dpi`` one at a time and hand each to ``use`` (index, image) before drawing the next,
    so only one page's pixels are held at once (a printer's resolution makes big pages).
    PDFium is held only while a page is drawn, not while ``use`` runs. RenderError for bytes
    PDFium cannot read or an index it lacks; Cancelled between pages when the caller cancels."""
    is_cancelled = current_cancel_check()
    with _PDFIUM:
        document: Any = _open(pdf)
    try:
        for index in indices:
            if is_cancelled is not None and is_cancelled():
                raise Cancelled("Printing was cancelled.")
            with _PDFIUM:
                if not 0 <= index < len(document):
                    raise RenderError(f"The memo's PDF has no page {index + 1}.")
                image = _page_image(document[index], dpi)
            use(index, image)
    finally:
        with _PDFIUM:
            document.close()
