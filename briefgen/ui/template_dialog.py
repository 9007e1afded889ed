"""The template manager: browse templates with a preview, save, duplicate, rename, share."""

from __future__ import annotations

import html
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from briefgen.errors import BriefgenError
from briefgen.model import Brief
from briefgen.render.letterhead_html import zoom_letterhead
from briefgen.ui.dialogs import (
    TEMPLATE_PACKAGE_FILTER,
    ConfirmDialog,
    OpenFilesDialog,
    SaveFileDialog,
    TextDialog,
)
from briefgen.ui.message_bar import MessageBar
from briefgen.ui.preview import fit_to_pane
from briefgen.ui.rendering import RenderService
from briefgen.ui.templates import TemplateService

if TYPE_CHECKING:
    from briefgen.render import BriefTemplate
    from briefgen.ui.docx_import_dialog import WordTemplateImport

ORIGIN_NAMES = {"builtin": "Built-in", "user": "Yours", "office": "Office"}


class TemplateManagerDialog(QDialog):
    """Lists built-in and user templates; ``chosen`` is the id to use when accepted.

    The preview is drawn by ``rendering`` (with the user's date format).
    """

    def __init__(
        self, service: TemplateService, brief: Brief, rendering: RenderService,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Templates")
        self.resize(920, 600)
        self.service = service
        self.brief = brief
        self.rendering = rendering
        self.chosen: str | None = None
        self.importer: WordTemplateImport | None = None
        self.list = QListWidget(self)
        self.list.setObjectName("templateList")
        self.list.currentItemChanged.connect(lambda *_: self._show_current())
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setObjectName("hint")
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("templatePreview")
        self.messages = MessageBar(self)

        self.buttons: dict[str, QPushButton] = {}
        grid = QGridLayout()
        actions = [
            ("save_as", "Save brief as template\u2026", self.save_current_as),
            ("duplicate", "Duplicate\u2026", self.duplicate),
            ("rename", "Rename\u2026", self.rename),
            ("delete", "Delete", self.delete),
            ("import", "Import\u2026", self.import_package),
            ("export", "Export\u2026", self.export_package),
            ("word", "Open Word file", self.open_word_file),
            ("from_word", "New from Word document\u2026", self.new_from_word_document),
        ]
        for position, (key, text, slot) in enumerate(actions):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            self.buttons[key] = button
            grid.addWidget(button, position // 4, position % 4)
        box = QDialogButtonBox(self)
        use = box.addButton("Use this template", QDialogButtonBox.ButtonRole.AcceptRole)
        box.addButton(QDialogButtonBox.StandardButton.Close)
        use.clicked.connect(self._use)
        box.rejected.connect(self.reject)

        right = QVBoxLayout()
        right.addWidget(self.description)
        right.addWidget(self.preview, 1)
        panes = QHBoxLayout()
        panes.addWidget(self.list, 1)
        panes.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.messages)
        layout.addLayout(panes, 1)
        layout.addLayout(grid)
        layout.addWidget(box)
        self.refresh(brief.template)

    # Listing and preview ----------------------------------------------------------------

    def refresh(self, select_id: str | None = None) -> None:
        """Re-read the library and select ``select_id`` (or keep the selection)."""
        keep = select_id or self.current_id()
        self.service.reload()
        self.list.clear()
        for template in self.service.templates:
            origin = ORIGIN_NAMES.get(template.origin, template.origin)
            item = QListWidgetItem(f"{template.name}\n{origin}")
            item.setData(Qt.ItemDataRole.UserRole, template.id)
            self.list.addItem(item)
            if template.id == keep:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)

    def current_id(self) -> str | None:
        """The id of the selected template."""
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def current(self) -> BriefTemplate | None:
        """The selected template."""
        template_id = self.current_id()
        return next((t for t in self.service.templates if t.id == template_id), None)

    def _show_current(self) -> None:
        template = self.current()
        if template is None:
            return
        self.description.setText(f"{template.description}  (version {template.version})")
        for key in ("rename", "delete", "word"):
            self.buttons[key].setEnabled(not template.read_only)
        self.buttons["word"].setToolTip(
            "Built-in templates are read-only: duplicate one to edit its Word file."
            if template.read_only else "Open the template's Word file in your word processor."
        )
        worker = self.rendering.template_preview(self.brief, template)
        worker.signals.finished.connect(lambda html: self._set_preview(template.id, html))
        # The failure also reaches the window's message bar (WorkRunner.failed, app.py);
        # the pane says it too, since this dialog covers the window.
        worker.signals.failed.connect(lambda message: self._set_preview(
            template.id, f"<p>{html.escape(message)}</p>"))

    def _set_preview(self, template_id: str, html: Any) -> None:
        if template_id == self.current_id():
            width = self.preview.viewport().width()
            self.preview.setHtml(fit_to_pane(zoom_letterhead(str(html), width)))

    # Operations -------------------------------------------------------------------------

    def save_current_as(self) -> None:
        """Save the brief's template and header values as a new user template."""
        name = TextDialog.ask(self, "Save as template", "Name of the new template:")
        if name:
            self._run(lambda lib: lib.save_as(self.brief.template, name, dict(self.brief.fields)),
                      self._saved_notice(name))

    def _saved_notice(self, name: str) -> str:
        """What "Save as template" says: which of the brief's values the new template keeps
        as defaults (its office fields), and that the brief's own are never kept."""
        template = next((t for t in self.service.templates if t.id == self.brief.template),
                        None)
        kept = [] if template is None else [
            f.label for f in template.fields
            if f.scope == "office" and self.brief.fields.get(f.name) not in (None, "", [])]
        if not kept:
            return f"Saved the template {name}; a brief's subject, dates and text are never kept."
        listed = kept[0] if len(kept) == 1 else f"{', '.join(kept[:-1])} and {kept[-1]}"
        return (f"Saved the template {name} with this brief's {listed} as defaults; its "
                "subject, dates and text are never kept.")

    def duplicate(self) -> None:
        """Copy the selected template under a new name."""
        template = self.current()
        if template is None:
            return
        name = TextDialog.ask(self, "Duplicate template", "Name of the copy:",
                              f"{template.name} (copy)")
        if name:
            self._run(lambda lib: lib.duplicate(template.id, name), f"Created {name}.")

    def rename(self) -> None:
        """Rename the selected user template."""
        template = self.current()
        if template is None:
            return
        name = TextDialog.ask(self, "Rename template", "New name:", template.name)
        if name:
            self._run(lambda lib: lib.rename(template.id, name), f"Renamed to {name}.")

    def delete(self) -> None:
        """Delete the selected user template after confirmation."""
        template = self.current()
        if template is None:
            return
        question = f"Delete the template {template.name}? This cannot be undone."
        if ConfirmDialog.ask(self, "Delete template", question, "Delete"):
            self._run(lambda lib: lib.delete(template.id), f"Deleted {template.name}.")

    def import_package(self) -> None:
        """Add templates from .brieftemplate files."""
        for path in OpenFilesDialog.ask(self, "Import templates", TEMPLATE_PACKAGE_FILTER):
            self._run(lambda lib, p=path: lib.import_package(Path(p)), "Imported the template.")

    def export_package(self) -> None:
        """Write the selected template as a .brieftemplate file."""
        template = self.current()
        if template is None:
            return
        path = SaveFileDialog.ask(self, "Export template", f"{template.id}.brieftemplate",
                                  TEMPLATE_PACKAGE_FILTER)
        if path:
            self._run(lambda lib: lib.export_package(template.id, Path(path)),
                      f"Exported {Path(path).name}.")

    def new_from_word_document(self) -> None:
        """Make a template from the office's own Word memo or letterhead (in a worker)."""
        from briefgen.ui.docx_import_dialog import new_template_from_word

        def done(template_id: str, sentence: str) -> None:
            self.refresh(template_id)
            self.messages.show_notice(sentence)

        self.importer = new_template_from_word(self.service, self, done,
                                               self.messages.show_error)
        if self.importer is not None:
            self.messages.show_notice("Making the template\u2026")

    def open_word_file(self) -> None:
        """Open the template's Word file with the system's word processor."""
        template = self.current()
        if template is None or template.read_only:
            return
        path = Path(template.docx_file)
        if not path.is_file():
            self.messages.show_error(
                f"Cannot open {path.name}: the file is no longer in {path.parent}.")
        elif not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.messages.show_error(
                f"Cannot open {path.name}: no program on this computer opens Word files; "
                f"install one (Word or LibreOffice) or open it from {path.parent}.")

    def _run(self, operation: Any, done: str) -> None:
        library = self.service.library
        if library is None:
            return
        try:
            result = operation(library)
        except BriefgenError as exc:
            self.messages.show_error(str(exc))
            return
        new_id = getattr(result, "id", None)
        self.refresh(new_id if isinstance(new_id, str) else None)
        self.messages.show_notice(done)

    def _use(self) -> None:
        self.chosen = self.current_id()
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, service: TemplateService, brief: Brief,
        rendering: RenderService,
    ) -> str | None:
        """Show the manager; the id of the template to use, or ``None``."""
        dialog = cls(service, brief, rendering, parent)
        dialog.exec()
        return dialog.chosen
