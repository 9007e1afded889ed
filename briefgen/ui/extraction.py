"""Background work on articles: loading the language model, loading sources, extracting."""

from __future__ import annotations

import copy
import dataclasses
import gc
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QWidget

from briefgen.model import Brief, Source, item_key
from briefgen.model.edits import item_pointer, remove_source
from briefgen.model.source_details import SourceDetails, with_source_details
from briefgen.ui.document import BriefDocument
from briefgen.ui.worker import IsCancelled, Progress, Worker, WorkRunner

if TYPE_CHECKING:
    from spacy.language import Language

NlpFactory = Callable[[], "Language"]
MAX_RERUNS = 2
# The yes/no boxes of the form, by list: "use in the memo" and "took part".
CHOICE_FLAGS = {"key_points": "include", "quotes": "include", "people": "participant"}


def _default_nlp_factory() -> Language:
    from briefgen.extract.nlp import load_nlp

    return load_nlp()


class NlpHolder:
    """The one spaCy pipeline, loaded on the ``nlp`` pool thread and reused by extraction."""

    def __init__(self, factory: NlpFactory) -> None:
        self._factory = factory
        self._nlp: Language | None = None
        self._lock = threading.Lock()

    def get(self) -> Language:
        """The pipeline, loading it first if needed (only ever on the ``nlp`` pool)."""
        with self._lock:
            if self._nlp is None:
                self._nlp = self._factory()
            return self._nlp

    def loaded(self) -> bool:
        """True once the pipeline is in memory."""
        return self._nlp is not None


class ExtractionController(QObject):
    """Runs intake on the ``io`` pool and the model and extraction on the ``nlp`` pool;
    adds sources to the brief and removes them (asking first, over ``dialog_parent``).

    Every job is announced through ``task_started(worker, text)`` (the status bar shows
    its progress and a Cancel button); ``status`` carries short notices. Failures reach
    the window through ``WorkRunner.failed``.
    """

    task_started = Signal(object, str)
    status = Signal(str)
    model_ready = Signal()
    extracted = Signal()
    error = Signal(str)

    def __init__(
        self, document: BriefDocument, runner: WorkRunner, nlp_factory: NlpFactory | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.runner = runner
        self.nlp = NlpHolder(nlp_factory or _default_nlp_factory)
        self._extraction: Worker | None = None
        self._reruns = 0
        # The "Add source" undo step that the running extraction completes, and whether
        # the brief counts as unmodified afterwards (the built-in sample).
        self._pending_add: tuple[QUndoCommand, bool] | None = None
        self.dialog_parent: QWidget | None = None

    # The language model -----------------------------------------------------------------

    def load_model(self) -> Worker:
        """Load the pipeline in the background; extraction queued after it waits for it."""
        def job(_progress: Progress, _cancelled: IsCancelled) -> None:
            self.nlp.get()
            # The pipeline is a few hundred thousand long-lived objects. Left to the cyclic
            # garbage collector, a full collection that happens to run on the GUI thread
            # while a long article's result is taken in stalled it by ~110 ms (bench_ui);
            # frozen, they are never scanned again (stall ~40 ms).
            gc.freeze()

        worker = self.runner.submit("nlp", job, "Loading the language model")
        worker.signals.finished.connect(lambda _: self._on_model_loaded())
        self.status.emit("Loading the language model\u2026 you can paste or open articles now.")
        return worker

    def _on_model_loaded(self) -> None:
        self.status.emit("Language model ready.")
        self.model_ready.emit()

    # Adding sources ---------------------------------------------------------------------

    def add_pasted(self, text: str | None, html: str | None) -> Worker:
        """Load clipboard contents as a source, then extract."""
        def job(_progress: Progress, _cancelled: IsCancelled) -> list[Source]:
            from briefgen.intake import load_pasted

            return [load_pasted(text, html)]

        return self._load(job, "Reading the pasted article")

    def add_sample(self, path: str) -> Worker:
        """Open the built-in sample article: added and extracted like a file, but the brief
        is not marked modified (nothing of the user's would be lost by closing it)."""
        return self.add_files([path], unmodified=True)

    def add_files(self, paths: list[str], *, unmodified: bool = False) -> Worker:
        """Load articles from files (with e-mail attachments), then extract."""
        def job(progress: Progress, cancelled: IsCancelled) -> list[Source]:
            from briefgen.cancellation import cancellable
            from briefgen.intake import load_sources

            sources: list[Source] = []
            for done, path in enumerate(paths):
                if cancelled():
                    break
                progress(done, len(paths))
                with cancellable(cancelled):  # a long PDF stops between two pages
                    sources.extend(load_sources(path))
            return sources

        noun = "article" if len(paths) == 1 else f"{len(paths)} articles"
        return self._load(job, f"Opening {noun}", unmodified=unmodified)

    def add_urls(self, urls: list[str]) -> Worker:
        """Fetch articles from web addresses, then extract."""
        def job(progress: Progress, cancelled: IsCancelled) -> list[Source]:
            from briefgen.intake import load_url

            sources: list[Source] = []
            for done, url in enumerate(urls):
                if cancelled():
                    break
                progress(done, len(urls))
                sources.append(load_url(url))
            return sources

        return self._load(job, "Fetching the article from the web")

    def _load(
        self, job: Callable[[Progress, IsCancelled], list[Source]], text: str,
        *, unmodified: bool = False,
    ) -> Worker:
        worker = self.runner.submit("io", job, text)
        worker.signals.finished.connect(
            lambda sources: self._on_sources_loaded(sources, unmodified))
        self.task_started.emit(worker, text)
        return worker

    def _on_sources_loaded(self, sources: Any, unmodified: bool = False) -> None:
        brief = self.document.snapshot()
        known = {s.id for s in brief.sources}
        new = [s for s in sources if s.id not in known]
        if not new:
            self.status.emit("That article is already in the brief.")
            return
        brief.sources.extend(new)
        if not brief.fields.get("subject") and brief.sources[0].title:
            # A subject at once; extraction refines it unless the user types their own.
            brief.fields["subject"] = brief.sources[0].title
        noun = "source" if len(new) == 1 else "sources"
        # One undo step, whole: the extraction that follows completes it (see _on_extracted).
        self._pending_add = (self.document.replace(brief, f"Add {noun}"), unmodified)
        for source in new:
            for warning in source.warnings:
                self.status.emit(warning)
        self.extract()

    # Removing a source ----------------------------------------------------------------

    def remove_source(self, source_id: str) -> None:
        """After confirmation, remove a source and the items that came only from it."""
        source = self.document.brief.source(source_id)
        if source is None:
            return
        name = source.title or "this source"
        question = f"Remove \u201c{name}\u201d and the items that came only from it?"
        from briefgen.ui.dialogs import ConfirmDialog

        if ConfirmDialog.ask(self.dialog_parent, "Remove source", question, "Remove"):
            self.document.replace(remove_source(self.document.brief, source_id), "Remove source")

    # A source's details ------------------------------------------------------------

    def set_source_details(self, source_id: str, details: SourceDetails) -> None:
        """Give a source the title, publisher and publication date the user set: one undo
        step. A new date re-resolves the relative dates of the brief ("Thursday"): the
        extraction that follows completes the same step, keeping the user's own edits.
        A date that is not a date is said in one sentence through ``error``."""
        if self.document.brief.source(source_id) is None:
            return
        try:
            brief, date_changed = with_source_details(self.document.brief, source_id, details)
        except ValueError as problem:
            self.error.emit(str(problem))
            return
        if brief.sources == self.document.brief.sources:
            return
        step = self.document.replace(brief, "Edit the source's details")
        if date_changed:
            if self._pending_add is None:  # else the source being added completes first
                self._pending_add = (step, False)
            self.extract()

    # Extraction -------------------------------------------------------------------------

    def extract(self) -> Worker | None:
        """Extract from every source again, keeping what the user edited."""
        if not self.document.brief.sources:
            return None
        if self._extraction is not None:
            self._extraction.cancel()
        previous = self.document.snapshot()
        revision = self.document.revision
        holder = self.nlp

        def job(progress: Progress, cancelled: IsCancelled) -> Brief:
            from briefgen.extract import extract_brief

            nlp = holder.get()
            return extract_brief(
                previous.sources, nlp, previous=previous, template=previous.template,
                progress=progress, is_cancelled=cancelled,
            )

        waiting = "" if holder.loaded() else " (after the language model loads)"
        text = f"Extracting key points{waiting}"
        worker = self.runner.submit("nlp", job, "Extraction")
        self._extraction = worker
        worker.signals.finished.connect(lambda brief: self._on_extracted(worker, brief, revision))
        worker.signals.cancelled.connect(lambda: self._on_cancelled(worker))
        self.task_started.emit(worker, text)
        return worker

    def cancel(self) -> None:
        """Stop the extraction in progress, if any."""
        if self._extraction is not None:
            self._extraction.cancel()

    def _on_extracted(self, worker: Worker, result: Any, revision: int) -> None:
        if worker is not self._extraction:
            return
        self._extraction = None
        pending = self._pending_add
        if pending is not None and not self.document.is_applied(pending[0]):
            # The source was taken out again (undo) while its extraction ran: the brief is
            # back to what it was, extraction included; a result pushed now would also
            # throw away the redo.
            self._pending_add = None
            self._reruns = 0
            return
        if self.document.revision != revision and self._reruns < MAX_RERUNS:
            # The user edited while extraction ran: extract again from the edited brief.
            self._reruns += 1
            self.extract()
            return
        self._reruns = 0
        self._pending_add = None
        brief = copy.copy(result)
        # The window's sources stay (one may have been removed meanwhile), with what
        # extraction recorded on them: dateline, lead and venue (the readout's Location).
        found = {source.id: source for source in result.sources}
        brief.sources = [
            dataclasses.replace(source, dateline=found[source.id].dateline,
                                lead=found[source.id].lead, venue=found[source.id].venue)
            if source.id in found else source
            for source in self.document.brief.sources
        ]
        for gone in found.keys() - {source.id for source in brief.sources}:
            brief = remove_source(brief, gone)  # removed while extraction ran
        keep_include_choices(brief, self.document.brief)
        if pending is not None and self.document.amend(pending[0], brief):
            if pending[1]:
                self.document.mark_saved()
        else:
            self.document.replace(brief, "Extract from sources")
        self.status.emit(_describe_result(brief))
        self.extracted.emit()

    def _on_cancelled(self, worker: Worker) -> None:
        if worker is self._extraction:
            self._extraction = None
            self._pending_add = None
            self.status.emit("Extraction cancelled; the brief keeps what it had.")


def keep_include_choices(fresh: Brief, current: Brief) -> None:
    """Give each item of ``fresh`` that ``current`` already shows (same name or text) the
    ticks it has there ("use in the memo", "took part"): extracting again, after a source is
    added, never changes a box on screen (the memo's cap on quotes would otherwise untick
    some). Items new to the brief keep extraction's choice; edited items are kept whole."""
    for name, flag in CHOICE_FLAGS.items():
        shown = {item_key(name, item): getattr(item, flag) for item in getattr(current, name)}
        for row, item in enumerate(getattr(fresh, name)):
            key = item_key(name, item)
            if key in shown and item_pointer(name, row) not in fresh.edited:
                setattr(item, flag, shown[key])


def _describe_result(brief: Brief) -> str:
    parts = [
        f"{len(brief.key_points)} key points", f"{len(brief.people)} people",
        f"{len(brief.quotes)} quotes", f"{len(brief.dates)} dates",
    ]
    return "Extracted " + ", ".join(parts) + "."
