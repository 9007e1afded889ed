"""The work of one batch worker process: the model loaded once, then one brief per task.

A worker writes no file: it sends the memo's bytes back and the parent writes them
atomically, so that stopping the workers at any moment leaves no half-written file.
"""

from __future__ import annotations

import datetime as dt
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import BriefgenError
from briefgen.model import Brief, Source, brief_to_json
from briefgen.render.document_info import DocumentInfo, document_info

if TYPE_CHECKING:
    from spacy.language import Language

    from briefgen.render import BriefTemplate

# The memo formats batch writes: suffix -> the kind of file, for messages.
MEMO_KINDS = {".docx": "Word", ".html": "HTML", ".pdf": "PDF"}
# A text with no sentence this long is no article (batch refuses it rather than brief it).
MIN_SENTENCE_WORDS = 6


@dataclass(frozen=True)
class WorkerSettings:
    """What every task of a run shares: the template, the memo suffixes and the date
    relative dates resolve against (``None``: each article's publication date).
    ``office_dir``: the office-wide template folder (``None``: none). ``info``: the author
    and language the memos name (``None``: each worker reads the settings file)."""

    template_id: str
    suffixes: tuple[str, ...]
    reference_date: dt.date | None = None
    office_dir: str | None = None
    info: DocumentInfo | None = None


@dataclass
class TaskResult:
    """What a worker made of one task (one input, or every input in one-brief mode).

    ``problems``: one sentence per input that could not be loaded (its position in the
    task); ``error``: why no memo was made at all (``None`` when ``memos`` holds one).
    ``peak_memory_mb``: the worker's peak resident memory so far. ``setup_error``: the
    worker itself could not start (``error`` says why), so no task can succeed.
    """

    title: str = ""
    brief_json: bytes = b""
    memos: dict[str, bytes] = field(default_factory=dict)
    problems: dict[int, str] = field(default_factory=dict)
    error: str | None = None
    seconds: float = 0.0
    peak_memory_mb: float = 0.0
    setup_error: bool = False


@dataclass
class _State:
    nlp: Language
    template: BriefTemplate
    settings: WorkerSettings


_STATE: list[_State] = []


_SETUP_ERROR: list[str] = []


def init_worker(settings: WorkerSettings, nlp: Language | None = None) -> None:
    """Load the template and the model (unless ``nlp`` is given), once per worker process.

    In a worker process Ctrl+C is left to the parent, which stops the run cleanly, and a
    setup failure (no model, an unknown template) is kept for every task to return as
    ``setup_error``; with ``nlp`` given (in the caller's process) it is raised.
    """
    in_worker = nlp is None
    if in_worker:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        from briefgen.render import TemplateLibrary

        library = TemplateLibrary()
        if settings.office_dir:
            library.office_dir = Path(settings.office_dir)
        template = library.get(settings.template_id)
        if nlp is None:
            from briefgen.extract import load_nlp

            nlp = load_nlp()
    except BriefgenError as exc:
        if not in_worker:
            raise
        _SETUP_ERROR[:] = [str(exc)]
        return
    _STATE[:] = [_State(nlp, template, settings)]


def brief_task(items: tuple[str, ...]) -> TaskResult:
    """Load ``items`` and make one brief and its memos of them (init_worker first)."""
    if _SETUP_ERROR:
        return TaskResult(error=_SETUP_ERROR[0], setup_error=True)
    started = time.perf_counter()
    result = TaskResult()
    try:
        _brief_into(result, items)
    except BriefgenError as exc:
        result.error = str(exc)
    except MemoryError:
        result.error = "it needs more memory than this computer could give."
    except Exception as exc:  # noqa: BLE001 - one bad input stops nothing: one sentence
        result.error = f"unexpected error ({type(exc).__name__}: {exc})."
    result.seconds = time.perf_counter() - started
    result.peak_memory_mb = peak_memory_mb()
    return result


def _brief_into(result: TaskResult, items: tuple[str, ...]) -> None:
    from briefgen.extract import extract_brief
    from briefgen.intake import load_sources

    state = _STATE[0]
    sources: list[Source] = []
    seen: set[str] = set()
    for index, item in enumerate(items):
        try:
            loaded = load_sources(item)
        except BriefgenError as exc:
            result.problems[index] = str(exc)
            continue
        for source in loaded:
            if source.id not in seen:
                seen.add(source.id)
                sources.append(source)
    if not sources:
        result.error = (result.problems.get(0) if len(items) == 1
                        else "none of the inputs could be read.")
        return
    brief = extract_brief(sources, state.nlp, reference_date=state.settings.reference_date,
                          template=state.template.id)
    if not reads_as_an_article(brief):
        result.error = (f'Cannot brief "{items[0] if len(items) == 1 else "the inputs"}": '
                        f"it does not read as an article (no sentence of {MIN_SENTENCE_WORDS} "
                        "words or more).")
        return
    result.title = memo_title(brief, items[0])
    result.memos = render_memos(brief, state.template, state.settings.suffixes,
                                state.settings.info)
    result.brief_json = brief_to_json(brief).encode("utf-8")


def reads_as_an_article(brief: Brief) -> bool:
    """Whether extraction found at least one sentence of MIN_SENTENCE_WORDS words of letters
    (a shopping list, a table of numbers or a menu of links has none)."""
    sentences = [brief.summary.text, *(point.text for point in brief.key_points)]
    return any(sum(1 for word in sentence.split() if any(c.isalpha() for c in word))
               >= MIN_SENTENCE_WORDS for sentence in sentences)


def memo_title(brief: Brief, item: str) -> str:
    """What a memo is named after: its main source's title, else the brief's subject,
    else the input's file name without suffix (or the address)."""
    for candidate in (brief.sources[0].title if brief.sources else None,
                      brief.fields.get("subject")):
        if isinstance(candidate, str) and candidate.strip():
            return candidate
    tail = item.rstrip("/").rsplit("/", 1)[-1].rsplit("\\", 1)[-1]
    return tail.rsplit(".", 1)[0] if "." in tail else tail


def render_memos(brief: Brief, template: BriefTemplate, suffixes: tuple[str, ...],
                 info: DocumentInfo | None = None) -> dict[str, bytes]:
    """The memo's bytes in each format of ``suffixes``, the template's defaults applied
    to ``brief`` first (so that its .brief holds what the memo shows). ``info``: the author
    and language the memos name (``None``: the settings file)."""
    from briefgen.render import apply_template_defaults, render_docx, render_html
    from briefgen.render.output import memo_pdf

    apply_template_defaults(brief, template)
    info = info or document_info()
    memos: dict[str, bytes] = {}
    for suffix in suffixes:
        if suffix == ".docx":
            memos[suffix] = render_docx(brief, template, info=info)
        elif suffix == ".html":
            memos[suffix] = render_html(brief, template, info=info).encode("utf-8")
        else:
            memos[suffix] = memo_pdf(brief, template, info=info)
    return memos


def peak_memory_mb() -> float:
    """This process's peak resident memory in MB (0 where the platform does not say)."""
    try:
        import resource
    except ImportError:
        return 0.0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1_048_576 if sys.platform == "darwin" else 1024)
