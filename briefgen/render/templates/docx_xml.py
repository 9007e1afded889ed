"""Small WordprocessingML helpers shared by the Word-document importer: a paragraph's own
runs and text, cutting a paragraph after a given character, and runs holding a Jinja tag."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Iterator

from docx.oxml.ns import qn
from lxml import etree

W_P, W_R, W_T, W_TAB, W_BR = qn("w:p"), qn("w:r"), qn("w:t"), qn("w:tab"), qn("w:br")
W_RPR, W_PPR = qn("w:rPr"), qn("w:pPr")
TXBX = qn("w:txbxContent")
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
ALTERNATE, FALLBACK = MC + "AlternateContent", MC + "Fallback"
# Run children that draw something: a run holding one is never deleted with the sample text.
_GRAPHIC = (qn("w:drawing"), qn("w:pict"), qn("w:object"), ALTERNATE)
_FIELD_MARKS = (qn("w:fldChar"), qn("w:instrText"))


def own_runs(paragraph: etree._Element) -> list[etree._Element]:
    """The runs of ``paragraph`` itself, in order (also inside hyperlinks, content controls
    and smart tags), never the runs of a text box that a drawing in it holds."""
    return [run for run in paragraph.iter(W_R) if _nearest_paragraph(run) is paragraph]


def own_paragraphs(root: etree._Element) -> Iterator[etree._Element]:
    """Every paragraph under ``root``, text boxes included, in document order."""
    yield from root.iter(W_P)


def _nearest_paragraph(element: etree._Element) -> etree._Element | None:
    parent = element.getparent()
    while parent is not None and parent.tag != W_P:
        parent = parent.getparent()
    return parent


def run_text(run: etree._Element) -> str:
    """The text a run shows: its text, tabs as ``\\t`` and breaks as ``\\n``."""
    parts = []
    for child in run:
        if child.tag == W_T:
            parts.append(child.text or "")
        elif child.tag == W_TAB:
            parts.append("\t")
        elif child.tag == W_BR:
            parts.append("\n")
    return "".join(parts)


def paragraph_text(paragraph: etree._Element) -> str:
    """The text of the paragraph's own runs."""
    return "".join(run_text(run) for run in own_runs(paragraph))


def has_graphic(run: etree._Element) -> bool:
    """Whether the run draws a picture, shape or text box."""
    return any(child.tag in _GRAPHIC for child in run)


def is_field_mark(run: etree._Element) -> bool:
    return any(child.tag in _FIELD_MARKS for child in run)


def value_rpr(source: etree._Element | None, *, plain: bool = False) -> etree._Element | None:
    """A copy of ``source``'s run properties for a value run: without the placeholder style
    Word gives an empty content control, and (``plain``) without bold, since a label's
    bold is not the value's."""
    if source is None:
        return None
    rpr = source.find(W_RPR) if source.tag == W_R else source
    if rpr is None:
        return None
    rpr = copy.deepcopy(rpr)
    for style in rpr.findall(qn("w:rStyle")):
        if "placeholder" in (style.get(qn("w:val")) or "").lower():
            rpr.remove(style)
    if plain:
        for name in ("w:b", "w:bCs"):
            for element in rpr.findall(qn(name)):
                rpr.remove(element)
    return rpr


def tag_run(text: str, rpr: etree._Element | None = None) -> etree._Element:
    """A run showing ``text`` (a Jinja tag) with the given run properties."""
    run = etree.Element(W_R)
    if rpr is not None:
        run.append(copy.deepcopy(rpr))
    t = etree.SubElement(run, W_T)
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return run


def _set_run_text(run: etree._Element, text: str) -> None:
    """Replace a run's text children by ``text`` (tabs as w:tab), keeping its properties."""
    for child in list(run):
        if child.tag in (W_T, W_TAB, W_BR):
            run.remove(child)
    for index, piece in enumerate(text.split("\t")):
        if index:
            etree.SubElement(run, W_TAB)
        if piece:
            t = etree.SubElement(run, W_T)
            t.text = piece
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")


def replace_after(paragraph: etree._Element, offset: int, tag: str,
                  suffix: str = "") -> None:
    """Keep the paragraph's text up to character ``offset`` (whatever runs it is split
    over), drop the text after it (pictures stay) and put ``tag`` there, followed by
    ``suffix``, in the formatting of the first dropped character (of the last kept one,
    without bold, when nothing follows)."""
    runs = own_runs(paragraph)
    position = 0
    anchor: etree._Element | None = None
    style_from: etree._Element | None = None
    plain = False
    for run in runs:
        text = run_text(run)
        start, end = position, position + len(text)
        position = end
        if end <= offset and not (start == offset and is_field_mark(run)):
            anchor = run
            continue
        if start < offset:  # the run holds the end of the label and the start of the value
            _set_run_text(run, text[:offset - start])
            anchor = run
            if style_from is None:
                style_from = run
            continue
        if style_from is None and text.strip():
            style_from = run
        if not has_graphic(run):
            run.getparent().remove(run)
    if style_from is None:
        style_from, plain = anchor, True
    new = tag_run(tag + suffix, value_rpr(style_from, plain=plain))
    if anchor is not None and anchor.getparent() is not None:
        anchor.addnext(new)
    else:
        ppr = paragraph.find(W_PPR)
        if ppr is not None:
            ppr.addnext(new)
        else:
            paragraph.insert(0, new)


def fill_paragraph(paragraph: etree._Element, tag: str) -> None:
    """Make the paragraph show only ``tag`` in the formatting of its first text."""
    replace_after(paragraph, 0, tag)


def remove(elements: Iterable[etree._Element]) -> None:
    for element in list(elements):
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)


_JINJA_OPENER = re.compile(r"\{(?=[{%#])")


def escape_jinja_text(root: etree._Element) -> int:
    """Make text that looks like a Jinja tag ("{{", "{%", "{#") print as itself: each such
    "{" becomes ``{{ '{' }}``. How many were escaped."""
    count = 0
    for text in root.iter(W_T):
        if text.text and _JINJA_OPENER.search(text.text):
            text.text, found = _JINJA_OPENER.subn("{{ '{' }}", text.text)
            count += found
    return count


def sync_fallback_copies(root: etree._Element) -> None:
    """Give every text box's Word fallback copy (VML) the content of its DrawingML copy,
    so that the slots filled in one show in the other."""
    for alternate in root.iter(ALTERNATE):
        choice = [c for c in alternate.iter(TXBX)
                  if not any(a.tag == FALLBACK for a in c.iterancestors())]
        fallback = [c for c in alternate.iter(TXBX)
                    if any(a.tag == FALLBACK for a in c.iterancestors())]
        if len(choice) != len(fallback):
            continue
        for source, target in zip(choice, fallback, strict=True):
            for child in list(target):
                target.remove(child)
            for child in source:
                target.append(copy.deepcopy(child))
