"""Real files of every format the intake reads, built for the tests from the team's own text."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zlib
from email.message import EmailMessage
from email.utils import format_datetime

import docx
from fpdf import FPDF
from odf import dc, meta, teletype
from odf import table as odf_table
from odf import text as odf_text
from odf.opendocument import OpenDocumentText

HEADLINE = "Harbour council approves new ferry timetable after months of delays"
AUTHOR = "Priya Castellan"
PUBLISHER = "Coastline Courier"
PUBLISHED = "2026-02-04"
PARAGRAPHS = [
    "PORT ELLIS, Feb. 4 (Coastline Courier) - The harbour council voted on Tuesday to "
    "approve a new ferry timetable for the islands, ending a dispute that had left "
    "commuters without an evening service since the autumn.",
    "Council chair Miriam Odell said the plan would add two crossings each weekday and "
    "restore the late sailing on Fridays. \"People have waited long enough for a service "
    "they can rely on,\" she told the meeting.",
    "The ferry operator, Northsound Lines, said it had hired eleven new crew members and "
    "expected the first extra crossings to run from the start of March. A review of the "
    "winter schedule is due in September.",
]
BODY = "\n\n".join(PARAGRAPHS)
PLAIN_ARTICLE = (
    f"{HEADLINE}\nBy {AUTHOR}, {PUBLISHER}\nPublished: {PUBLISHED}\n\n{BODY}\n"
)
FRENCH_TEXT = (
    "Le conseil du port a approuvé mardi un nouvel horaire pour les traversées vers les "
    "îles, mettant fin à un différend qui privait les usagers de service le soir depuis "
    "l'automne. La présidente du conseil a déclaré que le plan ajouterait deux traversées "
    "chaque jour de semaine et rétablirait le dernier départ du vendredi. L'exploitant a "
    "indiqué avoir recruté onze nouveaux membres d'équipage pour assurer les départs."
)


def html_page(title: str = HEADLINE, paragraphs: list[str] | None = None) -> str:
    """A news page with navigation, a cookie banner, adverts and a comment thread."""
    body = "\n".join(f"<p>{p}</p>" for p in (paragraphs or PARAGRAPHS))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | {PUBLISHER}</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="{PUBLISHER}">
<meta name="author" content="{AUTHOR}">
<meta property="article:published_time" content="{PUBLISHED}T09:30:00Z">
</head><body>
<div id="cookie-banner" class="cookie-consent">We use cookies to improve your experience.
Accept all cookies or manage your preferences.</div>
<nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
<li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
<main><article>
<h1>{title}</h1>
<p class="byline">By {AUTHOR}</p>
{body}
</article>
<aside class="advert">Advertisement: Buy discount garden furniture today at Sunbeam Outlet.</aside>
<section id="comments" class="comments"><h2>Comments</h2>
<div class="comment"><p>Reader4521: Typical council, always late with everything!</p></div>
<div class="comment"><p>Gulls_fan: About time, the old timetable was a joke.</p></div>
</section></main>
<footer class="footer"><p>Copyright 2026 {PUBLISHER}. All rights reserved.</p></footer>
</body></html>"""


def docx_bytes(*, with_table: bool = True) -> bytes:
    """A Word file: a Title paragraph, the body, a table, and core properties."""
    document = docx.Document()
    document.add_paragraph(HEADLINE, style="Title")
    for paragraph in PARAGRAPHS:
        document.add_paragraph(paragraph)
    if with_table:
        table = document.add_table(rows=2, cols=2)
        for row, (route, crossings) in enumerate((("Route", "Crossings"), ("Port Ellis", "14"))):
            table.cell(row, 0).text = route
            table.cell(row, 1).text = crossings
        document.add_paragraph("The council will publish the full timetable online.")
    properties = document.core_properties
    properties.title = ""
    properties.author = AUTHOR
    properties.created = dt.datetime(2026, 2, 4, 8, 0, 0)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


class _NewsPdf(FPDF):
    """A PDF with a running header and a page number footer on every page."""

    def header(self) -> None:
        self.set_font("helvetica", size=9)
        self.cell(0, 8, "Coastline Courier - Regional edition", align="C")
        self.ln(12)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font("helvetica", size=9)
        self.cell(0, 8, f"Page {self.page_no()}", align="C")


# Pages as typeset in a narrow column, words hyphenated at line ends.
PDF_PAGES = [
    [
        "The harbour council voted on Tuesday to approve a new ferry time-",
        "table for the islands, ending a dispute that had left commuters with-",
        "out an evening service since the autumn.",
        "",
        "Council chair Miriam Odell said the plan would add two crossings each",
        "weekday and restore the late sailing on Fridays.",
    ],
    [
        "The ferry operator, Northsound Lines, said it had hired eleven new",
        "crew members and expected the first extra crossings to run from the",
        "start of March, weather permit-",
        "ting.",
        "",
        "Passengers on the northern route will see the biggest change.",
    ],
    [
        "A review of the winter schedule is due in September, when the coun-",
        "cil will also consider a discount for students and pensioners.",
        "",
        "Residents can comment on the timetable until the end of the month.",
    ],
]


def pdf_bytes(*, title: str | None = HEADLINE) -> bytes:
    """A three-page text PDF with running headers, page numbers and hyphenated line ends."""
    pdf = _NewsPdf()
    pdf.set_auto_page_break(auto=True, margin=20)
    if title:
        pdf.set_title(title)
        pdf.set_author(AUTHOR)
    for lines in PDF_PAGES:
        pdf.add_page()
        pdf.set_font("helvetica", size=11)
        for line in lines:
            pdf.cell(0, 6, line)
            pdf.ln(6)
    return bytes(pdf.output())


def long_pdf_bytes(pages: int = 20) -> bytes:
    """A PDF of ``pages`` full pages of wrapped article text (for speed measurements)."""
    pdf = _NewsPdf()
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.set_font("helvetica", size=11)
    text = " ".join(PARAGRAPHS).replace("\"", "'")
    while pdf.page_no() < pages:
        if pdf.page_no() == 0:
            pdf.add_page()
        pdf.multi_cell(0, 6, text)
        pdf.ln(4)
    return bytes(pdf.output())


def png_bytes(width: int = 8, height: int = 8) -> bytes:
    """A small grey PNG image, written by hand."""

    def chunk(kind: bytes, payload: bytes) -> bytes:
        body = kind + payload
        return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    pixels = b"".join(b"\x00" + bytes([128]) * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(pixels)) + chunk(b"IEND", b"")
    )


def image_only_pdf_bytes() -> bytes:
    """A 'scanned' PDF: one page holding only an image, no text layer."""
    pdf = FPDF()
    pdf.add_page()
    pdf.image(io.BytesIO(png_bytes(32, 32)), x=10, y=10, w=100)
    return bytes(pdf.output())


def encrypted_pdf_bytes() -> bytes:
    """A PDF that needs a password to open."""
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    pdf.cell(0, 6, "Confidential council minutes.")
    pdf.set_encryption(owner_password="owner-pass", user_password="user-pass")
    return bytes(pdf.output())


def eml_bytes(
    *, html: bool = False, attachments: list[tuple[str, str, bytes]] | None = None,
    body: str | None = None,
) -> bytes:
    """A forwarded e-mail with the article in its text (or HTML) part, plus attachments
    given as (filename, mime type, bytes)."""
    message = EmailMessage()
    message["Subject"] = f"Fwd: {HEADLINE}"
    message["From"] = "Jonas Whitfield <jonas.whitfield@example.org>"
    message["To"] = "briefing-team@example.org"
    message["Date"] = format_datetime(dt.datetime(2026, 2, 5, 10, 15, tzinfo=dt.UTC))
    text = body if body is not None else (
        "---------- Forwarded message ---------\n"
        f"From: Coastline Courier <news@example.com>\nDate: 4 Feb 2026\n"
        f"Subject: {HEADLINE}\n\n{BODY}\n"
    )
    if html:
        message.set_content("")
        message.clear_content()
        message.set_content(html_page(), subtype="html")
    else:
        message.set_content(text)
    for filename, mime, data in attachments or []:
        maintype, subtype = mime.split("/")
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return message.as_bytes()


def odt_bytes() -> bytes:
    """An OpenDocument text file: a heading, the body, a table, and metadata."""
    document = OpenDocumentText()
    document.meta.addElement(dc.Title(text=HEADLINE))
    document.meta.addElement(dc.Creator(text=AUTHOR))
    document.meta.addElement(meta.CreationDate(text=f"{PUBLISHED}T08:00:00"))
    heading = odf_text.H(outlinelevel=1)
    teletype.addTextToElement(heading, HEADLINE)
    document.text.addElement(heading)
    for paragraph in PARAGRAPHS:
        element = odf_text.P()
        teletype.addTextToElement(element, paragraph)
        document.text.addElement(element)
    grid = odf_table.Table(name="Crossings")
    grid.addElement(odf_table.TableColumn(numbercolumnsrepeated=2))
    for route, crossings in (("Route", "Crossings"), ("Port Ellis", "14")):
        row = odf_table.TableRow()
        for value in (route, crossings):
            cell = odf_table.TableCell()
            cell_text = odf_text.P()
            teletype.addTextToElement(cell_text, value)
            cell.addElement(cell_text)
            row.addElement(cell)
        grid.addElement(row)
    document.text.addElement(grid)
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


def rtf_bytes() -> bytes:
    """A hand-written RTF document in cp1252 with an accented word and an escaped quote."""
    body = "\\par\n".join(
        p.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}") for p in PARAGRAPHS
    )
    document = (
        "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Times New Roman;}}\n"
        "{\\info{\\title Ferry timetable}{\\author Priya Castellan}}\n"
        f"\\f0\\fs24 {{\\b {HEADLINE}}}\\par\n"
        f"By {AUTHOR}, {PUBLISHER}\\par\n"
        f"Published: {PUBLISHED}\\par\n\\par\n"
        f"{body}\\par\n"
        "The caf\\'e9 by the pier will stay open late.\\par\n}"
    )
    return document.encode("ascii")


def _filetime(when: dt.datetime) -> int:
    return int((when - dt.datetime(1601, 1, 1, tzinfo=dt.UTC)).total_seconds() * 10_000_000)


def msg_bytes(
    *, body: str | None = None, html: str | None = None,
    attachments: list[tuple[str, bytes]] | None = None,
) -> bytes:
    """An Outlook .msg (an OLE compound file of MAPI property streams) forwarding the
    article, with attachments given as (filename, bytes)."""
    from .cfb_writer import build_compound_file

    def text(value: str) -> bytes:
        return value.encode("utf-16-le")

    sent = dt.datetime(2026, 2, 5, 10, 15, tzinfo=dt.UTC)
    properties = b"\0" * 32 + struct.pack("<IIQ", 0x00390040, 6, _filetime(sent))
    streams = {
        "__nameid_version1.0/__substg1.0_00020102": b"",
        "__substg1.0_0037001F": text(f"FW: {HEADLINE}"),
        "__substg1.0_0C1A001F": text("Jonas Whitfield"),
        "__substg1.0_0C1F001F": text("jonas.whitfield@example.org"),
        "__properties_version1.0": properties,
    }
    if body is not None or html is None:
        streams["__substg1.0_1000001F"] = text(body if body is not None else BODY)
    if html is not None:
        streams["__substg1.0_10130102"] = html.encode("utf-8")
    for number, (filename, data) in enumerate(attachments or []):
        storage = f"__attach_version1.0_#{number:08X}"
        streams[f"{storage}/__substg1.0_3707001F"] = text(filename)
        streams[f"{storage}/__substg1.0_37010102"] = data
        streams[f"{storage}/__properties_version1.0"] = b"\0" * 8
    return build_compound_file(streams)
