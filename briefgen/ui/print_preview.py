"""File > Print preview: the memo's pages as the PDF will print them (the PDF route's own PDF,
drawn page by page), with page navigation and zoom. Made on demand, never while typing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from briefgen.render.pdf_pages import PageImage, PdfPages

FIT_WIDTH = "Fit width"
ZOOMS = (FIT_WIDTH, "50%", "75%", "100%", "125%", "150%", "200%")
_IMAGE_FORMATS = {"RGB": QImage.Format.Format_RGB888, "RGBA": QImage.Format.Format_RGBA8888,
                  "RGBX": QImage.Format.Format_RGBX8888}


def page_pixmap(page: PageImage) -> QPixmap:
    """``page``'s pixels as a pixmap (copied: the pixmap owns its memory)."""
    image_format = _IMAGE_FORMATS.get(page.mode, QImage.Format.Format_RGB888)
    image = QImage(page.pixels, page.width, page.height, page.stride, image_format)
    return QPixmap.fromImage(image.copy())


class PrintPreviewDialog(QDialog):
    """The pages of ``pages``, one at a time, with Previous/Next (Page Up/Page Down), a page
    number box and a zoom (fit width, or a percentage of the printed size; Ctrl++/Ctrl+-).
    ``notice``: what the PDF lacks (drawn without LibreOffice), shown in one line above.
    Print... (Ctrl+P) emits ``print_requested``: the window prints these pages' PDF."""

    print_requested = Signal()

    def __init__(self, pages: PdfPages, notice: str | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreviewDialog")
        self.setWindowTitle("Print preview")
        self.pdf_pages = pages
        self.notice = notice
        self._pixmaps: list[QPixmap | None] = [None] * len(pages.pages)
        self.current = 0

        self.previous_button = QPushButton("&Previous", self)
        self.next_button = QPushButton("&Next", self)
        self.page_box = QSpinBox(self)
        self.page_box.setRange(1, max(1, len(pages.pages)))
        self.page_box.setAccessibleName("Page")
        self.page_count = QLabel(f"of {pages.total}", self)
        self.zoom_box = QComboBox(self)
        self.zoom_box.addItems(list(ZOOMS))
        self.zoom_box.setAccessibleName("Zoom")
        zoom_label = QLabel("&Zoom:", self)
        zoom_label.setBuddy(self.zoom_box)
        page_label = QLabel("P&age", self)
        page_label.setBuddy(self.page_box)

        controls = QHBoxLayout()
        for widget in (self.previous_button, self.next_button, page_label, self.page_box,
                       self.page_count):
            controls.addWidget(widget)
        controls.addStretch(1)
        controls.addWidget(zoom_label)
        controls.addWidget(self.zoom_box)

        notes = [notice[:1].upper() + notice[1:] + "."] if notice else []
        if pages.total > len(pages.pages):
            notes.append(f"The preview shows the first {len(pages.pages)} of {pages.total} "
                         "pages.")
        self.notice_label = QLabel(" ".join(notes), self)
        self.notice_label.setObjectName("printPreviewNotice")
        self.notice_label.setWordWrap(True)
        self.notice_label.setVisible(bool(notes))

        self.image = QLabel(self)
        self.image.setObjectName("printPreviewPage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setAccessibleName("Page image")
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidget(self.image)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area.setStyleSheet("QScrollArea { background: #8a8f96; }")
        self.scroll_area.viewport().installEventFilter(self)
        self.image.setStyleSheet("background: #8a8f96;")

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.print_button = QPushButton("P&rint\u2026", self)
        self.print_button.setObjectName("printPreviewPrint")
        self.print_button.setToolTip("Print these pages (Ctrl+P)")
        self.print_button.setEnabled(bool(pages.pdf) and pages.total > 0)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.clicked.connect(self.print_requested)
        self.print_shortcut = QShortcut(QKeySequence.StandardKey.Print, self)
        self.print_shortcut.activated.connect(self.print_button.click)

        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.notice_label)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(buttons)

        self.previous_button.clicked.connect(lambda: self.show_page(self.current - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.current + 1))
        self.page_box.valueChanged.connect(lambda value: self.show_page(value - 1))
        self.zoom_box.currentIndexChanged.connect(lambda _index: self._draw())
        for keys, step in ((QKeySequence.StandardKey.MoveToNextPage, 1),
                           (QKeySequence.StandardKey.MoveToPreviousPage, -1)):
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(lambda step=step: self.show_page(self.current + step))
        for keys, step in ((QKeySequence.StandardKey.ZoomIn, 1),
                           (QKeySequence.StandardKey.ZoomOut, -1)):
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(lambda step=step: self.zoom_by(step))
        self._fit_to_screen()
        self.show_page(0)

    def show_page(self, index: int) -> None:
        """Show page ``index`` (counted from 0; clamped to the pages there are)."""
        if not self.pdf_pages.pages:
            self.image.setText("The PDF has no pages.")
            self.previous_button.setEnabled(False)
            self.next_button.setEnabled(False)
            return
        self.current = max(0, min(index, len(self.pdf_pages.pages) - 1))
        self.previous_button.setEnabled(self.current > 0)
        self.next_button.setEnabled(self.current < len(self.pdf_pages.pages) - 1)
        if self.page_box.value() != self.current + 1:
            self.page_box.blockSignals(True)
            self.page_box.setValue(self.current + 1)
            self.page_box.blockSignals(False)
        self._draw()

    def zoom_by(self, step: int) -> None:
        """The next larger (``step`` 1) or smaller (-1) zoom of the list."""
        index = self.zoom_box.currentIndex()
        self.zoom_box.setCurrentIndex(max(0, min(index + step, len(ZOOMS) - 1)))

    def scale(self) -> float:
        """Screen pixels per pixel of the page image at the current zoom."""
        page = self.pdf_pages.pages[self.current]
        zoom = self.zoom_box.currentText()
        if zoom == FIT_WIDTH:
            room = self.scroll_area.viewport().width() - 24
            return max(0.1, float(room) / page.width)
        # 100%: the printed size, at the screen's dots per inch.
        return int(zoom.rstrip("%")) / 100 * self.logicalDpiX() / page.dpi

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (watched is self.scroll_area.viewport() and event.type() == QEvent.Type.Resize
                and self.zoom_box.currentText() == FIT_WIDTH):
            self._draw()  # fit width follows the view's width
        return False

    def _pixmap(self, index: int) -> QPixmap:
        pixmap = self._pixmaps[index]
        if pixmap is None:
            pixmap = self._pixmaps[index] = page_pixmap(self.pdf_pages.pages[index])
        return pixmap

    def _draw(self) -> None:
        if not self.pdf_pages.pages:
            return
        pixmap = self._pixmap(self.current)
        width = max(1, round(pixmap.width() * self.scale()))
        self.image.setPixmap(pixmap.scaledToWidth(
            width, Qt.TransformationMode.SmoothTransformation))
        self.image.setToolTip(f"Page {self.current + 1} of {self.pdf_pages.total}")

    def _fit_to_screen(self) -> None:
        screen = (self.parentWidget() or self).screen().availableGeometry()
        height = int(screen.height() * 0.9)
        width = min(int(screen.width() * 0.9), max(640, int(height * 0.8)))
        self.resize(width, height)
