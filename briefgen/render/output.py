"""Write a rendered memo to a file chosen by its suffix (.docx, .html, .htm, .pdf)."""

from __future__ import annotations

from pathlib import Path

from briefgen.errors import BriefgenError, RenderError
from briefgen.model import Brief, write_bytes_atomically
from briefgen.render.jinja_env import DEFAULT_DATE_FORMAT
from briefgen.render.manifest import BriefTemplate

SUFFIXES = (".docx", ".html", ".htm", ".pdf")


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
    date_format: str = DEFAULT_DATE_FORMAT,
) -> None:
    """Render the memo into ``out_path``, in the format its suffix names.

    ``date_format``: strftime codes for every date in the memo (an unusable one gives the
    default, ``13 March 2026``).

    RenderError (one sentence naming the file) for an unknown suffix or an unwritable file;
    TemplateError when the template itself fails.
    """
    from briefgen.render.docx_writer import render_docx_bytes
    from briefgen.render.html_writer import render_html
    from briefgen.render.pdf_writer import render_pdf_bytes

    path = Path(out_path)
    suffix = path.suffix.lower()
    if suffix == ".docx":
        write_output(path, render_docx_bytes(brief, template, date_format=date_format), "Word")
    elif suffix in (".html", ".htm"):
        html = render_html(brief, template, date_format=date_format)
        write_output(path, html.encode("utf-8"), "HTML")
    elif suffix == ".pdf":
        write_output(path, render_pdf_bytes(brief, template, date_format=date_format), "PDF")
    else:
        raise RenderError(
            f"{path}: cannot render to '{suffix or 'no suffix'}'; use .docx, .html or .pdf."
        )
