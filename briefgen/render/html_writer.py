"""The HTML writer: one standalone, autoescaped HTML file from a brief and a template."""

from __future__ import annotations

import re
import threading
from html import escape as html_escape
from pathlib import Path

import jinja2

from briefgen.errors import TemplateError
from briefgen.model import Brief
from briefgen.render.active_content import strip_active_html
from briefgen.render.context import build_context
from briefgen.render.dates import DEFAULT_DATE_FORMAT
from briefgen.render.document_info import DocumentInfo
from briefgen.render.docx_letterhead import letterhead_of
from briefgen.render.isolation import needs_isolation, run_isolated
from briefgen.render.jinja_env import check_source, render_string, sandbox
from briefgen.render.letterhead_html import add_letterhead
from briefgen.render.templates.manifest import BriefTemplate

# Compiled templates keyed by file, modification time and size: an edited file is recompiled.
_CACHE: dict[tuple[str, int, int, bool], jinja2.Template] = {}
_LOCK = threading.Lock()


def compile_html(path: Path, *, strict: bool) -> jinja2.Template:
    """The compiled HTML template at ``path``, from the cache while the file is unchanged."""
    try:
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size, strict)
        cached = _CACHE.get(key)
        if cached is not None:
            return cached
        source = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TemplateError(f"{path}: the HTML template file is missing.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TemplateError(f"{path}: the HTML template cannot be read ({exc}).") from None
    env = sandbox(strict=strict)
    check_source(env, source, str(path))
    compiled = env.from_string(source)
    with _LOCK:
        for old in [k for k in _CACHE if k[0] == key[0] and k[3] == strict]:
            del _CACHE[old]
        _CACHE[key] = compiled
    return compiled


def render_html(
    brief: Brief, template: BriefTemplate, *, preview: bool = False,
    date_format: str = DEFAULT_DATE_FORMAT, info: DocumentInfo | None = None,
    letterhead: bool | None = None,
) -> str:
    """The memo as one standalone HTML document (inline CSS, no external requests).

    Every value is escaped. ``preview`` adds the on-screen drafting warnings (a long
    bottom line, an empty required field); they never print. ``date_format``: strftime
    codes for every date in the memo (an unusable one gives the default, ``13 March 2026``).
    A template that is not built in renders in a bounded child process
    (briefgen.render.isolation), and what it renders loses any script or external reference
    (briefgen.render.active_content). ``info``: when given, the document's language is
    written into the ``<html lang>`` attribute (an exported file; the preview leaves it).
    ``letterhead`` (``None``: as ``preview``): a template that is not built in (nor a copy
    of one) shows its Word document's letterhead, footer, body font and margins around the memo
    (briefgen.render.letterhead_html), as the screen's page; the exported HTML is a web
    page of its own design and leaves them out.
    """
    if needs_isolation(template):
        html = str(run_isolated(str(template.html_file), _render_template, brief, template,
                                preview=preview, date_format=date_format, info=info))
    else:
        html = _render_template(brief, template, preview=preview, date_format=date_format,
                                info=info)
    if preview if letterhead is None else letterhead:
        html = add_letterhead(html, letterhead_of(template))
    return html


def _render_template(
    brief: Brief, template: BriefTemplate, *, preview: bool, date_format: str,
    info: DocumentInfo | None,
) -> str:
    """The memo as ``template``'s HTML renders it (what render_html describes, without the
    child process and the letterhead)."""
    strict = template.origin == "builtin"
    compiled = compile_html(template.html_file, strict=strict)
    context = build_context(brief, template, preview=preview, date_format=date_format)
    html = render_string(compiled, context, str(template.html_file),
                         f"HTML template of \u2018{template.name}\u2019")
    if info is not None:
        html = set_html_language(html, info.language)
    return html if strict else strip_active_html(html)


_HTML_TAG = re.compile(r"<html\b([^>]*)>", re.IGNORECASE)
_LANG_ATTRIBUTE = re.compile(r"""\s(?:xml:)?lang\s*=\s*("[^"]*"|'[^']*'|[^\s>]*)""",
                             re.IGNORECASE)


def set_html_language(html: str, language: str) -> str:
    """``html`` with its first ``<html>`` tag saying ``lang="language"`` (a lang the template
    wrote is replaced); a fragment without an ``<html>`` tag is returned as it is."""
    match = _HTML_TAG.search(html, 0, 4096)
    if match is None:
        return html
    attributes = _LANG_ATTRIBUTE.sub("", match.group(1))
    tag = f'<html lang="{html_escape(language)}"{attributes}>'
    return html[: match.start()] + tag + html[match.end():]
