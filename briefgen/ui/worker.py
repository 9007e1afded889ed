"""The one helper for long work: a QRunnable on a QThreadPool that reports through signals."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from briefgen.errors import BriefgenError, Cancelled

log = logging.getLogger(__name__)

# A job receives progress(done, total) and is_cancelled() and returns its result.
Progress = Callable[[int, int], None]
IsCancelled = Callable[[], bool]
Job = Callable[[Progress, IsCancelled], Any]


class WorkerSignals(QObject):
    """What a worker reports; connected slots run on the GUI thread (queued connections)."""

    started = Signal()
    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    done = Signal()  # after finished, failed or cancelled: the worker is over


class Worker(QRunnable):
    """Runs one job on a pool thread; never touches widgets, only emits signals.

    A ``BriefgenError`` becomes ``failed`` with its one-sentence message; any other
    exception is a bug: it is logged with its traceback and reported as one sentence.
    """

    def __init__(self, job: Job, description: str) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.job = job
        self.description = description
        self.signals = WorkerSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the job to stop at its next check; it then emits ``cancelled``."""
        self._cancel.set()

    def is_cancelled(self) -> bool:
        """True once ``cancel`` was called."""
        return self._cancel.is_set()

    def run(self) -> None:
        """Run the job and report its outcome (called on a pool thread)."""
        signals = self.signals
        signals.started.emit()
        try:
            if self.is_cancelled():
                raise Cancelled()
            result = self.job(self._report, self.is_cancelled)
            if self.is_cancelled():
                raise Cancelled()
        except Cancelled:
            signals.cancelled.emit()
        except BriefgenError as exc:
            signals.failed.emit(str(exc))
        except Exception as exc:  # a bug: keep the traceback in the log, one sentence on screen
            log.exception("%s failed", self.description)
            signals.failed.emit(f"{self.description} failed unexpectedly ({type(exc).__name__}).")
        else:
            signals.finished.emit(result)
        signals.done.emit()

    def _report(self, done: int, total: int) -> None:
        self.signals.progress.emit(done, total)


class WorkRunner(QObject):
    """Owns the thread pools and keeps each running worker alive until it is done.

    Pools: ``nlp`` (one thread: the spaCy pipeline is used by one job at a time),
    ``render`` (one thread: previews and exports in order), ``untrusted`` (one thread:
    renders of user and office templates, apart so that they never hold up ``render``),
    ``save`` (one thread:
    autosaves in order) and ``io`` (two threads: loading files and URLs).
    """

    POOL_SIZES = {"nlp": 1, "render": 1, "untrusted": 1, "save": 1, "io": 2}

    active_changed = Signal(int)
    # Every worker's failure, one sentence: the composition root shows it in the window.
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pools: dict[str, QThreadPool] = {}
        for name, size in self.POOL_SIZES.items():
            pool = QThreadPool(self)
            pool.setMaxThreadCount(size)
            pool.setExpiryTimeout(-1)
            self._pools[name] = pool
        self._running: dict[WorkerSignals, Worker] = {}
        self._queued: list[tuple[str, Worker]] = []

    def submit(self, pool: str, job: Job, description: str) -> Worker:
        """Queue ``job`` on ``pool``; it starts when control returns to the event loop.

        Connect to the returned worker's signals before returning to the event loop:
        starting later guarantees that no signal is emitted before the connections exist.
        """
        worker = Worker(job, description)
        self._running[worker.signals] = worker
        worker.signals.done.connect(self._forget)
        worker.signals.failed.connect(self.failed)
        self._queued.append((pool, worker))
        QTimer.singleShot(0, self, self._start_queued)
        self.active_changed.emit(len(self._running))
        return worker

    def active(self) -> int:
        """How many workers are queued or running."""
        return len(self._running)

    def cancel_all(self) -> None:
        """Ask every queued or running worker to stop."""
        for worker in list(self._running.values()):
            worker.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until every job submitted so far is done (for shutdown and tests), those
        still queued for the event loop started first; False on timeout."""
        self._start_queued()
        return all(pool.waitForDone(msecs) for pool in self._pools.values())

    def _start_queued(self) -> None:
        queued, self._queued = self._queued, []
        for pool, worker in queued:
            self._pools[pool].start(worker)

    def _forget(self) -> None:
        self._running.pop(self.sender(), None)  # type: ignore[call-overload]
        self.active_changed.emit(len(self._running))
