"""The PDF writer: the same memo as a PDF, with banners and page numbers, Unicode or not."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from support.growth import growth
from support.sample_briefs import (
    DATE_FORMAT_CASES,
    dated_brief,
    many_points_brief,
    markup_brief,
    multilingual_brief,
    sample_brief,
)

from briefgen.errors import RenderError
from briefgen.model import Brief
from briefgen.render import BriefTemplate, TemplateLibrary, pdf_writer, render_to_file
from briefgen.render.pdf_bounds import needs_shaping, slices
from briefgen.render.pdf_fonts import find_unicode_font
from briefgen.render.pdf_writer import core_font_text, render_pdf


def _pages(data: bytes) -> list[str]:
    assert data.startswith(b"%PDF-")
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_every_builtin_renders_every_variant_to_pdf(
    builtin: BriefTemplate, variant: tuple[str, Brief]
) -> None:
    _name, brief = variant
    pages = _pages(render_pdf(brief, builtin))
    assert pages
    assert all(f"Page {i} of {len(pages)}" in text for i, text in enumerate(pages, start=1))


def test_sample_pdf_carries_banner_header_and_sections(library: TemplateLibrary) -> None:
    brief = sample_brief()
    brief.fields["classification"] = "CONFIDENTIAL"
    pages = _pages(render_pdf(brief, library.get("information-memo")))
    text = " ".join(" ".join(pages).split())
    assert all(page.count("CONFIDENTIAL") >= 2 for page in pages)
    assert "INFORMATION MEMORANDUM" in text
    assert "DATE: 12 March 2026" in text
    assert "Bottom line up front" in text
    assert "Anika Solberg" in text
    assert "Trade between" not in text


def test_hundred_key_points_flow_over_several_pages(library: TemplateLibrary) -> None:
    pages = _pages(render_pdf(many_points_brief(), library.get("decision-memo")))
    assert len(pages) >= 3
    assert "Key point number 100" in " ".join(pages)
    assert "Approve" in pages[0]


@pytest.mark.skipif(find_unicode_font() is None, reason="no Unicode TTF font on this system")
def test_unicode_font_keeps_arabic_hebrew_and_markup(library: TemplateLibrary) -> None:
    text = " ".join(_pages(render_pdf(multilingual_brief(), library.get("media-digest"))))
    assert "\u05e9\u05d9\u05d7\u05d5\u05ea" in text or "\u05ea\u05d5\u05d7\u05d9\u05e9" in text
    markup = " ".join(_pages(render_pdf(markup_brief(), library.get("media-digest"))))
    assert "AT&T <b>bold</b>" in markup


@pytest.mark.skipif(find_unicode_font() is None, reason="no Unicode TTF font on this system")
def test_characters_no_installed_font_has_become_white_squares(library: TemplateLibrary) -> None:
    from briefgen.render.pdf_fonts import find_fallback_fonts
    from briefgen.render.pdf_writer import MISSING_GLYPH, _MemoPDF

    pdf = _MemoPDF("", "memo", find_unicode_font(), find_fallback_fonts())
    assert pdf.text_of("Caf\u00e9 \u05e9") == "Caf\u00e9 \u05e9"
    assert pdf.text_of("\U0001fae0 x") == MISSING_GLYPH + " x"


def test_core_font_fallback_replaces_what_latin1_cannot_hold(library: TemplateLibrary) -> None:
    data = render_pdf(multilingual_brief(), library.get("information-memo"), fonts=None)
    text = " ".join(_pages(data))
    assert "Page 1 of" in text
    assert "???" in text
    assert core_font_text("\u201cCaf\u00e9\u201d \u2014 \u65e5") == '"Caf\u00e9" - ?'


def test_render_to_file_writes_the_pdf(tmp_path: Path, library: TemplateLibrary) -> None:
    out = tmp_path / "memo.pdf"
    render_to_file(sample_brief(), library.get("meeting-readout"), out)
    assert "MEETING READOUT" in _pages(out.read_bytes())[0]


def test_a_damaged_system_font_falls_back_to_the_core_fonts(tmp_path: Path,
                                                            library: TemplateLibrary) -> None:
    from briefgen.render.pdf_fonts import FontFamily

    broken = tmp_path / "DejaVuSans.ttf"
    broken.write_bytes(b"not a font")
    family = FontFamily("DejaVu", broken, None, None, None)
    pages = _pages(render_pdf(sample_brief(), library.get("information-memo"), family))
    assert "INFORMATION MEMORANDUM" in pages[0]


def test_the_digest_pdf_gives_each_source_a_coverage_section_after_the_overview(
    library: TemplateLibrary,
) -> None:
    text = " ".join(_pages(render_pdf(sample_brief(), library.get("media-digest"))))
    assert text.index("Overview") < text.index("Coverage") < text.index("Key points across")
    memo = " ".join(_pages(render_pdf(sample_brief(), library.get("information-memo"))))
    assert "Coverage" not in memo


@pytest.mark.parametrize(("date_format", "header", "published"), DATE_FORMAT_CASES)
def test_the_pdf_header_and_references_follow_the_date_format(
    library: TemplateLibrary, date_format: str, header: str, published: str
) -> None:
    template = library.get("information-memo")
    data = render_pdf(dated_brief("2026-03-05"), template, None, date_format=date_format)
    text = " ".join(" ".join(_pages(data)).split())
    assert f"DATE: {header}" in text
    assert f"Meridian Wire Service, {published}" in text


def test_a_section_heading_never_ends_a_page(library: TemplateLibrary) -> None:
    template = library.get("information-memo")
    headings = {"Key points", "People involved", "What was said", "Next steps", "Sources"}
    # Growing the key points walks the later headings down the page, through the spot
    # where a heading used to be left alone at the foot of page 1.
    for count in range(4, 22):
        brief = many_points_brief(count)
        marking = brief.fields["classification"]
        for number, text in enumerate(_pages(render_pdf(brief, template))):
            body = [line.strip() for line in text.splitlines()
                    if line.strip() and line.strip() != marking
                    and not re.search(r"Page \d+ of \d+", line)]
            assert body, f"page {number + 1} is empty with {count} key points"
            assert body[-1] not in headings, (count, number + 1, body[-1])


def test_the_sources_never_fill_a_page_of_their_own(builtin: BriefTemplate) -> None:
    # Growing the key points walks the Sources down page 1 and over its foot: where they
    # no longer fit, the memo is set tighter or the references go over with earlier text.
    alone = []
    for count in range(4, 14):
        brief = many_points_brief(count)
        pages = _pages(render_pdf(brief, builtin))
        marking = brief.fields["classification"]
        body = [line.strip() for line in pages[-1].splitlines()
                if line.strip() and line.strip() != marking
                and not re.search(r"Page \d+ of \d+", line)]
        if body[0] == "Sources":
            alone.append(count)
    assert alone == []


def test_the_bottom_line_is_bold_and_people_are_a_list_like_the_word_file(
    library: TemplateLibrary,
) -> None:
    data = render_pdf(sample_brief(), library.get("information-memo"))
    runs: list[tuple[str, str]] = []

    def visit(text: str, _cm: object, _tm: object, font: object, _size: object) -> None:
        if text.strip() and isinstance(font, dict):
            runs.append((text.strip(), str(font.get("/BaseFont", ""))))

    for page in PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    bold = " ".join(text for text, font in runs if "Bold" in font)
    regular = " ".join(text for text, font in runs if "Bold" not in font)
    assert "Senior diplomats from Norvalia" in bold
    assert "Anika Solberg" in bold
    assert "Deputy Foreign Minister" in regular
    text = " ".join(" ".join(_pages(data)).split())
    assert "Name Role Organisation" not in text
    assert "\u2022 Anika Solberg, Deputy Foreign Minister" in text
    assert all("Liberation" in font or "Arial" in font for _t, font in runs if font)


def _long_background_brief(chars: int) -> Brief:
    brief = sample_brief()
    sentence = "The harbour board agreed a plan for the new ferry berth at the east quay. "
    brief.fields["background"] = (sentence * (chars // len(sentence) + 1))[:chars]
    return brief


def test_latin_text_is_drawn_without_the_shaping_engine_and_arabic_with_it() -> None:
    assert not needs_shaping({"fields": {"subject": "Caf\u00e9 talks \u2014 \u201cyes\u201d"}})
    assert needs_shaping({"quotes": [{"text": "\u0645\u0631\u062d\u0628\u0627"}]})
    assert needs_shaping(["\u05e9\u05dc\u05d5\u05dd"])
    assert needs_shaping("e\u0301")  # a combining accent


def test_a_long_memo_is_drawn_once_not_again_with_tighter_lines(
    library: TemplateLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    draws: list[float] = []
    real_draw = pdf_writer._draw

    def counting_draw(*args: Any, **kwargs: Any) -> Any:
        draws.append(args[4])
        return real_draw(*args, **kwargs)

    monkeypatch.setattr(pdf_writer, "_draw", counting_draw)
    monkeypatch.setattr(pdf_writer, "TIGHTER_LINES_MAX_PAGES", 2)
    pages = _pages(render_pdf(_long_background_brief(12_000), library.get("information-memo")))
    assert len(pages) > 2
    assert draws == [pdf_writer.LINE_MM]


def test_pdf_drawing_stops_at_its_deadline_with_a_sentence(
    library: TemplateLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = iter(range(0, 1_000_000, 1))  # each look at the clock: one more second
    monkeypatch.setattr(pdf_writer.time, "monotonic", lambda: float(next(clock)))
    with pytest.raises(RenderError) as caught:
        render_pdf(_long_background_brief(30_000), library.get("information-memo"), seconds=5)
    message = str(caught.value)
    assert message.startswith("information-memo: the PDF was not drawn")
    assert "longer than 5 seconds" in message
    assert "export it as .docx or HTML" in message
    assert next(clock) < 12  # it stopped at the first look past the deadline


def test_pdf_cost_grows_with_the_background_not_faster() -> None:
    template = TemplateLibrary(user_dir=Path("/nonexistent-briefgen-user")).get(
        "information-memo"
    )
    ratio = growth(lambda brief: render_pdf(brief, template), _long_background_brief(3_000),
                   _long_background_brief(12_000), repeat=1)
    assert ratio < 6


def test_long_text_is_given_to_fpdf_in_slices_cut_at_spaces() -> None:
    text = "The harbour board met again. " * 1_000
    parts = slices(text, 4_000)
    assert "".join(parts) == text
    assert all(len(part) <= 4_000 for part in parts)
    assert all(part.endswith(" ") for part in parts[:-1])
    assert slices("x" * 9, 4) == ["xxxx", "xxxx", "x"]


def test_drawing_one_long_paragraph_checks_the_clock_as_it_goes(
    library: TemplateLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    looks: list[int] = []
    real_check = pdf_writer._MemoPDF.check_time

    def counting_check(pdf: Any) -> None:
        looks.append(1)
        real_check(pdf)

    monkeypatch.setattr(pdf_writer._MemoPDF, "check_time", counting_check)
    render_pdf(_long_background_brief(40_000), library.get("information-memo"))
    # at least one look per slice of the paragraph, not one per paragraph
    assert len(looks) >= 40_000 // pdf_writer.FLOW_CHARS
