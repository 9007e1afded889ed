"""The Word writer: a .docx memo rendered from a docxtpl template in the sandbox."""

from __future__ import annotations

import io
import re
import threading
import zipfile
from pathlib import Path
from typing import Any

import jinja2
from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from jinja2.exceptions import SecurityError
from lxml import etree

from briefgen.errors import TemplateError
from briefgen.model import Brief
from briefgen.render.context import build_context
from briefgen.render.docx_bidi import has_rtl, mark_rtl_paragraphs
from briefgen.render.jinja_env import DEFAULT_DATE_FORMAT, check_source, make_environment
from briefgen.render.manifest import BriefTemplate

_PARAGRAPH_START = re.compile(r"<w:p([ >])")
# One caching sandbox per strictness: the compiled document XML is reused while the Word
# file is unchanged (the source text is the cache key, so an edit is a new entry).
_ENVIRONMENTS = {
    strict: make_environment(autoescape=True, strict=strict, cache_size=16)
    for strict in (True, False)
}
# Docx files whose Jinja passed the safety check, keyed by path, modification time and size.
_CHECKED: set[tuple[str, int, int]] = set()
_LOCK = threading.Lock()


def clear_compiled_cache() -> None:
    """Forget every compiled Word template (the next render compiles afresh)."""
    for env in _ENVIRONMENTS.values():
        env.compiled.clear()


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
    env = make_environment(autoescape=True, strict=False)
    for name, source in docx_jinja_parts(tpl):
        check_source(env, source, f"{path} ({name})")
    with _LOCK:
        _CHECKED.add(key)


def render_docx_bytes(
    brief: Brief, template: BriefTemplate, *, date_format: str = DEFAULT_DATE_FORMAT
) -> bytes:
    """The memo as the bytes of a .docx file; TemplateError if the Word template fails.

    ``date_format``: strftime codes for every date in the memo (see render_html).
    """
    path = template.docx_file
    tpl = open_docx_template(path)
    _check_once(path, tpl)
    context: dict[str, Any] = build_context(brief, template, date_format=date_format)
    env = _ENVIRONMENTS[template.origin == "builtin"]
    try:
        tpl.render(context, jinja_env=env, autoescape=True)
    except SecurityError as exc:
        raise TemplateError(f"{path}: the Word template is refused because {exc}.") from None
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"{path}: the Word template has a syntax error near XML line {exc.lineno}: "
            f"{exc.message}."
        ) from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"{path}: the Word template uses an unknown name: {exc}.") from None
    except (jinja2.TemplateError, TypeError, ValueError, AttributeError) as exc:
        raise TemplateError(f"{path}: the Word template failed to render: {exc}.") from None
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


def render_docx(
    brief: Brief, template: BriefTemplate, out_path: Path, *,
    date_format: str = DEFAULT_DATE_FORMAT,
) -> None:
    """Write the memo as a Word file at ``out_path`` (atomically: never a half-written file).

    ``date_format``: strftime codes for every date in the memo (see render_html).
    """
    from briefgen.render.output import write_output

    data = render_docx_bytes(brief, template, date_format=date_format)
    write_output(Path(out_path), data, "Word")
