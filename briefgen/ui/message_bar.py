"""The one place where errors and notices appear: a bar with one sentence above the panels."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class MessageBar(QFrame):
    """Shows one sentence at a time: an error (stays until dismissed) or a notice."""

    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBar")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        close = QPushButton("Dismiss", self)
        close.setObjectName("messageBarClose")
        close.setCursor(Qt.CursorShape.PointingHandCursor)
        close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(close)
        self.hide()

    def show_error(self, sentence: str) -> None:
        """Show an error; only its first line is shown, never a traceback."""
        self._show(sentence, "error")

    def show_notice(self, sentence: str) -> None:
        """Show a neutral notice (recovered work, a file written...)."""
        self._show(sentence, "notice")

    def text(self) -> str:
        """The sentence on display ("" when hidden)."""
        return "" if self.isHidden() else self.label.text()

    def dismiss(self) -> None:
        """Hide the bar."""
        self.hide()
        self.dismissed.emit()

    def _show(self, sentence: str, kind: str) -> None:
        first_line = sentence.strip().splitlines()[0] if sentence.strip() else ""
        self.label.setText(first_line)
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.show()
