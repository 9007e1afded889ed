"""Runs a batch: plans what to do, spreads the work over worker processes, writes each
memo atomically as it arrives, and keeps the record and the report."""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefgen.batch.inputs import BatchInput
from briefgen.batch.naming import NameAllocator
from briefgen.batch.record import RecordEntry, is_up_to_date, load_record, save_record
from briefgen.batch.report import (
    FAILED,
    OK,
    REPORT_NAME,
    SKIPPED,
    STOPPED,
    InputResult,
    summary_line,
    write_report,
)
from briefgen.batch.worker import MEMO_KINDS, TaskResult, WorkerSettings, brief_task, init_worker
from briefgen.errors import BriefgenError
from briefgen.model import BRIEF_SUFFIX, DEFAULT_TEMPLATE, write_bytes_atomically
from briefgen.render.document_info import DocumentInfo, document_info

if TYPE_CHECKING:
    from spacy.language import Language

ONE_BRIEF_KEY = "one-brief"
_POLL_SECONDS = 0.1
_PRELOAD = ["briefgen.batch.worker", "spacy", "briefgen.extract", "briefgen.intake",
            "briefgen.render.docx_writer", "briefgen.render.html_writer"]

Progress = Callable[[InputResult, int, int], None]


@dataclass(frozen=True)
class BatchOptions:
    """One batch run. ``jobs``: worker processes (0: one per core). ``one_brief``: merge
    every input into one brief. ``force``: redo inputs whose memo is up to date.
    ``overwrite``: replace files already in ``out_dir`` instead of numbering new names.
    ``office_dir``: the office-wide template folder the window's settings name (``None``:
    none). ``info``: the author and language the memos name (``None``: the settings file)."""

    inputs: tuple[BatchInput, ...]
    out_dir: Path
    template_id: str = DEFAULT_TEMPLATE
    suffixes: tuple[str, ...] = (".docx",)
    reference_date: dt.date | None = None
    jobs: int = 0
    one_brief: bool = False
    force: bool = False
    overwrite: bool = False
    office_dir: str | None = None
    info: DocumentInfo | None = None

    def settings(self) -> dict[str, str]:
        """What changes the memos (a rerun with other settings redoes every input)."""
        return {"template": self.template_id, "formats": ",".join(self.suffixes),
                "date": self.reference_date.isoformat() if self.reference_date else "",
                "group": "one-brief" if self.one_brief else "per-file"}


@dataclass
class BatchOutcome:
    """A finished (or stopped) run: one result per input, in input order."""

    results: list[InputResult]
    report_path: Path
    stopped: bool = False
    peak_memory_mb: float = 0.0

    @property
    def all_succeeded(self) -> bool:
        """True when no input failed and the run was not stopped."""
        return not self.stopped and all(r.status in (OK, SKIPPED) for r in self.results)

    def summary(self) -> str:
        """The counts: ``12 briefed, 3 skipped (up to date), 2 failed.``"""
        return summary_line(self.results, stopped=self.stopped)


@dataclass
class _Task:
    key: str
    positions: list[int]
    future: Future[TaskResult] | None = None


@dataclass
class _Run:
    options: BatchOptions
    record: dict[str, RecordEntry]
    names: NameAllocator
    results: dict[int, InputResult] = field(default_factory=dict)
    peak_memory_mb: float = 0.0


def default_jobs() -> int:
    """One worker per core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_batch(options: BatchOptions, *, progress: Progress | None = None,
              is_cancelled: Callable[[], bool] | None = None,
              nlp: Language | None = None) -> BatchOutcome:
    """Brief every input of ``options``; ``progress(result, done, total)`` after each input.

    Work runs in worker processes, each loading the model once; with ``nlp`` given it runs
    in this process with that model instead (tests share one model load so). Once
    ``is_cancelled()`` is true the workers are stopped, finished memos kept, and the inputs
    not done are reported ``stopped``. Raises BriefgenError only when nothing can succeed
    (the output folder, the template or the language model is unusable); every input's own
    failure is a row.
    """
    out_dir = options.out_dir
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BriefgenError(f"Cannot create the output folder {out_dir}: "
                            f"{exc.strerror or exc}.") from None
    record = load_record(out_dir)
    run = _Run(options, record, NameAllocator(
        out_dir, (*options.suffixes, BRIEF_SUFFIX), overwrite=options.overwrite,
        others=[entry.stem for entry in record.values()]))
    total = len(options.inputs)

    def report(position: int, result: InputResult) -> None:
        run.results[position] = result
        if progress is not None:
            progress(result, len(run.results), total)

    tasks = _plan(run, report)
    stopped = False
    if tasks:
        stopped = _execute(run, tasks, report, is_cancelled or (lambda: False), nlp)
    for position, item in enumerate(options.inputs):
        if position not in run.results:
            run.results[position] = InputResult(item.item, STOPPED,
                                                reason="not done: the run was stopped.")
    results = [run.results[p] for p in range(total)]
    report_path = out_dir / REPORT_NAME
    write_report(report_path, results)
    return BatchOutcome(results, report_path, stopped, run.peak_memory_mb)


def _plan(run: _Run, report: Callable[[int, InputResult], None]) -> list[_Task]:
    """Report the inputs that fail at once or are up to date; the tasks for the rest."""
    options = run.options
    settings = options.settings()
    ready: list[int] = []
    for position, item in enumerate(options.inputs):
        if item.problem is not None:
            report(position, InputResult(item.item, FAILED, reason=item.problem))
        else:
            ready.append(position)
    if options.one_brief:
        groups = [(ONE_BRIEF_KEY, ready)] if ready else []
    else:
        groups = [(options.inputs[p].item, [p]) for p in ready]
    tasks: list[_Task] = []
    for key, positions in groups:
        items = [options.inputs[p].item for p in positions]
        entry = run.record.get(key)
        if not options.force and is_up_to_date(entry, options.out_dir, settings, items):
            assert entry is not None
            run.names.keep(entry.stem)
            outputs = [options.out_dir / name for name in entry.files]
            for p in positions:
                given = options.inputs[p].item
                if given in entry.failed:
                    report(p, InputResult(given, FAILED, reason=entry.failed[given]))
                else:
                    report(p, InputResult(given, SKIPPED, outputs,
                                          reason="its memo is newer than the input."))
        else:
            tasks.append(_Task(key, positions))
    return tasks


def _execute(run: _Run, tasks: list[_Task], report: Callable[[int, InputResult], None],
             is_cancelled: Callable[[], bool], nlp: Language | None) -> bool:
    """Run ``tasks``, handling each result as it arrives; True when stopped early."""
    options = run.options
    settings = WorkerSettings(options.template_id, options.suffixes, options.reference_date,
                              options.office_dir, options.info or document_info())
    jobs = min(options.jobs or default_jobs(), len(tasks))
    executor = _executor(settings, jobs, nlp)
    # Tasks handed out ahead: enough to keep every worker busy (an inline one runs at once).
    ahead = 1 if nlp is not None else 2 * jobs
    queue: Iterator[_Task] = iter(tasks)
    running: dict[Future[TaskResult], _Task] = {}
    stopped = False
    try:
        while not (stopped := is_cancelled()):
            while len(running) < ahead and (task := next(queue, None)) is not None:
                task.future = executor.submit(brief_task, tuple(
                    options.inputs[p].item for p in task.positions))
                running[task.future] = task
            if not running:
                break
            finished, _ = wait(running, timeout=_POLL_SECONDS, return_when=FIRST_COMPLETED)
            for future in finished:
                task = running.pop(future)
                try:
                    outcome = future.result()
                except BrokenProcessPool:
                    outcome = TaskResult(error="a worker process stopped unexpectedly "
                                         "(it may have run out of memory).")
                if outcome.setup_error:
                    stopped = True  # nothing can succeed: stop the workers at once
                    raise BriefgenError(outcome.error or "The batch workers could not start.")
                _finish(run, task, outcome, report)
    finally:
        _stop(executor, at_once=stopped)
    return stopped


def _executor(settings: WorkerSettings, jobs: int, nlp: Language | None) -> Executor:
    if nlp is not None:
        init_worker(settings, nlp)
        return InlineExecutor()
    methods = multiprocessing.get_all_start_methods()
    context: Any
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        # Imported once by the fork server (when batch starts it), not once per worker.
        context.set_forkserver_preload(_PRELOAD)
    else:
        context = multiprocessing.get_context("spawn")
    return ProcessPoolExecutor(jobs, mp_context=context, initializer=init_worker,
                               initargs=(settings,))


def _stop(executor: Executor, *, at_once: bool) -> None:
    """Shut the workers down: after their work, or ``at_once`` (tasks under way are dropped;
    workers write no file, so nothing is left half-written)."""
    if not at_once:
        executor.shutdown(wait=True)
        return
    terminate = getattr(executor, "terminate_workers", None)  # Python 3.14 and later
    if terminate is not None:
        terminate()
        return
    workers: dict[int, Any] = dict(getattr(executor, "_processes", None) or {})
    executor.shutdown(wait=False, cancel_futures=True)
    for process in workers.values():
        if process.is_alive():
            process.terminate()
    for process in workers.values():
        process.join(5)


def _finish(run: _Run, task: _Task, outcome: TaskResult,
            report: Callable[[int, InputResult], None]) -> None:
    """Write a task's memos and .brief, record them, and report each of its inputs."""
    options = run.options
    run.peak_memory_mb = max(run.peak_memory_mb, outcome.peak_memory_mb)
    items = [options.inputs[p].item for p in task.positions]
    outputs: list[Path] = []
    error = outcome.error
    if error is None:
        previous = run.record.get(task.key)
        stem = run.names.claim(outcome.title, previous.stem if previous else None)
        try:
            outputs = _write_outputs(options.out_dir, stem, outcome)
            failed = {items[i]: reason for i, reason in outcome.problems.items()}
            run.record[task.key] = RecordEntry(
                stem, [p.name for p in outputs], options.settings(),
                items if options.one_brief else [], failed if options.one_brief else {})
            save_record(options.out_dir, run.record)
        except BriefgenError as exc:
            error = str(exc)
    for index, position in enumerate(task.positions):
        problem = outcome.problems.get(index)
        if problem is not None and (error is None or len(task.positions) > 1):
            report(position, InputResult(items[index], FAILED, reason=problem,
                                         seconds=outcome.seconds))
        elif error is not None:
            report(position, InputResult(items[index], FAILED, reason=error,
                                         seconds=outcome.seconds))
        else:
            report(position, InputResult(items[index], OK, list(outputs),
                                         seconds=outcome.seconds))


def _write_outputs(out_dir: Path, stem: str, outcome: TaskResult) -> list[Path]:
    from briefgen.render.output import write_output

    outputs: list[Path] = []
    for suffix, data in outcome.memos.items():
        path = out_dir / f"{stem}{suffix}"
        write_output(path, data, MEMO_KINDS[suffix])
        outputs.append(path)
    brief_path = out_dir / f"{stem}{BRIEF_SUFFIX}"
    write_bytes_atomically(brief_path, outcome.brief_json)
    outputs.append(brief_path)
    return outputs


class InlineExecutor(Executor):
    """Runs each task at once in this process (the work of one worker, without a process)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - handed to the caller through the future
            future.set_exception(exc)
        return future
