"""The source view: one article's text, with the evidence of the selected item highlighted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QTextEdit, QVBoxLayout, QWidget

from briefgen.model import Source, Span

HIGHLIGHT = QColor("#fde9a8")
# Dark ink on the light highlight, whatever the palette's text colour.
HIGHLIGHT_INK = QColor("#1f2933")


class SourceView(QWidget):
    """Read-only text of the current source; ``highlight`` marks spans and scrolls to them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel("No source selected", self)
        self.title.setObjectName("sourceTitle")
        self.title.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("sourceText")
        self.text.setAccessibleName("Source text")
        self.text.setAccessibleDescription(
            "The article's text, read-only; the evidence of the selected item is highlighted.")
        self.text.setReadOnly(True)
        self.text.setTabChangesFocus(True)
        self.text.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.text.setPlaceholderText(
            "Paste an article (Ctrl+V), open a file (Ctrl+O) or drop files here."
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        self._source_id: str | None = None

    @property
    def source_id(self) -> str | None:
        """The id of the source on display, ``None`` when empty."""
        return self._source_id

    def show_source(self, source: Source | None) -> None:
        """Display ``source`` (``None`` clears the view)."""
        if source is not None and source.id == self._source_id:
            return
        self._source_id = None if source is None else source.id
        if source is None:
            self.title.setText("No source selected")
            self.text.setPlainText("")
            return
        meta = " \u00b7 ".join(p for p in (source.publisher, source.author, source.published) if p)
        heading = source.title or "Untitled source"
        self.title.setText(
            f"<b>{_escape(heading)}</b><br>{_escape(meta)}"
        )
        self.text.setPlainText(source.text)

    def highlight(self, spans: list[Span]) -> None:
        """Highlight the spans that belong to the source on display and scroll to the first."""
        selections = []
        fmt = QTextCharFormat()
        fmt.setBackground(HIGHLIGHT)
        fmt.setForeground(HIGHLIGHT_INK)
        length = len(self.text.toPlainText())
        first: QTextCursor | None = None
        for span in spans:
            if span.source != self._source_id or not 0 <= span.start < span.end <= length:
                continue
            cursor = QTextCursor(self.text.document())
            cursor.setPosition(span.start)
            cursor.setPosition(span.end, QTextCursor.MoveMode.KeepAnchor)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
            first = first or cursor
        self.text.setExtraSelections(selections)
        if first is not None:
            scroll_to = QTextCursor(first)
            scroll_to.setPosition(first.selectionEnd())
            self.text.setTextCursor(scroll_to)
            self.text.centerCursor()

    def highlighted_text(self) -> list[str]:
        """The highlighted passages, in order (what a test or a screen reader checks)."""
        return [s.cursor.selectedText() for s in self.text.extraSelections()]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
