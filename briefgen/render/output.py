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


def _pdf_bytes(brief: Brief, template: BriefTemplate, date_format: str,
               info: DocumentInfo) -> bytes:
    """The .docx converted by LibreOffice where it is installed (the template's own look,
    tagged); else the memo drawn by fpdf2 (untagged: pdf_notice says so)."""
    from briefgen.render.pdf_convert import convert_docx_to_pdf, find_converter

    converter = find_converter()
    if converter is not None:
        docx = _docx_bytes(brief, template, date_format, info)
        return convert_docx_to_pdf(docx, converter)
    from briefgen.render.pdf_writer import render_pdf

    return render_pdf(brief, template, date_format=date_format, info=info)


def memo_pdf(brief: Brief, template: BriefTemplate, *, date_format: str = DEFAULT_DATE_FORMAT,
             info: DocumentInfo | None = None) -> bytes:
    """The memo as PDF bytes by the one PDF route (see _pdf_bytes)."""
    return _pdf_bytes(brief, template, date_format, info or document_info())


def pdf_notice() -> str | None:
    """What a PDF written now lacks, in words for the user; None when it lacks nothing."""
    from briefgen.render.pdf_convert import UNTAGGED_NOTICE, find_converter

    return None if find_converter() is not None else UNTAGGED_NOTICE


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
) -> str | None:
    """Render the memo into ``out_path``, in the format its suffix names, atomically (never
    a half-written file).

    ``date_format``: strftime codes for every date in the memo (an unusable one gives the
    default, ``13 March 2026``). ``info``: the author and language the file names (None:
    the user's settings file). Returns what the written file lacks, in words for the user
    (a PDF drawn without LibreOffice is untagged), else None.

    RenderError (one sentence naming the file) for an unknown suffix or an unwritable file;
    TemplateError when the template itself fails.
    """
    path = Path(out_path)
    suffix = path.suffix.lower()
    if suffix not in _FORMATS:
        raise RenderError(
            f"{path}: cannot render to '{suffix or 'no suffix'}'; use {OUTPUT_SUFFIXES_TEXT}."
        )
    kind, writer = _FORMATS[suffix]
    write_output(path, writer(brief, template, date_format, info or document_info()), kind)
    return pdf_notice() if suffix == ".pdf" else None
