"""Word documents with an office letterhead (a logo, text in the office's font, a footer with
a page number, own margins), written here for the letterhead preview tests."""

from __future__ import annotations

import struct
import zlib
from io import BytesIO
from pathlib import Path

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from support.hostile_templates import template_folder

OFFICE_NAME = "Harbourside Water Authority"
OFFICE_DIVISION = "Office of the Chief Engineer"
FIRST_PAGE_LINE = "Strictly for the board, first page"
FOOTER_ADDRESS = "4 Quay Lane, Portwick PW1 2AB"
HEADER_FONT = "Georgia"
BODY_FONT = "Garamond"
LOGO_SIZE_PX = (120, 48)


def png_bytes(width: int, height: int, rgb: tuple[int, int, int] = (20, 90, 160)) -> bytes:
    """A plain one-colour PNG of ``width`` x ``height`` pixels."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(row * height)) + chunk(b"IEND", b""))


def _page_field(paragraph: Paragraph) -> None:
    """A complex PAGE field whose stored result says "7" (Word updates it per page)."""
    for xml in ('<w:r %s><w:fldChar w:fldCharType="begin"/></w:r>',
                '<w:r %s><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
                '<w:r %s><w:fldChar w:fldCharType="separate"/></w:r>',
                '<w:r %s><w:t>7</w:t></w:r>',
                '<w:r %s><w:fldChar w:fldCharType="end"/></w:r>'):
        paragraph._p.append(parse_xml(xml % nsdecls("w")))


def letterhead_docx(path: Path, *, first_page: bool = False) -> Path:
    """An A4 memo form: a logo and the office's name (Georgia, 16 pt, bold, centred) in the
    header, its address and a page number in the footer, Garamond 12 pt body text, margins
    of 2 cm (top), 2.5 cm (right), 3 cm (bottom) and 3.5 cm (left). ``first_page``: page 1
    has a header of its own (titlePg)."""
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(12)
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin, section.right_margin = Cm(2), Cm(2.5)
    section.bottom_margin, section.left_margin = Cm(3), Cm(3.5)
    section.header_distance = section.footer_distance = Cm(1)
    header = section.header
    logo = header.paragraphs[0]
    logo.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    width_px, height_px = LOGO_SIZE_PX
    logo.add_run().add_picture(BytesIO(png_bytes(width_px, height_px)),
                               width=Cm(width_px * 2.54 / 96), height=Cm(height_px * 2.54 / 96))
    name = header.add_paragraph()
    name.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = name.add_run(OFFICE_NAME)
    run.font.name, run.font.size, run.bold = HEADER_FONT, Pt(16), True
    run.font.color.rgb = RGBColor(0x1F, 0x38, 0x64)
    division = header.add_paragraph()
    division.alignment = WD_ALIGN_PARAGRAPH.CENTER
    italic = division.add_run(OFFICE_DIVISION + " & <Partners>")
    italic.italic = True
    footer = section.footer.paragraphs[0]
    footer.add_run(FOOTER_ADDRESS + "\tPage ")
    _page_field(footer)
    if first_page:
        section.different_first_page_header_footer = True
        first = section.first_page_header.paragraphs[0]
        first.add_run(FIRST_PAGE_LINE).font.name = HEADER_FONT
    document.add_paragraph("Insert body text here.")
    document.save(str(path))
    return path


def letterhead_template(parent: Path, template_id: str = "harbourside", *,
                        first_page: bool = False) -> Path:
    """A user template folder (the built-in information memo's manifest and HTML) whose
    Word document is ``letterhead_docx``."""
    folder = template_folder(parent, template_id)
    letterhead_docx(folder / "memo.docx", first_page=first_page)
    return folder
