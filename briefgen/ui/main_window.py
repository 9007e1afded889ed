"""The main window: sources, brief form and preview side by side, wired to the controllers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QMimeData, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QMainWindow,
    QMenu,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from briefgen.model import Span
from briefgen.ui import edit_actions
from briefgen.ui.brief_form import BriefForm
from briefgen.ui.document import BriefDocument
from briefgen.ui.extraction import ExtractionController
from briefgen.ui.files import FileController
from briefgen.ui.find_bar import FindBar
from briefgen.ui.fit_scroll import FitScrollArea
from briefgen.ui.menus import (
    build_menus,
    fill_recent_menu,
    give_menu_keys_priority,
    install_batch_action,
)
from briefgen.ui.message_bar import MessageBar
from briefgen.ui.models import SourcesModel
from briefgen.ui.preview import PreviewPane
from briefgen.ui.rendering import RenderService
from briefgen.ui.settings import Settings
from briefgen.ui.source_view import SourceView
from briefgen.ui.sources_panel import SourcesPanel
from briefgen.ui.task_bar import TaskIndicator
from briefgen.ui.templates import TemplateService
from briefgen.ui.window_commands import WindowCommands
from briefgen.ui.worker import WorkRunner

# The window must fit the office laptops' 1366x768 and 1280x720 screens with room to spare.
MINIMUM_SIZE = (1000, 600)
# Each pane keeps a usable width however the splitter is dragged (their sum, with the
# margins, stays under MINIMUM_SIZE's width): sources, form, preview.
PANE_MINIMUM_WIDTHS = (220, 380, 280)


def clamped_to(area: QRect, geometry: QRect) -> QRect:
    """``geometry`` made to fit inside ``area``: shrunk to its size, then moved into it."""
    width = min(geometry.width(), area.width())
    height = min(geometry.height(), area.height())
    x = min(max(geometry.x(), area.left()), area.left() + area.width() - width)
    y = min(max(geometry.y(), area.top()), area.top() + area.height() - height)
    return QRect(x, y, width, height)


class MainWindow(QMainWindow):
    """Three panes (sources and source view, brief form, preview) over one BriefDocument.

    ``first_painted`` is emitted once, when the window has first been drawn: the
    composition root starts the heavy background work then.
    """

    first_painted = Signal()

    def __init__(
        self, document: BriefDocument, runner: WorkRunner, settings: Settings,
        templates: TemplateService, extraction: ExtractionController, files: FileController,
        rendering: RenderService,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.document = document
        self.runner = runner
        self.settings = settings
        self.templates = templates
        self.extraction = extraction
        self.files = files
        self.rendering = rendering
        files.dialog_parent = self
        extraction.dialog_parent = self
        self._form_template: str | None = None
        self._preview_error = ""

        self.messages = MessageBar(self)
        self.sources_model = SourcesModel(document)
        self.sources = SourcesPanel(self.sources_model, self)
        self.source_view = SourceView(self)
        self.form = BriefForm(document, self)
        self.preview = PreviewPane(document, rendering, self)
        self.tasks = TaskIndicator(self)
        self.find_bar = FindBar(self.source_view, self.form, self, preview=self.preview.browser)
        self.commands = WindowCommands(document, rendering, self)
        self._lay_out()

        self.actions_by_key = build_menus(self, self._slots())
        self.actions_by_key["batch"] = install_batch_action(self, self._batch_dialog)
        self.menu_keys = give_menu_keys_priority(self, list(self.actions_by_key.values()))
        self.actions_by_key["undo"].setEnabled(False)
        self.actions_by_key["redo"].setEnabled(False)
        document.undo_stack.canUndoChanged.connect(self.actions_by_key["undo"].setEnabled)
        document.undo_stack.canRedoChanged.connect(self.actions_by_key["redo"].setEnabled)
        self.recent_menu: QMenu = self.property("recentMenu")
        self._fill_recent(settings.get("recent_files"))
        self.statusBar().addPermanentWidget(self.tasks)
        self._connect()
        self._update_title()
        self.setAcceptDrops(True)
        self._fit_to_screen()
        self._restore_layout()

    # Layout ----------------------------------------------------------------------------

    def _lay_out(self) -> None:
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(self.sources)
        left.addWidget(self.source_view)
        left.setSizes([260, 520])
        self.left_splitter = left
        # The form scrolls as a whole when the screen is shorter than it: its fields and
        # lists never make the window taller than the screen.
        form_scroll = FitScrollArea(self.form, self, minimum_width=PANE_MINIMUM_WIDTHS[1])
        form_scroll.setObjectName("formScroll")
        self.form_scroll = form_scroll
        panes = QSplitter(Qt.Orientation.Horizontal, self)
        self.panes = panes
        panes.setObjectName("panes")
        panes.setChildrenCollapsible(False)
        for widget, minimum in zip((left, form_scroll, self.preview), PANE_MINIMUM_WIDTHS,
                                   strict=True):
            if widget is not form_scroll:
                widget.setMinimumWidth(max(minimum, widget.minimumSizeHint().width()))
            panes.addWidget(widget)
        # Stretch: extra width goes to the form and the preview, never back and forth.
        for index, stretch in enumerate((0, 1, 1)):
            panes.setStretchFactor(index, stretch)
        panes.setSizes([340, 620, 480])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(10, 8, 10, 4)
        layout.setSpacing(8)
        layout.addWidget(self.messages)
        layout.addWidget(self.find_bar)
        layout.addWidget(panes, 1)
        self.setCentralWidget(central)
        central.installEventFilter(self)
        self._painted = False
        self._update_tab_order()

    def _slots(self) -> dict[str, Any]:
        return {
            "new": self.files.new, "open": self.files.open_dialog, "save": self.files.save,
            "save_as": self.files.save_as, "export": self.files.export_dialog,
            "copy_rich": self.files.copy_rich_text, "print": self.commands.print_memo,
            "print_preview": self.commands.print_preview,
            "close": self.close, "quit": QApplication.closeAllWindows,
            "undo": self.document.undo_stack.undo, "redo": self.document.undo_stack.redo,
            "cut": edit_actions.cut, "copy": edit_actions.copy,
            "paste": lambda: edit_actions.paste(self.paste_article, self.left_splitter),
            "select_all": edit_actions.select_all, "find": self.find_bar.open_bar,
            "guide": self.commands.show_guide, "about": self.commands.show_about,
            "paste_article": self.paste_article, "add_url": self.add_url,
            "extract": self.extraction.extract, "cancel": self.tasks.cancel,
            "templates": self.manage_templates, "settings": self.edit_settings,
            "new_template": self.new_template_from_word,
        }

    def _connect(self) -> None:
        doc = self.document
        doc.undo_stack.cleanChanged.connect(self._on_clean_changed)
        doc.path_changed.connect(self._update_title)
        doc.reset.connect(self._sync_template)
        doc.reset.connect(self._sync_source_view)
        self.templates.changed.connect(self._on_templates_changed)
        self.rendering.error.connect(self.messages.show_error)
        self.sources.paste_requested.connect(self.paste_article)
        self.sources.open_requested.connect(self.open_articles)
        self.sources.url_requested.connect(self.add_url)
        self.sources.files_dropped.connect(self.files.open_paths)
        self.sources.urls_dropped.connect(self.extraction.add_urls)
        self.sources.remove_requested.connect(self.extraction.remove_source)
        self.sources.details_requested.connect(self.edit_source_details)
        self.extraction.error.connect(self.messages.show_error)
        self.sources.current_changed.connect(self._show_source)
        self.form.item_selected.connect(self.highlight_evidence)
        self.form.lists_built.connect(self._update_tab_order)
        self.form.template_chosen.connect(self.switch_template)
        self.preview.failed.connect(self._on_preview_failed)
        self.preview.rendered.connect(self._on_preview_rendered)
        self.files.error.connect(self.messages.show_error)
        for controller in (self.extraction, self.files, self.commands):
            controller.task_started.connect(self.tasks.track)
        self.extraction.status.connect(self.show_status)
        self.files.notice.connect(self.show_status)
        self.commands.notice.connect(self.show_status)
        self.form.show_in_source.connect(self.show_in_source)
        self.form.memo_per_source_requested.connect(self.commands.export_memo_per_source)
        self.form.line_per_source_requested.connect(self.commands.use_line_per_source)
        self.files.announce.connect(self.messages.show_notice)
        self.files.articles_opened.connect(self.extraction.add_files)
        self.files.recent_changed.connect(self._fill_recent)

    # Sources ---------------------------------------------------------------------------

    def paste_article(self) -> None:
        """Add the clipboard's article (plain text, rich text, or copied files)."""
        mime: QMimeData = QGuiApplication.clipboard().mimeData()
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if files:
            self.files.open_paths(files)
            return
        text = mime.text() if mime.hasText() else None
        html = mime.html() if mime.hasHtml() else None
        if not (text and text.strip()) and not (html and html.strip()):
            self.messages.show_error("The clipboard holds no text to add as an article.")
            return
        self.extraction.add_pasted(text, html)

    def _batch_dialog(self) -> QDialog:
        from briefgen.ui.batch_dialog import batch_dialog_for  # on first use only

        return batch_dialog_for(self)

    def open_articles(self) -> None:
        """Ask for article files and add them as sources."""
        from briefgen.ui.dialogs import ARTICLE_FILTER, OpenFilesDialog

        paths = OpenFilesDialog.ask(self, "Add articles", ARTICLE_FILTER,
                                    start=self.files.start_folder())
        if paths:
            self.files.remember_folder(paths[0])
            self.files.open_paths(paths)

    def add_url(self) -> None:
        """Ask for a web address and fetch the article."""
        from briefgen.ui.dialogs import TextDialog

        url = TextDialog.ask(self, "Add from URL", "Web address of the article:")
        if url:
            self.extraction.add_urls([url])

    def edit_source_details(self, source_id: str) -> None:
        """Ask for a source's title, publisher and publication date, and set them."""
        from briefgen.model.source_details import details_of
        from briefgen.ui.source_details import SourceDetailsDialog

        details = details_of(self.document.brief, source_id)
        source = self.document.brief.source(source_id)
        if details is None or source is None:
            return
        pasted = dt.date.fromisoformat(source.pasted[:10]) if source.pasted else None
        chosen = SourceDetailsDialog.ask(self, details, pasted)
        if chosen is not None:
            self.extraction.set_source_details(source_id, chosen)

    def _show_source(self, source_id: str | None) -> None:
        brief = self.document.brief
        self.source_view.show_source(brief.source(source_id) if source_id else None)

    def _sync_source_view(self) -> None:
        current = self.sources.current_source_id()
        self._show_source(current)

    def highlight_evidence(self, spans: list[Span]) -> None:
        """Show the source of the selected item and highlight its evidence."""
        if spans and spans[0].source != self.source_view.source_id:
            self.sources.select_source(spans[0].source)
        self.source_view.highlight(spans)

    def show_in_source(self, spans: list[Span]) -> None:
        """Highlight an item's evidence and move the keyboard focus to the source text."""
        self.highlight_evidence(spans)
        self.source_view.text.setFocus()

    # Templates and settings ------------------------------------------------------------

    def switch_template(self, template_id: str) -> None:
        """Render the brief with another template (undoable)."""
        template = self.templates.get(template_id)
        if template is None:
            return
        brief = self.document.snapshot()
        self.templates.apply_to(brief, template)
        self.document.replace(brief, f"Use the template {template.name}")

    def manage_templates(self) -> None:
        """Open the template manager; use the template chosen there."""
        from briefgen.ui.template_dialog import TemplateManagerDialog

        if not self.templates.is_loaded():
            self.messages.show_error("The templates are still loading; try again in a moment.")
            return
        chosen = TemplateManagerDialog.ask(
            self, self.templates, self.document.snapshot(), self.rendering)
        self._on_templates_changed()
        if chosen:
            self.switch_template(chosen)

    def new_template_from_word(self) -> None:
        """Make a template from the office's Word memo or letterhead; the form lists it."""
        from briefgen.ui.docx_import_dialog import new_template_from_word

        if not self.templates.is_loaded():
            self.messages.show_error("The templates are still loading; try again in a moment.")
            return
        self._word_import = new_template_from_word(
            self.templates, self, lambda _id, sentence: self.messages.show_notice(sentence),
            self.messages.show_error)

    def edit_settings(self) -> None:
        """Edit the user's settings."""
        from briefgen.ui.settings_dialog import SettingsDialog, apply_settings

        choices = [(t.id, t.name) for t in self.templates.templates]
        values = SettingsDialog.ask(self, self.settings, choices)
        if values is not None:
            office_before = self.settings.get("office_templates")
            problem = apply_settings(self.settings, values)
            if problem:
                self.messages.show_error(problem)
            if self.settings.get("office_templates") != office_before:
                self.templates.load()  # the form and the box follow through ``changed``
            self.rendering.set_date_format(self.settings.get("date_format"))
            filled = self._fill_empty_defaults()
            told = f"; {filled} filled in this brief" if filled else ""
            self.statusBar().showMessage(
                f"Settings saved{told}; new briefs use them, and dates follow the date "
                "format.", 6000)

    def _fill_empty_defaults(self) -> str:
        """Put the new FROM line and marking into the current brief's empty fields (one
        undoable step each); returns what was filled, for the status bar ("" for nothing)."""
        fields = self.document.brief.fields
        template = self.templates.get(self.document.brief.template)
        shown = {spec.name for spec in template.fields} if template is not None else set()
        defaults = (("from", "From", self.settings.from_line()),
                    ("classification", "the marking", self.settings.get("default_marking")))
        filled = []
        for name, label, value in defaults:
            if value and name in shown and not str(fields.get(name) or "").strip():
                self.document.set_value(("fields", name), value)
                filled.append(label)
        return " and ".join(filled)

    def _on_templates_changed(self) -> None:
        self.form.set_templates(self.templates.templates)
        library = self.templates.library
        office = library.office_dir if library is not None else None
        unreachable = [p for p in (library.problems if library is not None else [])
                       if office is not None and p.startswith(str(office))]
        if unreachable:
            self.messages.show_error(unreachable[0])
        brief = self.document.brief
        if not brief.sources and not brief.fields and not self.document.is_modified():
            self.document.load(self.files.new_brief(), self.document.path)
        self._form_template = None
        self._sync_template()

    def _sync_template(self) -> None:
        template = self.templates.get(self.document.brief.template)
        if template is None or template.id == self._form_template:
            return
        self._form_template = template.id
        self.form.set_template(template)
        self._update_tab_order()
        self.rendering.set_template(template)

    # Files and title ------------------------------------------------------------------

    def _fill_recent(self, paths: list[str]) -> None:
        fill_recent_menu(self.recent_menu, paths, self.files.open_brief)

    def show_status(self, text: str) -> None:
        """A short-lived notice in the status bar."""
        self.statusBar().showMessage(text, 8000)

    def _on_preview_failed(self, message: str) -> None:
        self._preview_error = message  # shown through WorkRunner.failed (see app.py)

    def _on_preview_rendered(self, _seconds: float) -> None:
        # A preview that renders again clears its own earlier error, not anyone else's.
        if self._preview_error and self.messages.text() == self._preview_error:
            self.messages.dismiss()
        self._preview_error = ""

    def _update_tab_order(self) -> None:
        """Tab walks in reading order: the find bar (when open), the sources' buttons, list
        and the buttons under it, the source text, the form top to bottom, then the preview."""
        bar = self.find_bar
        sources = self.sources
        chain = [bar.field, bar.previous_button, bar.next_button, bar.close_button,
                 sources.paste_button, sources.open_button, sources.url_button,
                 sources.list, sources.details_button, sources.remove_button, self.source_view.text,
                 *self.form.focus_chain(), self.preview.browser]
        for before, after in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(before, after)

    def _on_clean_changed(self, clean: bool) -> None:
        # Uses the signal's value: the stack may be mid-destruction when it emits this.
        self.setWindowModified(not clean)

    def _update_title(self) -> None:
        name = Path(self.document.path).name if self.document.path else "Untitled brief"
        self.setWindowTitle(f"{name}[*] \u2014 briefgen")
        self.setWindowModified(self.document.is_modified())

    # Window events ---------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            # The form's list editors come right after the first paint (before the work
            # that the composition root starts on ``first_painted``).
            QTimer.singleShot(0, self.form, self.form.build_lists)
            self.first_painted.emit()
        return super().eventFilter(watched, event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.ActivationChange and not self.isActiveWindow():
            self.files.autosave()
        super().changeEvent(event)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Files and links dropped anywhere on the window are added like on the sources."""
        self.sources.dropEvent(event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        # The frame is known only now: a restored or remembered geometry that fits the
        # screen without it may not with it.
        self.clamp_to_screen()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.confirm_discard():
            event.ignore()
            return
        self.runner.cancel_all()
        self.files.shutdown()
        self._save_layout()
        event.accept()

    def available_area(self) -> QRect | None:
        """The free part of the window's screen (``None``: no screen is known)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else None

    def _fit_to_screen(self) -> None:
        """First start: 1440 x 900, or nine tenths of a smaller screen, centred on it.

        The minimum size is MINIMUM_SIZE, or the whole free screen when that is smaller.
        """
        area = self.available_area()
        width, height = 1440, 900
        if area is None:
            self.setMinimumSize(*MINIMUM_SIZE)
            self.resize(width, height)
            return
        self.setMinimumSize(min(MINIMUM_SIZE[0], area.width()), min(MINIMUM_SIZE[1], area.height()))
        width = min(width, int(area.width() * 0.9))
        height = min(height, int(area.height() * 0.9))
        self.resize(width, height)
        self.move(area.center().x() - width // 2, area.center().y() - height // 2)

    def clamp_to_screen(self) -> None:
        """Bring the window (frame included) back inside its screen's free area."""
        area = self.available_area()
        if area is None:
            return
        frame = self.frameGeometry()
        extra_w = frame.width() - self.width()
        extra_h = frame.height() - self.height()
        fitted = clamped_to(area, frame)
        if fitted != frame:
            self.resize(max(self.minimumWidth(), fitted.width() - extra_w),
                        max(self.minimumHeight(), fitted.height() - extra_h))
            self.move(fitted.topLeft())

    def _save_layout(self) -> None:
        parts = [self.saveGeometry(), self.panes.saveState(), self.left_splitter.saveState()]
        encoded = ",".join(bytes(part.toBase64().data()).decode("ascii") for part in parts)
        self.settings.set("window_state", encoded)

    def _restore_layout(self) -> None:
        saved = self.settings.get("window_state").split(",")
        if len(saved) != 3:
            return
        geometry, panes, left = (QByteArray.fromBase64(part.encode("ascii")) for part in saved)
        self.restoreGeometry(geometry)
        # Saved on a bigger screen (or a second monitor since unplugged): fit this one.
        self.clamp_to_screen()
        self.panes.restoreState(panes)
        self.left_splitter.restoreState(left)
