"""How fast intake loads each format: median milliseconds per load against the budget.

Run as ``.venv/bin/python benchmarks/bench_intake_speed.py`` from the repository root.
Every input is built here (a 60 KB news page, a 20-page PDF, a Word file, an e-mail, a
text file); the two eval pages nearest 60 KB in ../shared/eval/html are added when that
folder is present. The baseline, measured in the same run, is the bare library work
(a tag-strip of the page, pypdf's text of every page, python-docx's paragraphs, the
stdlib e-mail parse, a UTF-8 decode): the ratio (load / baseline, baseline floored at 0.1 ms) shows
what briefgen adds on top.
"""

from __future__ import annotations

import datetime as dt
import io
import statistics
import sys
import time
from collections.abc import Callable
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from html.parser import HTMLParser
from pathlib import Path

import docx
from fpdf import FPDF
from pypdf import PdfReader

from briefgen.intake import load

EVAL_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "html"
REPEATS = 15
BUDGET_MS = {"html": 50.0, "pdf": 300.0}

PARAGRAPH = (
    "The regional transport board said on Wednesday that it would extend the evening "
    "tram service to the northern suburbs from the spring, after a consultation in which "
    "more than four thousand residents asked for later connections. \"We heard clearly "
    "that people want to get home safely after a late shift,\" the board's chair said, "
    "adding that the extra services would cost about two million a year."
)


def news_page(target_bytes: int = 60_000) -> bytes:
    """A news page of about ``target_bytes``: navigation, scripts, the article, comments."""
    nav = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(40))
    script = "<script>window.dataLayer = [" + ",".join(str(i) for i in range(800)) + "];</script>"
    head = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Tram service extended to northern suburbs | The Valley Ledger</title>"
        "<meta property='og:site_name' content='The Valley Ledger'>"
        "<meta name='author' content='Dana Okafor'>"
        "<meta property='article:published_time' content='2026-01-21T08:00:00Z'>"
        f"{script}</head><body><nav><ul>{nav}</ul></nav><main><article>"
        "<h1>Tram service extended to northern suburbs</h1><p class='byline'>By Dana Okafor</p>"
    )
    paragraphs = "".join(f"<p>{PARAGRAPH} (Part {i}.)</p>" for i in range(30))
    comments = ""
    tail = "</main><footer>Copyright 2026 The Valley Ledger</footer></body></html>"
    index = 0
    while len(head) + len(paragraphs) + len(comments) + len(tail) < target_bytes:
        comments += f"<div class='comment'><p>Reader {index}: about time too.</p></div>"
        index += 1
    page = head + paragraphs + "</article><section class='comments'>" + comments
    return (page + "</section>" + tail).encode("utf-8")


def pdf_document(pages: int = 20) -> bytes:
    """A PDF of ``pages`` pages of wrapped article text, with header and page numbers."""

    class Report(FPDF):
        def header(self) -> None:
            self.set_font("helvetica", size=9)
            self.cell(0, 8, "The Valley Ledger - Transport", align="C")
            self.ln(12)

        def footer(self) -> None:
            self.set_y(-15)
            self.set_font("helvetica", size=9)
            self.cell(0, 8, f"Page {self.page_no()}", align="C")

    pdf = Report()
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()
    pdf.set_font("helvetica", size=11)
    text = PARAGRAPH.replace('"', "'")
    while pdf.page_no() < pages:
        pdf.multi_cell(0, 6, text)
        pdf.ln(4)
    return bytes(pdf.output())


def word_document(paragraphs: int = 60) -> bytes:
    document = docx.Document()
    document.add_paragraph("Tram service extended to northern suburbs", style="Title")
    for _ in range(paragraphs):
        document.add_paragraph(PARAGRAPH)
    document.core_properties.author = "Dana Okafor"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def email_message() -> bytes:
    message = EmailMessage()
    message["Subject"] = "Fwd: Tram service extended to northern suburbs"
    message["From"] = "Sam Reyes <sam@example.org>"
    message["Date"] = "Wed, 21 Jan 2026 09:00:00 +0000"
    message.set_content("\n\n".join([PARAGRAPH] * 20))
    return message.as_bytes()


def text_article() -> bytes:
    header = "Tram service extended to northern suburbs\nBy Dana Okafor, The Valley Ledger\n"
    return (header + "Published: 2026-01-21\n\n" + "\n\n".join([PARAGRAPH] * 40)).encode()


class _Strip(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def strip_tags(data: bytes) -> str:
    stripper = _Strip()
    stripper.feed(data.decode("utf-8", errors="replace"))
    return " ".join(stripper.parts)


def pypdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def email_text(data: bytes) -> str:
    message = BytesParser(policy=policy.default).parsebytes(data)
    body = message.get_body(preferencelist=("plain",))
    return str(body.get_content()) if body is not None else ""


def median_ms(work: Callable[[], object]) -> float:
    work()  # warm up (imports, caches)
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    cases: list[tuple[str, str, bytes, str, Callable[[bytes], object]]] = [
        ("news page (built)", "html", news_page(), "page.html", strip_tags),
        ("20-page PDF (built)", "pdf", pdf_document(), "report.pdf", pypdf_text),
        ("Word file, 60 paragraphs", "docx", word_document(), "story.docx", docx_text),
        ("e-mail, 20 paragraphs", "eml", email_message(), "mail.eml", email_text),
        ("text article, 40 paragraphs", "txt", text_article(), "story.txt",
         lambda data: data.decode("utf-8")),
    ]
    if EVAL_DIR.is_dir():
        for page_id in ("ars-1", "herald-sun-1"):
            path = EVAL_DIR / f"{page_id}.html"
            if path.is_file():
                cases.append((f"eval page {page_id}", "html", path.read_bytes(), path.name,
                              strip_tags))
    else:
        print(f"(eval pages absent: {EVAL_DIR} not found; built inputs only)")
    header = (
        f"{'input':30} {'KB':>6} {'baseline ms':>12} {'load ms':>8} {'ratio':>6} "
        f"{'budget ms':>10} {'ok':>4}"
    )
    print(f"started {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC, median of {REPEATS} runs")
    print(header)
    print("-" * len(header))
    for label, kind, data, name, baseline in cases:
        base = median_ms(lambda data=data, baseline=baseline: baseline(data))
        loaded = median_ms(lambda data=data, name=name: load(data, name=name))
        budget = BUDGET_MS.get(kind)
        verdict = "" if budget is None else ("yes" if loaded <= budget else "NO")
        budget_text = "" if budget is None else f"{budget:.0f}"
        print(
            f"{label:30} {len(data) / 1000:6.1f} {base:12.1f} {loaded:8.1f} "
            f"{loaded / max(base, 0.1):6.1f} {budget_text:>10} {verdict:>4}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
