"""The window's one render service: preview, export, copy and template preview renders."""

from __future__ import annotations

import copy
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from briefgen.model import Brief
from briefgen.render.dates import DEFAULT_DATE_FORMAT
from briefgen.ui.templates import TemplateService
from briefgen.ui.worker import IsCancelled, Progress, Worker, WorkRunner

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from briefgen.render import BriefTemplate

NOT_LOADED = "The templates are still loading; try again in a moment."
# A preview render that took less than this last time is done on the GUI thread.
INLINE_LIMIT = 0.008


class RenderService(QObject):
    """Renders memos for the window with the current template and the user's date format.

    Every render starts in ``_start``. Built-in templates render on the runner's ``render``
    pool; user and office templates on its ``untrusted`` pool, each in a child process with
    a time and memory limit (briefgen.render.isolation) that a cancelled worker kills. So a
    hostile template's preview never holds up an export with a built-in template, and a
    preview of a template the user has left is abandoned at once. ``changed`` is emitted
    when the template or the date format changes (the preview redraws); ``error`` carries
    one sentence when a render cannot start.
    """

    changed = Signal()
    error = Signal(str)

    def __init__(
        self, runner: WorkRunner, templates: TemplateService, *,
        date_format: str = DEFAULT_DATE_FORMAT, parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self.templates = templates
        self.template: BriefTemplate | None = None
        self.date_format = date_format
        self._untrusted_previews: list[Worker] = []
        # The template and seconds of the last preview render (see preview_at_once).
        self._last_preview: tuple[BriefTemplate, float] | None = None

    def set_template(self, template: BriefTemplate | None) -> None:
        """Render with ``template`` from now on (``None``: not known yet, nothing renders);
        a preview still running with an untrusted template is abandoned."""
        if template is not self.template:
            for worker in self._untrusted_previews:
                worker.cancel()
        self.template = template
        self.changed.emit()

    def set_date_format(self, date_format: str) -> None:
        """Write dates with ``date_format`` (strftime codes) from now on."""
        if date_format != self.date_format:
            self.date_format = date_format
            self.changed.emit()

    def preview(self, brief: Brief) -> Worker | None:
        """The on-screen HTML of ``brief`` (with the drafting warnings); ``None`` before a
        template is set."""
        template = self.template
        if template is None:
            return None
        date_format = self.date_format

        def render() -> str:
            from briefgen.render import render_html

            began = time.perf_counter()
            html = render_html(brief, template, preview=True, date_format=date_format)
            self._last_preview = (template, time.perf_counter() - began)
            return html

        worker = self._start(render, "Rendering the preview", template)
        if template.origin != "builtin":
            self._untrusted_previews.append(worker)
            worker.signals.done.connect(lambda: self._forget_preview(worker))
        return worker

    def preview_at_once(self, brief: Brief) -> str | None:
        """The preview's HTML rendered here and now, when that is sure to be quick: a
        built-in template whose last preview render took under INLINE_LIMIT seconds.
        ``None`` otherwise (or when it fails): use ``preview``, which also reports errors.

        Typing changes a brief little, so its render costs what the last one did; handing
        a 2 ms render to a worker thread and back cost more than the render itself.
        """
        template = self.template
        last = self._last_preview
        if (template is None or template.origin != "builtin" or last is None
                or last[0] is not template or last[1] > INLINE_LIMIT):
            return None
        from briefgen.render import render_html

        began = time.perf_counter()
        try:
            html = render_html(brief, template, preview=True, date_format=self.date_format)
        except Exception:  # noqa: BLE001 - the worker's render reports it in one sentence
            self._last_preview = None
            return None
        self._last_preview = (template, time.perf_counter() - began)
        return html

    def forget_render_time(self) -> None:
        """The next preview renders on a worker again (the brief changed as a whole)."""
        self._last_preview = None

    def _forget_preview(self, worker: Worker) -> None:
        if worker in self._untrusted_previews:
            self._untrusted_previews.remove(worker)

    def memo_html(self, brief: Brief) -> Worker | None:
        """The memo as HTML to send (no drafting warnings); ``None`` (and ``error``) before
        the templates are loaded."""
        template = self._current_or_error()
        if template is None:
            return None
        date_format = self.date_format

        def render() -> str:
            from briefgen.render import render_html

            return render_html(brief, template, date_format=date_format)

        return self._start(render, "Copying the memo", template)

    def export(self, brief: Brief, path: Path) -> Worker | None:
        """Write the memo to ``path`` in the format its suffix names; the worker finishes
        with the path. ``None`` (and ``error``) before the templates are loaded."""
        template = self._current_or_error()
        if template is None:
            return None
        date_format = self.date_format

        def render() -> Path:
            from briefgen.render import render_to_file

            render_to_file(brief, template, path, date_format=date_format)
            return path

        return self._start(render, "Exporting the memo", template)

    def print_pages(self, brief: Brief) -> Worker | None:
        """The memo as it will print: its PDF (by the one PDF route) drawn page by page;
        the worker finishes with (PdfPages, what the PDF lacks or None) and reports its
        steps as progress. ``None`` (and ``error``) before the templates are loaded."""

        def pages(pdf: bytes, progress: Progress, _cancelled: IsCancelled) -> Any:
            from briefgen.render.pdf_pages import pdf_page_images

            progress(1, 2)
            result = pdf_page_images(pdf)
            progress(2, 2)
            return result

        return self._with_memo_pdf(brief, pages, "Rendering the print preview")

    def print_memo(self, brief: Brief, printer: QPrinter) -> Worker | None:
        """Print the memo's PDF (made as for print preview) on ``printer`` page by page, as
        its print dialog was set; the worker finishes with (pages printed, what the PDF
        lacks or None). ``None`` (and ``error``) before the templates are loaded."""

        def send(pdf: bytes, progress: Progress, cancelled: IsCancelled) -> Any:
            from briefgen.ui.printing import print_pdf

            return print_pdf(pdf, printer, progress, cancelled)

        return self._with_memo_pdf(brief, send, "Printing the memo")

    def print_pdf(self, pdf: bytes, printer: QPrinter, notice: str | None,
                  current_page: int | None = None) -> Worker:
        """Print ``pdf`` (a memo's PDF already made, as print preview shows it) on
        ``printer``; the worker finishes with (pages printed, ``notice``)."""

        def job(progress: Progress, cancelled: IsCancelled) -> Any:
            from briefgen.cancellation import cancellable
            from briefgen.ui.printing import print_pdf

            with cancellable(cancelled):
                return print_pdf(pdf, printer, progress, cancelled, current_page), notice

        return self.runner.submit("render", job, "Printing the memo")

    def _with_memo_pdf(self, brief: Brief, then: Callable[[bytes, Progress, IsCancelled], Any],
                       description: str) -> Worker | None:
        """A worker that makes the memo's PDF by the one PDF route, then hands it to
        ``then`` (with the worker's progress and cancel check); it finishes with (what
        ``then`` returns, what the PDF lacks or None). Print preview and Print share it so
        the paper shows the previewed pages."""
        template = self._current_or_error()
        if template is None:
            return None
        date_format = self.date_format

        def job(progress: Progress, cancelled: IsCancelled) -> Any:
            from briefgen.cancellation import cancellable
            from briefgen.render.output import memo_pdf, pdf_notice

            with cancellable(cancelled):
                progress(0, 2)
                pdf = memo_pdf(brief, template, date_format=date_format)
                return then(pdf, progress, cancelled), pdf_notice(template)

        pool = "render" if template.origin == "builtin" else "untrusted"
        return self.runner.submit(pool, job, description)

    def template_preview(self, brief: Brief, template: BriefTemplate) -> Worker:
        """``brief`` as ``template`` would draw it, with that template's defaults for the
        fields the brief lacks (on a copy: ``brief`` is not changed)."""
        sample = copy.deepcopy(brief)
        self.templates.apply_to(sample, template)
        date_format = self.date_format

        def render() -> str:
            from briefgen.render import render_html

            return render_html(sample, template, date_format=date_format, letterhead=True)

        return self._start(render, "Rendering the template preview", template)

    def _current_or_error(self) -> BriefTemplate | None:
        if self.template is None:
            self.error.emit(NOT_LOADED)
        return self.template

    def _start(self, render: Callable[[], Any], description: str,
               template: BriefTemplate) -> Worker:
        def job(_progress: Progress, cancelled: IsCancelled) -> Any:
            from briefgen.cancellation import cancellable

            with cancellable(cancelled):
                return render()

        pool = "render" if template.origin == "builtin" else "untrusted"
        return self.runner.submit(pool, job, description)
