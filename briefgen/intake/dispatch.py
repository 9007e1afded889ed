"""One entry point for every format: sniff the bytes, pick the loader, build the Sources."""

from __future__ import annotations

import os
import urllib.parse
from collections.abc import Callable
from pathlib import Path

from briefgen.errors import IntakeError
from briefgen.intake.decoding import decode_text
from briefgen.intake.docx_file import read_docx
from briefgen.intake.email_file import EmailArticle, read_email
from briefgen.intake.html_page import decode_html, extract_html_article
from briefgen.intake.msg_file import read_msg
from briefgen.intake.odt_file import read_odt
from briefgen.intake.pdf_file import read_pdf
from briefgen.intake.plain_text import markdown_to_text, parse_plain_article
from briefgen.intake.reading import (
    MAX_FILE_BYTES,
    MAX_TEXT_BYTES,
    display_name,
    intake_error,
    read_article_file,
    reason_of,
    too_large_reason,
)
from briefgen.intake.rtf_file import read_rtf
from briefgen.intake.sniffing import Format, sniff_format
from briefgen.intake.source_builder import build_source
from briefgen.intake.url_fetch import fetch_url
from briefgen.model import Source
from briefgen.text.normalise import same_text

PASTED_NAME = "the pasted content"

_REFUSED: dict[Format, str] = {
    "empty": "the file is empty",
    "image": "it is an image, not an article (images would need OCR)",
    "archive": "it is a compressed archive, not an article",
    "executable": "it is a program, not an article",
    "zip": "it is a zip archive, not a Word or OpenDocument file",
    "brief": "it is a saved brief, not an article: open it as a brief instead",
    "office-binary": (
        "it is an old binary Office file (.doc, .xls or .ppt): save it as .docx and load that"
    ),
}
_TEXT_FORMATS = frozenset({"text", "markdown", "html", "rtf"})


def text_source(
    text: str, *, name: str, path: str | None = None, url: str | None = None,
    markdown: bool = False,
) -> Source:
    """A plain text (or Markdown) article: leading headline, byline and date lines parsed."""
    if markdown:
        text = markdown_to_text(text)
    parts = parse_plain_article(clean_newlines(text))
    return build_source(
        parts.body, name=name, title=parts.title, author=parts.author,
        publisher=parts.publisher, published=parts.published, path=path, url=url,
    )


def clean_newlines(text: str) -> str:
    """``text`` with "\\n" line ends only (Windows and old Mac ends converted)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def drop_repeated_headline(text: str, title: str | None) -> str:
    """``text`` without the headline (and any short kicker above it) that pages repeat
    within their first three paragraphs."""
    if not title:
        return text
    paragraphs = text.split("\n\n")
    for index, paragraph in enumerate(paragraphs[:3]):
        if same_text(paragraph, title):
            rest = paragraphs[index + 1 :]
            return "\n\n".join(rest) if rest else text
    return text


def html_source(html: str, *, name: str, path: str | None = None, url: str | None = None) -> Source:
    """A web page's article through trafilatura; a repeated headline is dropped and
    byline or date lines left at the top of the text become metadata."""
    article = extract_html_article(html, name=name, url=url)
    text = drop_repeated_headline(article.text, article.title)
    parts = parse_plain_article(text)
    conflicting_title = bool(
        parts.title and article.title and not same_text(parts.title, article.title)
    )
    body = parts.body if not conflicting_title else text
    return build_source(
        body, name=name, title=article.title or parts.title,
        author=article.author or parts.author, publisher=article.sitename or parts.publisher,
        published=article.date or parts.published, url=article.url or url, path=path,
    )


def _with_plain_header(
    text: str, *, name: str, path: str | None, title: str | None, author: str | None,
    published: str | None,
) -> Source:
    """A document's text whose own headline/byline lines win over the file's properties."""
    parts = parse_plain_article(text)
    return build_source(
        parts.body, name=name, title=parts.title or title, author=parts.author or author,
        publisher=parts.publisher, published=parts.published or published, path=path,
    )


# An e-mail's attached messages are read this many levels deep, and this many sources in
# all: a chain of forwards inside forwards is otherwise read once per level (quadratic).
MAX_ATTACHED_DEPTH = 3
MAX_ATTACHED_SOURCES = 20


def _email_sources(message: EmailArticle, name: str, path: str | None,
                   depth: int = 0) -> list[Source]:
    sources: list[Source] = []
    skipped: list[str] = []
    body: Source | None = None
    try:
        if message.text and message.text.strip():
            parts = parse_plain_article(message.text)
            body = build_source(
                parts.body, name=name, title=parts.title or message.subject,
                author=parts.author or message.sender, publisher=parts.publisher,
                published=parts.published or message.date, path=path,
            )
        elif message.html:
            body = html_source(message.html, name=name, path=path)
            body.title = body.title or message.subject
            body.author = body.author or message.sender
            body.published = body.published or message.date
    except IntakeError:
        body = None
    for attachment in message.attachments:
        label = f"{attachment.filename} (attached to {name})"
        if depth >= MAX_ATTACHED_DEPTH or len(sources) >= MAX_ATTACHED_SOURCES:
            limit = (f"it is nested more than {MAX_ATTACHED_DEPTH} messages deep"
                     if depth >= MAX_ATTACHED_DEPTH
                     else f"the e-mail carries more than {MAX_ATTACHED_SOURCES} articles")
            skipped.append(f"The attachment {attachment.filename} was skipped: {limit}.")
            continue
        try:
            loaded = _sources_from_bytes(attachment.data, label, path, depth + 1)
        except IntakeError as exc:
            skipped.append(
                f"The attachment {attachment.filename} was skipped: {reason_of(exc)}."
            )
            continue
        sources.extend(loaded)
    if body is not None:
        sources.insert(0, body)
    if not sources:
        raise intake_error(name, "the e-mail has no article text and no readable attachment")
    sources[0].warnings.extend(skipped)
    return sources


def _sources_from_bytes(data: bytes, name: str, path: str | None,
                        depth: int = 0) -> list[Source]:
    """Every source in ``data``: the article, then any attachments it carries (``depth``
    counts the e-mails this one is attached to)."""
    kind = sniff_format(data, name)
    if kind in _REFUSED:
        raise intake_error(name, _REFUSED[kind])
    if kind in _TEXT_FORMATS and len(data) > MAX_TEXT_BYTES:
        raise intake_error(name, too_large_reason(len(data), MAX_TEXT_BYTES))
    if kind == "email":
        return _email_sources(read_email(data, name), name, path, depth)
    if kind == "msg":
        return _email_sources(read_msg(data, name), name, path, depth)
    readers: dict[str, Callable[[], Source]] = {
        "text": lambda: text_source(decode_text(data, name), name=name, path=path),
        "markdown": lambda: text_source(
            decode_text(data, name), name=name, path=path, markdown=True
        ),
        "html": lambda: html_source(decode_html(data, name), name=name, path=path),
        "rtf": lambda: text_source(read_rtf(data, name), name=name, path=path),
    }
    if kind in readers:
        return [readers[kind]()]
    if kind == "pdf":
        pdf = read_pdf(data, name)
        return [_with_plain_header(pdf.text, name=name, path=path, title=pdf.title,
                                   author=pdf.author, published=None)]
    if kind == "docx":
        document = read_docx(data, name)
        return [_with_plain_header(document.text, name=name, path=path, title=document.title,
                                   author=document.author, published=document.created)]
    odt = read_odt(data, name)
    return [_with_plain_header(odt.text, name=name, path=path, title=odt.title,
                               author=odt.author, published=odt.created)]


def load_sources(item: str | os.PathLike[str] | bytes, *, name: str | None = None) -> list[Source]:
    """The article in ``item`` (a path, or raw bytes named ``name``) and any further
    sources it carries (e-mail attachments), the main one first. A string that starts
    with ``http://`` or ``https://`` is fetched with load_url, so the command line takes
    web addresses beside files.

    Raises IntakeError, one sentence naming the file and the reason, for anything
    that is not a readable article.
    """
    if isinstance(item, str) and item.lower().startswith(("http://", "https://")):
        return [load_url(item)]
    if isinstance(item, bytes | bytearray):
        label = name or PASTED_NAME
        if len(item) > MAX_FILE_BYTES:
            raise intake_error(label, too_large_reason(len(item), MAX_FILE_BYTES))
        return _guarded(bytes(item), label, None)
    label = name or display_name(item)
    path = Path(item)
    data = read_article_file(path, label)
    return _guarded(data, label, str(path.resolve()))


def _guarded(data: bytes, name: str, path: str | None) -> list[Source]:
    """Load, turning any failure the parsers did not foresee into an IntakeError."""
    try:
        return _sources_from_bytes(data, name, path)
    except IntakeError:
        raise
    except RecursionError:
        raise intake_error(name, "it is nested too deeply to read") from None
    except Exception:  # noqa: BLE001 - the last line of defence: never a traceback
        raise intake_error(name, "it could not be read (the file may be damaged)") from None


def load(item: str | os.PathLike[str] | bytes, *, name: str | None = None) -> Source:
    """One article from a path or raw bytes (``name`` names the bytes), format sniffed
    from the content. Raises IntakeError, one sentence naming the file and the reason."""
    return load_sources(item, name=name)[0]


def load_url(url: str, *, timeout: float = 15.0, max_bytes: int = 20_000_000) -> Source:
    """The article at ``url``: fetched, then read like a file (a page through the HTML path).

    The Source keeps ``url``. Raises IntakeError naming the URL when offline, refused,
    too slow, too large, or when the page holds no article.
    """
    data, charset, final_url = fetch_url(url, timeout=timeout, max_bytes=max_bytes)
    if not data.strip():
        raise intake_error(url, "the server sent an empty page")
    if sniff_format(data, urllib.parse.urlsplit(final_url).path) == "html":
        return html_source(decode_html(data, url, charset), name=url, url=final_url)
    source = load_sources(data, name=url)[0]
    source.url = final_url
    return source
