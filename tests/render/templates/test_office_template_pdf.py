"""End to end, for each kind of office Word document issue 19 lists: import it as a
template, render a brief with its own to/from/subject to .docx and to PDF by the public
route (``render_to_file``, as ``briefgen render -o memo.pdf`` does), and check the PDF page
by page: the page size of the document's sections, the letterhead pictures drawn on the
pages that show them, the header and footer text (page numbers counted per page) and the
marking on every page, the brief's values on page 1, no template syntax or field code, and
the document's fonts (or their metric-compatible twins) in the fonts the pages use.

The .docx side of each kind is tested in test_docx_import.py; here only what it does not
check: the field codes left in any part (only PAGE and NUMPAGES may stay) and the PDF.

The PDF needs LibreOffice: every PDF test here skips, saying so, where ``soffice`` is absent
(as on CI). The memos are made once per document kind for the whole module.
"""

from __future__ import annotations

import copy
import io
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import docx
import pypdf
import pytest
from pypdf.generic import ContentStream, DictionaryObject, NameObject
from support import letterhead_docs as lh
from support import office_docs as od
from support.sample_briefs import sample_brief

from briefgen.render import apply_template_defaults, render_to_file
from briefgen.render.pdf_convert import CONVERTER_ENV, find_converter
from briefgen.render.templates.docx_import import import_docx
from briefgen.render.templates.library import TemplateLibrary

TO = "Harbour Commissioner Ylva Brandt"
FROM = "Ports Liaison Desk"
SUBJECT = "Ferry berth repairs before the spring timetable"
DATE = "12 March 2026"  # the sample brief's date, in the memo's long form
MARKING = "OFFICIAL"
EMU_PER_POINT = 12700

# Fonts LibreOffice puts in place of a font that is not installed, with the same widths
# (so lines break where Word breaks them): Liberation for Microsoft's core fonts, Carlito
# and Caladea for the Office 2007 fonts, Gelasio for Georgia. Fonts with no such twin
# (Garamond) are drawn in whatever fontconfig picks: the test cannot name that one.
METRIC_TWINS = {
    "Arial": "Liberation Sans",
    "Helvetica": "Liberation Sans",
    "Times New Roman": "Liberation Serif",
    "Courier New": "Liberation Mono",
    "Calibri": "Carlito",
    "Cambria": "Caladea",
    "Georgia": "Gelasio",
}


@dataclass
class Case:
    """One office document and what its PDF must show. Header and footer lines are per
    page kind: ``first`` (page 1), ``odd`` and ``even`` (the other pages); ``{n}`` is the
    page's own number. ``pictures``: the pixel sizes of the pictures drawn on page 1 and on
    the other pages."""

    build: Callable[[Path], Path]
    slots: dict[str, int] | None = None
    fields: dict[str, str] = field(default_factory=dict)
    first: tuple[str, ...] = ()
    odd: tuple[str, ...] = ()
    even: tuple[str, ...] | None = None  # None: as ``odd``
    pictures_first: frozenset[tuple[int, int]] = frozenset()
    pictures_other: frozenset[tuple[int, int]] = frozenset()
    fonts: tuple[str, str] | None = None  # theme (headings, body) fonts to give the document
    literal: str = ""  # text of the document itself that looks like template syntax
    page_one: tuple[str, ...] = (TO, FROM, SUBJECT)


def _themed(build: Callable[[Path], Path], major: str, minor: str) -> Callable[[Path], Path]:
    """``build``, then its theme's heading and body fonts set to ``major`` and ``minor``:
    an office whose memo form uses its own fonts."""
    def themed(path: Path) -> Path:
        source = build(path.with_name("plain-" + path.name))
        with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
            for info in old.infolist():
                data = old.read(info.filename)
                if info.filename == "word/theme/theme1.xml":
                    text = data.decode("utf-8")
                    for tag, name in (("majorFont", major), ("minorFont", minor)):
                        text = re.sub(rf'(<a:{tag}>\s*<a:latin typeface=")[^"]*"',
                                      rf'\g<1>{name}"', text)
                    data = text.encode("utf-8")
                new.writestr(info, data)
        return path
    return themed


def _on(page: tuple[int, int], build: Callable[..., Path]) -> Callable[[Path], Path]:
    return lambda path: build(path, page)


LOGO_FIRST = ("Quillmark City Budget Office", "Quillmark City \u2014 first page footer")
LOGO_OTHER = ("Budget Office \u2014 internal memo", "14 Tallow Street, Quillmark Page {n}")
LEGAL = ("HARROWGATE & VENN LLP", "Harrowgate & Venn, 9 Mill Lane Page {n}")
LETTERHEAD = frozenset({(210, 297)})

CASES: dict[str, Case] = {
    "logo memo, first-page header, A4": Case(
        _on(od.A4, od.logo_memo), first=LOGO_FIRST, odd=LOGO_OTHER,
        pictures_first=frozenset({(400, 120)}), pictures_other=frozenset({(240, 80)})),
    "logo memo, first-page header, Letter, Arial and Times": Case(
        _themed(_on(od.LETTER, od.logo_memo), "Arial", "Times New Roman"),
        first=LOGO_FIRST, odd=LOGO_OTHER,
        pictures_first=frozenset({(400, 120)}), pictures_other=frozenset({(240, 80)}),
        fonts=("Arial", "Times New Roman")),
    "table, content control, drawing, two sections, Letter": Case(
        _on(od.LETTER, od.table_form), fields={"cc": "Records office"}, first=LEGAL,
        odd=LEGAL, page_one=(TO, FROM, SUBJECT, "CC: Records office")),
    "table, content control, drawing, two sections, A4, Courier New": Case(
        _themed(_on(od.A4, od.table_form), "Courier New", "Courier New"), first=LEGAL,
        odd=LEGAL, fonts=("Courier New", "Courier New")),
    "whole-page letterhead picture, sample letter, A4": Case(
        _on(od.A4, od.letterhead), pictures_first=LETTERHEAD, pictures_other=LETTERHEAD,
        page_one=(DATE, f"Dear {TO},")),
    "whole-page letterhead picture, sample letter, Letter": Case(
        _themed(_on(od.LETTER, od.letterhead), "Arial", "Times New Roman"),
        pictures_first=LETTERHEAD, pictures_other=LETTERHEAD,
        page_one=(DATE, f"Dear {TO},"), fonts=("Arial", "Times New Roman")),
    "labels in a picture, values in mapped text boxes, A4": Case(
        _on(od.A4, od.picture_label_form), slots={"to": 1, "from": 2, "date": 3, "subject": 4},
        pictures_first=frozenset({(120, 200)}), page_one=(TO, FROM, DATE, SUBJECT)),
    "merge fields and mail-merge settings, Letter": Case(
        _on(od.LETTER, od.merge_letter), fields={"account_number": "PK-2231"},
        first=("Northfold Parks Department",), odd=("Northfold Parks Department",),
        page_one=(f"To: {TO}", f"Subject: {SUBJECT}", "Account: PK-2231")),
    "odd and even page headers, A4": Case(
        od.even_pages_memo, first=("Odd page header",), odd=("Odd page header",),
        even=("Even page header",), page_one=(SUBJECT,)),
    "no header or footer, Letter": Case(od.bare_document, page_one=(SUBJECT,)),
    "labelled text boxes, address fields, fetched picture, braces, A4": Case(
        od.boxed_letter, first=("crest", "Form {{ 12 }} rev {% a %}"),
        odd=("crest", "Form {{ 12 }} rev {% a %}"), literal="Form {{ 12 }} rev {% a %}",
        page_one=(f"TO: {TO}", f"FROM: {FROM}", DATE, f"Dear {TO},")),
    "bracketed placeholders, Letter": Case(
        _on(od.LETTER, od.bracket_letter), first=("Ashcombe Water Board",),
        odd=("Ashcombe Water Board",), page_one=(DATE, TO, f"Dear {TO}:")),
    "form laid out as one table, A4": Case(
        od.table_layout_memo, first=("Fennick County Clerk",),
        odd=("Fennick County Clerk",)),
    "logo, office fonts, own first page, footer with page number, A4": Case(
        lambda path: lh.letterhead_docx(path, first_page=True),
        first=(lh.FIRST_PAGE_LINE,),
        odd=(lh.OFFICE_NAME, lh.OFFICE_DIVISION + " & <Partners>", lh.FOOTER_ADDRESS,
             "Page {n}"),
        pictures_other=frozenset({lh.LOGO_SIZE_PX}), page_one=(SUBJECT,)),
}


@dataclass
class Rendered:
    docx: bytes
    pdf: pypdf.PdfReader | None
    notice: str | None


def _converter_here() -> bool:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CONVERTER_ENV, "auto")
        return find_converter() is not None


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Rendered]:
    """The .docx and (where LibreOffice is installed) the PDF of each case's brief, made
    once for the module."""
    made: dict[str, Rendered] = {}
    converter = _converter_here()

    def render(name: str) -> Rendered:
        if name not in made:
            case = CASES[name]
            folder = tmp_path_factory.mktemp("office")
            library = TemplateLibrary(user_dir=folder / "user-templates")
            result = import_docx(case.build(folder / "office form.docx"), library,
                                 slots=case.slots)
            assert result.template is not None, result.notes
            brief = sample_brief()
            brief.template = result.template.id
            brief.fields.update({"to": TO, "from": FROM, "subject": SUBJECT, **case.fields})
            brief = copy.deepcopy(brief)
            apply_template_defaults(brief, result.template)
            render_to_file(brief, result.template, folder / "memo.docx")
            pdf, notice = None, None
            if converter:
                with pytest.MonkeyPatch.context() as patch:  # each test's own is "none"
                    patch.setenv(CONVERTER_ENV, "auto")
                    notice = render_to_file(brief, result.template, folder / "memo.pdf")
                pdf = pypdf.PdfReader(folder / "memo.pdf")
            made[name] = Rendered((folder / "memo.docx").read_bytes(), pdf, notice)
        return made[name]

    return render


def _pdf(memo: Rendered) -> pypdf.PdfReader:
    """The memo's PDF, or a skip saying why there is none (as on CI)."""
    if memo.pdf is None:
        pytest.skip("LibreOffice (soffice) is not installed: the PDF route of office "
                    "templates cannot run here")
    return memo.pdf


# Reading the PDF -----------------------------------------------------------------------


def _text(page: pypdf.PageObject) -> str:
    return " ".join(page.extract_text().split())


def _drawn(page: pypdf.PageObject) -> tuple[set[tuple[int, int]], set[str]]:
    """The pixel sizes of the pictures the page draws and the fonts it writes in, from its
    content stream and the forms that one draws (the pages share one resource dictionary,
    so the resources alone do not say what a page shows)."""
    pictures: set[tuple[int, int]] = set()
    fonts: set[str] = set()

    def walk(stream: Any, resources: DictionaryObject, depth: int) -> None:
        xobjects, font_dict = _dict(resources.get("/XObject")), _dict(resources.get("/Font"))
        for operands, operator in ContentStream(stream, page.pdf).operations:
            if operator == b"Tf" and operands[0] in font_dict:
                base = _dict(font_dict[operands[0]]).get("/BaseFont", "")
                fonts.add(str(base).lstrip("/").split("+")[-1])
            elif operator == b"Do" and operands[0] in xobjects:
                target = _dict(xobjects[operands[0]])
                if target.get("/Subtype") == NameObject("/Image"):
                    pictures.add((int(str(target["/Width"])), int(str(target["/Height"]))))
                elif target.get("/Subtype") == NameObject("/Form") and depth < 8:
                    inner = target.get("/Resources")
                    walk(xobjects[operands[0]].get_object(),
                         _dict(inner) if inner is not None else resources, depth + 1)

    walk(page.get_contents(), _dict(page["/Resources"]), 0)
    return pictures, fonts


def _dict(value: Any) -> DictionaryObject:
    """A PDF dictionary, followed through its reference; an empty one for anything else."""
    found = value.get_object() if value is not None else None
    return found if isinstance(found, DictionaryObject) else DictionaryObject()


def _squash(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def _installed_families() -> set[str] | None:
    if shutil.which("fc-list") is None:
        return None
    listing = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True,
                             check=False, timeout=60).stdout
    return {_squash(name) for line in listing.splitlines() for name in line.split(",")}


# Reading the .docx ---------------------------------------------------------------------


def _parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n).decode("utf-8") for n in archive.namelist()
                if n.startswith("word/") and n.endswith(".xml")}


def _sizes(data: bytes) -> list[tuple[float, float]]:
    """Each section's page width and height in points."""
    return [((s.page_width or 0) / EMU_PER_POINT, (s.page_height or 0) / EMU_PER_POINT)
            for s in docx.Document(io.BytesIO(data)).sections]


def _document_fonts(parts: dict[str, str]) -> set[str]:
    """The fonts the memo's text is set in: the theme's heading and body fonts and any font
    a paragraph of the body, a header or a footer names."""
    theme = next((xml for name, xml in parts.items() if name.startswith("word/theme/")), "")
    fonts = set(re.findall(r'<a:(?:major|minor)Font>\s*<a:latin typeface="([^"]+)"', theme))
    for name, xml in parts.items():
        if re.match(r"word/(document|header\d+|footer\d+)\.xml$", name):
            fonts.update(re.findall(r'<w:rFonts [^>]*w:ascii="([^"]+)"', xml))
    return fonts


# The tests -----------------------------------------------------------------------------

NAMES = sorted(CASES)


@pytest.mark.parametrize("name", NAMES)
def test_docx_keeps_no_field_code_but_page_numbers(rendered: Callable[[str], Rendered],
                                                   name: str) -> None:
    parts = _parts(rendered(name).docx)
    for part, xml in parts.items():
        codes = re.findall(r"<w:instrText[^>]*>([^<]*)</w:instrText>", xml)
        codes += re.findall(r'<w:fldSimple [^>]*w:instr="([^"]*)"', xml)
        kinds = {code.split()[0].upper() for code in codes if code.strip()}
        assert kinds <= {"PAGE", "NUMPAGES"}, (part, kinds)
        if re.match(r"word/header\d+\.xml$", part):
            assert MARKING in re.sub(r"<[^>]+>", "", xml), part


@pytest.mark.parametrize("name", NAMES)
def test_pdf_pages_keep_the_size_of_the_documents_sections(
        rendered: Callable[[str], Rendered], name: str) -> None:
    memo = rendered(name)
    pdf = _pdf(memo)
    assert memo.notice is None  # converted by LibreOffice: nothing lacking
    sizes = _sizes(memo.docx)
    pages = [(float(p.mediabox.width), float(p.mediabox.height)) for p in pdf.pages]
    assert len(pages) >= len(sizes)
    # the first page is in the first section, the last page in the last
    for page, section in ((pages[0], sizes[0]), (pages[-1], sizes[-1])):
        assert page == pytest.approx(section, abs=1.5), (pages, sizes)


@pytest.mark.parametrize("name", NAMES)
def test_pdf_shows_header_footer_and_marking_on_every_page(
        rendered: Callable[[str], Rendered], name: str) -> None:
    case, memo = CASES[name], rendered(name)
    pages = [_text(page) for page in _pdf(memo).pages]
    assert len(pages) >= 2, "the brief fills more than one page: the checks need a page 2"
    for number, text in enumerate(pages, start=1):
        assert MARKING in text, number
        if number == 1:
            lines = case.first
        elif number % 2 == 0 and case.even is not None:
            lines = case.even
        else:
            lines = case.odd
        for line in lines:
            assert line.replace("{n}", str(number)) in text, (number, line, text[:300])
        others = {line for line in (*case.first, *case.odd, *(case.even or ()))
                  if "{n}" not in line} - set(lines)
        for line in others:  # the other page kinds' lines are not on this page
            assert line not in text, (number, line)
        rest = text.replace(case.literal, "") if case.literal else text
        for syntax in ("{{", "{%", "\u00ab", "MERGEFIELD", "Error! "):
            assert syntax not in rest, (number, syntax)


@pytest.mark.parametrize("name", NAMES)
def test_pdf_page_one_shows_the_briefs_values(rendered: Callable[[str], Rendered],
                                              name: str) -> None:
    case, memo = CASES[name], rendered(name)
    text = _text(_pdf(memo).pages[0])
    for value in case.page_one:
        assert value in text, (value, text[:400])


@pytest.mark.parametrize("name", NAMES)
def test_pdf_pages_draw_the_letterhead_pictures(rendered: Callable[[str], Rendered],
                                                name: str) -> None:
    case, memo = CASES[name], rendered(name)
    for number, page in enumerate(_pdf(memo).pages, start=1):
        pictures, _ = _drawn(page)
        wanted = case.pictures_first if number == 1 else case.pictures_other
        assert pictures == set(wanted), number


@pytest.mark.parametrize("name", NAMES)
def test_pdf_uses_the_documents_fonts_or_their_metric_twins(
        rendered: Callable[[str], Rendered], name: str) -> None:
    case, memo = CASES[name], rendered(name)
    pages = _pdf(memo).pages
    installed = _installed_families()
    if installed is None:
        pytest.skip("fc-list is not installed: which fonts exist here is unknown")
    named = _document_fonts(_parts(memo.docx))
    if case.fonts:
        assert set(case.fonts) <= named
    used: set[str] = set()
    for page in pages:
        used |= {_squash(font) for font in _drawn(page)[1]}
    checked = []
    for font in sorted(named):
        choices = [font] + ([METRIC_TWINS[font]] if font in METRIC_TWINS else [])
        here = [c for c in choices if _squash(c) in installed]
        if not here:
            continue  # neither the font nor a twin on this machine: drawn in a fallback
        checked.append(font)
        assert any(u.startswith(_squash(c)) for u in used for c in here), (font, used)
    if case.fonts:
        assert set(case.fonts) <= set(checked), "the office's own fonts were not checked"
