"""A scroll area for a pane's whole content: fills the pane, scrolls only when it must."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QWidget


class FitScrollArea(QScrollArea):
    """Shows ``content`` as wide as the pane and at least as tall, taller (scrolling) only
    when the pane is shorter than the content's minimum height at that width.

    QScrollArea's own resizable mode sizes a height-for-width content (the brief form, with
    its wrapping list selector) to its preferred height, so the form scrolled even where its
    lists could have shrunk to fit; here the minimum decides. Never scrolls sideways: the
    content's minimum width (plus a scroll bar), or ``minimum_width`` if larger, is the
    pane's.
    """

    def __init__(
        self, content: QWidget, parent: QWidget | None = None, *, minimum_width: int = 0,
    ) -> None:
        super().__init__(parent)
        self.minimum_width = minimum_width
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidgetResizable(False)
        self.content = content
        self.setWidget(content)
        content.installEventFilter(self)
        self._update_minimum_width()

    def content_minimum_height(self, width: int) -> int:
        """The least height the content can take at ``width``."""
        content = self.content
        layout = content.layout()
        if layout is not None and layout.hasHeightForWidth():
            return layout.minimumHeightForWidth(width)
        return content.minimumSizeHint().height()

    def fit_content(self) -> None:
        """Resize the content to the viewport's width and (at least) its height."""
        content = self.content
        bar = self.verticalScrollBar().sizeHint().width()
        width = self.viewport().width()
        height = self.content_minimum_height(width)
        if height > self.viewport().height() and self.verticalScrollBar().isHidden():
            # The scroll bar is about to appear and take its width from the content.
            width = max(0, width - bar)
            height = self.content_minimum_height(width)
        content.resize(width, max(height, self.viewport().height()))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.content and event.type() == QEvent.Type.LayoutRequest:
            self._update_minimum_width()
            self.fit_content()
        return super().eventFilter(watched, event)

    def _update_minimum_width(self) -> None:
        # The content never scrolls sideways: the pane is at least as wide as it needs.
        bar = self.verticalScrollBar().sizeHint().width()
        self.setMinimumWidth(max(self.minimum_width, self.content.minimumSizeHint().width() + bar))

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit_content()
        return super().viewportEvent(event)
