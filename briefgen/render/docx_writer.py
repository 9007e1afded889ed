"""The Word writer: a .docx memo rendered from a docxtpl template in the sandbox."""

from __future__ import annotations

import io
import re
import threading
import zipfile
from pathlib import Path
from typing import Any

from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from lxml import etree

from briefgen.errors import TemplateError
from briefgen.model import Brief
from briefgen.render.context import build_context
from briefgen.render.dates import DEFAULT_DATE_FORMAT
from briefgen.render.docx_bidi import has_rtl, mark_rtl_paragraphs
from briefgen.render.jinja_env import check_source, sandbox, sandbox_for, template_errors
from briefgen.render.templates.manifest import BriefTemplate

_PARAGRAPH_START = re.compile(r"<w:p([ >])")
# The shared sandboxes cache compiled sources: the compiled document XML is reused while
# the Word file is unchanged (the source text is the cache key, so an edit is a new entry).
# Docx files whose Jinja passed the safety check, keyed by path, modification time and size.
_CHECKED: set[tuple[str, int, int]] = set()
_LOCK = threading.Lock()


def open_docx_template(path: Path) -> DocxTemplate:
    """The docxtpl template at ``path``; TemplateError if it is missing or not a .docx."""
    try:
        tpl = DocxTemplate(str(path))
        tpl.init_docx()
    except FileNotFoundError:
        raise TemplateError(f"{path}: the Word template file is missing.") from None
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise TemplateError(f"{path}: the Word template is not a valid .docx file ({exc}).") \
            from None
    except OSError as exc:
        raise TemplateError(f"{path}: the Word template cannot be read ({exc}).") from None
    return tpl


def docx_jinja_parts(tpl: DocxTemplate) -> list[tuple[str, str]]:
    """(part name, Jinja source) of the body, headers and footers, as docxtpl renders them.

    Each paragraph starts a new line, as in docxtpl, so a line number points at a paragraph
    (counting after docxtpl removed the paragraphs that hold only ``{%p %}`` tags).
    """
    xml_parts = [("word/document.xml", tpl.get_xml())]
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _rel, part in tpl.get_headers_footers(uri):
            xml_parts.append((str(part.partname).lstrip("/"), tpl.get_part_xml(part)))
    return [(name, _PARAGRAPH_START.sub(r"\n<w:p\1", tpl.patch_xml(xml)))
            for name, xml in xml_parts]


def _check_once(path: Path, tpl: DocxTemplate) -> None:
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key in _CHECKED:
        return
    env = sandbox(strict=False)
    for name, source in docx_jinja_parts(tpl):
        check_source(env, source, f"{path} ({name})")
    with _LOCK:
        _CHECKED.add(key)


def render_docx(
    brief: Brief, template: BriefTemplate, *, date_format: str = DEFAULT_DATE_FORMAT
) -> bytes:
    """The memo as the bytes of a .docx file; TemplateError if the Word template fails.

    ``date_format``: strftime codes for every date in the memo (see render_html).
    Writing it to a file is render_to_file's job (briefgen.render.output).
    """
    path = template.docx_file
    tpl = open_docx_template(path)
    _check_once(path, tpl)
    context: dict[str, Any] = build_context(brief, template, date_format=date_format)
    try:
        with template_errors(str(path), "Word template"):
            tpl.render(context, jinja_env=sandbox_for(template), autoescape=True)
    except etree.XMLSyntaxError as exc:
        raise TemplateError(f"{path}: the Word template produced invalid XML ({exc}); check "
                            "for tags that cut across Word's formatting.") from None
    document = tpl.docx
    parts = [document.element.body]
    for section in document.sections:
        parts.extend(hf._element for hf in (section.header, section.footer))
    for part in parts:
        if has_rtl(etree.tostring(part, encoding="unicode", method="text")):
            mark_rtl_paragraphs(part)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()
