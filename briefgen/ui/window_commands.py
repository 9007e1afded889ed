"""The window's commands that open something of their own: Print, Print preview, the user
guide, About."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from briefgen.ui.document import BriefDocument
from briefgen.ui.rendering import NOT_LOADED, RenderService
from briefgen.ui.source_relations import brief_per_source, file_stem, line_per_source
from briefgen.ui.worker import Worker

if TYPE_CHECKING:
    from briefgen.render import BriefTemplate
    from briefgen.ui.help_window import HelpWindow
    from briefgen.ui.print_preview import PrintPreviewDialog


def _pdf_possible(template: BriefTemplate) -> bool:
    """Whether a PDF of ``template`` can be made here (LibreOffice, or fpdf2's layout)."""
    from briefgen.render.output import pdf_without_converter
    from briefgen.render.pdf_convert import find_converter

    return pdf_without_converter(template) or find_converter() is not None


def html_print_message(template: BriefTemplate) -> str:
    """The status line after printing the preview's HTML for want of a PDF."""
    return (f"The memo went to the printer as the preview draws it: the template "
            f"'{template.name}' is laid out in Word and no PDF converter (LibreOffice) is "
            "installed here; export .docx for its own layout.")


class WindowCommands(QObject):
    """Print (the memo without the preview's drafting notes, through the print dialog),
    Print preview (the memo's PDF page by page), the user guide (one window, raised again
    on F1) and the About box, over ``parent``.

    ``notice`` carries a short status-bar sentence; ``task_started`` a worker to show (with
    progress and Cancel) and its description.
    """

    notice = Signal(str)
    task_started = Signal(object, str)

    def __init__(self, document: BriefDocument, rendering: RenderService,
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.document = document
        self.rendering = rendering
        self.parent_widget = parent
        self.help_window: HelpWindow | None = None
        self.print_preview_dialog: QDialog | None = None

    def print_memo(self) -> Worker | None:
        """Ask for a printer, then print the memo's PDF (made as for print preview, in the
        background with progress and Cancel) page by page. Where no PDF can be made (a
        Word-made template without LibreOffice) the memo prints as the preview draws it,
        and the status bar says so: the user asked for paper, and the paper then holds every
        word of the memo now rather than a .docx to print from another program."""
        template = self.rendering.template
        if template is not None and not _pdf_possible(template):
            return self._print_html(template)
        if template is None:
            self.rendering.error.emit(NOT_LOADED)
            return None
        from briefgen.ui.printing import PrintDialog

        printer = PrintDialog.ask(self.parent_widget)
        if printer is None:
            return None
        worker = self.rendering.print_memo(self.document.snapshot(), printer)
        if worker is not None:
            worker.signals.finished.connect(self._printed)
            self.task_started.emit(worker, "Printing the memo")
        return worker

    def _printed(self, result: Any) -> None:
        count, notice = result
        pages = "1 page" if count == 1 else f"{count} pages"
        self.notice.emit(f"The memo went to the printer ({pages})"
                         + (f"; {notice}." if notice else "."))

    def _print_html(self, template: BriefTemplate) -> Worker | None:
        worker = self.rendering.memo_html(self.document.snapshot())
        if worker is not None:
            worker.signals.finished.connect(
                lambda html: self._print_rendered_html(html, template))
        return worker

    def _print_rendered_html(self, html: Any, template: BriefTemplate) -> None:
        from briefgen.ui.printing import PrintDialog, print_html

        printer = PrintDialog.ask(self.parent_widget)
        if printer is None:
            return
        print_html(str(html), printer)
        self.notice.emit(html_print_message(template))

    def print_previewed(self, dialog: PrintPreviewDialog) -> Worker | None:
        """Print the pages ``dialog`` shows (its PDF, not made again) on a printer the user
        picks; the page on screen may be printed alone."""
        from briefgen.ui.printing import PrintDialog

        pages = dialog.pdf_pages
        printer = PrintDialog.ask(dialog, pages.total, dialog.current + 1)
        if printer is None:
            return None
        worker = self.rendering.print_pdf(pages.pdf, printer, dialog.notice,
                                          dialog.current + 1)
        worker.signals.finished.connect(self._printed)
        self.task_started.emit(worker, "Printing the memo")
        return worker

    def print_preview(self) -> Worker | None:
        """Render the memo's PDF in the background (the same route as a PDF export), then
        show its pages; the previous preview, if open, gives way to the new one."""
        worker = self.rendering.print_pages(self.document.snapshot())
        if worker is not None:
            worker.signals.finished.connect(self._show_print_preview)
            self.task_started.emit(worker, "Rendering the print preview")
        return worker

    def _show_print_preview(self, result: Any) -> None:
        from briefgen.ui.print_preview import PrintPreviewDialog

        pages, notice = result
        if self.print_preview_dialog is not None:
            self.print_preview_dialog.close()
        dialog = PrintPreviewDialog(pages, notice, self.parent_widget)
        dialog.print_requested.connect(lambda: self.print_previewed(dialog))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _=None: self._forget_print_preview(dialog))
        self.print_preview_dialog = dialog
        dialog.show()

    def _forget_print_preview(self, dialog: QDialog) -> None:
        if self.print_preview_dialog is dialog:
            self.print_preview_dialog = None

    def export_memo_per_source(self) -> list[Worker]:
        """Ask for a folder and write one Word memo per source into it (the sources share
        nothing: two stories in one memo would mislead)."""
        from briefgen.ui.settings_dialog import FolderDialog

        folder = FolderDialog.ask(self.parent_widget, "Folder for one memo per source", "")
        if not folder:
            return []
        workers = []
        for number, brief in enumerate(brief_per_source(self.document.snapshot()), start=1):
            path = Path(folder) / (file_stem(brief, number) + ".docx")
            worker = self.rendering.export(brief, path)
            if worker is not None:
                workers.append(worker)
        if workers:
            self.notice.emit(f"Writing {len(workers)} memos, one per source, in {folder}.")
        return workers

    def use_line_per_source(self) -> None:
        """Make the bottom line one line per source (one undoable step)."""
        self.document.set_value(("summary", "text"), line_per_source(self.document.brief))

    def show_guide(self) -> HelpWindow:
        """Show the user guide (the same window each time)."""
        from briefgen.ui.help_window import HelpWindow

        if self.help_window is None:
            self.help_window = HelpWindow(self.parent_widget)
        self.help_window.show()
        self.help_window.raise_()
        self.help_window.activateWindow()
        return self.help_window

    def show_about(self) -> None:
        """The About box."""
        from briefgen.ui.help_window import AboutDialog

        AboutDialog.ask(self.parent_widget)
