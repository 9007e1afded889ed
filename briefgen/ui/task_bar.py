"""The status bar's task indicator: what runs in the background, its progress, and Cancel."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from briefgen.ui.worker import Worker


class TaskIndicator(QWidget):
    """Shows the newest running task; hidden when nothing runs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setFixedWidth(140)
        self.bar.setTextVisible(False)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setToolTip("Stop this task; what the brief has is kept")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 4, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.cancel_button)
        self._tasks: list[tuple[Worker, str]] = []
        self.hide()

    def track(self, worker: Worker, text: str) -> None:
        """Show ``worker`` until it is done."""
        self._tasks.append((worker, text))
        # Bound methods, not lambdas: Qt drops them if this widget is destroyed first.
        worker.signals.progress.connect(self._progress)
        worker.signals.done.connect(self._finish)
        self._show_latest()

    def running(self) -> list[str]:
        """The descriptions of the tasks still running, oldest first."""
        return [text for _, text in self._tasks]

    def cancel(self) -> None:
        """Cancel the task on display."""
        if self._tasks:
            self._tasks[-1][0].cancel()
            self.label.setText("Cancelling\u2026")

    def _progress(self, done: int, total: int) -> None:
        signals = self.sender()
        if self._tasks and self._tasks[-1][0].signals is signals and total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)

    def _finish(self) -> None:
        signals = self.sender()
        self._tasks = [(w, t) for w, t in self._tasks if w.signals is not signals]
        self._show_latest()

    def _show_latest(self) -> None:
        if not self._tasks:
            self.hide()
            return
        self.label.setText(self._tasks[-1][1] + "\u2026")
        self.bar.setRange(0, 0)
        self.show()
