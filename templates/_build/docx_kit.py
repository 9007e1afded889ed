"""Building blocks for the built-in Word templates: styles, banners, page fields, Jinja tags."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

NAVY = RGBColor(0x1F, 0x38, 0x64)
GREY = RGBColor(0x59, 0x59, 0x59)
BANNER_RED = RGBColor(0xA0, 0x1C, 0x1C)
BODY_FONT = "Arial"
TABLE_STYLE = "Light List Accent 1"

# Word refuses a file whose elements are out of schema order: a paragraph border goes before
# all of these siblings.
PPR_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
    "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
    "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents",
    "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)

# A run is (text, options); options: b (bold), i (italic), sup (superscript), grey, small.
Run = tuple[str, str]


def _set_font(style_font: object, name: str) -> None:
    """Set a style's font for Latin, East Asian and complex scripts alike."""
    style_font.name = name  # type: ignore[attr-defined]
    rpr = style_font.element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), name)
    # Theme font attributes win over the named font: drop them so the style means Arial.
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)


def new_document(title: str) -> DocxDocument:
    """A blank A4 memo: 2.5 cm margins, Arial 11 pt, restyled Title, headings, lists, quote."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.5))
    section.top_margin, section.bottom_margin = Cm(2.3), Cm(2.2)
    section.header_distance, section.footer_distance = Cm(1.0), Cm(1.0)
    styles = doc.styles
    normal = styles["Normal"]
    _set_font(normal.font, BODY_FONT)
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.0  # single, as memos are typed
    title_style = styles["Title"]
    _set_font(title_style.font, BODY_FONT)
    title_style.font.size = Pt(18)
    title_style.font.bold = True
    title_style.font.color.rgb = NAVY
    title_style.font.all_caps = True
    title_style.paragraph_format.space_after = Pt(10)
    ppr = title_style.element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)
    _bottom_rule(title_style.element.get_or_add_pPr(), NAVY, 12)
    title_style.font.element.get_or_add_rPr()
    rpr = title_style.element.get_or_add_rPr()
    for spacing in rpr.findall(qn("w:spacing")):
        rpr.remove(spacing)
    for level, size, before in ((1, 13, 14), (2, 11.5, 10)):
        style = styles[f"Heading {level}"]
        _set_font(style.font, BODY_FONT)
        style.font.size = Pt(size)
        style.font.bold = True
        style.font.italic = False
        style.font.color.rgb = NAVY
        style.paragraph_format.space_before = Pt(before)
        style.paragraph_format.space_after = Pt(4)
        style.paragraph_format.keep_with_next = True
    bullet = styles["List Bullet"]
    bullet.paragraph_format.space_after = Pt(3)
    quote = styles["Quote"]
    _set_font(quote.font, BODY_FONT)
    quote.font.italic = True
    quote.font.color.rgb = RGBColor(0x26, 0x26, 0x26)
    quote.paragraph_format.left_indent = Cm(0.8)
    quote.paragraph_format.right_indent = Cm(0.8)
    quote.paragraph_format.space_after = Pt(2)
    quote.paragraph_format.space_before = Pt(4)
    quote.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    quote.paragraph_format.keep_with_next = True  # never part a quote from its speaker
    attribution = styles.add_style("Quote Attribution", WD_STYLE_TYPE.PARAGRAPH)
    attribution.base_style = normal
    attribution.font.size = Pt(9.5)
    attribution.font.color.rgb = GREY
    attribution.paragraph_format.left_indent = Cm(0.8)
    attribution.paragraph_format.space_after = Pt(8)
    small = styles.add_style("Source Reference", WD_STYLE_TYPE.PARAGRAPH)
    small.base_style = normal
    small.font.size = Pt(9.5)
    small.paragraph_format.left_indent = Cm(0.8)
    small.paragraph_format.first_line_indent = Cm(-0.8)
    small.paragraph_format.space_after = Pt(3)
    props = doc.core_properties
    props.title = title
    props.author = "briefgen"
    props.comments = ""
    props.subject = ""
    props.identifier = ""
    props.language = "en-GB"
    props.created = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    props.modified = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    props.last_modified_by = "briefgen"
    props.revision = 1
    return doc


def _bottom_rule(ppr: object, color: RGBColor, size_eighths: int) -> None:
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(size_eighths))
    bottom.set(qn("w:space"), "4")
    bottom.set(qn("w:color"), str(color))
    borders.append(bottom)
    ppr.insert_element_before(borders, *PPR_AFTER_PBDR)  # type: ignore[attr-defined]


def add_runs(paragraph: Paragraph, runs: Sequence[Run]) -> Paragraph:
    """Append runs to a paragraph; each ``{{ }}`` tag must sit whole inside one run."""
    for text, options in runs:
        run = paragraph.add_run(text)
        run.bold = "b" in options or None
        run.italic = "i" in options or None
        if "sup" in options:
            run.font.superscript = True
            run.font.color.rgb = NAVY
            _link_to_source(run, text)
        if "grey" in options:
            run.font.color.rgb = GREY
        if "small" in options:
            run.font.size = Pt(9.5)
    return paragraph


def _link_to_source(run: object, expression: str) -> None:
    """Wrap a ``{{ x.cite }}`` run in an internal link to the bookmark of x's first source,
    so that a click on ``[2]`` in Word jumps to reference 2 under Sources."""
    item = expression.strip("{} ").split(".")[0]
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), "source_{{ " + item + ".cites[0] if " + item + ".cites else 0 }}")
    link.set(qn("w:history"), "1")
    element = run._r  # type: ignore[attr-defined]
    element.addprevious(link)
    link.append(element)


def _bookmark(paragraph: Paragraph, name: str, bookmark_id: str) -> None:
    """Put a bookmark around the whole paragraph (its id and name may hold Jinja tags)."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), bookmark_id)
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), bookmark_id)
    p_pr = paragraph._p.pPr
    if p_pr is not None:
        p_pr.addnext(start)
    else:
        paragraph._p.insert(0, start)
    paragraph._p.append(end)


def para(doc: DocxDocument, runs: Sequence[Run], style: str | None = None) -> Paragraph:
    """A paragraph of runs in ``style`` (``None``: Normal)."""
    return add_runs(doc.add_paragraph(style=style), runs)


def tag(doc: DocxDocument, statement: str) -> Paragraph:
    """A paragraph holding one docxtpl paragraph tag, e.g. ``{%p if quotes %}``."""
    return doc.add_paragraph(statement)


def field_run(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """Append a Word field (PAGE, NUMPAGES...) that Word and LibreOffice update on display."""
    def fld_char(kind: str) -> OxmlElement:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    begin = paragraph.add_run()
    begin._r.append(fld_char("begin"))
    instr = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    instr._r.append(text)
    separate = paragraph.add_run()
    separate._r.append(fld_char("separate"))
    paragraph.add_run(placeholder)
    end = paragraph.add_run()
    end._r.append(fld_char("end"))
    for run in paragraph.runs[-5:]:
        run.font.size = Pt(8.5)
        run.font.color.rgb = GREY


def marking_banners(doc: DocxDocument, footer_label: str) -> None:
    """The marking banner at the top and bottom of every page, and "Page X of Y" below it."""
    section = doc.sections[0]
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_runs(header, [("{{ marking }}", "b")])
    header.runs[0].font.color.rgb = BANNER_RED
    header.runs[0].font.size = Pt(10)
    footer = section.footer
    banner = footer.paragraphs[0]
    banner.alignment = WD_ALIGN_PARAGRAPH.CENTER
    add_runs(banner, [("{{ marking }}", "b")])
    banner.runs[0].font.color.rgb = BANNER_RED
    banner.runs[0].font.size = Pt(10)
    pages = footer.add_paragraph()
    usable = section.page_width - section.left_margin - section.right_margin
    pages.paragraph_format.tab_stops.add_tab_stop(usable, WD_TAB_ALIGNMENT.RIGHT)
    add_runs(pages, [(footer_label, "grey small"), ("\t", ""), ("Page ", "grey small")])
    field_run(pages, "PAGE", "1")
    add_runs(pages, [(" of ", "grey small")])
    field_run(pages, "NUMPAGES", "1")


def _cell_margins_off(table: Table) -> None:
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tbl_pr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
                                 "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def fixed_widths(table: Table, widths_cm: Sequence[float]) -> None:
    """Give a table fixed column widths that Word and LibreOffice both honour."""
    table.autofit = False  # <w:tblLayout w:type="fixed"/>, in schema order
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
        for cell in column.cells:
            cell.width = Cm(width)


def header_block(doc: DocxDocument, rows: Sequence[tuple[str, str]]) -> None:
    """The TO / FROM / DATE / SUBJECT block: a borderless two-column table, labels in bold.

    Each row is (label, Jinja expression); a row whose value is empty still prints, as a
    memo header does.
    """
    table = doc.add_table(rows=len(rows), cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    _cell_margins_off(table)
    fixed_widths(table, [3.4, 12.6])
    for (label, expression), row in zip(rows, table.rows, strict=True):
        left, right = row.cells
        add_runs(left.paragraphs[0], [(label, "b")])
        add_runs(right.paragraphs[0], [(expression, "")])
        for cell in (left, right):
            cell.paragraphs[0].paragraph_format.space_after = Pt(2)
    # The rule under the header is the bottom border of an empty paragraph two points
    # high (a full empty line would push the last lines of a one-page memo over).
    rule = doc.add_paragraph()
    _bottom_rule(rule._p.get_or_add_pPr(), NAVY, 6)
    rule.paragraph_format.space_after = Pt(8)
    rule.paragraph_format.line_spacing = Pt(2)
    rule.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    rule.runs  # noqa: B018 - keeps the empty rule paragraph explicit


def section(doc: DocxDocument, condition: str, heading: str) -> None:
    """Open a section that prints only when ``condition`` holds: a tag and a Heading 1."""
    tag(doc, "{%p if " + condition + " %}")
    doc.add_heading(heading, level=1)


def end(doc: DocxDocument, keyword: str = "endif") -> None:
    """Close a ``{%p if %}`` or ``{%p for %}`` block."""
    tag(doc, "{%p " + keyword + " %}")


def bullets(doc: DocxDocument, loop: str, runs: Sequence[Run]) -> None:
    """A real Word bullet list (List Bullet style) with one item per loop iteration."""
    tag(doc, "{%p for " + loop + " %}")
    para(doc, runs, style="List Bullet")
    tag(doc, "{%p endfor %}")


def loop_table(
    doc: DocxDocument, headings: Sequence[str], loop: str, cells: Sequence[str],
    widths_cm: Sequence[float],
) -> Table:
    """A table in the house table style: a heading row, then one row per loop iteration."""
    table = doc.add_table(rows=4, cols=len(headings))
    table.style = doc.styles[TABLE_STYLE]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    table.autofit = False
    fixed_widths(table, widths_cm)
    # The style's bold first column is off: names are plain, as in the HTML and the PDF.
    look = table._tbl.tblPr.find(qn("w:tblLook"))
    if look is not None:
        look.set(qn("w:firstColumn"), "0")
        look.set(qn("w:val"), "0420")
    for cell, heading in zip(table.rows[0].cells, headings, strict=True):
        add_runs(cell.paragraphs[0], [(heading, "b")])
    table.rows[1].cells[0].paragraphs[0].add_run("{%tr for " + loop + " %}")
    for cell, expression in zip(table.rows[2].cells, cells, strict=True):
        add_runs(cell.paragraphs[0], [(expression, "")])
    table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
    for row in table.rows:
        for cell in row.cells:
            cell.paragraphs[0].paragraph_format.space_after = Pt(2)
    mark = doc.add_paragraph()
    mark.paragraph_format.space_after = Pt(2)
    return table


def quote_block(doc: DocxDocument, loop: str) -> None:
    """Each quote in the Quote style, with the speaker and source mark underneath."""
    tag(doc, "{%p for " + loop + " %}")
    para(doc, [("{{ portion_space }}\u201c{{ q.text }}\u201d", ""), ("{{ q.cite }}", "sup")],
         style="Quote")
    para(doc, [("\u2014 {{ q.speaker or 'Unattributed' }}", "b"),
               ("{% if q.speaker_role %}, {{ q.speaker_role }}{% endif %}", "")],
         style="Quote Attribution")
    tag(doc, "{%p endfor %}")


def sources_list(doc: DocxDocument, heading: str = "Sources") -> None:
    """The numbered source references the citation marks point to (the memo's endnotes)."""
    section(doc, "sources", heading)
    tag(doc, "{%p for s in sources %}")
    reference = para(doc, [("[{{ s.number }}]\t", "b"), ("{{ s.reference }}", "")],
                     style="Source Reference")
    _bookmark(reference, "source_{{ s.number }}", "{{ 900 + s.number }}")
    tag(doc, "{%p endfor %}")
    end(doc)
