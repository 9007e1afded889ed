"""Cut, Copy, Paste and Select All of the Edit menu, acting on the widget with the focus."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)


def focused_widget() -> QWidget | None:
    """The application's focus widget (a combo box's or spin box's own line edit counts)."""
    return QApplication.focusWidget()


def _writable(widget: QWidget) -> bool:
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        return not widget.isReadOnly()
    return False


def rows_as_text(view: QAbstractItemView) -> str:
    """The selected rows of ``view`` (else its current row) as text: one line per row,
    its shown cells joined by tabs, ready to paste into an e-mail or a spreadsheet."""
    model = view.model()
    selection = view.selectionModel()
    rows = sorted({index.row() for index in selection.selectedIndexes()}) if selection else []
    if not rows and view.currentIndex().isValid():
        rows = [view.currentIndex().row()]
    lines = []
    for row in rows:
        cells = [model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
                 for column in range(model.columnCount())]
        lines.append("\t".join(str(cell) for cell in cells if cell not in (None, "")))
    return "\n".join(lines)


def cut() -> None:
    """Cut the selected text of the focused field."""
    widget = focused_widget()
    if widget is not None and _writable(widget):
        widget.cut()  # type: ignore[attr-defined]


def copy() -> None:
    """Copy the focused field's selected text, or the selected rows of a list."""
    widget = focused_widget()
    if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        widget.copy()
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        text = rows_as_text(widget)
        if text:
            QGuiApplication.clipboard().setText(text)


def paste(paste_article: Callable[[], object], article_area: QWidget) -> None:
    """Paste into the focused field; in ``article_area`` (the sources and the source text),
    or with nothing focused, the clipboard becomes a new source (``paste_article``)."""
    widget = focused_widget()
    if widget is None or widget is article_area or article_area.isAncestorOf(widget):
        paste_article()
    elif _writable(widget):
        widget.paste()  # type: ignore[attr-defined]


def select_all() -> None:
    """Select all the text of the focused field, or every row of the focused list."""
    widget = focused_widget()
    if widget is not None and hasattr(widget, "selectAll"):
        widget.selectAll()
