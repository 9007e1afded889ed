"""Every built-in template's memo passes an accessibility review: properties, language,
headings and table headers in Word; lang, headings and table headers in HTML; title,
author and language in the PDF (EN 301 549 / Section 508)."""

from __future__ import annotations

import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader
from support.sample_briefs import sample_brief

from briefgen.model import Brief
from briefgen.model.user_settings import UserSettings, save_user_settings, settings_path
from briefgen.render import BriefTemplate, render_to_file
from briefgen.render.document_info import DocumentInfo, document_info

INFO = DocumentInfo(author="Ana Kovač", language="fr-FR")


def _brief() -> Brief:
    brief = sample_brief()
    brief.fields["subject"] = "Talks on restoring embassy operations"
    return brief


def test_docx_properties_name_the_brief_and_its_writer_never_the_template(
    builtin: BriefTemplate, tmp_path: Path,
) -> None:
    out = tmp_path / "memo.docx"
    render_to_file(_brief(), builtin, out, info=INFO)
    document = Document(str(out))
    properties = document.core_properties
    assert properties.title == "Talks on restoring embassy operations"
    assert properties.author == "Ana Kovač"
    assert properties.last_modified_by == "Ana Kovač"
    assert properties.language == "fr-FR"
    defaults = document.styles.element.find(qn("w:docDefaults"))
    lang = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}")
    assert lang is not None
    assert lang.get(qn("w:val")) == "fr-FR"
    with zipfile.ZipFile(out) as package:
        for name in package.namelist():
            if name.endswith(".xml"):
                xml = package.read(name).decode("utf-8")
                assert 'w:val="en-US"' not in xml, name
                assert 'w:val="en-GB"' not in xml, name


def test_docx_sections_are_headings_and_data_tables_repeat_their_header_row(
    builtin: BriefTemplate, tmp_path: Path,
) -> None:
    out = tmp_path / "memo.docx"
    render_to_file(_brief(), builtin, out, info=INFO)
    document = Document(str(out))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert len(headings) >= 3
    for table in document.tables:
        first = table.rows[0]
        header_like = all(c.text.strip() and all(r.bold for r in c.paragraphs[0].runs
                                                   if r.text.strip())
                          for c in first.cells) and len(table.rows) > 1
        marked = first._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None
        assert marked == header_like, [c.text for c in first.cells]
    for doc_pr in document.element.body.iter(qn("wp:docPr")):
        assert doc_pr.get("descr"), "an image has no alternative text"


def test_the_participants_table_of_the_readout_has_a_repeating_header_row(
    library, tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    out = tmp_path / "readout.docx"
    render_to_file(_brief(), library.get("meeting-readout"), out, info=INFO)
    tables = Document(str(out)).tables
    marked = [t for t in tables
              if t.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None]
    assert [c.text for c in marked[0].rows[0].cells] == ["Name", "Role", "Organisation"]


def test_a_layout_table_of_labels_and_values_gets_no_header_row(
    builtin: BriefTemplate, tmp_path: Path,
) -> None:
    out = tmp_path / "memo.docx"
    render_to_file(_brief(), builtin, out, info=INFO)
    header_table = Document(str(out)).tables[0]
    assert header_table.rows[0].cells[0].text.endswith(":")
    assert header_table.rows[0]._tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.lang: str | None = None
        self.headings: list[int] = []
        self.images_without_alt = 0
        self.roles: list[str] = []
        self.headers_without_scope = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        role = dict(attrs).get("role")
        if role:
            self.roles.append(role)
        if tag == "th" and dict(attrs).get("scope") not in {"row", "col"}:
            self.headers_without_scope += 1
        if tag == "html":
            self.lang = dict(attrs).get("lang")
        elif len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))
        elif tag == "img" and not dict(attrs).get("alt"):
            self.images_without_alt += 1


def test_html_names_its_language_has_one_title_and_headings_in_order(
    builtin: BriefTemplate, tmp_path: Path,
) -> None:
    out = tmp_path / "memo.html"
    render_to_file(_brief(), builtin, out, info=INFO)
    outline = _Outline()
    outline.feed(out.read_text(encoding="utf-8"))
    assert outline.lang == "fr-FR"
    assert outline.headings.count(1) == 1
    assert outline.headings[0] == 1
    assert all(b - a <= 1 for a, b in zip(outline.headings, outline.headings[1:], strict=False))
    assert outline.images_without_alt == 0
    assert outline.roles.count("main") == 1  # the landmark a screen reader jumps to
    assert outline.roles.count("contentinfo") == 1
    assert outline.headers_without_scope == 0  # every table header says what it heads


def test_the_pdf_names_its_title_author_and_language(
    builtin: BriefTemplate, tmp_path: Path,
) -> None:
    out = tmp_path / "memo.pdf"
    render_to_file(_brief(), builtin, out, info=INFO)
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    assert reader.metadata is not None
    assert reader.metadata.title == "Talks on restoring embassy operations"
    assert reader.metadata.author == "Ana Kovač"
    assert reader.trailer["/Root"].get("/Lang") == "fr-FR"


def test_without_overrides_the_writer_is_read_from_the_settings_file(tmp_path: Path) -> None:
    save_user_settings(UserSettings(author_name="Ola Berg", language="nb-NO"), settings_path())
    try:
        assert document_info() == DocumentInfo(author="Ola Berg", language="nb-NO")
        assert document_info(author="Kim", language="de-DE") == DocumentInfo("Kim", "de-DE")
    finally:
        settings_path().unlink()


@pytest.mark.parametrize("subject", ["", "   "])
def test_a_brief_without_subject_is_titled_by_its_first_source(
    subject: str, library, tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    brief = _brief()
    brief.fields["subject"] = subject
    out = tmp_path / "memo.docx"
    render_to_file(brief, library.get("information-memo"), out, info=INFO)
    assert Document(str(out)).core_properties.title == " ".join(brief.sources[0].title.split())


_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_HEX = re.compile(r"#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})\b")


def _luminance(hex_colour: str) -> float:
    digits = hex_colour if len(hex_colour) == 6 else "".join(c * 2 for c in hex_colour)
    channels = [int(digits[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio of two hex colours (without '#')."""
    lighter, darker = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_the_contrast_formula_matches_wcag() -> None:
    assert round(contrast("000", "fff"), 1) == 21.0
    assert round(contrast("777777", "ffffff"), 2) == 4.48  # WCAG's own borderline grey


def test_every_text_colour_of_every_built_in_style_has_contrast_of_4_5(
    builtin: BriefTemplate,
) -> None:
    css = "".join(re.findall(r"<style[^>]*>(.*?)</style>",
                             builtin.html_file.read_text(encoding="utf-8"), re.S))
    checked = 0
    for selector, declarations in _RULE.findall(css):
        colour = re.search(r"(?<![-\w])color\s*:\s*(#[0-9a-fA-F]{3,6})", declarations)
        if colour is None:
            continue
        background = re.search(r"background(?:-color)?\s*:\s*(#[0-9a-fA-F]{3,6})",
                               declarations)
        fg = _HEX.match(colour.group(1))
        bg = _HEX.match(background.group(1)) if background else None
        ratio = contrast(fg.group(1) if fg else "000", bg.group(1) if bg else "fff")
        assert ratio >= 4.5, f"{builtin.id}: {selector.strip()} has contrast {ratio:.2f}"
        checked += 1
    assert checked >= 3


def test_a_subject_longer_than_word_allows_is_cut_at_a_word_for_the_title(
    library, tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    brief = _brief()
    brief.fields["subject"] = "A very long subject line " * 20
    out = tmp_path / "memo.docx"
    render_to_file(brief, library.get("information-memo"), out, info=INFO)
    title = Document(str(out)).core_properties.title
    subject = " ".join(brief.fields["subject"].split())
    assert len(title) <= 255
    assert title.endswith("\u2026")
    kept = title[:-1]
    assert subject.startswith(kept)
    assert subject[len(kept)] == " "  # cut between words
