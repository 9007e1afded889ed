"""The letterhead reader: a template's Word header, footer, body font and page, bounded."""

from __future__ import annotations

import base64
import io
import os
import re
import zipfile
from pathlib import Path

import pytest
from support.hostile_templates import rewrite_zip
from support.letterhead_docs import (
    BODY_FONT,
    FIRST_PAGE_LINE,
    FOOTER_ADDRESS,
    HEADER_FONT,
    LOGO_SIZE_PX,
    OFFICE_DIVISION,
    OFFICE_NAME,
    letterhead_docx,
    png_bytes,
)

from briefgen.render import docx_letterhead
from briefgen.render.docx_header_html import MAX_IMAGES
from briefgen.render.docx_letterhead import read_letterhead
from briefgen.resources import builtin_templates_dir

DATA_URI = re.compile(r'<img src="data:(image/[a-z]+);base64,([A-Za-z0-9+/=]+)" '
                      r'width="(\d+)" height="(\d+)"')


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    docx_letterhead.clear_cache()


def _letterhead(path: Path) -> docx_letterhead.Letterhead:
    letterhead = read_letterhead(path)
    assert letterhead is not None
    return letterhead


def test_the_header_picture_is_a_data_uri_of_its_png_at_its_word_size(tmp_path: Path) -> None:
    letterhead = _letterhead(letterhead_docx(tmp_path / "memo.docx"))
    pictures = DATA_URI.findall(letterhead.header_html)
    assert len(pictures) == 1
    kind, data, width, height = pictures[0]
    assert kind == "image/png"
    assert base64.b64decode(data) == png_bytes(*LOGO_SIZE_PX)
    assert (int(width), int(height)) == LOGO_SIZE_PX
    assert letterhead.images == 1


def _look(letterhead: docx_letterhead.Letterhead, classes: str) -> str:
    """The CSS rules of the classes (as an element's class attribute lists them)."""
    rules = dict(re.findall(r"\.([\w-]+) \{ ([^}]*) \}", letterhead.css))
    return "; ".join(rules.get(name, "") for name in classes.split())


def test_the_header_text_keeps_its_font_size_weight_colour_and_alignment(tmp_path: Path) -> None:
    letterhead = _letterhead(letterhead_docx(tmp_path / "memo.docx"))
    html = letterhead.header_html
    name = re.search(r'<p align="center" class="([^"]*)"><span class="([^"]*)">' + OFFICE_NAME,
                     html)
    assert name is not None
    assert "text-align: center" in _look(letterhead, name.group(1))
    look = _look(letterhead, name.group(2))
    assert f"font-family: '{HEADER_FONT}'" in look
    assert "font-size: 16pt" in look
    assert "font-weight: bold" in look
    assert "color: #1F3864" in look
    division = re.search(r'<span class="([^"]*)">' + OFFICE_DIVISION, html)
    assert division is not None
    assert "font-style: italic" in _look(letterhead, division.group(1))
    assert "style=" not in html  # every look is a class of the style block
    # The text is escaped: the document's "<Partners>" is text, not a tag.
    assert "&amp; &lt;Partners&gt;" in html
    assert "<Partners>" not in html
    assert html.index("<img") < html.index(OFFICE_NAME)


def test_the_footer_text_shows_page_fields_as_one(tmp_path: Path) -> None:
    html = _letterhead(letterhead_docx(tmp_path / "memo.docx")).footer_html
    text = re.sub(r"<[^>]+>", "", html)
    # The tab between the address and the page number puts them left and right.
    assert re.search(r'<td align="left"[^>]*>.*4 Quay Lane', html)
    assert re.search(r'<td align="right"[^>]*>.*Page .*1<', html)
    assert FOOTER_ADDRESS in text
    assert "Page 1" in text
    assert "7" not in text  # the field's stored result is not page 1's number
    assert "PAGE" not in text


def test_the_body_font_page_size_and_margins_come_from_the_document(tmp_path: Path) -> None:
    letterhead = _letterhead(letterhead_docx(tmp_path / "memo.docx"))
    assert letterhead.font_family == BODY_FONT
    assert letterhead.font_size == 12
    page = letterhead.page
    cm = 72 / 2.54
    assert page.width == pytest.approx(21 * cm, abs=0.1)
    assert page.height == pytest.approx(29.7 * cm, abs=0.1)
    assert (page.top, page.right, page.bottom, page.left) == pytest.approx(
        (2 * cm, 2.5 * cm, 3 * cm, 3.5 * cm), abs=0.1)
    assert page.header == pytest.approx(1 * cm, abs=0.1)


def test_a_different_first_page_shows_the_first_page_header(tmp_path: Path) -> None:
    letterhead = _letterhead(letterhead_docx(tmp_path / "memo.docx", first_page=True))
    assert FIRST_PAGE_LINE in letterhead.header_html
    assert OFFICE_NAME not in letterhead.header_html
    assert FOOTER_ADDRESS in letterhead.footer_html


def test_template_tags_in_the_header_are_left_to_the_html_template() -> None:
    letterhead = _letterhead(builtin_templates_dir() / "information-memo" / "memo.docx")
    assert letterhead.header_html == ""  # it holds only {{ marking }}
    assert "{{" not in letterhead.footer_html
    assert "Information memorandum" in letterhead.footer_html
    assert letterhead.font_family == "Arial"


def _edit(path: Path, part: str, change: bytes | None = None, *, replace: tuple[bytes, bytes]
          | None = None, add: dict[str, bytes] | None = None) -> None:
    """Rewrite ``part`` of the package at ``path`` (whole, or one replacement), and add parts."""
    def edit(name: str, data: bytes) -> bytes:
        if name != part:
            return data
        if change is not None:
            return change
        if replace is None:
            return data
        assert replace[0] in data
        return data.replace(*replace)

    data = rewrite_zip(path.read_bytes(), edit)
    if add:
        out = io.BytesIO(data)
        with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
            for name, content in add.items():
                archive.writestr(name, content)
        data = out.getvalue()
    path.write_bytes(data)


def _header_part(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return next(n for n in archive.namelist() if re.fullmatch(r"word/header\d*\.xml", n)
                    and b"<pic:pic" in archive.read(n))


def test_a_picture_linked_from_an_address_is_not_loaded(tmp_path: Path) -> None:
    path = letterhead_docx(tmp_path / "memo.docx")
    rels = _header_part(path).replace("word/", "word/_rels/") + ".rels"
    with zipfile.ZipFile(path) as archive:
        original = archive.read(rels)
    linked = re.sub(rb'Target="[^"]+\.png"', b'Target="http://example.invalid/logo.png" '
                                                 b'TargetMode="External"', original)
    assert linked != original
    _edit(path, rels, linked)
    letterhead = _letterhead(path)
    assert "<img" not in letterhead.header_html
    assert "example.invalid" not in letterhead.header_html
    assert OFFICE_NAME in letterhead.header_html


def test_a_picture_that_is_not_png_jpeg_or_gif_is_left_out(tmp_path: Path) -> None:
    path = letterhead_docx(tmp_path / "memo.docx")
    with zipfile.ZipFile(path) as archive:
        media = next(n for n in archive.namelist() if n.startswith("word/media/"))
    _edit(path, media, b'<svg xmlns="http://www.w3.org/2000/svg"><script>x()</script></svg>')
    assert "<img" not in _letterhead(path).header_html


def test_no_more_than_the_bounded_number_of_pictures_is_shown(tmp_path: Path) -> None:
    path = letterhead_docx(tmp_path / "memo.docx")
    header = _header_part(path)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(header)
    picture_paragraph = re.search(rb"<w:p\b(?:(?!</w:p>).)*<pic:pic.*?</w:p>", xml, re.S)
    assert picture_paragraph is not None
    many = xml.replace(picture_paragraph.group(), picture_paragraph.group() * (MAX_IMAGES + 8))
    _edit(path, header, many)
    letterhead = _letterhead(path)
    assert len(DATA_URI.findall(letterhead.header_html)) == MAX_IMAGES
    assert letterhead.images == MAX_IMAGES


@pytest.mark.parametrize("content", [
    b"",
    b"not a zip at all",
    b"PK\x03\x04" + os.urandom(2000),
])
def test_a_file_that_is_no_word_document_gives_no_letterhead(tmp_path: Path,
                                                              content: bytes) -> None:
    path = tmp_path / "memo.docx"
    path.write_bytes(content)
    assert read_letterhead(path) is None


def test_a_missing_file_gives_no_letterhead(tmp_path: Path) -> None:
    assert read_letterhead(tmp_path / "gone.docx") is None


def test_a_truncated_document_gives_no_letterhead(tmp_path: Path) -> None:
    path = letterhead_docx(tmp_path / "memo.docx")
    path.write_bytes(path.read_bytes()[:3000])
    assert read_letterhead(path) is None


def test_entities_in_a_header_are_not_expanded(tmp_path: Path) -> None:
    path = letterhead_docx(tmp_path / "memo.docx")
    header = _header_part(path)
    laughs = (b'<?xml version="1.0"?><!DOCTYPE w:hdr [<!ENTITY a "lol">'
              + b"".join(b'<!ENTITY %s "%s">' % (bytes([98 + i]), (b"&%s;" % bytes([97 + i])) * 10)
                         for i in range(8))
              + b']><w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/'
                b'main"><w:p><w:r><w:t>&i;</w:t></w:r></w:p></w:hdr>')
    _edit(path, header, laughs)
    letterhead = _letterhead(path)  # the rest of the document still shows
    assert "lol" not in letterhead.header_html
    assert FOOTER_ADDRESS in letterhead.footer_html


def test_a_part_that_inflates_past_the_bounds_gives_no_letterhead(tmp_path: Path) -> None:
    path = letterhead_docx(tmp_path / "memo.docx")
    # 40 MB of zeros compress to about 40 kB: more than a part may inflate to.
    _edit(path, "word/document.xml", add={"word/padding.bin": bytes(40_000_000)})
    assert path.stat().st_size < 1_000_000
    assert read_letterhead(path) is None


def test_a_huge_header_part_is_not_read(tmp_path: Path) -> None:
    path = letterhead_docx(tmp_path / "memo.docx")
    header = _header_part(path)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read(header)
    filler = b"<w:p><w:r><w:t>" + b"x" * 1000 + b"</w:t></w:r></w:p>"
    _edit(path, header, xml.replace(b"</w:hdr>", filler * 5000 + b"</w:hdr>"))
    letterhead = _letterhead(path)
    assert letterhead.header_html == ""
    assert FOOTER_ADDRESS in letterhead.footer_html


def test_a_second_read_comes_from_the_cache_until_the_file_changes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = letterhead_docx(tmp_path / "memo.docx")
    reads: list[Path] = []
    real = docx_letterhead._read_uncached

    def counting(where: Path) -> docx_letterhead.Letterhead | None:
        reads.append(where)
        return real(where)

    monkeypatch.setattr(docx_letterhead, "_read_uncached", counting)
    first = read_letterhead(path)
    assert read_letterhead(path) is first
    assert len(reads) == 1
    letterhead_docx(path, first_page=True)
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    changed = read_letterhead(path)
    assert len(reads) == 2
    assert changed is not None
    assert FIRST_PAGE_LINE in changed.header_html


@pytest.mark.parametrize("seed", range(12))
def test_a_damaged_document_never_raises(tmp_path: Path, seed: int) -> None:
    import random

    path = letterhead_docx(tmp_path / "memo.docx")
    data = bytearray(path.read_bytes())
    rng = random.Random(seed)
    for _ in range(40):
        data[rng.randrange(len(data))] = rng.randrange(256)
    path.write_bytes(bytes(data))
    letterhead = read_letterhead(path)  # a letterhead, or None: never an exception
    assert letterhead is None or isinstance(letterhead.header_html, str)
