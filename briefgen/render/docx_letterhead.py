"""The letterhead of a template's Word document, for the HTML preview: its first-page header
and its footer as simple HTML, its body font, page size and margins.

The document is untrusted: it is read as a zip with bounded parts (the bounds of
briefgen.render.docx_parts and smaller ones below), its XML without entities, DTDs or
network, its pictures only when they are PNG, JPEG or GIF. A document that cannot be read
gives no letterhead (``None``), never an exception. Results are cached by path, modification
time and size, so the preview does not read the document again on each keystroke.
"""

from __future__ import annotations

import hashlib
import io
import struct
import threading
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from briefgen.render.docx_header_html import PagePixels, PartReader, styles_as_classes
from briefgen.render.docx_parts import (
    MAX_PART_XML_BYTES,
    R,
    W,
    parse_part,
    relationships,
    within_bounds,
)
from briefgen.render.docx_styles import read_styles, theme_fonts, twips
from briefgen.resources import builtin_templates_dir

if TYPE_CHECKING:
    from briefgen.render.templates.manifest import BriefTemplate

THEME_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme"

MAX_DOCUMENT_BYTES = 16_000_000
"""The most of word/document.xml read (its section properties are what is needed)."""

# Word's page when a document does not say: Letter, 1 inch margins, 0.5 inch header/footer.
_DEFAULT_PAGE = (12240, 15840, 1440, 1440, 1440, 1440, 720, 720)


@dataclass(frozen=True)
class PageBox:
    """A page's size, margins and header/footer distances, in points."""

    width: float
    height: float
    top: float
    right: float
    bottom: float
    left: float
    header: float
    footer: float


@dataclass(frozen=True)
class Letterhead:
    """What the preview shows of a template's Word document.

    ``header_html`` and ``footer_html`` are escaped HTML fragments ("" when the document has
    none) whose looks are the classes ``css`` defines; ``font_family`` and ``font_size``
    (points) are the body's default font, ``None`` when the document does not name one;
    ``images`` counts the pictures embedded as data URIs.
    """

    header_html: str
    footer_html: str
    css: str
    font_family: str | None
    font_size: float | None
    page: PageBox
    images: int = 0
    from_edges: tuple[bool, bool] = (False, False)
    """Whether the header starts at the page's top edge and the footer ends at its bottom
    edge (the bands of a whole-page picture)."""

    @property
    def is_empty(self) -> bool:
        """Whether there is no header or footer to show."""
        return not self.header_html and not self.footer_html


_CACHE: dict[str, tuple[tuple[int, int], Letterhead | None]] = {}
_CACHE_SIZE = 16
_LOCK = threading.Lock()


def read_letterhead(path: Path) -> Letterhead | None:
    """The letterhead of the Word document at ``path``; ``None`` when it cannot be read
    (missing, not a zip, too large, malformed). Cached while the file is unchanged."""
    try:
        stat = path.stat()
    except OSError:
        return None
    key = (stat.st_mtime_ns, stat.st_size)
    name = str(path)
    with _LOCK:
        cached = _CACHE.get(name)
    if cached is not None and cached[0] == key:
        return cached[1]
    letterhead = _read_uncached(path)
    with _LOCK:
        if name not in _CACHE and len(_CACHE) >= _CACHE_SIZE:
            del _CACHE[next(iter(_CACHE))]
        _CACHE[name] = (key, letterhead)
    return letterhead


def letterhead_of(template: BriefTemplate) -> Letterhead | None:
    """The letterhead the preview shows for ``template``: ``None`` for a built-in template
    and for a copy of one (Save as template, Duplicate), whose HTML draws the heading,
    marking and footer its Word document has."""
    if template.origin == "builtin" or _is_builtin_copy(template.docx_file):
        return None
    return read_letterhead(template.docx_file)


_BUILTIN_DIGESTS: list[frozenset[str]] = []


def _digest(path: Path) -> str | None:
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def _is_builtin_copy(path: Path) -> bool:
    """Whether ``path`` holds the same bytes as a built-in template's Word document (the
    digest of ``path`` is cached with its letterhead: by path, time and size)."""
    with _LOCK:
        if not _BUILTIN_DIGESTS:
            _BUILTIN_DIGESTS.append(frozenset(
                d for d in (_digest(p) for p in builtin_templates_dir().glob("*/memo.docx"))
                if d))
        builtin = _BUILTIN_DIGESTS[0]
    try:
        stat = path.stat()
    except OSError:
        return False
    key = (str(path), stat.st_mtime_ns, stat.st_size)
    with _LOCK:
        known = _COPIES.get(key)
    if known is None:
        known = _digest(path) in builtin
        with _LOCK:
            if len(_COPIES) >= _CACHE_SIZE:
                _COPIES.clear()
            _COPIES[key] = known
    return known


_COPIES: dict[tuple[str, int, int], bool] = {}


def clear_cache() -> None:
    """Forget every letterhead read (for tests and after a template is replaced)."""
    with _LOCK:
        _CACHE.clear()
        _COPIES.clear()


def _read_uncached(path: Path) -> Letterhead | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if len(data) > 64_000_000:
        return None
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return _read_package(archive) if within_bounds(archive) else None
    except (zipfile.BadZipFile, zlib.error, struct.error, OSError, ValueError, KeyError,
            EOFError, etree.LxmlError, RuntimeError, NotImplementedError):
        return None


def _main_part(archive: zipfile.ZipFile) -> str:
    for _type, target in relationships(archive, "").values():
        if target.endswith(".xml") and _type.endswith("/officeDocument"):
            return target
    return "word/document.xml"


def _read_package(archive: zipfile.ZipFile) -> Letterhead | None:
    main = _main_part(archive)
    document = parse_part(archive, main, MAX_DOCUMENT_BYTES)
    if document is None or document.tag != f"{{{W}}}document":
        return None
    rels = relationships(archive, main)
    styles_part = next((t for ty, t in rels.values() if ty.endswith("/styles")), None)
    styles_root = (parse_part(archive, styles_part, MAX_PART_XML_BYTES * 4)
                   if styles_part else None)
    theme_part = next((t for ty, t in rels.values() if ty == THEME_TYPE), None)
    theme_root = parse_part(archive, theme_part, MAX_PART_XML_BYTES) if theme_part else None
    styles = read_styles(styles_root, theme_fonts(theme_root))
    section = _first_section(document)
    page = _page_box(section)
    header_id, footer_id = _header_footer_ids(section)
    reader = PartReader(archive, styles, PagePixels(
        page.width * 4 / 3, page.height * 4 / 3, page.top * 4 / 3, page.right * 4 / 3,
        page.bottom * 4 / 3, page.left * 4 / 3))
    header_html = footer_html = ""
    if header_id and header_id in rels:
        header_html = reader.part_html(rels[header_id][1], relationships)
    if footer_id and footer_id in rels:
        footer_html = reader.part_html(rels[footer_id][1], relationships)
    body = styles.body_look()
    header_html = "\n".join([*reader.top_bands, header_html]).strip()
    footer_html = "\n".join([footer_html, *reader.bottom_bands]).strip()
    (header_html, footer_html), css = styles_as_classes([header_html, footer_html])
    return Letterhead(header_html=header_html, footer_html=footer_html, css=css,
                      font_family=body.font, font_size=body.size, page=page,
                      images=reader.images,
                      from_edges=(bool(reader.top_bands), bool(reader.bottom_bands)))


def _first_section(document: etree._Element) -> etree._Element | None:
    """The first section's properties: in the last paragraph of the first section, or the
    body's own when the document has one section."""
    body = document.find(f"{{{W}}}body")
    if body is None:
        return None
    for paragraph in body.iterchildren(f"{{{W}}}p"):
        section = paragraph.find(f"{{{W}}}pPr/{{{W}}}sectPr")
        if section is not None:
            return section
    return body.find(f"{{{W}}}sectPr")


def _page_box(section: etree._Element | None) -> PageBox:
    width, height, top, right, bottom, left, header, footer = _DEFAULT_PAGE
    size = section.find(f"{{{W}}}pgSz") if section is not None else None
    margins = section.find(f"{{{W}}}pgMar") if section is not None else None
    if size is not None:
        width = twips(size.get(f"{{{W}}}w"), width, 1440, 31680)
        height = twips(size.get(f"{{{W}}}h"), height, 1440, 31680)
    if margins is not None:
        top = twips(margins.get(f"{{{W}}}top"), top, 0, 15840)
        right = twips(margins.get(f"{{{W}}}right"), right, 0, 15840)
        bottom = twips(margins.get(f"{{{W}}}bottom"), bottom, 0, 15840)
        left = twips(margins.get(f"{{{W}}}left"), left, 0, 15840)
        header = twips(margins.get(f"{{{W}}}header"), header, 0, 15840)
        footer = twips(margins.get(f"{{{W}}}footer"), footer, 0, 15840)
    # The text needs some width: margins that leave less than a quarter of it are halved.
    while left + right > width * 0.75:
        left, right = left // 2, right // 2
    return PageBox(*(value / 20 for value in (width, height, top, right, bottom, left,
                                             header, footer)))


def _header_footer_ids(section: etree._Element | None) -> tuple[str | None, str | None]:
    """The relationship ids of the header page 1 shows (the first-page header when the
    section has a different first page, as Word does) and of the default footer (the first
    page's when there is no default one)."""
    if section is None:
        return None, None
    refs: dict[tuple[str, str], str] = {}
    for kind in ("header", "footer"):
        for ref in section.iterchildren(f"{{{W}}}{kind}Reference"):
            rel_id = ref.get(f"{{{R}}}id")
            if rel_id:
                refs[(kind, ref.get(f"{{{W}}}type") or "default")] = rel_id
    title_page = section.find(f"{{{W}}}titlePg")
    first_page = title_page is not None and (
        title_page.get(f"{{{W}}}val") not in {"0", "false", "off"})
    header = refs.get(("header", "first")) if first_page else refs.get(("header", "default"))
    footer = refs.get(("footer", "default")) or (
        refs.get(("footer", "first")) if first_page else None)
    return header, footer
