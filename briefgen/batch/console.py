"""``briefgen batch`` on a terminal: the options, a progress bar (plain lines when the
output is not a terminal), Ctrl+C that stops cleanly, the summary and the exit status."""

from __future__ import annotations

import argparse
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, Any, TextIO

from briefgen.batch.inputs import collect_inputs, read_url_list
from briefgen.batch.report import FAILED, OK, SKIPPED, STOPPED, InputResult
from briefgen.batch.worker import MEMO_KINDS
from briefgen.errors import BriefgenError
from briefgen.model.user_settings import load_user_settings
from briefgen.render.document_info import document_info

if TYPE_CHECKING:
    from briefgen.batch.runner import BatchOutcome

Say = Callable[..., None]
EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_STOPPED = 130


def add_batch_arguments(batch: argparse.ArgumentParser, iso_date: Callable[[str], Any]) -> None:
    """The options of ``briefgen batch`` (``iso_date``: the command line's date type)."""
    batch.add_argument("inputs", nargs="*", metavar="INPUT",
                       help="article files, and folders searched for articles recursively")
    batch.add_argument("-o", "--output", required=True, metavar="OUT_DIR",
                       help="folder for the memos, their .brief files and batch-report.csv")
    batch.add_argument("--template", metavar="ID", help="template id (default: the default "
                       "brief template)")
    batch.add_argument("--format", default="docx", metavar="docx,pdf,html",
                       help="memo formats, comma-separated (default: docx)")
    batch.add_argument("--date", type=iso_date, metavar="YYYY-MM-DD",
                       help="the date relative dates are resolved against "
                       "(default: each article's publication date)")
    batch.add_argument("--jobs", type=int, default=0, metavar="N",
                       help="worker processes (default: one per core)")
    batch.add_argument("--group", choices=("per-file", "one-brief"), default="per-file",
                       help="one memo per input (default), or one brief of all inputs")
    batch.add_argument("--urls", metavar="FILE", help="a text file of web addresses, one a line")
    batch.add_argument("--force", action="store_true",
                       help="redo inputs whose memo is newer than the input")
    batch.add_argument("--overwrite", action="store_true",
                       help="replace files already in OUT_DIR rather than numbering new names")


def parse_formats(text: str) -> tuple[str, ...] | None:
    """``docx,pdf`` as ``(".docx", ".pdf")``; ``None`` when a format is unknown."""
    suffixes: list[str] = []
    for name in text.split(","):
        suffix = "." + name.strip().lower().lstrip(".")
        if suffix not in MEMO_KINDS:
            return None
        if suffix not in suffixes:
            suffixes.append(suffix)
    return tuple(suffixes) or None


def run_batch_command(args: argparse.Namespace, parser: argparse.ArgumentParser,
                      say: Say) -> int:
    """Run ``briefgen batch``; 0 when every input succeeded, 1 when some failed, 130 when
    stopped by Ctrl+C. ``say(text, err=False)`` prints one line."""
    from briefgen.batch.runner import BatchOptions, run_batch  # the pools load only here
    from briefgen.model import DEFAULT_TEMPLATE
    from briefgen.render import TemplateLibrary

    suffixes = parse_formats(args.format)
    if suffixes is None:
        parser.error(f"--format {args.format!r}: use docx, html or pdf, comma-separated")
    if args.jobs < 0:
        parser.error("--jobs must be 0 (one per core) or more")
    urls = read_url_list(Path(args.urls)) if args.urls else []
    if not args.inputs and not urls:
        parser.error("give at least one INPUT or --urls FILE")
    template_id = args.template or DEFAULT_TEMPLATE
    TemplateLibrary().get(template_id)  # an unknown template fails before any work
    out_dir = Path(args.output)
    inputs = collect_inputs(list(args.inputs), urls, out_dir)
    if not inputs:
        raise BriefgenError("No articles found in the inputs given (a folder is searched "
                            "for .txt .md .html .docx .pdf .eml .msg .rtf .odt files).")
    settings = load_user_settings()
    options = BatchOptions(tuple(inputs), out_dir, template_id, suffixes, args.date,
                           args.jobs, args.group == "one-brief", args.force, args.overwrite,
                           office_dir=settings.office_templates or None,
                           info=document_info(author=args.author, language=args.lang))
    stop = threading.Event()
    with _progress_display(len(inputs), say) as show, _stop_on_interrupt(stop, say):
        outcome = run_batch(options, progress=show, is_cancelled=stop.is_set)
    return _summarise(outcome, say)


def _summarise(outcome: BatchOutcome, say: Say) -> int:
    failed = [r for r in outcome.results if r.status == FAILED]
    if failed:
        say("Failed:", err=True)
        for result in failed:
            say(f"  {result.sentence()}", err=True)
    say(f"Report: {outcome.report_path}")
    say(outcome.summary())
    if outcome.stopped:
        return EXIT_STOPPED
    return EXIT_OK if outcome.all_succeeded else EXIT_SOME_FAILED


@contextmanager
def _stop_on_interrupt(stop: threading.Event, say: Say) -> Iterator[None]:
    """While inside, Ctrl+C (SIGINT) asks the run to stop instead of raising in the middle
    of a write; a second Ctrl+C stops it the same way, and is not lost."""

    def handler(_signum: int, _frame: FrameType | None) -> None:
        if not stop.is_set():
            say("Stopping: memos already written are kept.", err=True)
        stop.set()

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


_MARKS = {OK: "ok", SKIPPED: "skipped", FAILED: "FAILED", STOPPED: "stopped"}


@contextmanager
def _progress_display(total: int, say: Say, stream: TextIO | None = None) \
        -> Iterator[Callable[[InputResult, int, int], None]]:
    """A progress callback: a tqdm bar on a terminal, else one plain line per input."""
    stream = stream or sys.stderr
    if not stream.isatty():
        def line(result: InputResult, done: int, count: int) -> None:
            if result.status == FAILED:
                say(f"[{done}/{count}] {_MARKS[FAILED]} {result.sentence()}")
                return
            target = f" -> {result.outputs[0].name}" if result.outputs else ""
            say(f"[{done}/{count}] {_MARKS[result.status]} {result.input}{target}")

        yield line
        return
    from tqdm import tqdm

    with tqdm(total=total, unit="article", file=stream, dynamic_ncols=True) as bar:
        def advance(result: InputResult, _done: int, _count: int) -> None:
            name = "".join(c if c.isprintable() else "?" for c in Path(result.input).name)
            bar.set_postfix_str(f"{_MARKS[result.status]} {name[:40]}")
            bar.update(1)

        yield advance
