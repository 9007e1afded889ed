"""Right-to-left paragraphs and runs in Word output."""

from __future__ import annotations

import io

import docx
from docx.oxml.ns import qn
from support.sample_briefs import multilingual_brief, sample_brief

from briefgen.render import TemplateLibrary
from briefgen.render.docx_bidi import first_strong_is_rtl, has_rtl
from briefgen.render.docx_writer import render_docx


def test_direction_is_taken_from_the_first_strong_letter() -> None:
    assert first_strong_is_rtl("\u201c\u05d6\u05d4\u05d5 Hello")
    assert not first_strong_is_rtl("123 Hello \u05d6\u05d4\u05d5")
    assert not first_strong_is_rtl("123 !")
    assert has_rtl("abc \u0627")
    assert not has_rtl("abc \u65e5")


def test_hebrew_and_arabic_paragraphs_are_marked_right_to_left(
    library: TemplateLibrary,
) -> None:
    data = render_docx(multilingual_brief(), library.get("information-memo"))
    document = docx.Document(io.BytesIO(data))
    rtl = {p.text for p in document.paragraphs
           if p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None}
    assert "\u201c\u05d6\u05d4\u05d5 \u05e6\u05e2\u05d3 \u05e8\u05d0\u05e9\u05d5\u05df\u201d" in rtl
    assert any(t.startswith("\u0627\u0644\u0648\u0641\u062f\u0627\u0646") for t in rtl)
    assert not any(t.startswith("The two sides") for t in rtl)
    bidi = next(p._p.pPr for p in document.paragraphs if p.text in rtl)
    tags = [child.tag for child in bidi]
    assert tags.index(qn("w:bidi")) < len(tags)
    if qn("w:spacing") in tags:
        assert tags.index(qn("w:bidi")) < tags.index(qn("w:spacing"))


def test_a_portion_mark_does_not_make_a_hebrew_paragraph_left_to_right(
    library: TemplateLibrary,
) -> None:
    brief = multilingual_brief()
    brief.fields["portion_marks"] = True
    document = docx.Document(io.BytesIO(render_docx(brief,
                                                         library.get("information-memo"))))
    rtl = [p.text for p in document.paragraphs
           if p._p.pPr is not None and p._p.pPr.find(qn("w:bidi")) is not None]
    hebrew_quote = "\u201c\u05d6\u05d4\u05d5 \u05e6\u05e2\u05d3 "
    hebrew_quote += "\u05e8\u05d0\u05e9\u05d5\u05df\u201d"
    assert "(O) " + hebrew_quote in rtl


def test_left_to_right_memos_are_left_alone(library: TemplateLibrary) -> None:
    data = render_docx(sample_brief(), library.get("information-memo"))
    assert b"<w:bidi/>" not in data
    document = docx.Document(io.BytesIO(data))
    assert all(p._p.pPr is None or p._p.pPr.find(qn("w:bidi")) is None
               for p in document.paragraphs)
