"""The Word writer: a .docx memo rendered from a docxtpl template in the sandbox."""

from __future__ import annotations

import io
import re
import threading
import zipfile
import zlib
from pathlib import Path
from typing import Any

import jinja2
from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from lxml import etree

from briefgen.errors import TemplateError
from briefgen.model import Brief
from briefgen.render.active_content import drop_external_references
from briefgen.render.context import build_context
from briefgen.render.dates import DEFAULT_DATE_FORMAT
from briefgen.render.document_info import DocumentInfo, document_info, document_title
from briefgen.render.docx_access import apply_document_info, mark_header_rows
from briefgen.render.docx_bidi import has_rtl, mark_rtl_paragraphs
from briefgen.render.isolation import needs_isolation, run_isolated
from briefgen.render.jinja_env import (
    BriefSandbox,
    check_source,
    sandbox,
    sandbox_for,
    template_errors,
    template_line,
    translated_error,
)
from briefgen.render.templates.manifest import BriefTemplate

_PARAGRAPH_START = re.compile(r"<w:p([ >])")
# The core properties docxtpl renders as Jinja (docxtpl's own list in render_properties).
CORE_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
FOOTNOTES_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
# Bounds on the Word file itself: the package limits apply to the outer zip only, and a
# 40 KB part can inflate to gigabytes. A zip entry never inflates past its declared size
# (zipfile stops there and checks the CRC), so checking the declared sizes is enough.
MAX_DOCX_ENTRIES = 2_000
MAX_DOCX_PART_BYTES = 20_000_000
MAX_DOCX_BYTES = 60_000_000
# A Jinja tag in a Word part: docxtpl's clean-up runs a pattern from every opening
# ``{{``/``{%``/``{#`` to the next closing one, so openers without a near closer make it
# quadratic (8,000 unclosed ``{{p`` take 16 s). Each tag must close within this many
# characters of XML, before the next one opens.
MAX_TAG_CHARS = 20_000
MAX_TAGS = 50_000
_TAG_MARK = re.compile(r"\{(?:<[^>]*>)*[{%#]|[}%#](?:<[^>]*>)*\}")
# The shared sandboxes cache compiled sources: the compiled document XML is reused while
# the Word file is unchanged (the source text is the cache key, so an edit is a new entry).
# Docx files whose Jinja passed the safety check, keyed by path, modification time and size.
_CHECKED: set[tuple[str, int, int]] = set()
_LOCK = threading.Lock()


class BriefDocxTemplate(DocxTemplate):  # type: ignore[misc]
    """docxtpl's template, except that core properties (title, subject...) render as plain
    text: python-docx escapes them itself, so the XML autoescape of the body would show
    "Trade &amp; tariffs" in the document's properties."""

    def render_properties(self, context: dict[str, Any], jinja_env: Any = None) -> None:
        plain = jinja_env.overlay(autoescape=False) if jinja_env is not None else None
        if isinstance(plain, BriefSandbox):
            plain.cache_size = 0  # the overlay shares the parent's cache of escaped templates
        super().render_properties(context, plain)


def _check_docx_zip(path: Path) -> None:
    """TemplateError unless ``path`` is a zip whose entries stay within the Word limits."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except FileNotFoundError:
        raise TemplateError(f"{path}: the Word template file is missing.") from None
    except OSError as exc:
        raise TemplateError(f"{path}: the Word template cannot be read ({exc}).") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError,
            NotImplementedError, RuntimeError, UnicodeError) as exc:
        raise TemplateError(f"{path}: the Word template is not a valid .docx file ({exc}).") \
            from None
    if len(members) > MAX_DOCX_ENTRIES:
        raise TemplateError(f"{path}: the Word template holds more than {MAX_DOCX_ENTRIES:,} "
                            "parts.")
    big = next((m for m in members if m.file_size > MAX_DOCX_PART_BYTES), None)
    if big is not None:
        raise TemplateError(f"{path}: the Word template is refused because its part "
                            f"'{big.filename[:80]}' inflates to {big.file_size:,} bytes (the "
                            f"limit is {MAX_DOCX_PART_BYTES:,}).")
    if sum(m.file_size for m in members) > MAX_DOCX_BYTES:
        raise TemplateError(f"{path}: the Word template inflates to more than "
                            f"{MAX_DOCX_BYTES:,} bytes.")


def open_docx_template(path: Path) -> DocxTemplate:
    """The docxtpl template at ``path``; TemplateError if it is missing, not a .docx, or
    larger inside than MAX_DOCX_PART_BYTES per part or MAX_DOCX_BYTES in all."""
    _check_docx_zip(path)
    try:
        tpl = BriefDocxTemplate(str(path))
        tpl.init_docx()
    except FileNotFoundError:
        raise TemplateError(f"{path}: the Word template file is missing.") from None
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, EOFError,
            zlib.error, UnicodeError, etree.XMLSyntaxError) as exc:
        raise TemplateError(f"{path}: the Word template is not a valid .docx file ({exc}).") \
            from None
    except OSError as exc:
        raise TemplateError(f"{path}: the Word template cannot be read ({exc}).") from None
    return tpl


def check_tag_spans(xml: str, where: str) -> None:
    """TemplateError unless every Jinja tag in ``xml`` closes within MAX_TAG_CHARS and
    before the next one opens (see MAX_TAG_CHARS: what keeps docxtpl's clean-up linear)."""
    opened: int | None = None
    count = 0
    for mark in _TAG_MARK.finditer(xml):
        if mark.group().startswith("{"):
            count += 1
            if opened is not None or count > MAX_TAGS:
                break
            opened = mark.start()
        elif opened is not None:
            if mark.start() - opened > MAX_TAG_CHARS:
                break
            opened = None
    else:
        if opened is None:
            return
    if count > MAX_TAGS:
        raise TemplateError(f"{where}: the Word template holds more than {MAX_TAGS:,} tags.")
    text = " ".join(re.sub(r"<[^>]*>", "", xml[opened or 0:(opened or 0) + 200]).split())
    raise TemplateError(f"{where}: the template has a tag that is not closed before the next "
                        f"one starts (near \u201c{text[:40]}\u201d).")


def docx_jinja_parts(tpl: DocxTemplate) -> list[tuple[str, str]]:
    """(part name, Jinja source) of the body, headers and footers, as docxtpl renders them.

    Each paragraph starts a new line, as in docxtpl, so a line number points at a paragraph
    (counting after docxtpl removed the paragraphs that hold only ``{%p %}`` tags).
    """
    xml_parts = [("word/document.xml", tpl.get_xml())]
    for uri in (tpl.HEADER_URI, tpl.FOOTER_URI):
        for _rel, part in tpl.get_headers_footers(uri):
            xml_parts.append((str(part.partname).lstrip("/"), tpl.get_part_xml(part)))
    for part in tpl.docx.part.package.parts:
        if part.content_type == FOOTNOTES_TYPE:
            blob = part.blob
            xml_parts.append((str(part.partname).lstrip("/"),
                              blob.decode("utf-8") if isinstance(blob, bytes) else blob))
    found = []
    for name, xml in xml_parts:
        check_tag_spans(xml, name)
        found.append((name, _PARAGRAPH_START.sub(r"\n<w:p\1", tpl.patch_xml(xml))))
    properties = tpl.docx.core_properties
    for prop in CORE_PROPERTIES:
        found.append((f"docProps/core.xml {prop}", getattr(properties, prop) or ""))
    return found


def failure_place(path: Path, context: dict[str, Any], env: jinja2.Environment) -> str:
    """Where in the Word template at ``path`` a render with ``context`` fails, as Word
    shows it ("body, table 2, row 2, cell 1"): each part is rendered on its own until one
    fails; "" when none does on its own or the place cannot be told."""
    from briefgen.render.templates.validate import word_place

    try:
        tpl = open_docx_template(path)
        parts = docx_jinja_parts(tpl)
    except TemplateError:
        return ""
    for name, source in parts:
        if name.startswith("docProps/"):
            continue
        try:
            env.from_string(source).render(context)
        except Exception as exc:  # noqa: BLE001 - any failure here is the one being located
            line = template_line(exc)
            return word_place(tpl, name, source, line) if line else ""
    return ""


def _check_once(path: Path, tpl: DocxTemplate) -> None:
    stat = path.stat()
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    if key in _CHECKED:
        return
    env = sandbox(strict=False)
    try:
        parts = docx_jinja_parts(tpl)
    except TemplateError as exc:
        raise TemplateError(f"{path}: {exc}") from None
    for name, source in parts:
        check_source(env, source, f"{path} ({name})")
    with _LOCK:
        _CHECKED.add(key)


def render_docx(
    brief: Brief, template: BriefTemplate, *, date_format: str = DEFAULT_DATE_FORMAT,
    info: DocumentInfo | None = None,
) -> bytes:
    """The memo as the bytes of a .docx file; TemplateError if the Word template fails.

    ``date_format``: strftime codes for every date in the memo (see render_html). ``info``:
    the author and language the document properties and styles name (None: the user's
    settings file); its title is the brief's subject. Data tables get repeating header rows.
    Writing it to a file is render_to_file's job (briefgen.render.output). A template that
    is not built in renders in a bounded child process (briefgen.render.isolation). The memo
    keeps no external image, attached template or frame (hyperlinks stay).
    """
    info = info or document_info()
    if needs_isolation(template):
        return bytes(run_isolated(str(template.docx_file), render_docx, brief, template,
                                  date_format=date_format, info=info))
    path = template.docx_file
    tpl = open_docx_template(path)
    _check_once(path, tpl)
    context: dict[str, Any] = build_context(brief, template, date_format=date_format)
    kind = f"Word template of \u2018{template.name}\u2019"
    try:
        with template_errors(str(path), kind):
            try:
                tpl.render(context, jinja_env=sandbox_for(template), autoescape=True)
            except (TypeError, ValueError, AttributeError, LookupError, ArithmeticError,
                    jinja2.UndefinedError) as exc:  # a failure inside: say where it is
                place = failure_place(path, context, sandbox_for(template))
                if place:
                    raise translated_error(exc, f"{path}, {place}", kind) from None
                raise
    except etree.XMLSyntaxError as exc:
        raise TemplateError(f"{path}: the Word template produced invalid XML ({exc}); check "
                            "for tags that cut across Word's formatting.") from None
    document = tpl.docx
    drop_external_references(document.part.package)
    apply_document_info(document, document_title(brief), info)
    mark_header_rows(document)
    parts = [document.element.body]
    for section in document.sections:
        parts.extend(hf._element for hf in (section.header, section.footer))
    for part in parts:
        if has_rtl(etree.tostring(part, encoding="unicode", method="text")):
            mark_rtl_paragraphs(part)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()
