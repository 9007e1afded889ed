"""The command line: the same operations as the window, headless (DESIGN.md, "Command line").

``briefgen`` and ``briefgen gui [FILE] [--sample]`` open the window without building the
argument parser or importing the model (argparse and briefgen.model load only for the
other commands, and for any other way of writing gui's options, such as --help), so that
the window's start-up frame is on screen sooner.
"""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import functools
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen import __version__
from briefgen.errors import BriefgenError

if TYPE_CHECKING:
    import argparse

    from spacy.language import Language

    from briefgen.model import Brief, Source
    from briefgen.render import BriefTemplate, TemplateLibrary
    from briefgen.render.document_info import DocumentInfo

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a command whose reader left

DEMO_FORMATS = (".docx", ".html", ".pdf")


def _iso_date(text: str) -> dt.date:
    import argparse

    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date of the form YYYY-MM-DD") from None


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every command; exits 2 on a usage error."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="briefgen",
        description="Turn news articles into briefing memos (Word, HTML, PDF), offline. "
        "With no command, opens the desktop app.",
    )
    parser.add_argument("--version", action=_print_version_action(),
                        help="show the version, the language model and their licences")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = commands.add_parser("gui", help="open the desktop app (the default)")
    gui.add_argument("file", nargs="?", help="a .brief file or an article to open")
    gui.add_argument("--sample", action="store_true",
                     help="open with the built-in sample article loaded and extracted")

    extract = commands.add_parser("extract", help="load articles and extract a brief")
    extract.add_argument("articles", nargs="+", metavar="ARTICLE")
    extract.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                         help="the date relative dates are resolved against "
                         "(default: each article's publication date)")
    extract.add_argument("--template", metavar="NAME", help="template id to record in the brief")
    extract.add_argument("-o", "--output", metavar="BRIEF.brief",
                         help="write the brief here instead of printing its JSON")
    extract.add_argument("--overwrite", action="store_true",
                         help="replace the -o file if it already exists (without it, an "
                         "existing file is left alone and the command fails)")

    render = commands.add_parser("render", help="render a memo from a .brief or from articles")
    render.add_argument("inputs", nargs="+", metavar="INPUT",
                        help="a .brief file, or one or more articles (extracted first)")
    render.add_argument("--template", metavar="NAME",
                        help="template id (default: the brief's own template)")
    render.add_argument("--date", type=_iso_date, metavar="YYYY-MM-DD",
                        help="reference date for extraction from articles")
    render.add_argument("-o", "--output", required=True, metavar="OUT.{docx,html,pdf}")
    _add_writer_options(render)

    from briefgen.template_commands import add_templates_parser

    add_templates_parser(commands)

    from briefgen.batch.console import add_batch_arguments

    batch = commands.add_parser("batch", help="brief many articles at once: one memo each, "
                                "on every core")
    add_batch_arguments(batch, _iso_date)
    _add_writer_options(batch)

    demo = commands.add_parser("demo", help="render the sample article with every built-in "
                               "template")
    demo.add_argument("-o", "--output", default="briefgen-demo", metavar="DIR",
                      help="folder to write into (default: ./briefgen-demo)")
    _add_writer_options(demo)
    return parser


def _language_tag(text: str) -> str:
    import argparse

    from briefgen.model.user_settings import valid_language

    if not valid_language(text):
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a language tag such as en-GB, en-US or fr-FR")
    return text


def _add_writer_options(command: argparse.ArgumentParser) -> None:
    """--author and --lang: who the memo names as its author, and its language (default: the
    settings file, then the system's language, then en-GB)."""
    command.add_argument("--author", metavar="NAME",
                         help="the author the memo's document properties name "
                         "(default: your name in the settings file)")
    command.add_argument("--lang", type=_language_tag, metavar="TAG",
                         help="the memo's language, such as en-GB or fr-FR (default: the "
                         "settings file, else the system's language, else en-GB)")


def _print_version_action() -> type[argparse.Action]:
    """The action of ``--version`` (made here: argparse is imported only with the parser)."""
    import argparse

    class PrintVersion(argparse.Action):
        """``--version``: one unwrapped line (argparse's own action wraps it at 80 columns)."""

        def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
            super().__init__(option_strings, dest, nargs=0, help=kwargs.get("help"))  # type: ignore[arg-type]

        def __call__(self, parser: argparse.ArgumentParser, *_args: object) -> None:
            print(version_text())
            parser.exit()

    return PrintVersion


def version_text() -> str:
    """One line for ``--version``: briefgen's version, the language model and their licences."""
    from briefgen.extract.model_info import installed_model

    model = installed_model()
    if model is None:
        return f"briefgen {__version__} (MIT licence); no English language model is installed"
    return (f"briefgen {__version__} (MIT licence); language model {model.name} "
            f"{model.version} ({model.license} licence, package {model.package})")


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 failure, 2 usage)."""
    plain_gui = _plain_gui_call(sys.argv[1:] if argv is None else argv)
    if plain_gui is None:
        parser = build_parser()
        args = parser.parse_args(argv)
    try:
        status = _gui(*plain_gui) if plain_gui is not None else _dispatch(args, parser)
        sys.stdout.flush()  # here, so that a reader that left is handled below
        return status
    except BriefgenError as exc:
        _fail(str(exc))
        return EXIT_FAILURE
    except KeyboardInterrupt:
        _fail("Interrupted.")
        return 130
    except BrokenPipeError:  # the reader left (`briefgen templates show X | head -1`)
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as exc:  # a bug: still one line, details on request
        if os.environ.get("BRIEFGEN_DEBUG"):
            raise
        _fail(f"Unexpected error ({type(exc).__name__}: {exc}); "
              "run again with BRIEFGEN_DEBUG=1 to see the details.")
        return EXIT_FAILURE


def _quiet_stdout() -> None:
    """Point standard output at the null device: the reader of the pipe has gone, and
    Python's flush at exit would otherwise report the broken pipe once more."""
    try:
        fd = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):  # replaced (a test's capture): nothing to do
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, fd)
    finally:
        os.close(null)


def _fail(message: str) -> None:
    print(printable(f"briefgen: {' '.join(message.split())}"), file=sys.stderr)


def printable(text: str) -> str:
    """``text`` safe for a terminal: every character that is not printable (ANSI escape
    sequences, other control characters, line breaks) is shown as its escape, ``\\x1b``."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                   for c in text)


def _say(text: str, *, err: bool = False) -> None:
    print(printable(text), file=sys.stderr if err else sys.stdout)


def _plain_gui_call(argv: Sequence[str]) -> tuple[str | None, bool] | None:
    """(file, sample) when ``argv`` is nothing, or ``gui`` with at most a file (not starting
    with "-") and ``--sample``, which the parser would read the same way; else None (the
    parser reads it, with its messages and exit codes)."""
    if not argv:
        return None, False
    if argv[0] != "gui":
        return None
    file: str | None = None
    sample = False
    for word in argv[1:]:
        if word == "--sample":
            sample = True
        elif file is None and not word.startswith("-"):
            file = word
        else:
            return None
    return file, sample


def _gui(file: str | None, sample: bool) -> int:
    from briefgen.ui.platform_check import READY, check_platform

    report = check_platform()
    if report.status != READY:
        _fail(report.sentence)
        return EXIT_FAILURE
    from briefgen.ui.launch import run_gui  # shows the window before loading the rest

    return run_gui(file, sample=sample)


def _dispatch(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    command = args.command or "gui"
    if command == "gui":
        return _gui(getattr(args, "file", None), getattr(args, "sample", False))
    if command == "extract":
        return _extract(args)
    if command == "render":
        return _render(args, parser)
    if command == "templates":
        from briefgen.template_commands import run_templates

        return run_templates(args, _say)
    if command == "demo":
        return _demo(Path(args.output), _writer_info(args))
    if command == "batch":
        from briefgen.batch.console import run_batch_command

        return run_batch_command(args, parser, _say)
    parser.error(f"unknown command {command!r}")
    return EXIT_USAGE  # not reached: parser.error exits


@functools.cache
def _load_nlp() -> Language:
    """The language model, loaded on first use and kept for later commands in-process."""
    from briefgen.extract import load_nlp

    return load_nlp()


def _load_articles(paths: Sequence[str]) -> list[Source]:
    from briefgen.intake import load_sources

    sources: list[Source] = []
    seen: set[str] = set()
    for path in paths:
        for source in load_sources(path):
            if source.id not in seen:
                seen.add(source.id)
                sources.append(source)
    return sources


def _extract_from(paths: Sequence[str], date: dt.date | None, template: str | None) -> Brief:
    from briefgen.extract import extract_brief
    from briefgen.model import DEFAULT_TEMPLATE

    sources = _load_articles(paths)
    return extract_brief(sources, _load_nlp(), reference_date=date,
                         template=template or DEFAULT_TEMPLATE)


def _extract(args: argparse.Namespace) -> int:
    from briefgen.model import BRIEF_SUFFIX, brief_to_json, save_brief

    if any(p.lower().endswith(BRIEF_SUFFIX) for p in args.articles):
        raise BriefgenError("extract takes articles; to re-render a .brief file use "
                            "'briefgen render'.")
    if args.output and _overwrites_an_input(Path(args.output), args.articles):
        raise BriefgenError(f"The output {args.output} is one of the articles; choose "
                            "another file to write.")
    if args.output and not args.overwrite and os.path.lexists(args.output):
        # It may be a brief open in the window, or edited since: never replaced unasked.
        raise BriefgenError(f"The output {args.output} already exists; give --overwrite "
                            "to replace it, or choose another file.")
    if args.template:
        _library().get(args.template)  # fail early, before the slow part
    brief = _extract_from(args.articles, args.date, args.template)
    if args.template:
        from briefgen.render import apply_template_defaults

        apply_template_defaults(brief, _library().get(args.template))
    if args.output:
        save_brief(brief, Path(args.output))
        _say(f"Wrote {args.output}", err=True)
    else:
        sys.stdout.write(brief_to_json(brief))
    return EXIT_OK


def _overwrites_an_input(out: Path, inputs: Sequence[str]) -> bool:
    """True when writing ``out`` would replace one of ``inputs`` (the same path, or the
    same file through a link); web addresses are no files.

    Raises BriefgenError (one sentence) when ``out`` is a symbolic link that loops.
    """
    from briefgen.model import link_target

    target = _resolved(link_target(out))
    for item in inputs:
        if item.lower().startswith(("http://", "https://")):
            continue
        path = Path(item)
        if _resolved(path) == target:
            return True
        with contextlib.suppress(OSError):
            if out.exists() and os.path.samefile(path, out):
                return True
    return False


def _resolved(path: Path) -> Path:
    """``path`` made absolute with its links followed; an input whose links loop stays
    as it is (loading it says what is wrong)."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a link loop, before Python 3.13
        return path.absolute()


def _render(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from briefgen.model import BRIEF_SUFFIX, load_brief
    from briefgen.render.output import OUTPUT_SUFFIXES_TEXT, is_output_path

    out = Path(args.output)
    if not is_output_path(out):
        parser.error(f"the output {out} must end in {OUTPUT_SUFFIXES_TEXT}")
    if _overwrites_an_input(out, args.inputs):
        parser.error(f"the output {out} is one of the inputs; choose another file to write")
    briefs = [p for p in args.inputs if p.lower().endswith(BRIEF_SUFFIX)]
    if briefs and len(args.inputs) > 1:
        parser.error("give either one .brief file or one or more articles, not both")
    library = _library()
    template_id = args.template
    if template_id:
        library.get(template_id)  # an unknown template fails before extraction
    if briefs:
        brief = load_brief(Path(briefs[0]))
    else:
        brief = _extract_from(args.inputs, args.date, template_id)
    template = library.get(template_id or brief.template)
    notice = _render_one(brief, template, out, _writer_info(args), warm_pdf=False)
    _say(f"Wrote {out}", err=True)
    if notice:
        _say(f"briefgen: note: {notice}.", err=True)
    return EXIT_OK


def _writer_info(args: argparse.Namespace) -> DocumentInfo:
    from briefgen.render.document_info import document_info

    return document_info(author=args.author, language=args.lang)


def _render_one(brief: Brief, template: BriefTemplate, out: Path,
                info: DocumentInfo, *, warm_pdf: bool = True) -> str | None:
    """Render ``out``; what the file lacks (a PDF drawn without LibreOffice), else None.
    ``warm_pdf`` False: a one-off PDF, converted one-shot (no LibreOffice kept running)."""
    from briefgen.render import apply_template_defaults, render_to_file

    brief = copy.deepcopy(brief)  # template defaults must not leak between renders
    apply_template_defaults(brief, template)
    return render_to_file(brief, template, out, info=info, warm_pdf=warm_pdf)


def _library() -> TemplateLibrary:
    """The built-in templates, the office-wide folder the settings file names, and yours."""
    from briefgen.template_commands import settings_library

    return settings_library()


def _demo(folder: Path, info: DocumentInfo) -> int:
    from briefgen.intake import load
    from briefgen.model import save_brief
    from briefgen.resources import sample_article_path

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BriefgenError(f"Cannot create the folder {folder}: "
                            f"{exc.strerror or exc}.") from None
    library = _library()
    source = load(sample_article_path())
    from briefgen.extract import extract_brief

    brief = extract_brief([source], _load_nlp())
    save_brief(brief, folder / "sample.brief")
    _say(str(folder / "sample.brief"))
    notice: str | None = None
    for template in library.templates():
        if template.origin != "builtin":
            continue
        for suffix in DEMO_FORMATS:
            out = folder / f"{template.id}{suffix}"
            notice = _render_one(brief, template, out, info) or notice
            _say(str(out))
    if notice:
        _say(f"briefgen: note: {notice}.", err=True)
    return EXIT_OK
