"""New template from Word document: pick the office's .docx, import it in a worker, and,
when its value boxes carry no label, ask once which box holds what."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from briefgen.ui.dialogs import OpenFilesDialog
from briefgen.ui.worker import IsCancelled, Progress, Worker

if TYPE_CHECKING:
    from briefgen.ui.templates import TemplateService

WORD_FILTER = "Word documents (*.docx *.dotx)"
# The fields a box may hold, as the mapping step offers them (name, label).
SLOT_CHOICES: tuple[tuple[str, str], ...] = (
    ("to", "To"), ("from", "From"), ("date", "Date"), ("subject", "Subject"), ("cc", "Cc"),
    ("through", "Through"), ("reference", "Reference"),
)
LEAVE = "Leave as it is"


class SlotMappingDialog(QDialog):
    """One line per unnamed text box: its number and current text, and a box to say which
    field it holds (or to leave it as it is)."""

    def __init__(self, boxes: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Which box holds what?")
        intro = QLabel("briefgen cannot read these boxes' labels (they are part of a "
                       "picture). Say what each box holds; briefgen remembers it in the "
                       "template.", self)
        intro.setWordWrap(True)
        form = QFormLayout()
        self.combos: dict[int, QComboBox] = {}
        for index, (number, text) in enumerate(boxes):
            combo = QComboBox(self)
            combo.setObjectName(f"slotCombo{number}")
            combo.addItem(LEAVE, "")
            for name, label in SLOT_CHOICES:
                combo.addItem(label, name)
            # A first guess in the order forms print them: To, From, Date, Subject...
            if index < 4:
                combo.setCurrentIndex(index + 1)
            shown = text if len(text) <= 60 else text[:59] + "\u2026"
            caption = QLabel(f"{number}: {shown or '(empty)'}", self)
            caption.setToolTip(text)
            form.addRow(caption, combo)
            self.combos[number] = combo
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Make the template")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def mapping(self) -> dict[str, int]:
        """Field name -> box number for every box given a field (the first box wins)."""
        chosen: dict[str, int] = {}
        for number, combo in self.combos.items():
            name = str(combo.currentData() or "")
            if name and name not in chosen:
                chosen[name] = number
        return chosen

    @classmethod
    def ask(cls, parent: QWidget | None, boxes: list[tuple[int, str]]) -> dict[str, int] | None:
        """The mapping, or None when cancelled."""
        dialog = cls(boxes, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.mapping()


class WordTemplateImport(QObject):
    """Runs one import on the ``io`` pool; ``done(template id, sentence)`` when the template
    exists, ``failed(sentence)`` otherwise (a refused document, or the mapping cancelled).
    """

    done = Signal(str, str)
    failed = Signal(str)

    def __init__(self, service: TemplateService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.parent_widget = parent
        self.worker: Worker | None = None

    def choose_and_start(self) -> bool:
        """Ask for the Word document and start; False when the user chose none."""
        paths = OpenFilesDialog.ask(self.parent_widget, "New template from Word document",
                                    WORD_FILTER)
        if not paths:
            return False
        self.start(Path(paths[0]))
        return True

    def start(self, path: Path, slots: dict[str, int] | None = None) -> Worker | None:
        """Import ``path`` in a worker (``slots``: the mapping of unnamed boxes)."""
        library = self.service.library
        if library is None:
            self.failed.emit("The templates are still loading; try again in a moment.")
            return None

        def job(progress: Progress, cancelled: IsCancelled) -> Any:
            from briefgen.errors import Cancelled
            from briefgen.render.templates.docx_import import import_docx

            progress(0, 1)
            if cancelled():
                raise Cancelled()
            result = import_docx(path, library, slots=slots)
            progress(1, 1)
            return result

        worker = self.service.runner.submit("io", job, f"Making a template from {path.name}")
        worker.signals.finished.connect(lambda result: self._finished(path, result))
        worker.signals.failed.connect(self.failed)
        worker.signals.cancelled.connect(lambda: self.failed.emit("Cancelled."))
        self.worker = worker
        return worker

    def _finished(self, path: Path, result: Any) -> None:
        if result.template is None:
            boxes = [(box.number, box.text) for box in result.boxes]
            mapping = SlotMappingDialog.ask(self.parent_widget, boxes)
            if mapping is None:
                self.failed.emit(f"No template was made from {path.name}.")
                return
            self.start(path, mapping)
            return
        self.service.reload()
        filled = ", ".join(result.slots) or "no header fields"
        notes = " ".join(result.notes)
        self.done.emit(result.template.id,
                       f"Made the template {result.template.name} from {path.name} "
                       f"(filled: {filled}). {notes}".strip())


def new_template_from_word(service: TemplateService, parent: QWidget,
                           on_done: Callable[[str, str], object],
                           on_failed: Callable[[str], object]) -> WordTemplateImport | None:
    """The whole command: choose a document, import it, map its boxes if needed."""
    importer = WordTemplateImport(service, parent)
    importer.done.connect(on_done)
    importer.failed.connect(on_failed)
    if not importer.choose_and_start():
        importer.deleteLater()
        return None
    return importer
