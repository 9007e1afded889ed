"""Editors for the template's header fields, each bound to one value of the brief."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from briefgen.model.edits import Path
from briefgen.ui.document import BriefDocument, get_value

LINES_TYPES = ("list", "people", "quotes")
# Table-like header fields: one row per line, columns separated by " | ".
ROW_KEYS = {
    "people": ("name", "role", "organization"),
    "quotes": ("text", "speaker", "speaker_role"),
}
ROW_HEADERS = {
    "people": ("Name", "Role", "Organisation"),
    "quotes": ("Quote", "Speaker", "Role"),
}
PLACEHOLDERS = {
    "list": "One entry per line",
    "people": "One person per line: name | role | organisation",
    "quotes": "One quote per line: words | speaker | role",
}
# A rows table is as tall as its rows (the blank one to add a row included), up to this
# many; more rows scroll inside it.
ROWS_TABLE_MOST_ROWS = 5
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def date_problem(text: str) -> str:
    """One sentence saying why ``text`` is not a date a date field accepts; "" when it is
    one (YYYY-MM-DD, a real day) or empty (the template's rule fills the date)."""
    text = text.strip()
    if not text:
        return ""
    example = "2026-03-12"
    if not _ISO_DATE.fullmatch(text):
        return f"\u201c{text}\u201d is not a date: write it as YYYY-MM-DD, for example {example}."
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return f"{text} is not a day of the calendar: check the month and the day."
    return ""


def lines_height(editor: QPlainTextEdit, lines: int) -> int:
    """The height that shows ``lines`` lines of ``editor``'s text in its font (a larger
    system font makes it taller), frame and margins included."""
    margins = editor.contentsMargins()
    document_margin = int(editor.document().documentMargin())
    return (editor.fontMetrics().lineSpacing() * lines + 2 * document_margin
            + margins.top() + margins.bottom() + 8)


class DateLineEdit(QLineEdit):
    """A date field: accepts YYYY-MM-DD only. Until the text is a date (or empty) it is not
    put in the brief, and ``problem`` carries one sentence saying what is wrong once the
    user leaves the field ("" when nothing is)."""

    problem = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("YYYY-MM-DD")
        self.editingFinished.connect(lambda: self.problem.emit(date_problem(self.text())))
        self.textEdited.connect(self._clear_when_valid)

    def _clear_when_valid(self, text: str) -> None:
        if not date_problem(text):
            self.problem.emit("")


class RowsTable(QTableWidget):
    """A small table for a people or quotes field: one row each, a blank last row to add one.

    ``rows_edited`` carries the rows (dicts keyed by ROW_KEYS) after each cell edit;
    Delete empties the selected cells, and a row left empty is dropped.
    """

    rows_edited = Signal(list)

    def __init__(self, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(0, len(ROW_KEYS[kind]), parent)
        self.keys = ROW_KEYS[kind]
        self._loading = False
        self.setHorizontalHeaderLabels(list(ROW_HEADERS[kind]))
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(24)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.setTabKeyNavigation(False)
        self.setWordWrap(False)
        self.setAlternatingRowColors(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setToolTip(f"{PLACEHOLDERS[kind]}. Type in the last row to add one.")
        self.itemChanged.connect(self._on_item_changed)
        self.model().rowsInserted.connect(self._fit_height)
        self.model().rowsRemoved.connect(self._fit_height)
        self._add_blank_row()
        self._fit_height()

    def _fit_height(self) -> None:
        """As tall as the header and the rows (at most ROWS_TABLE_MOST_ROWS of them)."""
        rows = min(max(self.rowCount(), 1), ROWS_TABLE_MOST_ROWS)
        height = (self.horizontalHeader().sizeHint().height()
                  + rows * self.verticalHeader().defaultSectionSize() + 2 * self.frameWidth())
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit_height()  # the header's height follows the font and the style sheet

    def rows(self) -> list[dict[str, str | None]]:
        """The rows with any text, as dicts; empty cells are None."""
        rows = []
        for row in range(self.rowCount()):
            cells = [self._cell(row, column) for column in range(len(self.keys))]
            if any(cells):
                rows.append({key: cell or None for key, cell in zip(self.keys, cells, strict=True)})
        return rows

    def set_rows(self, rows: list[dict[str, Any]]) -> None:
        """Show ``rows`` (and a blank row to add one), without emitting ``rows_edited``."""
        self._loading = True
        try:
            self.setRowCount(0)
            for value in rows:
                row = self.rowCount()
                self.insertRow(row)
                for column, key in enumerate(self.keys):
                    cell = value.get(key)
                    self.setItem(row, column, QTableWidgetItem("" if cell is None else str(cell)))
            self._add_blank_row()
        finally:
            self._loading = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        if event.matches(QKeySequence.StandardKey.Delete) and not editing:
            self._loading = True
            try:
                for item in self.selectedItems():
                    item.setText("")
            finally:
                self._loading = False
            self.rows_edited.emit(self.rows())
            return
        super().keyPressEvent(event)

    def _cell(self, row: int, column: int) -> str:
        item = self.item(row, column)
        return item.text().strip() if item is not None else ""

    def _add_blank_row(self) -> None:
        row = self.rowCount()
        self.insertRow(row)
        for column in range(len(self.keys)):
            self.setItem(row, column, QTableWidgetItem(""))

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if self._loading:
            return
        last = self.rowCount() - 1
        if item.row() == last and item.text().strip():
            self._loading = True
            try:
                self._add_blank_row()
            finally:
                self._loading = False
        self.rows_edited.emit(self.rows())


class FieldBinding(QObject):
    """Keeps one editor and one value of the brief in step, both ways, through undo.

    ``kind`` is a manifest field type: text, multiline, date, choice, list, people,
    quotes or bool (list-like kinds are edited one entry per line).
    """

    def __init__(
        self, document: BriefDocument, path: Path, kind: str, editor: QWidget,
        default: Any = None,
    ) -> None:
        super().__init__(editor)
        self.document = document
        self.path = path
        self.kind = kind
        self.editor = editor
        # What the memo prints while the brief holds no value (the template's default):
        # the editor shows it too, without writing it into the brief.
        self.default = default
        self._updating = False
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(lambda text: self._commit(text))
        elif isinstance(editor, QPlainTextEdit):
            editor.textChanged.connect(lambda: self._commit(editor.toPlainText()))
        elif isinstance(editor, QComboBox):
            editor.currentTextChanged.connect(lambda text: self._commit(text))
        elif isinstance(editor, QCheckBox):
            editor.toggled.connect(lambda checked: self._commit(checked))
        elif isinstance(editor, RowsTable):
            editor.rows_edited.connect(lambda rows: self._commit(rows))
        document.value_changed.connect(self._on_value_changed)
        document.reset.connect(self.load)
        self.load()

    def load(self) -> None:
        """Show the brief's current value in the editor."""
        try:
            value = get_value(self.document.brief, self.path)
        except (KeyError, IndexError, AttributeError):
            value = None
        if value in (None, "") and self.default not in (None, ""):
            value = self.default
        self._updating = True
        try:
            _show(self.editor, self.kind, value)
        finally:
            self._updating = False

    def _commit(self, raw: Any) -> None:
        if self._updating:
            return
        if self.kind == "date" and isinstance(raw, str) and date_problem(raw):
            return  # not a date yet: the brief keeps its date (the field says what is wrong)
        value = _parse(self.kind, raw)
        try:
            current = get_value(self.document.brief, self.path)
        except KeyError:
            current = None
        if _same(current, value):
            return
        self.document.set_value(self.path, value, typing=isinstance(raw, str))

    def _on_value_changed(self, path: Path) -> None:
        if tuple(path) == tuple(self.path):
            self.load()


def make_editor(kind: str, choices: list[str], parent: QWidget) -> QWidget:
    """A fresh editor widget for a manifest field type."""
    if kind in ROW_KEYS:
        return RowsTable(kind, parent)
    if kind == "multiline" or kind in LINES_TYPES:
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        editor.setFixedHeight(lines_height(editor, 3))
        if kind in LINES_TYPES:
            editor.setPlaceholderText(PLACEHOLDERS[kind])
        return editor
    if kind == "choice":
        combo = QComboBox(parent)
        combo.setEditable(False)
        combo.addItems([c for c in choices])
        return combo
    if kind == "bool":
        return QCheckBox(parent)
    if kind == "date":
        return DateLineEdit(parent)
    return QLineEdit(parent)


def _show(editor: QWidget, kind: str, value: Any) -> None:
    if isinstance(editor, RowsTable):
        rows = _as_rows(kind, value)
        if editor.rows() != rows:
            editor.set_rows(rows)
    elif isinstance(editor, QCheckBox):
        editor.setChecked(bool(value))
    elif isinstance(editor, QComboBox):
        text = "" if value is None else str(value)
        if editor.findText(text) < 0:
            editor.addItem(text)
        editor.setCurrentText(text)
    elif isinstance(editor, QPlainTextEdit):
        text = _as_text(kind, value)
        if editor.toPlainText() != text:
            editor.setPlainText(text)
    elif isinstance(editor, QLineEdit):
        text = _as_text(kind, value)
        if editor.text() != text:
            editor.setText(text)
            editor.setCursorPosition(0)  # show the start of a long value, not its end


def _as_rows(kind: str, value: Any) -> list[dict[str, Any]]:
    """A people or quotes value as rows of ROW_KEYS (a plain string fills the first cell)."""
    if not isinstance(value, list):
        return []
    keys = ROW_KEYS[kind]
    rows = []
    for entry in value:
        source = entry if isinstance(entry, dict) else {keys[0]: str(entry)}
        rows.append({key: (str(source[key]) if source.get(key) else None) for key in keys})
    return rows


def _as_text(kind: str, value: Any) -> str:
    if value is None:
        return ""
    if kind in LINES_TYPES and isinstance(value, list):
        return "\n".join(_row_text(kind, v) for v in value)
    return str(value)


def _row_text(kind: str, value: Any) -> str:
    if isinstance(value, dict):
        cells = [str(value.get(key) or "") for key in ROW_KEYS.get(kind, tuple(value))]
        while cells and not cells[-1]:
            cells.pop()
        return " | ".join(cells)
    return str(value)


def _parse(kind: str, raw: Any) -> Any:
    if kind == "bool":
        return bool(raw)
    if isinstance(raw, list):
        return raw
    if kind in LINES_TYPES:
        lines = [line.strip() for line in str(raw).splitlines() if line.strip()]
        keys = ROW_KEYS.get(kind)
        if keys is None:
            return lines
        rows = []
        for line in lines:
            cells = [cell.strip() for cell in line.split("|")]
            row = {key: (cells[i] if i < len(cells) and cells[i] else None)
                   for i, key in enumerate(keys)}
            rows.append(row)
        return rows
    return str(raw)


def _same(current: Any, value: Any) -> bool:
    if current is None and value in ("", []):
        return True
    return bool(current == value)
