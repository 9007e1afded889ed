"""Templates and rendering: the template library and the Word, HTML and PDF writers."""

from briefgen.render.context import apply_template_defaults, brief_warnings, build_context
from briefgen.render.docx_writer import render_docx
from briefgen.render.html_writer import render_html
from briefgen.render.library import TemplateLibrary
from briefgen.render.manifest import BriefTemplate, FieldSpec
from briefgen.render.output import render_to_file
from briefgen.render.pdf_writer import render_pdf
from briefgen.render.validate import TemplateProblem, validate_template

BUILTIN_TEMPLATE_IDS = ("meeting-readout", "information-memo", "decision-memo", "media-digest")

__all__ = [
    "BUILTIN_TEMPLATE_IDS",
    "BriefTemplate",
    "FieldSpec",
    "TemplateLibrary",
    "TemplateProblem",
    "apply_template_defaults",
    "brief_warnings",
    "build_context",
    "render_docx",
    "render_html",
    "render_pdf",
    "render_to_file",
    "validate_template",
]
