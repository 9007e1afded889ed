"""Tests for briefgen/ui/print_preview.py: the memo's PDF pages, navigation and zoom."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.sample_briefs import many_points_brief, sample_brief

from briefgen.render import TemplateLibrary
from briefgen.render.output import memo_pdf, pdf_notice
from briefgen.render.pdf_pages import PdfPages, pdf_page_images
from briefgen.ui.print_preview import FIT_WIDTH, PrintPreviewDialog


def _pages(brief_factory=sample_brief, max_pages: int = 30) -> PdfPages:  # type: ignore[no-untyped-def]
    template = TemplateLibrary(user_dir=Path("/nonexistent-briefgen-user")).get(
        "information-memo")
    return pdf_page_images(memo_pdf(brief_factory(), template), max_pages=max_pages)


@pytest.fixture(scope="module")
def long_memo() -> PdfPages:
    return _pages(many_points_brief, max_pages=2)


def _dialog(qtbot, pages: PdfPages, notice: str | None = None) -> PrintPreviewDialog:  # type: ignore[no-untyped-def]
    dialog = PrintPreviewDialog(pages, notice)
    qtbot.addWidget(dialog)
    dialog.resize(900, 700)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_pages_are_shown_one_at_a_time_with_previous_and_next(qtbot, long_memo) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, long_memo)
    assert long_memo.total > 2
    assert dialog.page_count.text() == f"of {long_memo.total}"
    assert dialog.page_box.value() == 1
    assert not dialog.previous_button.isEnabled()
    first = dialog.image.pixmap().toImage()
    assert not first.isNull()
    dialog.next_button.click()
    assert dialog.current == 1
    assert dialog.page_box.value() == 2
    assert dialog.previous_button.isEnabled()
    assert dialog.image.pixmap().toImage() != first  # another page's ink
    dialog.page_box.setValue(1)
    assert dialog.current == 0
    dialog.page_box.setValue(2)
    assert dialog.current == 1
    assert not dialog.next_button.isEnabled()  # the last page drawn
    dialog.show_page(99)
    assert dialog.current == 1
    # More pages than drawn: the dialog says so.
    assert dialog.notice_label.isVisible()
    assert f"first 2 of {long_memo.total} pages" in dialog.notice_label.text()


def test_zoom_scales_the_page_and_fit_width_fills_the_view(qtbot, long_memo) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, long_memo)
    assert dialog.zoom_box.currentText() == FIT_WIDTH
    room = dialog.scroll_area.viewport().width()
    assert room - 40 <= dialog.image.pixmap().width() <= room
    dialog.zoom_box.setCurrentText("50%")
    half = dialog.image.pixmap().width()
    dialog.zoom_box.setCurrentText("100%")
    full = dialog.image.pixmap().width()
    assert abs(full - 2 * half) <= 2
    page = long_memo.pages[0]
    assert abs(full - page.width * dialog.logicalDpiX() / page.dpi) <= 1  # printed size
    dialog.zoom_by(1)
    assert dialog.zoom_box.currentText() == "125%"
    assert dialog.image.pixmap().width() > full


def test_the_fpdf2_fallback_says_in_one_line_what_the_pdf_lacks(qtbot) -> None:  # type: ignore[no-untyped-def]
    template = TemplateLibrary(user_dir=Path("/nonexistent-briefgen-user")).get(
        "information-memo")
    notice = pdf_notice(template)
    assert notice is not None  # tests run with BRIEFGEN_PDF_CONVERTER=none
    dialog = _dialog(qtbot, _pages(), notice)
    text = dialog.notice_label.text()
    assert dialog.notice_label.isVisible()
    assert text.startswith("The PDF was drawn without LibreOffice")
    assert "letterhead" in text
    assert "first" not in text  # every page is drawn


def test_a_pdf_drawn_by_libreoffice_has_no_notice(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, _pages(), None)
    assert not dialog.notice_label.isVisible()


def test_print_asks_the_window_to_print_these_pages_by_button_and_ctrl_p(qtbot, long_memo) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QKeySequence

    dialog = _dialog(qtbot, long_memo)
    assert long_memo.pdf.startswith(b"%PDF")  # the pages' own PDF goes to the printer
    assert dialog.print_button.isEnabled()
    assert dialog.print_button.text() == "P&rint\u2026"  # Alt+P is Previous
    with qtbot.waitSignal(dialog.print_requested, timeout=1_000):
        dialog.print_button.click()
    # Ctrl+P in the preview prints too (offscreen windows are never active, so the
    # shortcut is checked by its keys and fired directly).
    assert dialog.print_shortcut.key() == QKeySequence(QKeySequence.StandardKey.Print)
    assert dialog.print_shortcut.key().toString() == "Ctrl+P"
    with qtbot.waitSignal(dialog.print_requested, timeout=1_000):
        dialog.print_shortcut.activated.emit()


def test_pages_without_their_pdf_cannot_be_printed(qtbot, long_memo) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, PdfPages(long_memo.pages, long_memo.total))
    assert not dialog.print_button.isEnabled()


@pytest.mark.parametrize("size", [(1366, 768), (1280, 720)])
def test_the_print_button_sits_beside_close(qtbot, long_memo, screenshots, size) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(*size)
    dialog = PrintPreviewDialog(long_memo, pdf_notice(None) or None, parent)
    qtbot.addWidget(dialog)
    dialog.resize(min(dialog.width(), size[0]), min(dialog.height(), size[1] - 40))
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.grab().save(str(screenshots / f"print-preview-{size[0]}x{size[1]}.png"))
    button = dialog.print_button
    assert button.isVisible()
    corner = button.mapTo(dialog, button.rect().bottomRight())
    assert dialog.rect().contains(corner)  # all of it on the dialog, not cut off
    assert button.width() >= button.sizeHint().width()
