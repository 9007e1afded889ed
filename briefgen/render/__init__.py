"""Templates and rendering: the template library and the Word, HTML and PDF writers."""

from briefgen.render.context import apply_template_defaults, brief_warnings, build_context
from briefgen.render.docx_writer import render_docx
from briefgen.render.html_writer import render_html
from briefgen.render.jinja_env import DEFAULT_DATE_FORMAT, long_date, valid_date_format
from briefgen.render.library import TemplateLibrary
from briefgen.render.manifest import BriefTemplate, FieldSpec
from briefgen.render.output import render_to_file
from briefgen.render.pdf_writer import render_pdf
from briefgen.render.validate import TemplateProblem, validate_template

BUILTIN_TEMPLATE_IDS = ("meeting-readout", "information-memo", "decision-memo", "media-digest")

__all__ = [
    "BUILTIN_TEMPLATE_IDS",
    "DEFAULT_DATE_FORMAT",
    "BriefTemplate",
    "FieldSpec",
    "TemplateLibrary",
    "TemplateProblem",
    "apply_template_defaults",
    "brief_warnings",
    "build_context",
    "long_date",
    "render_docx",
    "render_html",
    "render_pdf",
    "render_to_file",
    "valid_date_format",
    "validate_template",
]
