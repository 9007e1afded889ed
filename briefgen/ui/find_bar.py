"""Edit > Find: a bar that finds words in the source text, anywhere in the brief form and
in the memo preview."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from briefgen.ui.brief_form import BriefForm
from briefgen.ui.source_view import SourceView


@dataclass(frozen=True)
class Hit:
    """One place the words were found: ``where`` names it for the bar ("source text",
    "Subject", "Key points, row 2"); ``show`` selects it on screen."""

    where: str
    show: Callable[[], None]


class FindBar(QWidget):
    """Finds text (ignoring case) in the source on display, the header fields, the bottom
    line and every list of the form, then the memo preview (``preview``), in that order;
    Enter goes to the next place, Shift+Enter to the previous one, Esc closes the bar."""

    def __init__(self, source_view: SourceView, form: BriefForm,
                 parent: QWidget | None = None, *, preview: QTextEdit | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.source_view = source_view
        self.form = form
        self.preview = preview
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setPlaceholderText("Find in the source, the brief and the preview")
        self.field.setAccessibleName("Find")
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(lambda _text: self.find_next(restart=True))
        self.field.installEventFilter(self)
        label = QLabel("Fi&nd:", self)
        label.setBuddy(self.field)
        self.previous_button = QPushButton("Previous", self)
        self.previous_button.setToolTip("The previous place (Shift+Enter)")
        self.previous_button.clicked.connect(self.find_previous)
        self.next_button = QPushButton("Next", self)
        self.next_button.setToolTip("The next place (Enter)")
        self.next_button.clicked.connect(lambda: self.find_next())
        self.close_button = QPushButton("Close", self)
        self.close_button.setToolTip("Close the find bar (Esc)")
        self.close_button.clicked.connect(self.close_bar)
        self.result = QLabel(self)
        self.result.setObjectName("findResult")
        self.result.setAccessibleName("Find result")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.field, 2)
        for widget in (self.previous_button, self.next_button, self.result, self.close_button):
            layout.addWidget(widget)
        layout.setStretch(layout.indexOf(self.result), 1)
        self._current = -1
        self.hide()

    def open_bar(self) -> None:
        """Show the bar with the find field focused and its text selected."""
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        """Hide the bar."""
        self.hide()

    def hits(self) -> list[Hit]:
        """Every place the find field's words are found now, in reading order."""
        words = self.field.text().strip()
        if not words:
            return []
        found: list[Hit] = []
        source = self.source_view.text
        for start in _positions(source.toPlainText(), words):
            found.append(Hit("source text", _selector(source, start, len(words))))
        for name, editor in self.form.field_editors.items():
            if isinstance(editor, QComboBox):
                if words.casefold() in editor.currentText().casefold():
                    found.append(Hit(_label(self.form, name), editor.setFocus))
            elif isinstance(editor, QLineEdit | QPlainTextEdit):
                text = editor.text() if isinstance(editor, QLineEdit) else editor.toPlainText()
                for start in _positions(text, words):
                    found.append(Hit(_label(self.form, name), _selector(editor, start, len(words))))
        for start in _positions(self.form.summary.toPlainText(), words):
            found.append(Hit("Bottom line", _selector(self.form.summary, start, len(words))))
        for name, list_editor in self.form.editors.items():
            model = list_editor.model
            for row in range(model.rowCount()):
                cells = (str(model.index(row, column).data() or "")
                         for column in range(model.columnCount()))
                if any(words.casefold() in cell.casefold() for cell in cells):
                    title = model.spec.title
                    found.append(Hit(f"{title}, row {row + 1}",
                                     _row_selector(self.form, name, row)))
        if self.preview is not None:
            # The page's own positions (its tables and frames hold characters that its
            # plain text leaves out), found by the document itself, case ignored.
            document = self.preview.document()
            cursor = document.find(words, 0)
            while not cursor.isNull():
                start = cursor.selectionStart()
                found.append(Hit("preview", _selector(
                    self.preview, start, cursor.selectionEnd() - start)))
                cursor = document.find(words, cursor)
        return found

    def find_next(self, *, restart: bool = False) -> None:
        """Go to the next place (the first one after a new search)."""
        self._go(0 if restart else self._current + 1)

    def find_previous(self) -> None:
        """Go to the previous place."""
        self._go(self._current - 1)

    def _go(self, index: int) -> None:
        found = self.hits()
        if not found:
            self._current = -1
            self.result.setText("Not found" if self.field.text().strip() else "")
            return
        self._current = index % len(found)
        hit = found[self._current]
        hit.show()
        self.result.setText(f"{self._current + 1} of {len(found)}: {hit.where}")
        self.field.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.find_previous()
                else:
                    self.find_next()
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)


def _positions(text: str, words: str) -> list[int]:
    haystack, needle = text.casefold(), words.casefold()
    found = []
    start = haystack.find(needle)
    while start >= 0:
        found.append(start)
        start = haystack.find(needle, start + len(needle))
    return found


def _label(form: BriefForm, name: str) -> str:
    label = form.field_labels.get(name)
    text = label.text() if label is not None else name
    return text.replace("&", "").rstrip(" *") or name


def _selector(widget: QLineEdit | QPlainTextEdit | QTextEdit, start: int,
              length: int) -> Callable[[], None]:
    def show() -> None:
        if isinstance(widget, QLineEdit):
            widget.setSelection(start, length)
            return
        cursor = QTextCursor(widget.document())
        cursor.setPosition(start)
        cursor.setPosition(start + length, QTextCursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
        widget.ensureCursorVisible()

    return show


def _row_selector(form: BriefForm, name: str, row: int) -> Callable[[], None]:
    def show() -> None:
        editor = form.editor(name)
        form.tabs.setCurrentWidget(editor)
        editor.select_row(row)

    return show
