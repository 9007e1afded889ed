"""Getting briefs in and memos out: New, Open, Save, Save As, Export, Copy, recent files and
autosave."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, QObject, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QTextDocument
from PySide6.QtWidgets import QWidget

from briefgen.errors import BriefgenError
from briefgen.model import BRIEF_SUFFIX, Brief, brief_to_json, load_brief, save_brief
from briefgen.ui.autosave import AutosaveStore, DiskStamp, Recovered, disk_stamp
from briefgen.ui.document import BriefDocument
from briefgen.ui.rendering import RenderService
from briefgen.ui.settings import Settings
from briefgen.ui.worker import IsCancelled, Progress, Worker, WorkRunner

if TYPE_CHECKING:
    from briefgen.render import BriefTemplate

AUTOSAVE_INTERVAL_MS = 30_000

log = logging.getLogger(__name__)


class FileController(QObject):
    """Owns the brief's life on disk; dialogs are asked through their ``ask`` classmethods.

    ``articles_opened`` carries paths that are articles rather than briefs (the window
    adds them as sources); ``notice`` and ``error`` carry one sentence each.
    """

    notice = Signal(str)
    announce = Signal(str)  # a notice that stays in the message bar until dismissed
    error = Signal(str)
    articles_opened = Signal(list)
    recent_changed = Signal(list)
    task_started = Signal(object, str)

    def __init__(
        self, dialog_parent: QWidget | None, document: BriefDocument, runner: WorkRunner,
        settings: Settings, rendering: RenderService, autosave: AutosaveStore,
    ) -> None:
        super().__init__()
        self.dialog_parent = dialog_parent
        self.document = document
        self.runner = runner
        self.settings = settings
        self.rendering = rendering
        self.templates = rendering.templates
        self.autosave_store = autosave
        # The stamp of the brief's file when this window last opened or saved it: a save
        # finding another one there asks before overwriting (None: no file known).
        self.disk_stamp: DiskStamp | None = None
        self._autosaved_revision = -1
        self._shut_down = False
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_INTERVAL_MS)
        self.timer.timeout.connect(self.autosave)
        self.timer.start()

    # New and open -----------------------------------------------------------------------

    def new_brief(self) -> Brief:
        """A fresh brief with the user's defaults (template, FROM line, marking)."""
        brief = Brief(template=self.settings.get("default_template"))
        from_line = self.settings.from_line()
        if from_line:
            brief.fields["from"] = from_line
        marking = self.settings.get("default_marking")
        if marking:
            brief.fields["classification"] = marking
        template = self.templates.get(brief.template)
        if template is not None:
            self.templates.apply_to(brief, template)
        return brief

    def new(self) -> bool:
        """Start a new brief (after asking about unsaved changes)."""
        if not self.confirm_discard():
            return False
        self.document.load(self.new_brief(), None)
        self.disk_stamp = None
        self._autosaved_revision = self.document.revision
        return True

    def open_dialog(self) -> None:
        """Ask for briefs or articles to open."""
        from briefgen.ui.dialogs import OPEN_FILTER, OpenFilesDialog

        paths = OpenFilesDialog.ask(self.dialog_parent, "Open", OPEN_FILTER,
                                    start=self.start_folder())
        if paths:
            self.remember_folder(paths[0])
            self.open_paths(paths)

    def start_folder(self) -> str:
        """Where file dialogs open: the last folder used, else the brief's own folder, else
        the user's Documents folder (or home), never the program's working folder."""
        last = self.settings.get("last_folder")
        if last and Path(last).is_dir():
            return str(last)
        if self.document.path:
            return str(Path(self.document.path).parent)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        if documents and Path(documents).is_dir():
            return documents
        return str(Path.home())

    def remember_folder(self, path: str) -> None:
        """The next file dialog starts in ``path``'s folder."""
        self.settings.set("last_folder", str(Path(path).absolute().parent))

    def open_paths(self, paths: list[str]) -> None:
        """Open a .brief file, or add articles as sources of the current brief."""
        briefs = [p for p in paths if p.lower().endswith(BRIEF_SUFFIX)]
        articles = [p for p in paths if not p.lower().endswith(BRIEF_SUFFIX)]
        if briefs:
            self.open_brief(briefs[0])
        if articles:
            self.articles_opened.emit(articles)

    def open_brief(self, path: str) -> bool:
        """Replace the brief on screen by the one in ``path``."""
        if not self.confirm_discard():
            return False
        try:
            brief = load_brief(path)
        except BriefgenError as exc:
            self.error.emit(str(exc))
            return False
        absolute = os.path.abspath(path)
        self.document.load(brief, absolute)
        self.disk_stamp = disk_stamp(absolute)
        self._autosaved_revision = self.document.revision
        self._remember(absolute)
        self.notice.emit(f"Opened {Path(path).name}.")
        return True

    # Save -------------------------------------------------------------------------------

    def save(self) -> bool:
        """Save to the brief's file, asking for one the first time.

        When the file on disk is no longer the one this window opened or last saved
        (another window or program saved it since), ask first: overwrite it, save
        elsewhere, or reload it (the edits here are then dropped).
        """
        from briefgen.ui.dialogs import ChangedOnDiskDialog

        path = self.document.path
        if path is None:
            return self.save_as()
        if self.changed_on_disk():
            answer = ChangedOnDiskDialog.ask(self.dialog_parent, Path(path).name)
            if answer == "save_as":
                return self.save_as()
            if answer == "reload":
                self.reload()
                return False
            if answer != "overwrite":
                return False
        return self._save_to(path)

    def changed_on_disk(self) -> bool:
        """Whether the brief's file was changed, replaced or created by someone else since
        this window opened or saved it (a file that is gone has nothing to lose)."""
        if self.document.path is None:
            return False
        now = disk_stamp(self.document.path)
        return now is not None and now != self.disk_stamp

    def reload(self) -> bool:
        """Show the brief's file as it is on disk now, dropping the edits made here."""
        path = self.document.path
        if path is None:
            return False
        self.document.mark_saved()  # the user chose to drop them: open without asking
        return self.open_brief(path)

    def save_as(self) -> bool:
        """Ask for a file and save there."""
        from briefgen.ui.dialogs import BRIEF_FILTER, SaveFileDialog

        suggested = self.document.path or os.path.join(
            self.start_folder(), _suggested_name(self.document.brief) + BRIEF_SUFFIX)
        path = SaveFileDialog.ask(self.dialog_parent, "Save brief", suggested, BRIEF_FILTER)
        if path is None:
            return False
        self.remember_folder(path)
        if not path.lower().endswith(BRIEF_SUFFIX):
            path += BRIEF_SUFFIX
        return self._save_to(path)

    def _save_to(self, path: str) -> bool:
        try:
            save_brief(self.document.brief, path)
        except BriefgenError as exc:
            self.error.emit(str(exc))
            return False
        except Exception as exc:  # a bug; still one sentence, and the edits stay
            log.exception("Saving %s failed", path)
            self.error.emit(f"Cannot save {Path(path).name}: {type(exc).__name__}; the "
                            "changes are still here, try Save As.")
            return False
        absolute = os.path.abspath(path)
        self.disk_stamp = disk_stamp(absolute)
        self.document.set_path(absolute)
        self.document.mark_saved()
        self.autosave_store.clear()
        self._autosaved_revision = self.document.revision
        self._remember(absolute)
        self.notice.emit(f"Saved {Path(path).name}.")
        return True

    def confirm_discard(self) -> bool:
        """True when the brief on screen may be replaced (saved, discarded or unchanged)."""
        from briefgen.ui.dialogs import UnsavedChangesDialog

        if not self.document.is_modified():
            return True
        name = Path(self.document.path).name if self.document.path else "the new brief"
        answer = UnsavedChangesDialog.ask(self.dialog_parent, name)
        if answer == "save":
            return self.save()
        return answer == "discard"

    # Export -----------------------------------------------------------------------------

    def export_dialog(self) -> Worker | None:
        """Ask where to export the memo, then write it in the background. When required
        header fields are empty, say which before asking; the user may go on. The dialog
        starts in the last folder used and proposes the last format exported."""
        from briefgen.ui.dialogs import (
            EXPORT_FILTER,
            EXPORT_FILTERS,
            ConfirmDialog,
            SaveFileDialog,
        )

        missing = self._empty_required_fields()
        if missing:
            question = ("These required fields are empty and will print blank in the memo: "
                        + ", ".join(missing) + ".")
            if not ConfirmDialog.ask(self.dialog_parent, "Export memo", question,
                                     "Export anyway"):
                return None
        name = (Path(self.document.path).name[: -len(BRIEF_SUFFIX)] if self.document.path
                else _suggested_name(self.document.brief))
        suffix = self.settings.get("export_format")
        if suffix not in EXPORT_FILTERS:
            suffix = ".docx"
        suggested = os.path.join(self.start_folder(), name + suffix)
        path = SaveFileDialog.ask(self.dialog_parent, "Export memo", suggested, EXPORT_FILTER,
                                  selected_filter=EXPORT_FILTERS[suffix])
        if not path:
            return None
        self.remember_folder(path)
        if Path(path).suffix.lower() in EXPORT_FILTERS:
            self.settings.set("export_format", Path(path).suffix.lower())
        return self.export(path)

    def _empty_required_fields(self) -> list[str]:
        """The labels of the current template's required fields the memo prints empty."""
        template = self.rendering.template
        if template is None:
            return []
        from briefgen.render import empty_required_fields

        return empty_required_fields(self.document.brief, template)

    def export(self, path: str) -> Worker | None:
        """Render the memo to ``path`` in the background (.docx, .html or .pdf; a path with
        no such suffix gets .docx added)."""
        from briefgen.render.output import is_output_path
        from briefgen.ui.dialogs import ConfirmDialog

        if not is_output_path(path):
            path += ".docx"
        out = Path(path)
        template = self.rendering.template
        if out.suffix.lower() == ".pdf" and template is not None:
            from briefgen.render.output import no_pdf_message, pdf_without_converter
            from briefgen.render.pdf_convert import find_converter

            if not pdf_without_converter(template) and find_converter() is None:
                # No PDF of a Word-made template here: its .docx is the memo to send.
                if not ConfirmDialog.ask(self.dialog_parent, "Export memo",
                                         no_pdf_message(template), "Export .docx instead"):
                    return None
                out = out.with_suffix(".docx")
        worker = self.rendering.export(self.document.snapshot(), out)
        if worker is None:
            return None
        worker.signals.finished.connect(
            lambda p: self.notice.emit(exported_message(Path(p), template)))
        self.task_started.emit(worker, f"Exporting {out.name}")
        return worker

    def copy_rich_text(self) -> Worker | None:
        """Put the memo on the clipboard as rich text (for e-mail) and plain text."""
        worker = self.rendering.memo_html(self.document.snapshot())
        if worker is not None:
            worker.signals.finished.connect(self._put_on_clipboard)
        return worker

    def _put_on_clipboard(self, html: Any) -> None:
        document = QTextDocument()
        document.setHtml(str(html))
        mime = QMimeData()
        mime.setHtml(str(html))
        mime.setText(document.toPlainText())
        QGuiApplication.clipboard().setMimeData(mime)
        self.notice.emit("Copied the memo; paste it into an e-mail.")

    # Autosave and recovery -------------------------------------------------------------

    def autosave(self) -> Worker | None:
        """Write the brief to the autosave slot if it changed since the last autosave."""
        if self._shut_down or not self.document.is_modified():
            return None  # after a clean exit nothing may come back to recover
        if self._autosaved_revision == self.document.revision:
            return None
        self._autosaved_revision = self.document.revision
        try:
            text = brief_to_json(self.document.brief)
        except Exception as exc:  # a bug: say so once, never a silent failure
            log.exception("Autosave failed")
            self.error.emit(f"Autosave failed ({type(exc).__name__}); save the brief to "
                            "keep the changes.")
            return None
        original = self.document.path
        stamp = self.disk_stamp
        store = self.autosave_store

        def job(_progress: Progress, _cancelled: IsCancelled) -> None:
            store.write_json(text, original, stamp)

        worker = self.runner.submit("save", job, "Autosave")
        return worker

    def offer_recovery(self) -> bool:
        """Offer the autosaves of windows that are gone (never one whose window still
        runs), each with its file and time; True if one was recovered into this window.

        The user recovers one, discards one (and is asked about the rest), or keeps them
        all for a later start.
        """
        from briefgen.ui.dialogs import RecoverDialog

        offers = self.autosave_store.recoverable()
        try:
            while offers:
                choice, index = RecoverDialog.ask(
                    self.dialog_parent, [describe_recovered(r) for r in offers])
                if choice == "recover" and 0 <= index < len(offers):
                    return self._recover(offers.pop(index))
                if choice != "discard" or not 0 <= index < len(offers):
                    return False
                self.autosave_store.discard(offers.pop(index))
            return False
        finally:
            for left in offers:
                self.autosave_store.release(left)

    def _recover(self, recovered: Recovered) -> bool:
        try:
            self.autosave_store.adopt(recovered)
        except OSError as exc:
            self.autosave_store.release(recovered)
            self.error.emit(f"Cannot recover the unsaved brief: {exc.strerror or exc}.")
            return False
        self.document.load(recovered.brief, recovered.original_path)
        self.disk_stamp = recovered.disk_stamp
        # Recovered work is unsaved: make the document dirty so closing asks first.
        self.document.undo_stack.resetClean()
        self._autosaved_revision = self.document.revision  # this window's slot holds it
        self.announce.emit(
            "Recovered the unsaved brief from the last session; save it to keep it."
        )
        return True

    def shutdown(self) -> None:
        """A clean exit: nothing left to recover."""
        self._shut_down = True
        self.timer.stop()
        self.runner.wait(5000)
        self.autosave_store.close()

    def _remember(self, path: str) -> None:
        self.recent_changed.emit(self.settings.add_recent_file(path))


def describe_recovered(recovered: Recovered) -> str:
    """One line for the recovery dialog: the subject, the file and the autosave time."""
    subject = recovered.brief.fields.get("subject") or "untitled"
    where = (f"from {Path(recovered.original_path).name}" if recovered.original_path
             else "never saved")
    when = ""
    if recovered.saved_at is not None:
        when = ", autosaved " + recovered.saved_at.astimezone().strftime("%d %b %Y %H:%M:%S")
    return f"{subject} ({where}{when})"


def _suggested_name(brief: Brief) -> str:
    """The subject, else the first source's title, made safe for a file name."""
    subject: Any = str(brief.fields.get("subject") or "").strip() or (
        brief.sources[0].title if brief.sources and brief.sources[0].title else "brief")
    words = "".join(c if c.isalnum() or c in " -" else " " for c in str(subject)).split()
    return "-".join(words[:8]).lower() or "brief"


def exported_message(path: Path, template: BriefTemplate | None = None) -> str:
    """The status line after an export: the file's name, and what a PDF (of ``template``)
    lacks if anything."""
    from briefgen.render.output import pdf_notice

    notice = pdf_notice(template) if path.suffix.lower() == ".pdf" else None
    return f"Exported {path.name}; {notice}." if notice else f"Exported {path.name}."
