"""Web pages: the article's main text and metadata through trafilatura."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

import trafilatura

from briefgen.intake.decoding import decode_text
from briefgen.intake.reading import intake_error

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{2,40})""", re.IGNORECASE
)
_MIN_ARTICLE_CHARS = 40


@dataclass(frozen=True)
class HtmlSettings:
    """The trafilatura settings used, chosen by benchmarks/bench_intake_html.py.

    favor_precision leaves out borderline blocks (related links, captions);
    favor_recall keeps them; fast skips the fallback extractors (readability, jusText).
    Measured on 28 real news pages, the defaults score token F1 0.967 (precision 0.978,
    recall 0.959); favor_recall is level (0.968), favor_precision loses recall (F1 0.936),
    and fast is level on these pages. The defaults are kept: the fallbacks cost little
    (well inside 50 ms a page) and rescue pages whose layout the main pass misreads.
    """

    favor_precision: bool = False
    favor_recall: bool = False
    fast: bool = False
    include_tables: bool = True


DEFAULT_SETTINGS = HtmlSettings()


@dataclass
class HtmlArticle:
    """What a page yields: main text (paragraphs split by blank lines) and metadata."""

    text: str
    title: str | None
    author: str | None
    sitename: str | None
    date: str | None
    url: str | None


def decode_html(data: bytes, name: str, declared: str | None = None) -> str:
    """The page's text: the declared (HTTP) charset, else its ``<meta charset>``, else detected."""
    if declared is None:
        match = _META_CHARSET.search(data[:8192])
        if match:
            declared = match.group(1).decode("ascii", errors="ignore")
    return decode_text(data, name, declared)


_BY_PREFIX = re.compile(r"^by\s+", re.IGNORECASE)
# A date's month that page templates run into the byline ("Joshua Sokol May 20").
_TRAILING_MONTH = re.compile(
    r"\s+(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?:\s+\d{1,2},?)?"
    r"(?:\s+\d{4})?$"
)
# Placeholders that page templates leave in author fields.
_NOT_AUTHORS = frozenset({"username", "admin", "administrator", "author", "user"})


def clean_author(author: str | None) -> str | None:
    """``author`` without repeats (``Ann Lee; ANN LEE``) and template placeholders."""
    if not author:
        return None
    names: list[str] = []
    for part in author.split(";"):
        name = _BY_PREFIX.sub("", " ".join(part.split()))
        trimmed = _TRAILING_MONTH.sub("", name)
        if len(trimmed.split()) >= 2:  # "Theresa May" keeps her surname
            name = trimmed
        if name and name.lower() not in _NOT_AUTHORS and name.lower() not in (
            known.lower() for known in names
        ):
            names.append(name)
    return "; ".join(names) or None


def _field(document: Any, attribute: str) -> str | None:
    value = getattr(document, attribute, None)
    return str(value).strip() or None if value else None


def extract_html_article(
    html: str,
    *,
    name: str,
    url: str | None = None,
    settings: HtmlSettings = DEFAULT_SETTINGS,
) -> HtmlArticle:
    """The main text and metadata of the page ``html``.

    Raises IntakeError naming ``name`` when the page holds no article text
    (a navigation page, an empty shell, a page built by scripts).
    """
    try:
        document = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=settings.include_tables,
            favor_precision=settings.favor_precision,
            favor_recall=settings.favor_recall,
            fast=settings.fast,
            deduplicate=False,
        )
    except Exception:  # noqa: BLE001 - trafilatura/lxml failures on hostile markup
        document = None
    text = _field(document, "text") if document is not None else None
    if text is None or len(text) < _MIN_ARTICLE_CHARS:
        raise intake_error(name, "the page has no article text that could be found")
    paragraphs = [line.strip() for line in text.split("\n") if line.strip()]
    return HtmlArticle(
        text="\n\n".join(paragraphs),
        title=_field(document, "title"),
        author=clean_author(_field(document, "author")),
        sitename=_field(document, "sitename"),
        date=_field(document, "date"),
        url=_field(document, "url") or url,
    )
