"""Writing a rendered memo to a file: the output suffixes and the one atomic write."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.errors import BriefgenError, RenderError
from briefgen.model import Brief, write_bytes_atomically
from briefgen.render.dates import DEFAULT_DATE_FORMAT
from briefgen.render.document_info import DocumentInfo, document_info

if TYPE_CHECKING:
    from briefgen.render.templates.manifest import BriefTemplate

Writer = Callable[[Brief, "BriefTemplate", str, DocumentInfo], bytes]

# The writers load on first use (the window and the command line read the suffixes while
# they start, before anything is rendered); none of them imports this module.


def _html_bytes(brief: Brief, template: BriefTemplate, date_format: str,
                info: DocumentInfo) -> bytes:
    from briefgen.render.html_writer import render_html

    return render_html(brief, template, date_format=date_format, info=info).encode("utf-8")


def _docx_bytes(brief: Brief, template: BriefTemplate, date_format: str,
                info: DocumentInfo) -> bytes:
    from briefgen.render.docx_writer import render_docx

    return render_docx(brief, template, date_format=date_format, info=info)


class NoPdfConverter(RenderError):
    """No converter here, and the template's look lives only in its Word document."""


def _pdf_bytes(brief: Brief, template: BriefTemplate, date_format: str,
               info: DocumentInfo) -> bytes:
    return memo_pdf(brief, template, date_format=date_format, info=info)


def memo_pdf(brief: Brief, template: BriefTemplate, *, date_format: str = DEFAULT_DATE_FORMAT,
             info: DocumentInfo | None = None, warm: bool = True) -> bytes:
    """The memo as PDF bytes by the one PDF route: the rendered .docx converted by
    LibreOffice where it is installed (the template's own look, tagged), by this process's
    warm converter unless ``warm`` is False (one-shot: a command that makes one PDF and
    exits); else, for a built-in template, the memo drawn by fpdf2 (pdf_notice says what it
    lacks). NoPdfConverter for any other template without a converter: fpdf2 has no layout
    that looks like a Word template of an office, so the .docx is the memo to send."""
    from briefgen.render.pdf_convert import convert_docx_to_pdf, convert_warm, find_converter

    info = info or document_info()
    converter = find_converter()
    if converter is not None:
        docx = _docx_bytes(brief, template, date_format, info)
        if warm:
            return convert_warm(docx, converter)
        return convert_docx_to_pdf(docx, converter)
    if not pdf_without_converter(template):
        raise NoPdfConverter(no_pdf_message(template))
    from briefgen.render.pdf_writer import render_pdf

    return render_pdf(brief, template, date_format=date_format, info=info)


def pdf_without_converter(template: BriefTemplate) -> bool:
    """Whether a PDF of ``template`` can be drawn without LibreOffice (by fpdf2: the
    built-in templates, whose layout it knows)."""
    return template.origin == "builtin"


def no_pdf_message(template: BriefTemplate) -> str:
    """Why ``template`` gives no PDF here, in one sentence."""
    return (f"The template '{template.name}' is laid out in Word and no PDF converter "
            "(LibreOffice) is installed here: export the memo as .docx instead, or install "
            "LibreOffice for its PDF.")


def pdf_notice(template: BriefTemplate | None = None) -> str | None:
    """What a PDF of ``template`` written now lacks, in words for the user (one line);
    None when it lacks nothing (LibreOffice converts it) or cannot be made at all."""
    from briefgen.render.pdf_convert import FALLBACK_NOTICE, find_converter

    if find_converter() is not None:
        return None
    if template is not None and not pdf_without_converter(template):
        return None
    return FALLBACK_NOTICE


# Each output suffix: the kind of file (for messages) and the writer that makes its bytes.
_FORMATS: dict[str, tuple[str, Writer]] = {
    ".docx": ("Word", _docx_bytes),
    ".html": ("HTML", _html_bytes),
    ".htm": ("HTML", _html_bytes),
    ".pdf": ("PDF", _pdf_bytes),
}
OUTPUT_SUFFIXES = tuple(_FORMATS)
OUTPUT_SUFFIXES_TEXT = ".docx, .html or .pdf"


def is_output_path(path: str | Path) -> bool:
    """Whether briefgen can render into ``path`` (its suffix, in any case, names a format)."""
    return Path(path).suffix.lower() in _FORMATS


def write_output(path: Path, data: bytes, kind: str) -> None:
    """Write ``data`` atomically; RenderError naming ``path`` if the file cannot be written."""
    try:
        write_bytes_atomically(path, data)
    except BriefgenError as exc:
        raise RenderError(f"The {kind} file {path} cannot be written: {exc}") from None
    except OSError as exc:
        raise RenderError(f"The {kind} file {path} cannot be written ({exc.strerror}).") \
            from None


def render_to_file(
    brief: Brief, template: BriefTemplate, out_path: Path, *,
    date_format: str = DEFAULT_DATE_FORMAT, info: DocumentInfo | None = None,
    warm_pdf: bool = True,
) -> str | None:
    """Render the memo into ``out_path``, in the format its suffix names, atomically (never
    a half-written file).

    ``date_format``: strftime codes for every date in the memo (an unusable one gives the
    default, ``13 March 2026``). ``info``: the author and language the file names (None:
    the user's settings file). ``warm_pdf``: a PDF by this process's warm converter (False:
    one-shot, see memo_pdf). Returns what the written file lacks, in words for the user
    (a PDF drawn without LibreOffice lacks the Word layout and tags), else None.

    RenderError (one sentence naming the file) for an unknown suffix or an unwritable file;
    TemplateError when the template itself fails; NoPdfConverter for a PDF of a template
    that is not built in where no converter is installed.
    """
    path = Path(out_path)
    suffix = path.suffix.lower()
    if suffix not in _FORMATS:
        raise RenderError(
            f"{path}: cannot render to '{suffix or 'no suffix'}'; use {OUTPUT_SUFFIXES_TEXT}."
        )
    kind, writer = _FORMATS[suffix]
    info = info or document_info()
    if suffix == ".pdf":
        data = memo_pdf(brief, template, date_format=date_format, info=info, warm=warm_pdf)
    else:
        data = writer(brief, template, date_format, info)
    write_output(path, data, kind)
    return pdf_notice(template) if suffix == ".pdf" else None
