"""A PDF's pages drawn as images (PDFium, through pypdfium2) for the print preview: what the
memo looks like printed, page by page, as the PDF route made it."""

from __future__ import annotations

import threading
from dataclasses import dataclass

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
    """The first pages of a PDF as images, and how many pages it has in all."""

    pages: list[PageImage]
    total: int


def pdf_page_images(pdf: bytes, *, dpi: int = PREVIEW_DPI,
                    max_pages: int = MAX_PREVIEW_PAGES) -> PdfPages:
    """Draw the first ``max_pages`` pages of ``pdf`` at ``dpi``. RenderError (one sentence)
    for bytes PDFium cannot read; Cancelled between pages when the caller cancels."""
    import pypdfium2

    is_cancelled = current_cancel_check()
    with _PDFIUM:
        try:
            document = pypdfium2.PdfDocument(pdf)
        except pypdfium2.PdfiumError as exc:
            raise RenderError(f"The memo's PDF cannot be shown ({exc}).") from None
        try:
            total = len(document)
            pages: list[PageImage] = []
            for index in range(min(total, max_pages)):
                if is_cancelled is not None and is_cancelled():
                    raise Cancelled("The print preview was cancelled.")
                page = document[index]
                try:
                    bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
                    try:
                        pages.append(PageImage(bitmap.width, bitmap.height, bitmap.stride,
                                               bytes(bitmap.buffer), str(bitmap.mode), dpi))
                    finally:
                        bitmap.close()
                finally:
                    page.close()
            return PdfPages(pages, total)
        finally:
            document.close()
