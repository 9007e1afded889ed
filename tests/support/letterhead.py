"""A Word document with an office's letterhead, written with python-docx: a logo picture and
the office's name in the header (on every page), its address and a page-number field in the
footer, a serif font, A4 pages, and a body long enough for two pages."""

from __future__ import annotations

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from support.builders import png_bytes

OFFICE = "Harbour Works Office"
ADDRESS = "4 Quay Road, Port Elmsby"


def _page_field(paragraph) -> None:  # type: ignore[no-untyped-def]
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, " PAGE "), ("end", None)):
        if kind:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        else:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        run._r.append(element)


def letterhead_docx(paragraphs: int = 45) -> bytes:
    """The letterhead document, its body ``paragraphs`` numbered paragraphs of plain text."""
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.5)
    document.styles["Normal"].font.name = "Liberation Serif"
    document.styles["Normal"].font.size = Pt(11)
    header = section.header.paragraphs[0]
    header.add_run().add_picture(io.BytesIO(png_bytes(48, 48)), width=Cm(1.5))
    header.add_run(f"  {OFFICE}").bold = True
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run(f"{ADDRESS} \u2014 page ")
    _page_field(footer)
    document.add_heading("Quay wall repairs", level=1)
    for number in range(1, paragraphs + 1):
        document.add_paragraph(
            f"Paragraph {number}: the crews inspected the quay wall section by section and "
            "recorded the cracks, the loose stones and the drains that need clearing.")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
