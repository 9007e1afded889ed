"""Templates and rendering: the template library and the Word, HTML and PDF writers.

The writers return the memo (bytes, or the HTML text); ``render_to_file`` writes it.
The names below load on first use, so that reading a constant (the output suffixes, the
default date format) does not import docxtpl and fpdf2 while the window starts.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefgen.render.context import (
        apply_template_defaults,
        brief_warnings,
        build_context,
        empty_required_fields,
    )
    from briefgen.render.dates import DEFAULT_DATE_FORMAT, long_date, valid_date_format
    from briefgen.render.docx_writer import render_docx
    from briefgen.render.html_writer import render_html
    from briefgen.render.output import (
        OUTPUT_SUFFIXES,
        OUTPUT_SUFFIXES_TEXT,
        is_output_path,
        render_to_file,
    )
    from briefgen.render.pdf_writer import render_pdf
    from briefgen.render.templates.library import TemplateLibrary
    from briefgen.render.templates.manifest import BriefTemplate, FieldSpec
    from briefgen.render.templates.package import validate_template
    from briefgen.render.templates.validate import TemplateProblem

BUILTIN_TEMPLATE_IDS = ("meeting-readout", "information-memo", "decision-memo", "media-digest")

_HOMES = {
    "apply_template_defaults": "context", "brief_warnings": "context", "build_context": "context",
    "empty_required_fields": "context",
    "DEFAULT_DATE_FORMAT": "dates", "long_date": "dates", "valid_date_format": "dates",
    "render_docx": "docx_writer", "render_html": "html_writer", "render_pdf": "pdf_writer",
    "OUTPUT_SUFFIXES": "output", "OUTPUT_SUFFIXES_TEXT": "output",
    "is_output_path": "output", "render_to_file": "output",
    "TemplateLibrary": "templates.library", "BriefTemplate": "templates.manifest",
    "FieldSpec": "templates.manifest", "validate_template": "templates.package",
    "TemplateProblem": "templates.validate",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


__all__ = [
    "BUILTIN_TEMPLATE_IDS",
    "DEFAULT_DATE_FORMAT",
    "OUTPUT_SUFFIXES",
    "OUTPUT_SUFFIXES_TEXT",
    "BriefTemplate",
    "FieldSpec",
    "TemplateLibrary",
    "TemplateProblem",
    "apply_template_defaults",
    "brief_warnings",
    "build_context",
    "empty_required_fields",
    "is_output_path",
    "long_date",
    "render_docx",
    "render_html",
    "render_pdf",
    "render_to_file",
    "valid_date_format",
    "validate_template",
]
