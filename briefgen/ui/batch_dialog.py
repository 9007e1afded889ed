"""File > "Brief a folder...": a folder of articles into a folder of memos, with progress,
cancel and the results listed, each .brief openable in the window."""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefgen.ui.menus import install_batch_action as install_batch_action  # its home before
from briefgen.ui.worker import IsCancelled, Progress, Worker, WorkRunner

if TYPE_CHECKING:  # briefgen.batch loads when the dialog first runs, not as the window starts
    from briefgen.batch import BatchOptions, BatchOutcome, InputResult

# Runs a batch: (options, progress per input, is_cancelled) -> outcome. Tests pass one that
# shares their loaded model; the window's runs on worker processes.
BatchRun = Callable[["BatchOptions", Callable[["InputResult", int, int], None], IsCancelled],
                    "BatchOutcome"]
FORMATS = ((".docx", "Word (.docx)"), (".html", "Web page (.html)"), (".pdf", "PDF (.pdf)"))
_MARKS = {"ok": "\u2713", "skipped": "=", "failed": "\u2717", "stopped": "\u2013"}
OUTPUTS_FOLDER = "memos"


def _run_on_processes(options: BatchOptions, progress: Callable[[InputResult, int, int], None],
                      is_cancelled: IsCancelled) -> BatchOutcome:
    from briefgen.batch import run_batch

    return run_batch(options, progress=progress, is_cancelled=is_cancelled)


class FolderChooser:
    """Choose a folder (tests replace ``ask``)."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, start: str = "") -> str | None:
        """The chosen folder, ``None`` when cancelled."""
        return QFileDialog.getExistingDirectory(parent, title, start) or None


class BatchDialog(QDialog):
    """Choose the articles' folder, where the memos go, the template and formats; Start
    runs the batch in the background (Cancel stops it, finished memos are kept); each
    result is listed as it arrives and a double-click opens its .brief."""

    def __init__(self, runner: WorkRunner, templates: list[tuple[str, str]], template_id: str,
                 open_brief: Callable[[str], object], *, start_folder: str = "",
                 office_dir: str | None = None, run: BatchRun | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("batchDialog")
        self.setWindowTitle("Brief a folder")
        self.runner = runner
        self.open_brief = open_brief
        self.office_dir = office_dir
        self._run = run or _run_on_processes
        self._start_folder = start_folder
        self._arrived: deque[tuple[InputResult, int, int]] = deque()
        self.worker: Worker | None = None
        self.outcome: BatchOutcome | None = None
        self._outcome_lock = threading.Lock()
        self._build(templates, template_id)

    def _build(self, templates: list[tuple[str, str]], template_id: str) -> None:
        self.input_edit = QLineEdit(self)
        self.input_edit.setAccessibleName("Folder of articles")
        self.output_edit = QLineEdit(self)
        self.output_edit.setAccessibleName("Folder for the memos")
        self.input_edit.textChanged.connect(self._suggest_output)
        self.template_box = QComboBox(self)
        self.template_box.setAccessibleName("Template")
        for tid, name in templates:
            self.template_box.addItem(name, tid)
        self.template_box.setCurrentIndex(max(0, self.template_box.findData(template_id)))
        self.format_boxes: dict[str, QCheckBox] = {}
        formats = QHBoxLayout()
        for suffix, label in FORMATS:
            box = QCheckBox(label, self)
            box.setChecked(suffix == ".docx")
            self.format_boxes[suffix] = box
            formats.addWidget(box)
        form = QFormLayout()
        form.addRow("&Articles in:", self._with_browse(self.input_edit, self._choose_input))
        form.addRow("&Memos into:", self._with_browse(self.output_edit, self._choose_output))
        form.addRow("&Template:", self.template_box)
        form.addRow("Formats:", formats)
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName("Progress")
        self.progress.setValue(0)
        self.status = QLabel("Choose a folder of articles, then Start.", self)
        self.status.setWordWrap(True)
        self.results = QListWidget(self)
        self.results.setAccessibleName("Results")
        # Activated: a double-click (or the platform's click to open) and Enter.
        self.results.itemActivated.connect(self._open_item)
        buttons = QDialogButtonBox(self)
        self.start_button = buttons.addButton("&Start", QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = buttons.addButton(
            "&Cancel run", QDialogButtonBox.ButtonRole.RejectRole)
        self.close_button = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.cancel_button.setEnabled(False)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.results, 1)
        layout.addWidget(buttons)
        self.resize(640, 480)

    def _with_browse(self, edit: QLineEdit, choose: Callable[[], None]) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        button = QPushButton("Choose\u2026", self)
        button.setAccessibleName(f"Choose: {edit.accessibleName()}")
        button.clicked.connect(choose)
        row.addWidget(button)
        return row

    def _choose_input(self) -> None:
        folder = FolderChooser.ask(self, "Folder of articles",
                                   self.input_edit.text() or self._start_folder)
        if folder:
            self.input_edit.setText(folder)

    def _choose_output(self) -> None:
        folder = FolderChooser.ask(self, "Folder for the memos",
                                   self.output_edit.text() or self._start_folder)
        if folder:
            self.output_edit.setText(folder)

    def _suggest_output(self, text: str) -> None:
        if text.strip() and not self.output_edit.isModified():
            self.output_edit.setText(str(Path(text.strip()) / OUTPUTS_FOLDER))

    def options(self) -> BatchOptions | None:
        """The run the dialog describes; ``None`` (and the reason shown) when incomplete."""
        source = self.input_edit.text().strip()
        target = self.output_edit.text().strip()
        suffixes = tuple(s for s, box in self.format_boxes.items() if box.isChecked())
        problem = ("Choose the folder of articles." if not source or not Path(source).is_dir()
                   else "Choose the folder for the memos." if not target
                   else "Choose at least one format." if not suffixes else "")
        if problem:
            self.status.setText(problem)
            return None
        from briefgen.batch import BatchOptions, collect_inputs

        inputs = collect_inputs([source], [], Path(target))
        if not inputs:
            self.status.setText(f"No articles in {source} (.txt .md .html .docx .pdf .eml "
                                ".msg .rtf .odt).")
            return None
        return BatchOptions(tuple(inputs), Path(target), str(self.template_box.currentData()),
                            suffixes, office_dir=self.office_dir)

    def start(self) -> None:
        """Start the run described by the fields, in the background."""
        options = self.options()
        if options is None or self.worker is not None:
            return
        self.results.clear()
        self.outcome = None
        self.progress.setRange(0, len(options.inputs))
        self.progress.setValue(0)
        self.status.setText(f"Briefing {len(options.inputs)} articles (the language model "
                            "loads first)\u2026")
        arrived = self._arrived
        run = self._run

        def job(progress: Progress, is_cancelled: IsCancelled) -> Any:
            def each(result: InputResult, done: int, total: int) -> None:
                arrived.append((result, done, total))
                progress(done, total)

            outcome = run(options, each, is_cancelled)
            with self._outcome_lock:
                self.outcome = outcome  # read on the GUI thread after cancelled, too
            return outcome

        worker = self.runner.submit("io", job, "Briefing a folder")
        worker.signals.progress.connect(self._show_arrived)
        worker.signals.finished.connect(self._finished)
        worker.signals.cancelled.connect(self._finished)
        worker.signals.failed.connect(self.status.setText)
        worker.signals.done.connect(self._over)
        self.worker = worker
        self._set_running(True)

    def cancel(self) -> None:
        """Stop the run: finished memos are kept, the rest is listed as not done."""
        if self.worker is not None:
            self.status.setText("Stopping\u2026")
            self.worker.cancel()

    def _set_running(self, running: bool) -> None:
        self.start_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)

    def _show_arrived(self, done: int, total: int) -> None:
        while self._arrived:
            result, _, _ = self._arrived.popleft()
            self._list(result)
        self.progress.setValue(done)

    def _list(self, result: InputResult) -> None:
        name = Path(result.input).name or result.input
        brief = result.brief_path
        text = f"{_MARKS.get(result.status, '?')} {name}"
        if brief is not None:
            text += f" \u2192 {brief.stem}"
        if result.reason and result.status != "skipped":
            text += f": {result.reason}"
        item = QListWidgetItem(text, self.results)
        item.setToolTip(str(brief) if brief else result.reason)
        item.setData(Qt.ItemDataRole.UserRole, str(brief) if brief else None)

    def _finished(self, _result: object = None) -> None:
        self._show_arrived(self.progress.value(), self.progress.maximum())
        with self._outcome_lock:
            outcome = self.outcome
        if outcome is not None:
            for result in outcome.results:
                if result.status == "stopped":  # never reported as they went: list them now
                    self._list(result)
            self.status.setText(f"{outcome.summary()} Report: {outcome.report_path}. "
                                "Double-click a memo to open its brief.")

    def _over(self) -> None:
        self.worker = None
        self._set_running(False)

    def _open_item(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.open_brief(str(path))

    def closeEvent(self, event: Any) -> None:
        self.cancel()
        super().closeEvent(event)


def batch_dialog_for(window: Any) -> BatchDialog:
    """The dialog for the main window ``window``: its runner, templates, settings and its
    way of opening a .brief."""
    templates = [(t.id, t.name) for t in window.templates.templates]
    current = window.document.brief.template
    office = window.settings.get("office_templates").strip() or None
    return BatchDialog(window.runner, templates, current, window.files.open_brief,
                       start_folder=window.files.start_folder(), office_dir=office,
                       parent=window)
