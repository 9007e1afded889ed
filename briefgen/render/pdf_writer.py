"""The PDF writer: the memo drawn with fpdf2, so no Word or LibreOffice is needed."""

from __future__ import annotations

import logging
import time
import unicodedata
from pathlib import Path
from typing import Any

from fpdf import FPDF, FontFace
from fpdf.enums import TableBordersLayout, XPos, YPos
from fpdf.errors import FPDFException
from fpdf.fonts import TTFFont

from briefgen.errors import RenderError
from briefgen.model import Brief
from briefgen.render.context import build_context
from briefgen.render.dates import DEFAULT_DATE_FORMAT, long_date
from briefgen.render.document_info import DocumentInfo, document_info, document_title
from briefgen.render.pdf_bounds import (
    FLOW_CHARS,
    PDF_SECONDS,
    TIGHTER_LINES_MAX_PAGES,
    PdfTooSlow,
    needs_shaping,
    slices,
)
from briefgen.render.pdf_fonts import (
    FontFamily,
    find_fallback_fonts,
    find_unicode_font,
    looks_like_font,
)
from briefgen.render.templates.manifest import BriefTemplate

NAVY = (31, 56, 100)
GREY = (89, 89, 89)
MARK_RED = (160, 28, 28)
MISSING_GLYPH = "\u25a1"
_HEADER_TYPES = ("text", "date", "choice")
try:
    import uharfbuzz  # noqa: F401  (only its presence matters: fpdf2 imports it itself)

    _HAS_SHAPING = True
except ImportError:  # PDFs still render; right-to-left text is then left in logical order
    _HAS_SHAPING = False
_CONTROL_FIELDS = ("classification", "portion_marks", "citations")
_CORE_REPLACEMENTS = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
    "\u2026": "...", "\u2022": "-", "\u00a0": " ", "\u00b7": "-",
})


def core_font_text(text: str) -> str:
    """``text`` reduced to Latin-1 for the PDF core fonts: accents kept, others become ``?``."""
    text = unicodedata.normalize("NFC", text.translate(_CORE_REPLACEMENTS))
    return text.encode("latin-1", "replace").decode("latin-1")


HEADING_KEEP_MM = 30.0
# The built-in templates whose Word and HTML files print the summary (the bottom line up
# front) in bold; the PDF follows them.
BOLD_SUMMARY_TEMPLATES = frozenset({"information-memo"})
# The built-in templates whose Word and HTML files print their Outcomes heading even when
# the brief has none ("No outcome stated in the sources."); the PDF follows them.
OUTCOMES_ALWAYS_TEMPLATES = frozenset({"meeting-readout"})
# The height of a 10.5 pt line, about the Word file's single spacing (smaller text: less),
# and the tighter spacings tried when the Sources would otherwise open a page of their own.
LINE_MM = 4.8
TIGHTER_LINES_MM = (4.6, 4.4, 4.2)


class _MemoPDF(FPDF):
    """An A4 page with the marking banner at top and bottom and "Page X of Y" in the footer."""

    def __init__(self, marking: str, footer_label: str, fonts: FontFamily | None,
                 fallbacks: tuple[Path, ...] = (), *, shaping: bool = True,
                 deadline: float | None = None) -> None:
        super().__init__(orientation="portrait", unit="mm", format="A4")
        self.deadline = deadline
        self.marking = marking
        self.footer_label = footer_label
        self.unicode = fonts is not None
        self.family = "Helvetica"
        self.covered: set[int] = set()
        if fonts is not None:
            paths = [fonts.regular, fonts.bold, fonts.italic, *fallbacks]
            damaged = [p for p in paths if p is not None and not looks_like_font(p)]
            if damaged:
                raise ValueError(f"{damaged[0]} is not a font file")
            self.family = fonts.name
            self.add_font(fonts.name, "", str(fonts.regular))
            # Only the styles the memo uses: parsing each TrueType file costs ~50 ms.
            for style, path in (("B", fonts.bold), ("I", fonts.italic)):
                self.add_font(fonts.name, style, str(path or fonts.regular))
            self.covered = self._codepoints(fonts.name)
            names = []
            for number, path in enumerate(fallbacks):
                name = f"fallback{number}"
                self.add_font(name, "", str(path))
                self.covered |= self._codepoints(name)
                names.append(name)
            if names:
                self.set_fallback_fonts(names, exact_match=False)
            if _HAS_SHAPING and shaping:
                # HarfBuzz joins Arabic letters and lays right-to-left text out right to left.
                self.set_text_shaping(use_shaping_engine=True)
        self.set_margins(25, 23, 25)
        self.set_auto_page_break(auto=True, margin=24)
        self.alias_nb_pages()

    def _codepoints(self, family: str) -> set[int]:
        font = self.fonts[family.lower()]
        return set(font.cmap) if isinstance(font, TTFFont) else set(range(256))

    def text_of(self, value: Any) -> str:
        """Text the fonts can draw: a glyph no installed font has becomes a white square."""
        text = "" if value is None else str(value)
        if not self.unicode:
            return core_font_text(text)
        if all(ord(c) in self.covered for c in text):
            return text
        return "".join(c if ord(c) in self.covered or c in "\n\t" or
                       unicodedata.category(c) in ("Mn", "Cf") else MISSING_GLYPH
                       for c in text)

    def check_time(self) -> None:
        """Stop drawing (``PdfTooSlow``) once the deadline has passed; None: no deadline."""
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise PdfTooSlow

    def header(self) -> None:
        self.check_time()
        if self.marking:
            self.set_y(10)
            self.set_font(self.family, "B", 9.5)
            self.set_text_color(*MARK_RED)
            self.cell(0, 5, self.text_of(self.marking), align="C")
        self.set_y(23)

    def footer(self) -> None:
        self.set_y(-18)
        if self.marking:
            self.set_font(self.family, "B", 9.5)
            self.set_text_color(*MARK_RED)
            self.cell(0, 5, self.text_of(self.marking), align="C",
                      new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(self.family, "", 8)
        self.set_text_color(*GREY)
        self.cell(0, 5, self.text_of(self.footer_label), align="L")
        self.set_x(self.l_margin)
        self.cell(0, 5, f"Page {self.page_no()} of {{nb}}", align="R")


class _Writer:
    """Draws one memo from the render context in the order the template lists its parts."""

    def __init__(self, pdf: _MemoPDF, context: dict[str, Any], template: BriefTemplate) -> None:
        self.pdf = pdf
        self.ctx = context
        self.template = template
        self.portion = context["portion_space"]
        self.line = LINE_MM
        self.sources_alone = False  # whether the Sources section had to open a new page

    def font(self, style: str = "", size: float = 10.5, color: tuple[int, int, int] = (26,) * 3
             ) -> None:
        self.pdf.set_font(self.pdf.family, style, size)
        self.pdf.set_text_color(*color)

    def paragraph(self, text: str, style: str = "", size: float = 10.5, indent: float = 0,
                  color: tuple[int, int, int] = (26, 26, 26), after: float = 2.0) -> None:
        self.pdf.check_time()
        self.font(style, size, color)
        self.flow(self.pdf.text_of(text), self.line * size / 10.5, self.pdf.l_margin + indent)
        self.pdf.ln(after)

    def flow(self, text: str, height: float, x: float) -> None:
        """``text`` wrapped from ``x`` to the right margin. fpdf2 breaks a whole text into
        lines before it draws a page, so a long one is drawn in slices, the deadline
        checked before each."""
        for part in slices(text, FLOW_CHARS):
            self.pdf.check_time()
            self.pdf.set_x(x)
            self.pdf.multi_cell(0, height, part, align="L", new_x=XPos.LMARGIN,
                                new_y=YPos.NEXT)

    def heading(self, text: str, size: float = 12.5, keep: float = HEADING_KEEP_MM) -> None:
        # Keep a heading with what follows: room for it and ``keep`` mm of text (about
        # three lines unless the section is known to be shorter).
        if self.pdf.will_page_break(keep):
            self.pdf.add_page()
        self.pdf.ln(3)
        self.paragraph(text, "B", size, color=NAVY, after=1.0)

    def bullets(self, items: list[str]) -> None:
        for text in items:
            self.pdf.check_time()
            self.font()
            self.pdf.set_x(self.pdf.l_margin + 2)
            self.pdf.cell(5, self.line, self.pdf.text_of("\u2022"))
            self.flow(self.pdf.text_of(self.portion + text), self.line, self.pdf.get_x())
            self.pdf.ln(1)

    def cited(self, item: dict[str, Any]) -> str:
        return str(item["text"]) + (" " + str(item["cite"]) if item.get("cite") else "")

    def title_and_header(self) -> None:
        pdf = self.pdf
        title = self.template.labels.get("title") or self.template.name
        self.paragraph(title.upper(), "B", 17, color=NAVY, after=1)
        pdf.set_draw_color(*NAVY)
        pdf.set_line_width(0.6)
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.w - pdf.r_margin, pdf.get_y())
        pdf.ln(3)
        for spec in self.template.fields:
            if spec.type not in _HEADER_TYPES or spec.name in _CONTROL_FIELDS:
                continue
            value = self.ctx["fields"].get(spec.name, "")
            value = long_date(value, self.ctx["date_format"]) if spec.type == "date" else value
            if spec.name == "location" and not value:
                value = self.ctx["venue"]
            self.font("B")
            pdf.cell(34, self.line + 0.4, pdf.text_of(spec.label.upper() + ":"))
            self.font()
            self.flow(pdf.text_of(value), self.line + 0.4, pdf.get_x())
        pdf.set_line_width(0.2)
        pdf.line(pdf.l_margin, pdf.get_y() + 1.5, pdf.w - pdf.r_margin, pdf.get_y() + 1.5)
        pdf.ln(4)

    def recommendation(self) -> None:
        self.heading("Recommendation")
        text = self.ctx["fields"].get("recommendation") or ""
        if text:
            for line in str(text).splitlines():
                if line.strip():
                    self.paragraph(self.portion + line.strip(), "B")
        else:
            self.paragraph("[Recommendation to be completed by the drafter.]", "I", color=GREY)
        pdf = self.pdf
        for label in ("Approve", "Disapprove", "Discuss with me"):
            pdf.ln(4)
            self.font("B")
            y = pdf.get_y() + 4.5
            pdf.cell(38, 5, pdf.text_of(label))
            pdf.line(pdf.l_margin + 38, y, pdf.l_margin + 95, y)
            pdf.set_x(pdf.l_margin + 99)
            self.font()
            pdf.cell(12, 5, "Date")
            pdf.line(pdf.l_margin + 111, y, pdf.w - pdf.r_margin, y)
            pdf.ln(6)

    def free_text_fields(self) -> None:
        for spec in self.template.fields:
            value = self.ctx["fields"].get(spec.name)
            if not value or spec.name == "recommendation" or spec.name == "outcomes":
                continue
            if spec.type == "multiline":
                self.heading(spec.label)
                for line in str(value).splitlines():
                    if line.strip():
                        self.paragraph(self.portion + line.strip())
            elif spec.type == "list":
                self.heading(spec.label)
                self.bullets([str(v) for v in value])

    def people(self) -> None:
        """The people as the Word and HTML files show them: a table of name, role and
        organisation when the template records participants, else a bulleted list."""
        listed = self.ctx["fields"].get("participants")
        if self.template.field("participants") is None:
            if self.ctx["people"]:
                self.heading(self.ctx["labels"]["people"])
                self.people_list(self.ctx["people"])
            return
        rows = listed or self.ctx["participants"]
        if rows:
            self.heading(self.ctx["labels"]["people"])
            self.people_table(rows)
        others = self.ctx["also_mentioned"]
        if others and not listed:
            names = "; ".join(p["name"] + (f" ({p['role']})" if p["role"] else "")
                              for p in others)
            self.runs([("Also mentioned: ", "B", (26, 26, 26)), (names, "", (26, 26, 26))])
            self.pdf.ln(2)

    def people_list(self, rows: list[dict[str, Any]]) -> None:
        pdf = self.pdf
        left = pdf.l_margin
        for person in rows:
            name, role = str(person.get("name") or ""), str(person.get("role") or "")
            organization = str(person.get("organization") or "")
            rest = f", {role}" if role else ""
            if organization and organization not in role:
                rest += f" ({organization})"
            self.font()
            pdf.set_x(left + 2)
            pdf.cell(5, self.line, pdf.text_of("\u2022"))
            self.runs([(name, "B", (26, 26, 26)), (rest, "", (26, 26, 26))], indent=7)
            pdf.ln(1)

    def people_table(self, rows: list[dict[str, Any]]) -> None:
        self.font(size=9.5)
        heading_style = FontFace(emphasis="BOLD", color=(255, 255, 255), fill_color=NAVY)
        with self.pdf.table(
            col_widths=(30, 40, 30), headings_style=heading_style, line_height=5,
            borders_layout=TableBordersLayout.HORIZONTAL_LINES, text_align="LEFT",
            padding=1.2,
        ) as table:
            table.row([self.pdf.text_of(h) for h in ("Name", "Role", "Organisation")])
            for person in rows:
                table.row([self.pdf.text_of(person.get(k, "")) for k in
                           ("name", "role", "organization")])
        self.pdf.ln(2)

    def quotes(self, items: list[dict[str, Any]]) -> None:
        for quote in items:
            lines = 2 + len(quote["text"]) // 80  # the quote and its speaker stay together
            if self.pdf.will_page_break(lines * self.line + 4):
                self.pdf.add_page()
            self.paragraph(f"{self.portion}\u201c{quote['text']}\u201d"
                           + (f" {quote['cite']}" if quote["cite"] else ""),
                           "I", indent=6, after=0.5)
            who = quote["speaker"] or "Unattributed"
            role = f", {quote['speaker_role']}" if quote["speaker_role"] else ""
            self.runs([("\u2014 ", "", GREY), (who, "B", (26, 26, 26)), (role, "", GREY)],
                      size=9, indent=6)
            self.pdf.ln(2.5)

    def runs(self, parts: list[tuple[str, str, tuple[int, int, int]]], size: float = 10.5,
             indent: float = 0) -> None:
        """One paragraph of runs (text, style, colour) wrapping at ``indent`` from the left."""
        pdf = self.pdf
        left = pdf.l_margin
        pdf.set_left_margin(left + indent)
        pdf.set_x(left + indent)
        try:
            for text, style, color in parts:
                if text:
                    self.font(style, size, color)
                    pdf.write(self.line * size / 10.5, pdf.text_of(text))
        finally:
            pdf.set_left_margin(left)
        pdf.ln(self.line * size / 10.5)

    def coverage(self) -> None:
        self.heading("Coverage")
        for source in self.ctx["sources"]:
            self.paragraph(f"[{source['number']}] {source['title']}", "B", 11, color=NAVY,
                           after=0.5)
            meta = " \u00b7 ".join(x for x in (source["publisher"], source["author"],
                                              source["published"]) if x)
            if meta:
                self.paragraph(meta, "I", 9, color=GREY, after=1)
            if source["summary"]:
                self.paragraph(self.portion + source["summary"])
            self.bullets([f"\u201c{q['text']}\u201d \u2014 {q['speaker'] or 'unattributed'}"
                          for q in source["quotes"][:3]])

    def references(self) -> None:
        if not self.ctx["sources"]:
            return
        lines = [f"[{s['number']}]  {s['reference']}" for s in self.ctx["sources"]]
        # Room for the heading and the references (or the first three): the heading never
        # moves to a page of its own, nor pulls a new page while the list would fit.
        self.font(size=9)
        needed = sum(self._height(line, 9) + 1 for line in lines[:3])
        page = self.pdf.page
        self.heading(self.ctx["labels"]["sources"], keep=12 + needed)
        self.sources_alone = self.pdf.page > page
        for line in lines:
            self.paragraph(line, size=9, after=1)

    def _height(self, text: str, size: float) -> float:
        """The height ``paragraph`` would give ``text`` at ``size`` (without drawing it)."""
        self.font(size=size)
        lines = self.pdf.multi_cell(0, self.line, self.pdf.text_of(text), dry_run=True,
                                    output="LINES")
        return float(len(lines) if isinstance(lines, list) else 1) * self.line * size / 10.5

    def section(self, name: str) -> None:
        ctx, labels = self.ctx, self.ctx["labels"]
        if name == "summary" and ctx["summary"]["text"]:
            self.heading(labels["summary"])
            bold = "B" if self.template.id in BOLD_SUMMARY_TEMPLATES else ""
            self.paragraph(self.portion + self.cited(ctx["summary"]), bold)
            self.free_text_fields()
        elif name == "people":
            self.people()
        elif name == "key_points" and ctx["key_points"]:
            self.heading(labels["key_points"])
            self.bullets([self.cited(k) for k in ctx["key_points"]])
        elif name == "outcomes" and (
            ctx["outcomes"] or self.template.id in OUTCOMES_ALWAYS_TEMPLATES
        ):
            self.heading(labels["outcomes"])
            if ctx["outcomes"]:
                self.bullets([self.cited(k) for k in ctx["outcomes"]])
            else:
                self.paragraph(self.portion + "No outcome stated in the sources.")
        elif name in ("topics", "next_steps", "not_discussed") and ctx[name]:
            self.heading(labels[name])
            self.bullets([self.cited(k) if "cite" in k else k["text"] for k in ctx[name]])
        elif name == "quotes" and ctx["quotes"]:
            self.heading(labels["quotes"])
            self.quotes(ctx["quotes"])
        elif name in ("organizations", "places") and ctx[name]:
            self.heading(labels[name])
            self.paragraph(", ".join(x["name"] for x in ctx[name]))
        elif name == "dates" and ctx["dates"]:
            self.heading(labels["dates"])
            self.bullets([f"{d['display']} ({d['text']})" for d in ctx["dates"]])
        elif name == "sources" and ctx["sources"] and self._sources_lead():
            self.coverage()

    def _sources_lead(self) -> bool:
        """Whether the template lists its sources before the key points and quotes: then
        each source gets its own coverage section (a digest), not only a reference."""
        lists = self.template.lists
        later = [lists.index(n) for n in ("key_points", "quotes") if n in lists]
        return not later or lists.index("sources") < min(later)

    def write(self) -> None:
        self.pdf.add_page()
        self.title_and_header()
        if self.template.field("recommendation") is not None:
            self.recommendation()
        for name in self.template.lists:
            self.section(name)
        if "summary" not in self.template.lists or not self.ctx["summary"]["text"]:
            self.free_text_fields()
        self.references()


def render_pdf(brief: Brief, template: BriefTemplate,
               fonts: FontFamily | None | bool = True, *,
               date_format: str = DEFAULT_DATE_FORMAT, seconds: float = PDF_SECONDS,
               info: DocumentInfo | None = None) -> bytes:
    """The memo as PDF bytes. ``fonts``: True finds a system Unicode font, ``None`` forces
    the core fonts (characters outside Latin-1 become ``?``), a FontFamily uses that one.
    ``date_format``: strftime codes for every date in the memo (see render_html). ``info``:
    the author and language the PDF names (None: the user's settings file); its title is
    the brief's subject. This writer cannot tag the PDF's structure.
    Raises RenderError when drawing takes longer than ``seconds``."""
    deadline = time.monotonic() + seconds
    info = info or document_info()
    title = document_title(brief)
    family = find_unicode_font() if fonts is True else fonts or None
    fallbacks = find_fallback_fonts() if fonts is True else ()
    if family is not None:
        fallbacks = tuple(f for f in fallbacks if f != family.regular)
    context = build_context(brief, template, date_format=date_format)
    shaping = needs_shaping(context)
    fpdf_logger = logging.getLogger("fpdf")
    level = fpdf_logger.level
    fpdf_logger.setLevel(logging.ERROR)  # missing glyphs (emoji, CJK) are expected, not news
    try:
        # A page holding only the Sources is a waste of paper: set the memo a little
        # tighter until the references fit after the text (or the spacings run out).
        for line in (LINE_MM, *TIGHTER_LINES_MM):
            pdf, writer = _draw(context, template, family, fallbacks, line,
                                shaping=shaping, deadline=deadline)
            pdf.set_title(title or template.name)
            pdf.set_author(info.author)
            pdf.set_lang(info.language)
            if not writer.sources_alone or pdf.page > TIGHTER_LINES_MAX_PAGES:
                break
        return bytes(pdf.output())
    except PdfTooSlow:
        raise RenderError(
            f"{template.id}: the PDF was not drawn because it took longer than {seconds:g} "
            "seconds (the memo is very long); shorten its longest field, or export it as "
            ".docx or HTML instead."
        ) from None
    except (FPDFException, ValueError, OSError) as exc:
        raise RenderError(f"{template.id}: the PDF cannot be drawn ({exc}).") from None
    finally:
        fpdf_logger.setLevel(level)


def _draw(context: dict[str, Any], template: BriefTemplate, family: FontFamily | None,
          fallbacks: tuple[Path, ...], line: float, *, shaping: bool = True,
          deadline: float | None = None) -> tuple[_MemoPDF, _Writer]:
    """The memo drawn with ``line`` mm per 10.5 pt line, and the writer that drew it;
    ``shaping``: whether to lay text out with HarfBuzz; ``deadline``: a time.monotonic()
    past which drawing stops with ``PdfTooSlow`` (None: no deadline)."""
    title = template.labels.get("title") or template.name
    try:
        pdf = _MemoPDF(context["marking"], title, family, fallbacks, shaping=shaping,
                       deadline=deadline)
    except Exception:  # noqa: BLE001 - a damaged system font: fall back to the core fonts
        pdf = _MemoPDF(context["marking"], title, None, deadline=deadline)
    pdf.set_creator("briefgen")
    writer = _Writer(pdf, context, template)
    writer.line = line
    writer.write()
    return pdf, writer
