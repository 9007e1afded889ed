"""Accessible Word memos: title, author and language from the brief and the user, the same
language in every style, and header rows that repeat on each page (EN 301 549, Section 508)."""

from __future__ import annotations

from docx.document import Document
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree

from briefgen.render.document_info import DocumentInfo
from briefgen.render.textclean import one_line


def apply_document_info(document: Document, title: str, info: DocumentInfo) -> None:
    """Core properties from the memo and its writer, never from the template: the template's
    author, title, comments and keywords are replaced or cleared."""
    properties = document.core_properties
    properties.title = fit_property(title)
    properties.author = fit_property(info.author)
    properties.last_modified_by = fit_property(info.author)
    properties.language = fit_property(info.language)
    properties.comments = ""
    properties.keywords = ""
    properties.subject = ""
    set_language(document, info.language)


MAX_PROPERTY_CHARS = 255  # Word's limit, which python-docx enforces


def fit_property(text: str) -> str:
    """``text`` on one line, without the characters XML forbids, within a core property's
    255 characters: cut at a space, with an ellipsis."""
    text = one_line(text)
    if len(text) <= MAX_PROPERTY_CHARS:
        return text
    cut = text[: MAX_PROPERTY_CHARS - 1]
    if " " in cut[MAX_PROPERTY_CHARS // 2:]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + "\u2026"


def set_language(document: Document, language: str) -> None:
    """``language`` in the style defaults, every style and run that names one, and the
    theme-font language Word's proofing reads; East Asian and right-to-left languages a
    template sets are left as they are."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = etree.Element(qn("w:docDefaults"))
        styles.insert(0, defaults)
    run_default = defaults.find(qn("w:rPrDefault"))
    if run_default is None:  # it comes first in w:docDefaults
        run_default = etree.Element(qn("w:rPrDefault"))
        defaults.insert(0, run_default)
    run_defaults = _child(run_default, "w:rPr")
    _child(run_defaults, "w:lang").set(qn("w:val"), language)
    parts = [styles, document.element]
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.even_page_header,
                     section.footer, section.first_page_footer, section.even_page_footer):
            if part.is_linked_to_previous:
                continue
            parts.append(part._element)
    for part in parts:
        for lang in part.iter(qn("w:lang")):
            if lang.get(qn("w:val")) is not None:
                lang.set(qn("w:val"), language)
    settings = document.settings.element
    for theme_lang in settings.iter(qn("w:themeFontLang")):
        theme_lang.set(qn("w:val"), language)
    for part in document.part.package.iter_parts():
        if str(part.partname) == STYLES_WITH_EFFECTS:
            _set_language_in_blob(part, language)


# Word 2010's copy of the styles, which some templates still carry beside styles.xml.
STYLES_WITH_EFFECTS = "/word/stylesWithEffects.xml"


def _set_language_in_blob(part: Part, language: str) -> None:
    """The run languages of a part python-docx keeps as bytes, set to ``language``."""
    try:
        root = etree.fromstring(part.blob, parser=etree.XMLParser(resolve_entities=False))
    except etree.XMLSyntaxError:
        return
    for lang in root.iter(qn("w:lang")):
        if lang.get(qn("w:val")) is not None:
            lang.set(qn("w:val"), language)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                standalone=True)


def mark_header_rows(document: Document) -> int:
    """Mark the first row of each data table as a header row that repeats on every page
    (w:tblHeader); returns how many were marked. A first row is a header when the table has
    more rows and every cell of it holds bold text only: a layout table of labels and
    values ("TO:" beside the addressee) has plain text beside its labels."""
    marked = 0
    for table in document.element.body.iter(qn("w:tbl")):
        rows = table.findall(qn("w:tr"))
        if len(rows) < 2 or not _all_bold(rows[0]):
            continue
        row_properties = rows[0].find(qn("w:trPr"))
        if row_properties is None:
            row_properties = etree.Element(qn("w:trPr"))
            first_cell = rows[0].find(qn("w:tc"))
            rows[0].insert(list(rows[0]).index(first_cell) if first_cell is not None else 0,
                           row_properties)
        if row_properties.find(qn("w:tblHeader")) is None:
            etree.SubElement(row_properties, qn("w:tblHeader"))
        marked += 1
    return marked


def _all_bold(row: etree._Element) -> bool:
    cells = row.findall(qn("w:tc"))
    if len(cells) < 2:
        return False
    for cell in cells:
        runs = [r for r in cell.iter(qn("w:r"))
                if "".join(t.text or "" for t in r.iter(qn("w:t"))).strip()]
        if not runs:
            return False
        for run in runs:
            bold = run.find(f"{qn('w:rPr')}/{qn('w:b')}")
            if bold is None or bold.get(qn("w:val")) in {"0", "false", "off"}:
                return False
    return True


def _child(parent: etree._Element, tag: str) -> etree._Element:
    found = parent.find(qn(tag))
    if found is None:
        found = etree.SubElement(parent, qn(tag))
    return found
