"""The preview of an office template: its letterhead above the memo, its footer below, in
its fonts and margins; exports and built-in templates unchanged."""

from __future__ import annotations

import base64
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PIL import Image
from support.letterhead_docs import (
    BODY_FONT,
    FOOTER_ADDRESS,
    LOGO_SIZE_PX,
    OFFICE_NAME,
    letterhead_template,
    png_bytes,
)
from support.sample_briefs import sample_brief

from briefgen.model import Brief
from briefgen.render import BriefTemplate, TemplateLibrary, docx_letterhead, render_html
from briefgen.render.letterhead_html import add_letterhead
from briefgen.render.templates.manifest import read_manifest


class _Page(HTMLParser):
    """The tags (with attributes), the visible text in order, and the style blocks."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self._in_style = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)
        elif data.strip():
            self.text.append(data.strip())

    def with_class(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for _tag, attrs in self.tags if name in (attrs.get("class") or "").split()]

    def position(self, text: str) -> int:
        return next(i for i, chunk in enumerate(self.text) if text in chunk)


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    docx_letterhead.clear_cache()


@pytest.fixture
def office(tmp_path: Path) -> BriefTemplate:
    return read_manifest(letterhead_template(tmp_path), "user")


def test_the_preview_shows_the_letterhead_picture_text_and_footer(office: BriefTemplate) -> None:
    page = _Page(render_html(sample_brief(), office, preview=True))
    images = [attrs for tag, attrs in page.tags if tag == "img"]
    assert len(images) == 1
    source = images[0]["src"] or ""
    assert source.startswith("data:image/png;base64,")
    assert base64.b64decode(source.split(",", 1)[1]) == png_bytes(*LOGO_SIZE_PX)
    assert (images[0]["width"], images[0]["height"]) == tuple(str(n) for n in LOGO_SIZE_PX)
    # The letterhead comes before the memo's own heading, the footer after its sources.
    assert page.position(OFFICE_NAME) < page.position("Information memorandum")
    assert page.position(FOOTER_ADDRESS) > page.position("Sources")
    assert page.text[-1] == "1"  # "Page 1" closes the page
    assert "<Partners>" in " ".join(page.text)  # text from the document arrives as text


def test_the_preview_page_has_the_documents_font_and_margins(office: BriefTemplate) -> None:
    page = _Page(render_html(sample_brief(), office, preview=True))
    css = "".join(page.styles)
    sheet = re.search(r"td\.letterhead-sheet \{([^}]*)\}", css)
    assert sheet is not None
    assert f"font-family: '{BODY_FONT}', sans-serif" in sheet.group(1)
    assert "font-size: 12pt" in sheet.group(1)
    # 1 cm from the top edge to the header, 1 cm from the footer to the bottom edge.
    assert "padding: 38px 0 38px 0" in sheet.group(1)
    # The side margins in proportion to the page: 3.5 cm and 2.5 cm of 21 cm.
    margins = page.with_class("letterhead-margin")
    assert [m["width"] for m in margins] == ["16.7%", "11.9%"]
    assert page.with_class("letterhead-sheet")[0]["width"] == "71.4%"


def test_the_exported_html_has_no_letterhead(office: BriefTemplate) -> None:
    html = render_html(sample_brief(), office)
    assert "letterhead" not in html
    assert OFFICE_NAME not in html


def test_a_built_in_templates_preview_is_unchanged() -> None:
    builtin = TemplateLibrary().get("information-memo")
    html = render_html(sample_brief(), builtin, preview=True)
    assert "letterhead" not in html
    assert "data:image" not in html


def test_an_unreadable_document_leaves_the_preview_as_it_was(tmp_path: Path) -> None:
    folder = letterhead_template(tmp_path, "broken")
    (folder / "memo.docx").write_bytes(b"PK\x03\x04 this is no longer a Word document")
    template = read_manifest(folder, "user")
    html = render_html(sample_brief(), template, preview=True)
    assert "letterhead" not in html
    assert "Information memorandum" in html


def test_a_fragment_without_a_body_is_wrapped_whole(office: BriefTemplate) -> None:
    letterhead = docx_letterhead.read_letterhead(office.docx_file)
    html = add_letterhead("<p>Just a paragraph</p>", letterhead)
    page = _Page(html)
    assert page.text.index("Just a paragraph") > page.position(OFFICE_NAME)
    assert page.text.index("Just a paragraph") < page.position(FOOTER_ADDRESS)
    assert any("td.letterhead-sheet" in css for css in page.styles)
    assert add_letterhead("<p>x</p>", None) == "<p>x</p>"


def test_a_render_may_ask_for_the_letterhead_without_the_drafting_warnings(
        office: BriefTemplate) -> None:
    empty = Brief()  # an empty required field: the preview warns of it
    assert '<table class="drafting-warnings"' in render_html(empty, office, preview=True)
    html = render_html(empty, office, letterhead=True)
    assert OFFICE_NAME in html
    assert '<table class="drafting-warnings"' not in html
    assert OFFICE_NAME not in render_html(sample_brief(), office, preview=True, letterhead=False)


def test_a_copy_of_a_built_in_template_shows_no_letterhead(tmp_path: Path) -> None:
    from support.hostile_templates import template_folder

    copy = read_manifest(template_folder(tmp_path, "my-information-memo"), "user")
    html = render_html(sample_brief(), copy, preview=True)
    assert "letterhead" not in html
    # Its footer ("Information memorandum", page 1 of 1) is the HTML's own footer already.
    assert "Page 1" not in html


def test_pictures_keep_their_share_of_the_page_in_a_narrow_pane(office: BriefTemplate) -> None:
    from briefgen.render.letterhead_html import zoom_letterhead

    html = render_html(sample_brief(), office, preview=True)
    # The text is 15 cm (567 px) of the page; in a 397 px pane it is 71.4% of 397: 283 px.
    zoomed = zoom_letterhead(html, 397)
    sizes = re.findall(r'<img [^>]*width="(\d+)" height="(\d+)"', zoomed)
    zoom = 397 * 0.714 / 567
    assert sizes == [(str(round(LOGO_SIZE_PX[0] * zoom)), str(round(LOGO_SIZE_PX[1] * zoom)))]
    assert zoom_letterhead(html, 2000) == html  # a pane wider than the page: as on paper
    plain = render_html(sample_brief(), TemplateLibrary().get("information-memo"), preview=True)
    assert zoom_letterhead(plain, 300) == plain


def test_a_template_made_from_an_office_document_previews_with_its_letterhead(
        tmp_path: Path) -> None:
    from support.office_docs import logo_memo

    from briefgen.render.templates.docx_import import import_docx

    library = TemplateLibrary(user_dir=tmp_path / "library")
    made = import_docx(logo_memo(tmp_path / "budget-office.docx"), library,
                       template_id="budget-office").template
    assert made is not None
    brief = sample_brief()
    brief.fields["classification"] = "OFFICIAL-SENSITIVE"
    html = render_html(brief, made, preview=True)
    plain = render_html(brief, made, preview=True, letterhead=False)
    page = _Page(html)
    text = " ".join(page.text)
    # Page 1's own header (the crest and the office's name), not the later pages' one.
    crests = [Image.open(io.BytesIO(base64.b64decode((attrs["src"] or "").split(",", 1)[1])))
              for tag, attrs in page.tags if tag == "img"]
    assert [crest.size for crest in crests] == [(400, 120)]
    assert "Quillmark City Budget Office" in text
    assert "internal memo" not in text
    assert "14 Tallow Street, Quillmark" in text
    # The header's {{ marking }} is the HTML template's to show: once per place, as before.
    assert html.count("OFFICIAL-SENSITIVE") == plain.count("OFFICIAL-SENSITIVE") > 0
    assert "{{" not in html
    assert "{%" not in html
