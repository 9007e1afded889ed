"""Office Word documents written for the importer's tests: memo forms and letterheads of
invented offices, built with python-docx plus raw XML where it has no API (anchored
pictures, text boxes, content controls, merge fields, mail-merge settings)."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.document import Document as DocxDocument
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Inches
from docx.text.paragraph import Paragraph
from PIL import Image, ImageDraw

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
VML = "urn:schemas-microsoft-com:vml"
EXTRA_NS = f'xmlns:mc="{MC}" xmlns:wps="{WPS}" xmlns:v="{VML}"'
RT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

A4 = (Cm(21.0), Cm(29.7))
LETTER = (Inches(8.5), Inches(11))


def png(color: tuple[int, int, int], size: tuple[int, int] = (240, 80),
        words: str = "") -> io.BytesIO:
    """A small picture: a coloured band, optionally with words drawn into it."""
    image = Image.new("RGB", size, color)
    if words:
        draw = ImageDraw.Draw(image)
        for index, line in enumerate(words.split("\n")):
            draw.text((8, 8 + index * 40), line, fill=(0, 0, 0))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    buffer.seek(0)
    return buffer


def new_doc(page: tuple[int, int] = A4, margins_cm: float = 2.0) -> DocxDocument:
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = page
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(margins_cm))
    document.core_properties.author = "Records Clerk Orlen"
    document.core_properties.title = "Office memo form"
    return document


def runs(paragraph: Paragraph, *pieces: str, bold: bool = False) -> Paragraph:
    for piece in pieces:
        run = paragraph.add_run(piece)
        run.bold = bold or None
    return paragraph


def split_label_line(document: DocxDocument, label_parts: tuple[str, ...],
                     value: str) -> Paragraph:
    """"SUB" "JECT" ":" then a tab and a sample value, the label over several bold runs."""
    paragraph = document.add_paragraph()
    runs(paragraph, *label_parts, bold=True)
    runs(paragraph, "\t" + value)
    return paragraph


def page_field(paragraph: Paragraph, complex_field: bool = True) -> None:
    """A PAGE field: a complex field code (begin, instruction, separate, result, end) or
    a simple one."""
    if not complex_field:
        paragraph._p.append(parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r>'
            "</w:fldSimple>"))
        return
    for xml in ('<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
                '<w:r {ns}><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
                '<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>',
                "<w:r {ns}><w:t>1</w:t></w:r>",
                '<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>'):
        paragraph._p.append(parse_xml(xml.format(ns=nsdecls("w"))))


def anchor_picture(paragraph: Paragraph, image: io.BytesIO, width: int, height: int, *,
                   behind: bool = True, x: int = 0, y: int = 0) -> None:
    """A picture anchored to the page (behind the text when ``behind``): what a
    whole-page letterhead or a floating logo is."""
    run = paragraph.add_run()
    inline = run.add_picture(image, width=width, height=height)._inline
    graphic = inline.find(qn("a:graphic"))
    anchor = parse_xml(
        f'<wp:anchor {nsdecls("wp", "a", "pic", "r")} distT="0" distB="0" distL="0" '
        f'distR="0" simplePos="0" relativeHeight="1" behindDoc="{1 if behind else 0}" '
        'locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="page"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapNone/><wp:docPr id="50" name="Letterhead"/><wp:cNvGraphicFramePr/>'
        "</wp:anchor>")
    anchor.append(graphic)
    drawing = inline.getparent()
    drawing.remove(inline)
    drawing.append(anchor)


def text_box(paragraph: Paragraph, text: str, *, x: int, y: int, width: int = Cm(9),
             height: int = Cm(1), box_id: int = 60) -> None:
    """A floating text box at (x, y) on the page, as Word writes it: a DrawingML shape
    and its VML fallback copy."""
    body = (f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>')
    xml = (
        f'<w:r {nsdecls("w", "wp", "a")} {EXTRA_NS}><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="2" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="page"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{width}" cy="{height}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:wrapNone/><wp:docPr id="{box_id}" name="Text Box {box_id}"/>'
        '<wp:cNvGraphicFramePr/><a:graphic>'
        f'<a:graphicData uri="{WPS}"><wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></wps:spPr>'
        f'<wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx>'
        '<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0">'
        '<a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData></a:graphic></wp:anchor>'
        '</w:drawing></mc:Choice><mc:Fallback><w:pict>'
        f'<v:shape id="box{box_id}" type="#_x0000_t202" style="position:absolute;'
        f'margin-left:{x / 12700:.0f}pt;margin-top:{y / 12700:.0f}pt;'
        f'width:{width / 12700:.0f}pt;height:{height / 12700:.0f}pt;'
        'mso-position-horizontal-relative:page;mso-position-vertical-relative:page" '
        f'filled="f" stroked="f"><v:textbox><w:txbxContent>{body}</w:txbxContent></v:textbox>'
        '</v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    paragraph._p.append(parse_xml(xml))


def shape(paragraph: Paragraph, *, x: int, y: int) -> None:
    """A floating drawing (a filled rectangle) anchored to the page."""
    xml = (
        f'<w:r {nsdecls("w", "wp", "a")} {EXTRA_NS}><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><w:drawing>'
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="3" behindDoc="1" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="page"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="page"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{Cm(3)}" cy="{Cm(0.4)}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        '<wp:wrapNone/><wp:docPr id="70" name="Band"/><wp:cNvGraphicFramePr/><a:graphic>'
        f'<a:graphicData uri="{WPS}"><wps:wsp><wps:cNvSpPr/><wps:spPr>'
        f'<a:xfrm><a:off x="0" y="0"/><a:ext cx="{Cm(3)}" cy="{Cm(0.4)}"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        '<a:solidFill><a:srgbClr val="2E7D32"/></a:solidFill></wps:spPr><wps:bodyPr/>'
        '</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>'
        '<mc:Fallback><w:pict><v:rect id="band70" style="position:absolute;width:85pt;'
        'height:11pt" fillcolor="#2E7D32" stroked="f"/></w:pict></mc:Fallback>'
        '</mc:AlternateContent></w:r>')
    paragraph._p.append(parse_xml(xml))


def content_control(paragraph: Paragraph, alias: str, tag: str, placeholder: str) -> None:
    """An inline plain-text content control still showing its placeholder."""
    paragraph._p.append(parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="{alias}"/><w:tag w:val="{tag}"/>'
        '<w:showingPlcHdr/><w:text/></w:sdtPr><w:sdtContent><w:r><w:rPr>'
        '<w:rStyle w:val="PlaceholderText"/></w:rPr>'
        f'<w:t>{placeholder}</w:t></w:r></w:sdtContent></w:sdt>'))


def merge_field(paragraph: Paragraph, name: str, *, simple: bool) -> None:
    """A MERGEFIELD as a simple field or as a complex field code (with ``\\* MERGEFORMAT``)."""
    shown = f"\u00ab{name}\u00bb"
    if simple:
        paragraph._p.append(parse_xml(
            f'<w:fldSimple {nsdecls("w")} w:instr=" MERGEFIELD {name} ">'
            f"<w:r><w:t>{shown}</w:t></w:r></w:fldSimple>"))
        return
    for xml in ('<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
                '<w:r {ns}><w:instrText xml:space="preserve"> MERGEFIELD "{name}" '
                "\\* MERGEFORMAT </w:instrText></w:r>",
                '<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>',
                "<w:r {ns}><w:rPr><w:noProof/></w:rPr><w:t>{shown}</w:t></w:r>",
                '<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>'):
        paragraph._p.append(parse_xml(xml.format(ns=nsdecls("w"), name=name, shown=shown)))


def footer_with_page(document: DocxDocument, address: str) -> None:
    footer = document.sections[0].footer
    paragraph = footer.paragraphs[0]
    runs(paragraph, address + "   Page ")
    page_field(paragraph)


# The documents ------------------------------------------------------------------------


def logo_memo(path: Path, page: tuple[int, int] = A4) -> Path:
    """A finance office's memo form: a logo in the header, a different first-page header
    with a larger crest, TO/FROM/DATE/SUBJECT as plain lines (labels split over runs),
    "Insert body text here." and a footer with the address and a PAGE field."""
    document = new_doc(page)
    section = document.sections[0]
    section.different_first_page_header_footer = True
    runs(section.header.paragraphs[0], "Budget Office \u2014 internal memo  ")
    section.header.paragraphs[0].add_run().add_picture(png((30, 90, 160)), width=Cm(3))
    first = section.first_page_header.paragraphs[0]
    first.add_run().add_picture(png((160, 30, 30), (400, 120)), width=Cm(6))
    runs(section.first_page_header.add_paragraph(), "Quillmark City Budget Office")
    footer_with_page(document, "14 Tallow Street, Quillmark")
    runs(section.first_page_footer.paragraphs[0], "Quillmark City \u2014 first page footer")
    runs(document.add_paragraph(), "MEMORANDUM", bold=True)
    split_label_line(document, ("T", "O:"), "All department heads")
    split_label_line(document, ("FR", "OM", ":"), "Budget Director")
    split_label_line(document, ("DA", "TE:"), "3 February 2025")
    split_label_line(document, ("SUB", "JECT", ":"), "Sample subject line")
    document.add_paragraph("Insert body text here.")
    document.add_paragraph("Second sample paragraph that the memo replaces.")
    document.add_paragraph().add_run().add_break()
    document.save(str(path))
    return path


def table_form(path: Path, page: tuple[int, int] = LETTER) -> Path:
    """A legal office's form on Letter paper: a text-only header and a floating drawing,
    TO/FROM/DATE/RE in a two-column table, the subject a content control, the CC line a
    paragraph, a second section in landscape for attachments."""
    document = new_doc(page, margins_cm=2.54)
    section = document.sections[0]
    header = section.header.paragraphs[0]
    runs(header, "HARROWGATE & VENN LLP", bold=True)
    shape(header, x=Cm(1), y=Cm(1))
    footer_with_page(document, "Harrowgate & Venn, 9 Mill Lane")
    title = document.add_paragraph()
    runs(title, "Memorandum", bold=True)
    table = document.add_table(rows=4, cols=2)
    for row, (label, value) in zip(table.rows, (("TO:", "Partner name"),
                                                ("FROM:", "Associate name"),
                                                ("DATE:", "January 1, 2025"),
                                                ("RE:", "")), strict=True):
        runs(row.cells[0].paragraphs[0], label, bold=True)
        if value:
            runs(row.cells[1].paragraphs[0], value)
    content_control(table.rows[3].cells[1].paragraphs[0], "Subject", "subject",
                    "Click or tap here to enter text.")
    runs(document.add_paragraph(), "CC:\tFile")
    document.add_paragraph("Type the text of the memo here.")
    new = document.add_section()
    new.orientation = 1
    new.page_width, new.page_height = page[1], page[0]
    document.add_paragraph("Attachment A")
    document.save(str(path))
    return path


def letterhead(path: Path, page: tuple[int, int] = A4) -> Path:
    """A university library's letterhead: a whole-page picture behind the text, anchored
    in the header; a sample date, addressee, body, closing and signature."""
    document = new_doc(page, margins_cm=2.5)
    section = document.sections[0]
    anchor_picture(section.header.paragraphs[0], png((235, 240, 250), (210, 297)),
                   page[0], page[1])
    document.add_paragraph("12 January 2025")
    document.add_paragraph("Dear Dr Sample,")
    document.add_paragraph("This sample letter shows how the library's letters look. "
                           "Replace it with your own words.")
    document.add_paragraph("A second sample paragraph.")
    document.add_paragraph("Yours sincerely,")
    document.add_paragraph("")
    document.add_paragraph("Jane Sample")
    document.add_paragraph("Head of Special Collections")
    document.save(str(path))
    return path


def picture_label_form(path: Path, page: tuple[int, int] = A4) -> Path:
    """A form whose TO/FROM/DATE/SUBJECT labels are drawn in a picture, with the values
    in floating text boxes beside them: the importer cannot name the boxes."""
    document = new_doc(page)
    anchor_picture(document.add_paragraph(), png((255, 255, 255), (120, 200),
                                                 "TO\nFROM\nDATE\nSUBJECT"),
                   Cm(3), Cm(5), behind=False, x=Cm(2), y=Cm(3))
    holder = document.paragraphs[0]
    for index, sample in enumerate(("Name of recipient", "Your office", "Date",
                                    "What it is about")):
        text_box(holder, sample, x=Cm(5.5), y=Cm(3) + index * Cm(1.25), box_id=60 + index)
    for _ in range(6):
        document.add_paragraph()
    document.add_paragraph("Insert body text here.")
    document.save(str(path))
    return path


def merge_letter(path: Path, page: tuple[int, int] = LETTER) -> Path:
    """A former mail-merge main document: MERGEFIELDs (simple and complex), mail-merge
    settings linked to an outside recipients file, and an attached template link."""
    document = new_doc(page)
    runs(document.sections[0].header.paragraphs[0], "Northfold Parks Department")
    line = document.add_paragraph()
    runs(line, "To: ")
    merge_field(line, "Recipient_Name", simple=False)
    line = document.add_paragraph()
    runs(line, "Subject: ")
    merge_field(line, "Subject", simple=True)
    line = document.add_paragraph()
    runs(line, "Account: ")
    merge_field(line, "Account_Number", simple=False)
    document.add_paragraph("Insert body text here.")
    settings = document.settings.element
    settings_part = document.part._settings_part
    source = settings_part.rels.get_or_add_ext_rel(
        f"{RT}/mailMergeSource", "file:///C:/Shared/recipients.xlsx")
    template = settings_part.rels.get_or_add_ext_rel(
        f"{RT}/attachedTemplate", "file:///C:/Templates/Letters.dotm")
    settings.insert(0, parse_xml(
        f'<w:attachedTemplate {nsdecls("w", "r")} r:id="{template}"/>'))
    settings.append(parse_xml(
        f'<w:mailMerge {nsdecls("w", "r")}><w:mainDocumentType w:val="formLetters"/>'
        '<w:linkToQuery/><w:dataType w:val="native"/>'
        '<w:connectString w:val="Provider=Microsoft.ACE.OLEDB.12.0;Data Source=C:\\Shared\\'
        'recipients.xlsx"/><w:query w:val="SELECT * FROM `Sheet1$`"/>'
        f'<w:dataSource r:id="{source}"/></w:mailMerge>'))
    document.save(str(path))
    return path


def even_pages_memo(path: Path) -> Path:
    """A memo with different odd and even page headers and no footer at all."""
    document = new_doc(A4)
    document.settings.odd_and_even_pages_header_footer = True
    runs(document.sections[0].header.paragraphs[0], "Odd page header")
    runs(document.sections[0].even_page_header.paragraphs[0], "Even page header")
    runs(document.add_paragraph(), "Subject:\tSample")
    document.add_paragraph("Insert body text here.")
    document.save(str(path))
    return path


def bare_document(path: Path) -> Path:
    """A document with no header or footer at all and one sample paragraph."""
    document = new_doc(LETTER)
    document.add_paragraph("Sample text.")
    document.save(str(path))
    return path



def complex_field(paragraph: Paragraph, instruction: str, shown: str) -> None:
    """Any field as a complex field code, showing ``shown``."""
    for xml in ('<w:r {ns}><w:fldChar w:fldCharType="begin"/></w:r>',
                '<w:r {ns}><w:instrText xml:space="preserve"> {instr} </w:instrText></w:r>',
                '<w:r {ns}><w:fldChar w:fldCharType="separate"/></w:r>',
                "<w:r {ns}><w:t>{shown}</w:t></w:r>",
                '<w:r {ns}><w:fldChar w:fldCharType="end"/></w:r>'):
        paragraph._p.append(parse_xml(xml.format(ns=nsdecls("w"), instr=instruction,
                                                 shown=shown)))


def boxed_letter(path: Path) -> Path:
    """A letter whose header lines sit in text boxes with their labels ("TO: ..."), whose
    addressee and greeting are ADDRESSBLOCK and GREETINGLINE fields, whose header fetches
    its logo with INCLUDEPICTURE, whose date is a date-picker content control of its own
    paragraph, and whose footer prints braces that look like template syntax."""
    document = new_doc(A4)
    header = document.sections[0].header.paragraphs[0]
    complex_field(header, 'INCLUDEPICTURE "https://example.org/crest.png" \\d', "crest")
    runs(document.sections[0].footer.paragraphs[0], "Form {{ 12 }} rev {% a %}")
    holder = document.add_paragraph()
    text_box(holder, "TO: Sample Person", x=Cm(2), y=Cm(3), box_id=80)
    text_box(holder, "FROM: Sample Sender", x=Cm(2), y=Cm(4.5), box_id=81)
    document.element.body.insert(len(document.element.body) - 1, parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr><w:alias w:val="Letter date"/><w:date '
        'w:fullDate="2025-01-01T00:00:00Z"><w:dateFormat w:val="d MMMM yyyy"/></w:date>'
        '</w:sdtPr><w:sdtContent><w:p><w:r><w:t>1 January 2025</w:t></w:r></w:p>'
        "</w:sdtContent></w:sdt>"))
    complex_field(document.add_paragraph(), "ADDRESSBLOCK \\c 1 \\l 2057",
                  "\u00abAddressBlock\u00bb")
    complex_field(document.add_paragraph(), 'GREETINGLINE \\l 2057',
                  "\u00abGreetingLine\u00bb")
    document.add_paragraph("Start typing your letter here.")
    document.save(str(path))
    return path


def bracket_letter(path: Path, page: tuple[int, int] = LETTER) -> Path:
    """A letter template of bracketed placeholders, as word processors ship them."""
    document = new_doc(page)
    runs(document.sections[0].header.paragraphs[0], "Ashcombe Water Board")
    for line in ("[Date]", "[Recipient Name]", "[Street Address]", "[City, ST ZIP Code]", "",
                 "Dear [Recipient]:", "[Type your letter here. Keep it short.]", "",
                 "Sincerely,", "", "[Your Name]", "[Title]"):
        document.add_paragraph(line)
    document.save(str(path))
    return path


def table_layout_memo(path: Path) -> Path:
    """A form laid out as one table: label cells, value cells, and a last row of two
    merged cells that says where to type the memo."""
    document = new_doc(A4)
    runs(document.sections[0].header.paragraphs[0], "Fennick County Clerk")
    table = document.add_table(rows=4, cols=2)
    table.style = document.styles["Table Grid"]
    for row, (label, value) in zip(table.rows, (("To", "Name"), ("From", "Name"),
                                                ("Subject", "Subject")), strict=False):
        runs(row.cells[0].paragraphs[0], label, bold=True)
        runs(row.cells[1].paragraphs[0], value)
    last = table.rows[3].cells[0].merge(table.rows[3].cells[1])
    last.paragraphs[0].text = "Click here to type the memo."
    last.add_paragraph("More sample text of the form.")
    document.save(str(path))
    return path


# The documents the benchmarks time (bench_docx_import.py, bench_office_pdf.py): a label,
# the builder and the slot mapping its text boxes need.
BENCH_DOCUMENTS = {
    "logo memo, first-page header (A4)": (logo_memo, None),
    "layout table, content control, 2 sections (Letter)": (table_form, None),
    "whole-page letterhead behind text (A4)": (letterhead, None),
    "picture labels, 4 text boxes mapped (A4)": (
        picture_label_form, {"to": 1, "from": 2, "date": 3, "subject": 4}),
    "merge fields, mail-merge settings (Letter)": (merge_letter, None),
}
