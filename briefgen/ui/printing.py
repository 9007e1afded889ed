"""File > Print: the memo (as the HTML export draws it) on a printer the user picks."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from briefgen.ui.preview import fit_to_pane


class PrintDialog:
    """Asks for a printer (Qt's print dialog); tests monkeypatch ``ask``."""

    @classmethod
    def ask(cls, parent: QWidget | None) -> QPrinter | None:
        """The printer set up by the user, ``None`` when cancelled."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle("Print memo")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return printer


def print_html(html: str, printer: QPrinter) -> None:
    """Lay ``html`` (a memo) out on ``printer``'s pages and print it."""
    document = QTextDocument()
    # Qt's rich text reads the same adapted HTML as the preview (no rem or cm lengths).
    document.setHtml(fit_to_pane(html))
    document.print_(printer)
