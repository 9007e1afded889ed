"""The window's commands that open something of their own: Print, Print preview, the user
guide, About."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from briefgen.ui.document import BriefDocument
from briefgen.ui.help_window import AboutDialog, HelpWindow
from briefgen.ui.rendering import RenderService
from briefgen.ui.source_relations import brief_per_source, file_stem, line_per_source
from briefgen.ui.worker import Worker


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
        """Render the memo, then ask for a printer and print it."""
        worker = self.rendering.memo_html(self.document.snapshot())
        if worker is not None:
            worker.signals.finished.connect(self._print_rendered)
        return worker

    def _print_rendered(self, html: Any) -> None:
        from briefgen.ui.printing import PrintDialog, print_html

        printer = PrintDialog.ask(self.parent_widget)
        if printer is None:
            return
        print_html(str(html), printer)
        self.notice.emit("The memo went to the printer.")

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
        if self.help_window is None:
            self.help_window = HelpWindow(self.parent_widget)
        self.help_window.show()
        self.help_window.raise_()
        self.help_window.activateWindow()
        return self.help_window

    def show_about(self) -> None:
        """The About box."""
        AboutDialog.ask(self.parent_widget)
