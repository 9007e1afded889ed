"""Header and footer parts as HTML: layout tables, text boxes, floating pictures, fields,
hidden text, template tags and theme fonts, each written here as Word XML."""

from __future__ import annotations

import base64
import io
import re
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from support.hostile_templates import rewrite_zip
from support.letterhead_docs import letterhead_docx

from briefgen.render import docx_letterhead
from briefgen.render.docx_letterhead import read_letterhead
from briefgen.render.letterhead_html import letterhead_css

NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:v="urn:schemas-microsoft-com:vml" mc:Ignorable="wps"'
)
EMU_PER_PX = 9525


def _text_run(text: str, properties: str = "") -> str:
    return f'<w:r><w:rPr>{properties}</w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def _paragraph(*runs: str, properties: str = "") -> str:
    return f"<w:p><w:pPr>{properties}</w:pPr>{''.join(runs)}</w:p>"


def _picture(width_px: int, height_px: int, *, anchor: str = "") -> str:
    """The header's picture (relationship rId1) inline, or floating with ``anchor``'s
    attributes and horizontal alignment when ``anchor`` is "ALIGN attrs"."""
    graphic = (
        '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/'
        'picture"><pic:pic><pic:nvPicPr><pic:cNvPr id="1" name="logo"/><pic:cNvPicPr/>'
        '</pic:nvPicPr><pic:blipFill><a:blip r:embed="rId1"/></pic:blipFill><pic:spPr/>'
        "</pic:pic></a:graphicData></a:graphic>")
    extent = f'<wp:extent cx="{width_px * EMU_PER_PX}" cy="{height_px * EMU_PER_PX}"/>'
    described = '<wp:docPr id="1" name="logo" descr="Crest of the authority"/>'
    if not anchor:
        return (f"<w:r><w:drawing><wp:inline>{extent}{described}{graphic}</wp:inline>"
                "</w:drawing></w:r>")
    align, _, attributes = anchor.partition(" ")
    return (f"<w:r><w:drawing><wp:anchor {attributes}><wp:simplePos x=\"0\" y=\"0\"/>"
            f'<wp:positionH relativeFrom="page"><wp:align>{align}</wp:align></wp:positionH>'
            f'<wp:positionV relativeFrom="page"><wp:posOffset>0</wp:posOffset></wp:positionV>'
            f"{extent}<wp:wrapNone/>{described}{graphic}</wp:anchor></w:drawing></w:r>")


def _text_box(text: str) -> str:
    """A floating text box as Word writes it: the DrawingML shape, and a VML copy for old
    readers that must not be shown twice."""
    inner = f"<w:txbxContent>{_paragraph(_text_run(text))}</w:txbxContent>"
    return (
        "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor>"
        '<wp:extent cx="1828800" cy="457200"/><wp:docPr id="2" name="box"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        f'wordprocessingShape"><wps:wsp><wps:txbx>{inner}</wps:txbx></wps:wsp></a:graphicData>'
        "</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        f'<v:shape style="width:144pt;height:36pt"><v:textbox>{inner}</v:textbox></v:shape>'
        "</w:pict></mc:Fallback></mc:AlternateContent></w:r>")


def _with_header(tmp_path: Path, body: str) -> Path:
    """The letterhead document with its header part's content replaced by ``body``."""
    path: Path = letterhead_docx(tmp_path / "memo.docx")
    header = f'<?xml version="1.0" encoding="UTF-8"?><w:hdr {NAMESPACES}>{body}</w:hdr>'

    def edit(name: str, data: bytes) -> bytes:
        return header.encode() if name == "word/header1.xml" else data

    path.write_bytes(rewrite_zip(path.read_bytes(), edit))
    return path


def _header(tmp_path: Path, body: str) -> str:
    docx_letterhead.clear_cache()
    letterhead = read_letterhead(_with_header(tmp_path, body))
    assert letterhead is not None
    return letterhead.header_html


def _visible(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def test_a_layout_table_keeps_its_cells_side_by_side(tmp_path: Path) -> None:
    cell = "<w:tc>{}</w:tc>"
    table = ("<w:tbl><w:tr>" + cell.format(_paragraph(_text_run("Port office")))
             + cell.format(_paragraph(_text_run("Tel. 555 0100"),
                                      properties='<w:jc w:val="right"/>'))
             + "</w:tr></w:tbl>")
    html = _header(tmp_path, table + _paragraph())
    row = re.search(r'<table class="letterhead-table"[^>]*><tr>(.*?)</tr></table>', html)
    assert row is not None
    cells = re.findall(r"<td[^>]*>(.*?)</td>", row.group(1))
    assert len(cells) == 2
    assert "Port office" in cells[0]
    assert "Tel. 555 0100" in cells[1]
    assert 'align="right"' in cells[1]


def test_a_text_box_shows_its_text_once(tmp_path: Path) -> None:
    html = _header(tmp_path, _paragraph(_text_run("Beside the box"), _text_box("Ref. HW/12")))
    assert _visible(html).count("Ref. HW/12") == 1
    assert "Beside the box" in html


def test_a_floating_picture_sits_where_it_is_aligned(tmp_path: Path) -> None:
    html = _header(tmp_path, _paragraph(_picture(90, 40, anchor='right behindDoc="0"')))
    assert re.search(r'<p align="right"[^>]*><img src="data:image/png;base64,[^"]+" '
                     r'width="90" height="40" alt="Crest of the authority">', html)


def _page_picture_png() -> bytes:
    """An A4 page at 96 dpi: a navy band at the top (the crest's place), white, and a green
    band at the bottom (the address line's place)."""
    page = Image.new("RGB", (794, 1123), (255, 255, 255))
    page.paste((20, 40, 110), (0, 0, 794, 60))
    page.paste((20, 120, 60), (0, 1063, 794, 1123))
    out = io.BytesIO()
    page.save(out, format="PNG")
    return out.getvalue()


def _band_pictures(html: str) -> list[Image.Image]:
    return [Image.open(io.BytesIO(base64.b64decode(data)))
            for data in re.findall(r'src="data:image/png;base64,([^"]+)"', html)]


def test_a_whole_page_picture_shows_its_top_above_and_its_bottom_below(tmp_path: Path) -> None:
    path = _with_header(tmp_path, _paragraph(_picture(794, 1123, anchor='center behindDoc="1"'))
                        + _paragraph(_text_run("Over the picture")))
    with zipfile.ZipFile(path) as archive:
        media = next(n for n in archive.namelist() if n.startswith("word/media/"))
    path.write_bytes(rewrite_zip(path.read_bytes(),
                                 lambda name, data: _page_picture_png() if name == media else data))
    docx_letterhead.clear_cache()
    letterhead = read_letterhead(path)
    assert letterhead is not None
    assert "Over the picture" in letterhead.header_html
    assert letterhead.header_html.index("<img") < letterhead.header_html.index("Over the")
    # The part above the 2 cm top margin, at the text's width (15 cm: 567 px).
    (top,) = _band_pictures(letterhead.header_html)
    assert top.width == 567
    assert top.height == pytest.approx(567 * 76 / 794, abs=2)
    assert top.convert("RGB").getpixel((283, 5)) == (20, 40, 110)
    # The part below the 3 cm bottom margin closes the footer.
    (bottom,) = _band_pictures(letterhead.footer_html)
    assert bottom.height == pytest.approx(567 * 113 / 794, abs=2)
    assert bottom.convert("RGB").getpixel((283, bottom.height - 3)) == (20, 120, 60)
    assert letterhead.footer_html.index("Quay Lane") < letterhead.footer_html.index("<img")
    # The bands start and end at the page's edges: the page box has no padding there.
    assert letterhead.from_edges == (True, True)
    assert "padding: 0px 0 0px 0;" in letterhead_css(letterhead)


def test_a_picture_wider_than_the_text_is_shrunk_to_it(tmp_path: Path) -> None:
    html = _header(tmp_path, _paragraph(_picture(2000, 200)))
    size = re.search(r'width="(\d+)" height="(\d+)"', html)
    assert size is not None
    width, height = int(size.group(1)), int(size.group(2))
    # A4 less 3.5 cm and 2.5 cm of margins: 15 cm, 567 px.
    assert width == 567
    assert height == round(200 * 567 / 2000)


def test_simple_page_fields_hidden_text_and_line_breaks(tmp_path: Path) -> None:
    body = _paragraph(
        _text_run("Page "),
        '<w:fldSimple w:instr=" PAGE \\* MERGEFORMAT "><w:r><w:t>4</w:t></w:r></w:fldSimple>',
        _text_run(" hidden note", "<w:vanish/>"),
        "<w:r><w:br/></w:r>",
        _text_run("Second line"),
    )
    html = _header(tmp_path, body)
    lines = [re.sub(r"<[^>]+>", "", line) for line in html.split("<br>")]
    assert lines == ["Page 1", "Second line"]
    assert "hidden note" not in html
    assert "Second line" in html


def test_a_paragraph_with_template_tags_keeps_only_its_picture(tmp_path: Path) -> None:
    html = _header(tmp_path, _paragraph(_picture(60, 30), _text_run("{{ marking }}")))
    assert "<img" in html
    assert "marking" not in html
    assert "{{" not in html


def test_theme_fonts_name_the_body_font(tmp_path: Path) -> None:
    path: Path = letterhead_docx(tmp_path / "memo.docx")
    with zipfile.ZipFile(path) as archive:
        theme = archive.read("word/theme/theme1.xml").decode()
        styles = archive.read("word/styles.xml").decode()
    minor = re.search(r'<a:minorFont>\s*<a:latin typeface="([^"]+)"', theme)
    assert minor is not None
    assert 'w:asciiTheme="minorHAnsi"' in styles  # the defaults name the theme's font

    def without_normal_font(name: str, data: bytes) -> bytes:
        if name != "word/styles.xml":
            return data
        return re.sub(rb'(<w:style w:type="paragraph" w:default="1"[^>]*>.*?)<w:rFonts[^>]*/>',
                      rb"\1", data, count=1, flags=re.S)

    path.write_bytes(rewrite_zip(path.read_bytes(), without_normal_font))
    docx_letterhead.clear_cache()
    letterhead = read_letterhead(path)
    assert letterhead is not None
    assert letterhead.font_family == minor.group(1)


@pytest.mark.parametrize("body", [
    "<w:p>" * 10 + "</w:p>" * 10,                          # nested where Word never nests
    "<w:tbl>" + "<w:tr><w:tc><w:tbl>" * 30 + "</w:tbl></w:tc></w:tr>" * 30 + "</w:tbl>",
])
def test_odd_structures_give_a_header_without_failing(tmp_path: Path, body: str) -> None:
    docx_letterhead.clear_cache()
    letterhead = read_letterhead(_with_header(tmp_path, body))
    assert letterhead is not None
    assert "Quay Lane" in letterhead.footer_html


@pytest.mark.parametrize(("offset_px", "side"), [(600, "right"), (350, "center"), (30, "left")])
def test_a_floating_picture_placed_by_offset_sits_on_that_side(
        tmp_path: Path, offset_px: int, side: str) -> None:
    picture = _picture(90, 40, anchor='right behindDoc="0"').replace(
        "<wp:align>right</wp:align>", f"<wp:posOffset>{offset_px * EMU_PER_PX}</wp:posOffset>")
    html = _header(tmp_path, _paragraph(picture))
    assert re.search(rf'<p align="{side}"[^>]*><img ', html)
