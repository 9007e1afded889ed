"""Plain text and Markdown articles: the headline, byline and date lines become metadata."""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefgen.intake.dates import iso_date
from briefgen.text.datelines import parse_dateline

_BYLINE = re.compile(r"^(?:by|written by|from)\s+(?P<rest>\S.{0,150})$", re.IGNORECASE)
_DATE_LINE = re.compile(
    r"^(?:published|posted|updated|date|dated|first published)(?:\s+on)?\s*[:\-\u2013]?\s*"
    r"(?P<date>\S.{0,60})$",
    re.IGNORECASE,
)
_BARE_DATE = re.compile(
    r"^(?:\w+day,?\s+)?(?:\d{4}-\d{2}-\d{2}|\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}"
    r"|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})(?:[ T,].{0,30})?$"
)
_SENTENCE_END = re.compile(r"[.,;:][\"'\u201d\u2019)]?$")
_MAX_HEADLINE_WORDS = 30
_HEADER_LINES = 8


@dataclass
class ArticleParts:
    """An article split into metadata and body; metadata is None when the text has none."""

    body: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: str | None = None


def _split_byline(rest: str) -> tuple[str, str | None]:
    """``Helena Marsh, Meridian Wire Service`` -> (author, publisher)."""
    rest = rest.strip().rstrip(".")
    if "|" in rest:
        author, _, publisher = rest.partition("|")
        return author.strip(), publisher.strip() or None
    parts = [part.strip() for part in rest.split(",")]
    if len(parts) >= 2 and parts[-1] and not parts[-1].lower().startswith(("and ", "jr", "sr")):
        return ", ".join(parts[:-1]), parts[-1]
    return rest, None


_NAME_PARTICLES = frozenset(
    {"and", "de", "del", "da", "van", "von", "der", "le", "la", "bin", "al"}
)


def looks_like_names(text: str) -> bool:
    """True for ``Helena Marsh`` or ``Ann Lee and Tom Rys``; False for ``the numbers``."""
    words = text.replace("&", "and").split()
    if not 1 <= len(words) <= 10:
        return False
    return all(word[:1].isupper() or word.lower() in _NAME_PARTICLES for word in words)


def _is_headline(line: str) -> bool:
    words = line.split()
    return (
        0 < len(words) <= _MAX_HEADLINE_WORDS
        and not _SENTENCE_END.search(line)
        and not line.startswith(("-", "*", "\u2022"))
    )


_BODY_END = re.compile(r"[.!?][\"'\u201d\u2019)]?$")
_MAX_RUN_ON_HEADLINE_WORDS = 20


def _opens_body(headline: str, following: str) -> bool:
    """True when ``following`` is a body paragraph right under a headline with no blank
    line between: the headline is short and title-like, the next line a longer paragraph
    that ends like a sentence ("Talks resume in Geneva" then "Diplomats met on ... .")."""
    head_words = headline.split()
    if not 3 <= len(head_words) <= _MAX_RUN_ON_HEADLINE_WORDS or not headline[:1].isupper():
        return False
    return len(following.split()) > len(head_words) and bool(_BODY_END.search(following))


def parse_plain_article(text: str) -> ArticleParts:
    """Split ``text`` into a leading headline, byline and date lines, and the body.

    Only lines at the top count: a headline is the first line when it is short,
    does not end like a sentence and is followed by a blank line, a byline or date
    line, or straight away by a longer body paragraph. The dateline
    (``GENEVA, March 13 (Agency) -``) stays in the body; its agency is the publisher
    when no byline names one.
    """
    lines = text.split("\n")
    parts = ArticleParts(body=text)
    index = 0
    while index < len(lines) and not lines[index].strip():
        index += 1
    consumed = index
    header_seen = False
    for position in range(index, min(len(lines), index + _HEADER_LINES)):
        line = lines[position].strip()
        if not line:
            if header_seen or parts.title:
                consumed = position + 1
                continue
            break
        byline = _BYLINE.match(line)
        date_line = _DATE_LINE.match(line)
        author, publisher = _split_byline(byline.group("rest")) if byline else ("", None)
        if byline and parts.author is None and looks_like_names(author):
            parts.author, parts.publisher = author, publisher
        elif date_line and parts.published is None and iso_date(date_line.group("date")):
            parts.published = iso_date(date_line.group("date"))
        elif _BARE_DATE.match(line) and parts.published is None and iso_date(line):
            parts.published = iso_date(line)
        elif position == index and parts.title is None and _is_headline(line):
            following = lines[position + 1].strip() if position + 1 < len(lines) else ""
            if following and not (
                _BYLINE.match(following) or _DATE_LINE.match(following)
                or _BARE_DATE.match(following) or _opens_body(line, following)
            ):
                break
            parts.title = line
        else:
            break
        header_seen = True
        consumed = position + 1
    if header_seen:
        body = "\n".join(lines[consumed:]).strip("\n")
        if not body.strip():
            return ArticleParts(body=text)
        parts.body = body
    dateline = parse_dateline(parts.body.lstrip())
    if dateline is not None and parts.publisher is None and dateline.agency:
        parts.publisher = dateline.agency
    return parts


# Every pattern below is linear in the length of the text: no repeat may run past the
# next mark of its own kind ("[" for link text, "(" for a target, the same emphasis mark)
# nor past a line end, so a line of "![![![" or "*a *a *a" is read once, not once per mark.
_MD_HEADING = re.compile(r"^#{1,6}[ \t]+(.*)$", re.MULTILINE)
_MD_SETEXT = re.compile(r"^(\S.*)\n(?:=+|-+)[ \t]*$", re.MULTILINE)
_MD_IMAGE = re.compile(r"!\[[^\[\]\n]*\]\([^()\n]*\)")
_MD_LINK = re.compile(r"\[([^\[\]\n]+)\]\([^()\n]*\)")
_MD_REFERENCE = re.compile(r"^[ \t]*\[[^\[\]\n]+\]:[ \t]+\S.*$", re.MULTILINE)
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)((?:(?!\1)[^\n])+?)(?<=\S)\1")
_MD_EMPHASIS = re.compile(r"([*_])(?=\S)((?:(?!\1)[^\n])+?)(?<=\S)\1")
_MD_CODE = re.compile(r"`([^`]+)`")
_MD_FENCE = re.compile(r"^```.*$", re.MULTILINE)
_MD_QUOTE = re.compile(r"^>[ \t]?", re.MULTILINE)
_MD_RULE = re.compile(r"^[ \t]*(?:[-*_][ \t]*){3,}$", re.MULTILINE)
_MD_BULLET = re.compile(r"^([ \t]*)[*+][ \t]+", re.MULTILINE)


def _heading_text(match: re.Match[str]) -> str:
    """A heading's words without the closing hashes some writers add (``# Title #``);
    hashes that end a word stay (``# Notes on C#``)."""
    words = match.group(1).rstrip(" \t")
    unclosed = words.rstrip("#")
    return unclosed.rstrip(" \t") if not unclosed or unclosed[-1] in " \t" else words


def markdown_to_text(markdown: str) -> str:
    """Markdown as the plain text a reader sees: marks, link targets and images removed."""
    text = _MD_FENCE.sub("", markdown)
    text = _MD_RULE.sub("", text)
    text = _MD_SETEXT.sub(r"\1", text)
    text = _MD_HEADING.sub(_heading_text, text)
    text = _MD_IMAGE.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_REFERENCE.sub("", text)
    text = _MD_CODE.sub(r"\1", text)
    text = _MD_STRONG.sub(r"\2", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = _MD_QUOTE.sub("", text)
    return _MD_BULLET.sub(r"\1- ", text)
