"""Measure HTML main-text extraction on ../shared/eval/html: token P/R/F1 and metadata.

Run as ``.venv/bin/python benchmarks/bench_intake_html.py`` from the repository root.
Each trafilatura setting, and briefgen's whole load() path (the default setting plus
header-line parsing and text clean-up), is scored against each page's expected text, next to a plain
tag-strip of the same page (the baseline) measured in the same run. Scores are
bag-of-words: precision = shared tokens / extracted tokens, recall = shared / expected,
F1 per page, then the mean over pages. Metadata: share of pages whose extracted title,
author and site name match the manifest (case- and punctuation-insensitive containment),
counted over the pages whose manifest gives that field.
"""

from __future__ import annotations

import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from briefgen.errors import IntakeError
from briefgen.intake import load
from briefgen.intake.html_page import HtmlArticle, HtmlSettings, extract_html_article
from briefgen.model import Source

EVAL_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "html"
_TOKEN = re.compile(r"\w+")

VARIANTS: dict[str, HtmlSettings] = {
    "trafilatura default": HtmlSettings(),
    "trafilatura favor_precision": HtmlSettings(favor_precision=True),
    "trafilatura favor_recall": HtmlSettings(favor_recall=True),
    "trafilatura fast (no fallback)": HtmlSettings(fast=True),
    "trafilatura no tables": HtmlSettings(include_tables=False),
}


class _TagStripper(HTMLParser):
    """The baseline: every text node outside script/style/noscript/template."""

    _SKIP = frozenset({"script", "style", "noscript", "template", "svg"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._depth:
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if not self._depth:
            self.parts.append(data)


def tag_strip(html: str) -> str:
    """All visible-ish text of the page: the naive baseline."""
    stripper = _TagStripper()
    stripper.feed(html)
    return " ".join(stripper.parts)


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.lower()))


def prf(extracted: str, expected: str) -> tuple[float, float, float]:
    got, want = tokens(extracted), tokens(expected)
    shared = sum((got & want).values())
    precision = shared / sum(got.values()) if got else 0.0
    recall = shared / sum(want.values()) if want else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _norm(text: str | None) -> str:
    return " ".join(_TOKEN.findall((text or "").lower()))


def matches(found: str | None, expected: str | None) -> bool:
    """True when either normalised string contains the other (and both are non-empty)."""
    a, b = _norm(found), _norm(expected)
    return bool(a and b) and (a in b or b in a)


@dataclass
class Page:
    id: str
    html: str
    expected: str
    title: str | None
    byline: str | None
    site: str | None


def load_pages() -> list[Page]:
    pages = []
    for line in (EVAL_DIR / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        entry = json.loads(line)
        pages.append(
            Page(
                id=entry["id"],
                html=(EVAL_DIR / entry["html"]).read_text(encoding="utf-8", errors="replace"),
                expected=(EVAL_DIR / entry["txt"]).read_text(encoding="utf-8"),
                title=entry.get("title"),
                byline=entry.get("byline"),
                site=entry.get("siteName"),
            )
        )
    return pages


@dataclass
class Row:
    name: str
    precision: float
    recall: float
    f1: float
    worst_f1: float
    failures: int
    title: float
    author: float
    site: float
    ms_per_page: float


def _as_article(source: Source) -> HtmlArticle:
    return HtmlArticle(source.text, source.title, source.author, source.publisher,
                       source.published, source.url)


def score(name: str, pages: list[Page], run: Callable[[Page], HtmlArticle | str]) -> Row:
    p_list, r_list, f_list = [], [], []
    failures = title_hits = author_hits = site_hits = 0
    with_title = sum(1 for page in pages if page.title)
    with_author = sum(1 for page in pages if page.byline)
    with_site = sum(1 for page in pages if page.site)
    start = time.perf_counter()
    for page in pages:
        try:
            result = run(page)
        except IntakeError:
            failures += 1
            result = ""
        text = result if isinstance(result, str) else result.text
        if isinstance(result, HtmlArticle):
            title_hits += matches(result.title, page.title)
            author_hits += matches(result.author, page.byline)
            site_hits += matches(result.sitename, page.site)
        precision, recall, f1 = prf(text, page.expected)
        p_list.append(precision)
        r_list.append(recall)
        f_list.append(f1)
    elapsed = (time.perf_counter() - start) * 1000 / len(pages)
    return Row(
        name, statistics.mean(p_list), statistics.mean(r_list), statistics.mean(f_list),
        min(f_list),
        failures, title_hits / max(with_title, 1), author_hits / max(with_author, 1),
        site_hits / max(with_site, 1), elapsed,
    )


def main() -> int:
    if not (EVAL_DIR / "manifest.jsonl").is_file():
        print(f"The evaluation pages are absent ({EVAL_DIR} not found): nothing to measure.")
        return 0
    pages = load_pages()
    print(f"{len(pages)} pages from {EVAL_DIR}")
    extract_html_article(pages[0].html, name=pages[0].id)  # warm up imports and caches
    rows = [score("baseline: tag-strip", pages, lambda page: tag_strip(page.html))]
    for name, settings in VARIANTS.items():
        rows.append(
            score(
                name,
                pages,
                lambda page, s=settings: extract_html_article(page.html, name=page.id, settings=s),
            )
        )
    rows.append(
        score(
            "briefgen load() (whole path)",
            pages,
            lambda page: _as_article(load(page.html.encode("utf-8"), name=page.id + ".html")),
        )
    )
    base = rows[0]
    header = (
        f"{'extractor':32} {'P':>6} {'R':>6} {'F1':>6} {'min F1':>6} {'F1/base':>8} {'fail':>5} "
        f"{'title':>6} {'author':>6} {'site':>6} {'ms/page':>8}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row.name:32} {row.precision:6.3f} {row.recall:6.3f} {row.f1:6.3f} "
            f"{row.worst_f1:6.3f} "
            f"{row.f1 / base.f1:8.2f} {row.failures:5d} {row.title:6.2f} {row.author:6.2f} "
            f"{row.site:6.2f} {row.ms_per_page:8.1f}"
        )
    print(
        "(P/R/F1: token-level bag of words, mean over pages; title/author/site: share of "
        "pages whose manifest gives the field where the extracted one matches it)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
