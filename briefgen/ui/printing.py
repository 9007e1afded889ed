"""File > Print: the memo's PDF (the pages Print preview shows) drawn page by page on a
printer the user picks; the HTML as the preview draws it only where no PDF can be made."""

from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter, QTextDocument
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from briefgen.errors import Cancelled, RenderError
from briefgen.render.pdf_pages import PageImage, each_pdf_page, pdf_page_count
from briefgen.ui.preview import fit_to_pane
from briefgen.ui.worker import IsCancelled, Progress

# Pages are drawn at the printer's resolution up to this: an A4 page at 300 dpi is 26 MB of
# pixels, at a 1200 dpi printer's own resolution 418 MB; 300 dpi is sharp print for text.
MAX_PRINT_DPI = 300
_IMAGE_FORMATS = {"RGB": QImage.Format.Format_RGB888, "RGBA": QImage.Format.Format_RGBA8888,
                  "RGBX": QImage.Format.Format_RGBX8888}


class PrintDialog:
    """Asks for a printer (Qt's print dialog); tests monkeypatch ``ask``."""

    @classmethod
    def ask(cls, parent: QWidget | None, page_count: int | None = None,
            current_page: int | None = None) -> QPrinter | None:
        """The printer set up by the user, ``None`` when cancelled. ``page_count``: the
        pages there are (bounds the page range); ``current_page`` (from 1): offer to print
        only the page on screen."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle("Print memo")
        option = QAbstractPrintDialog.PrintDialogOption
        dialog.setOption(option.PrintPageRange, True)
        if page_count:
            dialog.setMinMax(1, page_count)
        if current_page is not None:
            dialog.setOption(option.PrintCurrentPage, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer


def pages_to_print(printer: QPrinter, total: int, current_page: int | None = None) -> list[int]:
    """The page indices (from 0) to draw on ``printer``, in order and with the copies it
    cannot make itself, as its print dialog was set: all pages, a page range, or the
    current page (``current_page``, from 1); last page first if asked."""
    pages = list(range(total))
    print_range = printer.printRange()
    if print_range == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            pages = [index for index in pages if ranges.contains(index + 1)]
        elif printer.fromPage() > 0:
            last = printer.toPage() or total
            pages = [index for index in pages if printer.fromPage() <= index + 1 <= last]
    elif print_range == QPrinter.PrintRange.CurrentPage and current_page is not None:
        pages = [current_page - 1] if 1 <= current_page <= total else []
    if printer.pageOrder() == QPrinter.PageOrder.LastPageFirst:
        pages.reverse()
    copies = 1 if printer.supportsMultipleCopies() else max(1, printer.copyCount())
    if printer.collateCopies():
        return pages * copies  # 1 2 3, 1 2 3
    return [index for index in pages for _copy in range(copies)]  # 1 1, 2 2, 3 3


def print_pdf(pdf: bytes, printer: QPrinter, progress: Progress, cancelled: IsCancelled,
              current_page: int | None = None) -> int:
    """Draw the pages of ``pdf`` the print dialog asked for onto ``printer``, one at a time
    (PDFium at the printer's resolution, at most MAX_PRINT_DPI), each at its printed size
    (shrunk to fit a smaller paper), and return how many went to the printer. Runs on a
    worker thread (Qt paints on a QPrinter off the GUI thread). Cancelled between pages
    aborts the job where the platform can (Qt's PDF and CUPS printing cannot: the pages
    already drawn are printed, the rest are not); RenderError (one sentence) when the
    printer cannot be opened or the range asked for holds no page of the memo."""
    indices = pages_to_print(printer, pdf_page_count(pdf), current_page)
    if not indices:
        raise RenderError("The pages asked for are not in the memo: nothing was printed.")
    dpi = max(72, min(printer.resolution(), MAX_PRINT_DPI))
    printer.setFullPage(True)  # the PDF's pages carry their own margins
    painter = QPainter()
    if not painter.begin(printer):
        name = printer.printerName() or printer.outputFileName() or "the printer"
        raise RenderError(f"The memo cannot be printed: {name} cannot be opened.")
    done = 0
    progress(0, len(indices))

    def draw(_index: int, page: PageImage) -> None:
        nonlocal done
        if done and not printer.newPage():
            raise RenderError("The printer refused a new page: the memo was not printed.")
        _draw_page(painter, printer, page)
        done += 1
        progress(done, len(indices))

    try:
        each_pdf_page(pdf, indices, dpi, draw)
    except (Cancelled, RenderError):
        printer.abort()
        painter.end()
        raise
    if cancelled():
        printer.abort()
        painter.end()
        raise Cancelled("Printing was cancelled.")
    painter.end()
    return done


def _draw_page(painter: QPainter, printer: QPrinter, page: PageImage) -> None:
    """``page`` at its printed size on the paper (smaller if the paper is), centred."""
    image = QImage(page.pixels, page.width, page.height, page.stride,
                   _IMAGE_FORMATS.get(page.mode, QImage.Format.Format_RGB888))
    paper = painter.viewport()
    scale = printer.resolution() / page.dpi  # device pixels per image pixel: printed size
    fit = min(paper.width() / page.width, paper.height() / page.height)
    if fit < scale * 0.995:  # a smaller paper (not A4 rounded a pixel narrower than A4)
        scale = fit
    width, height = page.width * scale, page.height * scale
    # Whole device pixels: a page at its printed size is then copied pixel for pixel.
    target = QRectF(paper.x() + round((paper.width() - width) / 2),
                    paper.y() + round((paper.height() - height) / 2), width, height)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    # Qt's PDF and CUPS printing store a picture as JPEG unless told: text would blur.
    painter.setRenderHint(QPainter.RenderHint.LosslessImageRendering)
    painter.drawImage(target, image)


def print_html(html: str, printer: QPrinter) -> None:
    """Lay ``html`` (a memo) out on ``printer``'s pages and print it (where no PDF of the
    memo can be made: a Word-made template without LibreOffice)."""
    document = QTextDocument()
    # Qt's rich text reads the same adapted HTML as the preview (no rem or cm lengths).
    document.setHtml(fit_to_pane(html))
    document.print_(printer)
