"""What a memo may not hold: scripts, handlers and references that load something from
elsewhere when the file is opened. Found in a template's own text (validation refuses it
with file:line) and stripped from whatever an untrusted template still renders.

A memo may link to its sources (``<a href>``, a Word hyperlink: the reader clicks them);
it may not load anything by itself: no ``<script>``, no ``on...=`` handler, no
``javascript:`` URL, no ``src``/``<link href>``/``url()``/``@import`` outside ``data:``,
no external image, attached template or frame in a .docx.
"""

from __future__ import annotations

import re
from typing import Any

# Each pattern and the reason validation gives for it.
_ACTIVE_PATTERNS = [
    (re.compile(r"<\s*(script|iframe|frame|object|embed|applet|base|form|svg|math)\b", re.I),
     "it holds a <{0}> element"),
    (re.compile(r"<[^>]*?\s(on[a-z]+)\s*=", re.I | re.S), "it sets the event handler '{0}'"),
    (re.compile(r"\b(javascript|vbscript)\s*:", re.I), "it holds a {0}: address"),
    (re.compile(r"<\s*meta\b[^>]*http-equiv\s*=\s*[\"']?\s*(refresh|set-cookie)", re.I | re.S),
     "it holds a <meta http-equiv=\"{0}\">"),
    (re.compile(r"\s(src|srcset|poster|background|action|formaction|data|xlink:href)\s*=\s*"
                r"(?![\"']?\s*data:)", re.I), "it loads '{0}' from an address"),
    (re.compile(r"<\s*link\b[^>]*\shref\s*=", re.I | re.S), "it links a stylesheet or "
     "resource from an address"),
    (re.compile(r"url\s*\(\s*(?![\"']?\s*data:)", re.I), "its CSS loads url() from an address"),
    (re.compile(r"@import\b", re.I), "its CSS imports a style sheet"),
]


def active_html(text: str) -> list[tuple[int, str]]:
    """(character offset, reason) of every script, handler or external reference in the
    literal HTML ``text`` of a template."""
    found = []
    for pattern, reason in _ACTIVE_PATTERNS:
        for match in pattern.finditer(text):
            found.append((match.start(), reason.format(*(g.lower() for g in match.groups()))))
    return sorted(found)


def strip_active_html(html: str) -> str:
    """``html`` without scripts, handlers and external references (see the module doc);
    unchanged (the same text, not re-serialised) when it holds none."""
    if not active_html(html):
        return html
    from lxml import etree
    from lxml import html as lxml_html

    doc = lxml_html.document_fromstring(html)
    for element in list(doc.iter()):
        if not isinstance(element.tag, str):  # comments and processing instructions
            if element.getparent() is not None:
                element.drop_tree()
            continue
        tag = element.tag.lower()
        equiv = (element.get("http-equiv") or "").strip().lower()
        if tag in ("script", "iframe", "frame", "object", "embed", "applet", "base", "form",
                   "svg", "math") or (tag == "meta" and equiv in ("refresh", "set-cookie")) \
                or (tag == "link" and element.get("href")):
            element.drop_tree()
            continue
        for name, value in list(element.attrib.items()):
            lowered = name.lower()
            bare = re.sub(r"\s", "", value).lower()
            if lowered.startswith("on") or "script:" in bare or (
                    lowered in ("src", "srcset", "poster", "background", "action",
                                "formaction", "data", "xlink:href")
                    and not bare.startswith("data:")) or (
                    lowered == "style" and ("url(" in bare or "expression(" in bare)):
                del element.attrib[name]
        if tag == "style" and element.text and re.search(r"url\s*\(|@import", element.text,
                                                          re.I):
            element.text = re.sub(r"@import[^;]*;?|url\s*\([^)]*\)", "none", element.text,
                                  flags=re.I)
    doctype = "<!DOCTYPE html>" if html.lstrip()[:9].lower() == "<!doctype" else None
    text: str = etree.tostring(doc, method="html", encoding="unicode", doctype=doctype)
    return text


def is_external_reference(relationship: Any) -> bool:
    """Whether a python-docx relationship loads something from outside the file (an image,
    attached template, frame or object); hyperlinks, which the reader clicks, are not."""
    return bool(relationship.is_external) and not str(relationship.reltype).endswith(
        "/hyperlink")


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
# Settings that name an external relationship: a mail merge (its data source and query,
# which Word would run on opening) and the attached template.
_LINKED_SETTINGS = (f"{_W}mailMerge", f"{_W}attachedTemplate")


def drop_external_references(package: Any) -> int:
    """Remove every external non-hyperlink relationship from the python-docx ``package``,
    and the mail-merge settings and attached-template link that would name them; how many
    relationships were removed."""
    removed = 0
    for part in package.iter_parts():
        for r_id, relationship in list(part.rels.items()):
            if is_external_reference(relationship):
                part.rels.pop(r_id)
                removed += 1
        if str(part.partname) == "/word/settings.xml" and hasattr(part, "element"):
            for setting in [e for e in part.element if e.tag in _LINKED_SETTINGS]:
                part.element.remove(setting)
    return removed
