"""The live preview: the memo as render_html draws it, refreshed shortly after each change."""

from __future__ import annotations

import re
import time
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from briefgen.ui.document import BriefDocument
from briefgen.ui.settings import DATE_FORMATS
from briefgen.ui.worker import IsCancelled, Progress, WorkRunner

if TYPE_CHECKING:
    from briefgen.render import BriefTemplate

DEBOUNCE_MS = 20
# On screen the pane is narrower than paper: drop the page margins of the built-in
# templates' ".page" box (exports keep them). Later rules win in Qt's rich text CSS.
SCREEN_STYLE = "<style>.page { padding: 0; margin: 0; }</style>"
# Qt's rich text ignores CSS table widths; the HTML attribute makes layout and data
# tables fill the pane. Header tables (label: value) stay at their natural width, since
# Qt would otherwise split them into equal columns.
_TABLE_WITHOUT_WIDTH = re.compile(
    r"<table(?![^>]*\bwidth=)(?![^>]*class=\"[^\"]*header)", re.IGNORECASE
)


def fit_to_pane(html: str) -> str:
    """The memo's HTML adapted to the preview pane (the exported files are untouched)."""
    html = _TABLE_WITHOUT_WIDTH.sub('<table width="100%"', html)
    head_end = html.find("</head>")
    if head_end < 0:
        return SCREEN_STYLE + html
    return html[:head_end] + SCREEN_STYLE + html[head_end:]


class PreviewPane(QWidget):
    """A QTextBrowser showing the rendered memo; rendering runs on the ``render`` pool.

    Changes arriving while a render runs are coalesced into one more render. ``rendered``
    carries the seconds from the change that triggered it to the new page on screen.
    ``date_format`` (strftime codes, the user's setting) writes the memo's dates.
    """

    rendered = Signal(float)
    failed = Signal(str)

    def __init__(
        self, document: BriefDocument, runner: WorkRunner, parent: QWidget | None = None,
        *, date_format: str = DATE_FORMATS[0],
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.runner = runner
        self.template: BriefTemplate | None = None
        self.date_format = date_format
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("preview")
        self.browser.setOpenLinks(False)
        self.browser.setPlaceholderText("The memo appears here as you work.")
        title = QLabel("Preview", self)
        title.setObjectName("panelTitle")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(title)
        layout.addWidget(self.browser, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.render_now)
        self._busy = False
        self._pending = False
        self._changed_at: float | None = None
        self._render_started: float | None = None
        self.html = ""
        document.changed.connect(self.schedule)

    def set_template(self, template: BriefTemplate | None) -> None:
        """Render with ``template`` from now on."""
        self.template = template
        self.schedule()

    def set_date_format(self, date_format: str) -> None:
        """Write dates with ``date_format`` from now on; a change redraws the page."""
        if date_format == self.date_format:
            return
        self.date_format = date_format
        self.schedule()

    def schedule(self) -> None:
        """Ask for a render after the debounce interval."""
        if self._changed_at is None:
            self._changed_at = time.perf_counter()
        self._timer.start()

    def render_now(self) -> None:
        """Start a render at once (or right after the one running)."""
        if self.template is None:
            return
        if self._busy:
            self._pending = True
            return
        self._busy = True
        self._pending = False
        brief = self.document.snapshot()
        template = self.template
        date_format = self.date_format
        self._render_started = self._changed_at
        self._changed_at = None

        def job(_progress: Progress, _cancelled: IsCancelled) -> str:
            from briefgen.render import render_html

            return render_html(brief, template, preview=True, date_format=date_format)

        worker = self.runner.submit("render", job, "Rendering the preview")
        # Bound methods, not lambdas: Qt drops them if this widget is destroyed first.
        worker.signals.finished.connect(self._show)
        worker.signals.failed.connect(self._on_failed)
        worker.signals.done.connect(self._after)

    def _show(self, html: Any) -> None:
        started = self._render_started
        bar = self.browser.verticalScrollBar()
        position = bar.value()
        self.html = str(html)
        self.browser.setHtml(fit_to_pane(self.html))
        bar.setValue(min(position, bar.maximum()))
        if started is not None:
            self.rendered.emit(time.perf_counter() - started)

    def _on_failed(self, message: str) -> None:
        self.failed.emit(message)

    def _after(self) -> None:
        self._busy = False
        if self._pending:
            self.render_now()
