"""Editors for the template's header fields, each bound to one value of the brief."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from briefgen.ui.document import BriefDocument, Path, get_value

LINES_TYPES = ("list", "people", "quotes")
# Table-like header fields: one row per line, columns separated by " | ".
ROW_KEYS = {
    "people": ("name", "role", "organization"),
    "quotes": ("text", "speaker", "speaker_role"),
}
PLACEHOLDERS = {
    "list": "One entry per line",
    "people": "One person per line: name | role | organisation",
    "quotes": "One quote per line: words | speaker | role",
}


class FieldBinding(QObject):
    """Keeps one editor and one value of the brief in step, both ways, through undo.

    ``kind`` is a manifest field type: text, multiline, date, choice, list, people,
    quotes or bool (list-like kinds are edited one entry per line).
    """

    def __init__(
        self, document: BriefDocument, path: Path, kind: str, editor: QWidget,
    ) -> None:
        super().__init__(editor)
        self.document = document
        self.path = path
        self.kind = kind
        self.editor = editor
        self._updating = False
        if isinstance(editor, QLineEdit):
            editor.textEdited.connect(lambda text: self._commit(text))
        elif isinstance(editor, QPlainTextEdit):
            editor.textChanged.connect(lambda: self._commit(editor.toPlainText()))
        elif isinstance(editor, QComboBox):
            editor.currentTextChanged.connect(lambda text: self._commit(text))
        elif isinstance(editor, QCheckBox):
            editor.toggled.connect(lambda checked: self._commit(checked))
        document.value_changed.connect(self._on_value_changed)
        document.reset.connect(self.load)
        self.load()

    def load(self) -> None:
        """Show the brief's current value in the editor."""
        try:
            value = get_value(self.document.brief, self.path)
        except (KeyError, IndexError, AttributeError):
            value = None
        self._updating = True
        try:
            _show(self.editor, self.kind, value)
        finally:
            self._updating = False

    def _commit(self, raw: Any) -> None:
        if self._updating:
            return
        value = _parse(self.kind, raw)
        try:
            current = get_value(self.document.brief, self.path)
        except KeyError:
            current = None
        if _same(current, value):
            return
        self.document.set_value(self.path, value, typing=not isinstance(raw, bool))

    def _on_value_changed(self, path: Path) -> None:
        if tuple(path) == tuple(self.path):
            self.load()


def make_editor(kind: str, choices: list[str], parent: QWidget) -> QWidget:
    """A fresh editor widget for a manifest field type."""
    if kind == "multiline" or kind in LINES_TYPES:
        editor = QPlainTextEdit(parent)
        editor.setTabChangesFocus(True)
        editor.setFixedHeight(64)
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
    line = QLineEdit(parent)
    if kind == "date":
        line.setPlaceholderText("YYYY-MM-DD")
    return line


def _show(editor: QWidget, kind: str, value: Any) -> None:
    if isinstance(editor, QCheckBox):
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
