"""A Word header or footer part as simple, escaped HTML: its paragraphs (text, alignment,
bold, italic, font, size, colour), layout tables, the text of its text boxes, its pictures
as data: URIs at their Word size, page-number fields as "1".

Paragraphs whose text holds template tags (``{{ marking }}``) keep only their pictures: the
HTML template shows those values itself. A whole-page picture behind the text is left out
(the preview has no page behind the text to lay it on): its parts above and below the
text show above and below the memo instead (briefgen.render.page_picture).
"""

from __future__ import annotations

import base64
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from lxml import etree

from briefgen.render.docx_parts import MAX_PART_XML_BYTES, R, W
from briefgen.render.docx_parts import parse_part as _parse_part
from briefgen.render.docx_styles import RunLook, paragraph_look, run_look
from briefgen.render.docx_styles import StyleSheet as _StyleSheet
from briefgen.render.page_picture import Placement, band_png

WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture"
V = "urn:schemas-microsoft-com:vml"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
OFFICE = "urn:schemas-microsoft-com:office:office"

MAX_IMAGES = 12
"""The most pictures one letterhead shows."""
MAX_IMAGE_BYTES = 4_000_000
"""The largest picture shown (a logo is well under 1 MB)."""
MAX_TOTAL_IMAGE_BYTES = 8_000_000
MAX_DEPTH = 4
"""How deep tables and text boxes may nest inside each other."""
EMU_PER_PX = 9525  # 914400 EMU per inch, 96 px per inch
PAGE_FIELDS = frozenset({"PAGE", "NUMPAGES", "SECTIONPAGES"})
_TAG_MARKS = ("{{", "{%", "{#")
_IMAGE_TYPES = ((b"\x89PNG\r\n\x1a\n", "image/png"), (b"\xff\xd8\xff", "image/jpeg"),
                (b"GIF87a", "image/gif"), (b"GIF89a", "image/gif"))
# Inside a paragraph: elements whose children are the paragraph's runs again.
_RUN_CONTAINERS = frozenset(f"{{{W}}}{tag}" for tag in (
    "hyperlink", "ins", "smartTag", "sdt", "sdtContent", "customXml", "moveTo", "dir", "bdo"))


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _has_tags(text: str) -> bool:
    return any(mark in text for mark in _TAG_MARKS)


def css_of(look: RunLook) -> str:
    """The inline CSS of a run's look (fonts in quotes, sizes in points)."""
    rules = []
    if look.font:
        rules.append(f"font-family: '{look.font}'")
    if look.size:
        rules.append(f"font-size: {look.size:g}pt")
    if look.bold:
        rules.append("font-weight: bold")
    if look.italic:
        rules.append("font-style: italic")
    if look.underline:
        rules.append("text-decoration: underline")
    if look.caps:
        rules.append("text-transform: uppercase")
    if look.color:
        rules.append(f"color: #{look.color}")
    return "; ".join(rules)


class _Paragraph:
    """What one paragraph gathers while its runs are read: text segments between tabs,
    its plain text, and the blocks (pictures, text boxes) it anchors."""

    def __init__(self) -> None:
        self.segments: list[list[str]] = [[]]
        self.text: list[str] = []
        self.pictures: list[str] = []
        self.anchored: list[str] = []
        self.boxes: list[str] = []
        self.field_instruction: list[str] = []
        self.field_depth = 0
        self.hide_result = False

    def add_text(self, text: str, look: RunLook) -> None:
        if not text or self.hide_result:
            return
        self.text.append(text)
        style = css_of(look)
        html = escape(text, quote=False)
        self.segments[-1].append(f'<span style="{style}">{html}</span>' if style else html)


class PartReader:
    """Reads header and footer parts of one package into HTML, within the picture bounds
    (counted over every part it reads)."""

    def __init__(self, archive: zipfile.ZipFile, styles: _StyleSheet, page: PagePixels) -> None:
        self.archive = archive
        self.styles = styles
        self.page = page
        self.content_width = max(48.0, page.width - page.left - page.right)
        self.page_height = page.height
        self.left_margin = page.left
        self.top_bands: list[str] = []
        """A whole-page picture's part above the text, for the top of the page."""
        self.bottom_bands: list[str] = []
        """Its part below the text, for the bottom of the page."""
        self.images = 0
        self._image_bytes = 0
        self._rels: dict[str, tuple[str, str]] = {}

    def part_html(self, part: str,
                  relationships: Callable[[zipfile.ZipFile, str], dict[str, tuple[str, str]]],
                  ) -> str:
        """The HTML of header or footer ``part`` ("" when it is missing, too large or
        shows nothing)."""
        try:
            root = _parse_part(self.archive, part, MAX_PART_XML_BYTES)
            self._rels = relationships(self.archive, part)
        except etree.LxmlError:  # a malformed part: the other one may still show
            return ""
        if root is None:
            return ""
        blocks = self._blocks(root, 0)
        while blocks and blocks[-1] == _EMPTY:
            blocks.pop()
        while blocks and blocks[0] == _EMPTY:
            blocks.pop(0)
        return "\n".join(blocks)

    # Blocks: paragraphs and tables.

    def _blocks(self, container: etree._Element, depth: int) -> list[str]:
        blocks: list[str] = []
        if depth > MAX_DEPTH:
            return blocks
        for child in container.iterchildren():
            if child.tag == _w("p"):
                blocks.extend(self._paragraph(child, depth))
            elif child.tag == _w("tbl"):
                table = self._table(child, depth)
                if table:
                    blocks.append(table)
            elif child.tag in (_w("sdt"), _w("sdtContent"), _w("customXml")):
                blocks.extend(self._blocks(child, depth))
        return blocks

    def _table(self, table: etree._Element, depth: int) -> str:
        rows = []
        for row in table.iterchildren(_w("tr")):
            cells = []
            for cell in row.iterchildren(_w("tc")):
                span = cell.find(f"{_w('tcPr')}/{_w('gridSpan')}")
                colspan = ""
                if span is not None and (span.get(_w("val")) or "").isdigit():
                    colspan = f' colspan="{min(int(span.get(_w("val")) or 1), 32)}"'
                inner = "\n".join(b for b in self._blocks(cell, depth + 1))
                cells.append(f'<td valign="top"{colspan}>{inner}</td>')
            if cells:
                rows.append("<tr>" + "".join(cells) + "</tr>")
        if not rows:
            return ""
        return ('<table class="letterhead-table" width="100%" cellspacing="0" '
                'cellpadding="0">' + "".join(rows) + "</table>")

    def _paragraph(self, paragraph: etree._Element, depth: int) -> list[str]:
        properties = paragraph.find(_w("pPr"))
        style = properties.find(_w("pStyle")) if properties is not None else None
        looks = self.styles.paragraph(style.get(_w("val")) if style is not None else None)
        layout = paragraph_look(properties).over(looks[0])
        gathered = _Paragraph()
        self._runs(paragraph, gathered, looks[1], depth)
        blocks = list(gathered.anchored)
        text = "".join(gathered.text)
        keep_text = bool(text.strip()) and not _has_tags(text)
        align = layout.align or "left"
        margins = (f"margin: {(layout.before or 0) * 4 / 3:.0f}px 0 "
                   f"{(layout.after or 0) * 4 / 3:.0f}px 0")
        if keep_text or gathered.pictures:
            segments = gathered.segments if keep_text else [[]]
            if gathered.pictures:
                segments[0] = gathered.pictures + segments[0]
            blocks.append(self._segments_html(segments, align, margins))
        elif not text and not gathered.anchored and not gathered.boxes:
            blocks.append(_EMPTY)
        blocks.extend(gathered.boxes)
        return blocks

    @staticmethod
    def _segments_html(segments: list[list[str]], align: str, margins: str) -> str:
        """One paragraph; text split by tabs into two or three parts becomes a row of
        cells aligned left, (centre,) right, as Word's header tab stops place them."""
        parts = ["".join(s) for s in segments]
        if 2 <= len(parts) <= 3:
            aligns = ["left", "right"] if len(parts) == 2 else ["left", "center", "right"]
            cells = "".join(f'<td align="{a}" style="text-align: {a}">{p}</td>'
                            for a, p in zip(aligns, parts, strict=True))
            return ('<table class="letterhead-tabs" width="100%" cellspacing="0" '
                    f'cellpadding="0" style="{margins}"><tr>{cells}</tr></table>')
        html = "\u2003\u2003".join(parts)
        return f'<p align="{align}" style="text-align: {align}; {margins}">{html}</p>'

    # Runs, fields, pictures and text boxes.

    def _runs(self, container: etree._Element, gathered: _Paragraph, look: RunLook,
              depth: int) -> None:
        for child in container.iterchildren():
            tag = child.tag
            if tag == _w("r"):
                self._run(child, gathered, look, depth)
            elif tag == _w("fldSimple"):
                instruction = (child.get(_w("instr")) or "").split()
                if instruction and instruction[0].upper() in PAGE_FIELDS:
                    first = child.find(f"{_w('r')}/{_w('rPr')}")
                    gathered.add_text("1", self._look(first, look))
                else:
                    self._runs(child, gathered, look, depth)
            elif tag in _RUN_CONTAINERS:
                self._runs(child, gathered, look, depth)
            elif tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                self._runs(choice if choice is not None else child, gathered, look, depth)

    def _look(self, properties: etree._Element | None, paragraph_run: RunLook) -> RunLook:
        if properties is None:
            return paragraph_run
        character = properties.find(_w("rStyle"))
        base = paragraph_run
        if character is not None:
            base = self.styles.character(character.get(_w("val")), base)
        return run_look(properties, self.styles.theme).over(base)

    def _run(self, run: etree._Element, gathered: _Paragraph, paragraph_run: RunLook,
             depth: int) -> None:
        look = self._look(run.find(_w("rPr")), paragraph_run)
        if not look.hidden:
            self._run_items(list(run.iterchildren()), gathered, look, depth)

    def _run_items(self, items: list[etree._Element], gathered: _Paragraph, look: RunLook,
                   depth: int) -> None:
        for child in items:
            tag = child.tag
            if tag == _w("t"):
                gathered.add_text(child.text or "", look)
            elif tag == _w("tab") and not gathered.hide_result:
                gathered.segments.append([])
                gathered.text.append("\t")
            elif tag in (_w("br"), _w("cr")) and not gathered.hide_result:
                gathered.segments[-1].append("<br>")
            elif tag == _w("noBreakHyphen"):
                gathered.add_text("-", look)
            elif tag == _w("fldChar"):
                self._field_char(child, gathered, look)
            elif tag == _w("instrText"):
                gathered.field_instruction.append(child.text or "")
            elif tag == _w("drawing"):
                self._drawing(child, gathered, depth)
            elif tag in (_w("pict"), _w("object")):  # VML pictures, embedded objects' icons
                self._vml(child, gathered, depth)
            elif tag == f"{{{MC}}}AlternateContent":
                choice = child.find(f"{{{MC}}}Choice")
                if choice is not None:
                    self._run_items(list(choice.iterchildren()), gathered, look, depth)

    @staticmethod
    def _field_char(element: etree._Element, gathered: _Paragraph, look: RunLook) -> None:
        kind = element.get(_w("fldCharType"))
        if kind == "begin":
            gathered.field_depth += 1
            if gathered.field_depth == 1:
                gathered.field_instruction = []
        elif kind == "separate" and gathered.field_depth == 1:
            words = "".join(gathered.field_instruction).split()
            if words and words[0].upper() in PAGE_FIELDS:
                gathered.add_text("1", look)
                gathered.hide_result = True
        elif kind == "end" and gathered.field_depth:
            gathered.field_depth -= 1
            if gathered.field_depth == 0:
                gathered.hide_result = False

    def _drawing(self, drawing: etree._Element, gathered: _Paragraph, depth: int) -> None:
        for holder in drawing.iterchildren(f"{{{WP}}}inline", f"{{{WP}}}anchor"):
            anchored = holder.tag == f"{{{WP}}}anchor"
            extent = holder.find(f"{{{WP}}}extent")
            description = holder.find(f"{{{WP}}}docPr")
            alt = (description.get("descr") or description.get("title") or ""
                   if description is not None else "")
            pictures = list(holder.iter(f"{{{PIC}}}pic"))
            for picture in pictures:
                blip = picture.find(f".//{{{A}}}blip")
                size = extent if len(pictures) == 1 else picture.find(
                    f".//{{{A}}}xfrm/{{{A}}}ext")
                if blip is None or size is None:
                    continue
                width = _number(size.get("cx")) / EMU_PER_PX
                height = _number(size.get("cy")) / EMU_PER_PX
                if anchored and (holder.get("behindDoc") in {"1", "true"}
                                 and height > self.page_height * 0.4):
                    self._page_picture(blip.get(f"{{{R}}}embed"), holder, width, height, alt)
                    continue
                image = self._image(blip.get(f"{{{R}}}embed"), width, height, alt)
                if not image:
                    continue
                if anchored:
                    align = _anchor_align(holder, width, self.content_width, self.left_margin)
                    gathered.anchored.append(
                        f'<p align="{align}" style="text-align: {align}; margin: 0">{image}</p>')
                else:
                    gathered.pictures.append(image)
            for box in holder.iter(_w("txbxContent")):
                gathered.boxes.extend(self._blocks(box, depth + 1))

    def _vml(self, pict: etree._Element, gathered: _Paragraph, depth: int) -> None:
        for shape in pict.iter(f"{{{V}}}shape", f"{{{V}}}rect", f"{{{V}}}roundrect"):
            if shape.find(f"{{{V}}}textpath") is not None:
                continue  # a watermark ("DRAFT" drawn across the page)
            data = shape.find(f"{{{V}}}imagedata")
            if data is not None:
                width, height = _vml_size(shape.get("style") or "")
                image = self._image(data.get(f"{{{R}}}id"), width, height,
                                    data.get(f"{{{OFFICE}}}title") or "")
                if image:
                    gathered.pictures.append(image)
            for box in shape.iter(_w("txbxContent")):
                gathered.boxes.extend(self._blocks(box, depth + 1))

    def _picture(self, rel_id: str | None) -> tuple[bytes, str] | None:
        """The bytes and type of the PNG, JPEG or GIF picture ``rel_id`` names; ``None``
        when it is missing, of another type, or past the bounds."""
        if not rel_id or rel_id not in self._rels or self.images >= MAX_IMAGES:
            return None
        part = self._rels[rel_id][1]
        try:
            info = self.archive.getinfo(part)
        except KeyError:
            return None
        if (info.file_size > MAX_IMAGE_BYTES
                or self._image_bytes + info.file_size > MAX_TOTAL_IMAGE_BYTES):
            return None
        with self.archive.open(part) as handle:
            data = handle.read(MAX_IMAGE_BYTES + 1)
        if len(data) > MAX_IMAGE_BYTES:
            return None
        kind = next((mime for magic, mime in _IMAGE_TYPES if data.startswith(magic)), None)
        return None if kind is None else (data, kind)

    def _page_picture(self, rel_id: str | None, anchor: etree._Element, width: float,
                      height: float, alt: str) -> None:
        """A whole-page picture behind the text: its bands above and below the text."""
        found = self._picture(rel_id)
        if found is None:
            return
        placed = Placement(_page_offset(anchor, "H", self.page.left),
                           _page_offset(anchor, "V", self.page.top), width, height)
        page = self.page
        shown = round(self.content_width)
        for top, bottom, bands in ((0.0, page.top, self.top_bands),
                                   (page.height - page.bottom, page.height, self.bottom_bands)):
            band = band_png(found[0], placed, top, bottom, shown)
            if band is None or self.images >= MAX_IMAGES:
                continue
            png, band_height = band
            self.images += 1
            self._image_bytes += len(png)
            source = f"data:image/png;base64,{base64.b64encode(png).decode('ascii')}"
            bands.append(f'<p style="margin: 0"><img src="{source}" width="{shown}" '
                         f'height="{band_height}" alt="{escape(alt[:200])}"></p>')

    def _image(self, rel_id: str | None, width: float, height: float, alt: str) -> str:
        """An ``<img>`` of the picture ``rel_id`` names, as a data: URI no wider than the
        page's text; "" when it is missing, of another type, or past the bounds."""
        found = self._picture(rel_id)
        if found is None:
            return ""
        data, kind = found
        if width <= 0 or height <= 0:
            width, height = 96.0, 96.0
        if width > self.content_width:
            width, height = self.content_width, height * self.content_width / width
        self.images += 1
        self._image_bytes += len(data)
        source = f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"
        return (f'<img src="{source}" width="{max(1, round(width))}" '
                f'height="{max(1, round(height))}" alt="{escape(alt[:200])}">')


_EMPTY = '<p style="margin: 0">&nbsp;</p>'


@dataclass(frozen=True)
class PagePixels:
    """A page's size and margins in pixels at 96 dpi."""

    width: float
    height: float
    top: float
    right: float
    bottom: float
    left: float


def _page_offset(anchor: etree._Element, axis: str, margin: float) -> float:
    """A floating picture's offset from the page's left (``axis`` "H") or top ("V") edge,
    in pixels: its own offset, plus the margin when it is placed from the margin; 0 when
    it is placed by alignment (a whole-page picture is aligned to the page)."""
    position = anchor.find(f"{{{WP}}}position{axis}")
    offset = position.find(f"{{{WP}}}posOffset") if position is not None else None
    if position is None or offset is None or not offset.text:
        return 0.0
    try:
        value = float(offset.text) / EMU_PER_PX
    except ValueError:
        return 0.0
    return value + (margin if position.get("relativeFrom") == "margin" else 0.0)


def _number(value: str | None) -> float:
    try:
        return max(0.0, min(float(value or 0), 2e8))
    except ValueError:
        return 0.0


def _anchor_align(anchor: etree._Element, width: float, content_width: float,
                  left_margin: float) -> str:
    """left, center or right: where a floating picture ``width`` pixels wide sits across
    the text ``content_width`` wide, by its alignment or, failing that, its offset (from
    the page's edge or from the margin ``left_margin`` pixels wide)."""
    align = anchor.find(f"{{{WP}}}positionH/{{{WP}}}align")
    if align is not None and align.text:
        value = align.text.strip().lower()
        return {"center": "center", "right": "right", "outside": "right"}.get(value, "left")
    position = anchor.find(f"{{{WP}}}positionH")
    offset = position.find(f"{{{WP}}}posOffset") if position is not None else None
    if position is None or offset is None or not offset.text:
        return "left"
    try:
        middle = float(offset.text) / EMU_PER_PX + width / 2
    except ValueError:
        return "left"
    if position.get("relativeFrom") == "page":
        middle -= left_margin
    share = middle / content_width
    return "right" if share > 0.6 else "center" if share > 0.4 else "left"


_VML_UNITS = {"pt": 4 / 3, "px": 1.0, "in": 96.0, "cm": 96 / 2.54, "mm": 96 / 25.4}


def _vml_size(style: str) -> tuple[float, float]:
    """The width and height (pixels) a VML shape's style gives it (0 when it does not)."""
    found = {"width": 0.0, "height": 0.0}
    for rule in style.split(";"):
        name, _, value = rule.partition(":")
        name, value = name.strip().lower(), value.strip().lower()
        if name in found:
            unit = value[-2:]
            number = value[:-2] if unit in _VML_UNITS else value
            try:
                found[name] = float(number) * _VML_UNITS.get(unit, 1.0)
            except ValueError:
                continue
    return found["width"], found["height"]


_TAG_WITH_STYLE = re.compile(r'<([a-z]+)\b([^>]*?)\sstyle="([^"]*)"([^>]*)>')
_CLASS = re.compile(r'\bclass="([^"]*)"')


def styles_as_classes(fragments: list[str], prefix: str = "letterhead-s") -> tuple[list[str], str]:
    """``fragments`` with each inline style replaced by a class, and the CSS of those
    classes: in a style block, the preview pane scales their lengths with the page."""
    classes: dict[str, str] = {}

    def replace(match: re.Match[str]) -> str:
        tag, before, css, after = match.groups()
        name = classes.setdefault(css, f"{prefix}{len(classes)}")
        attributes = before + after
        found = _CLASS.search(attributes)
        if found is None:
            attributes += f' class="{name}"'
        else:
            attributes = (attributes[:found.start()] + f'class="{found.group(1)} {name}"'
                          + attributes[found.end():])
        return f"<{tag}{attributes}>"

    converted = [_TAG_WITH_STYLE.sub(replace, fragment) for fragment in fragments]
    css = "\n".join(f"  .{name} {{ {rules}; }}" for rules, name in classes.items())
    return converted, css
