"""PDF articles: text in reading order without running headers, footers or page numbers."""

from __future__ import annotations

import io
import re
import statistics
import time
from collections import Counter
from collections.abc import Hashable
from dataclasses import dataclass

from pypdf import PageObject, PdfReader
from pypdf.errors import PdfReadError
from pypdf.generic import ArrayObject, IndirectObject, StreamObject

from briefgen.errors import BriefgenError, IntakeError
from briefgen.intake.quiet import QuietLogger
from briefgen.intake.reading import MAX_TEXT_BYTES, check_cancelled, intake_error

_PAGE_NUMBER = re.compile(
    r"^[-\u2013\u2014\s]*(?:page\s+)?\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?[-\u2013\u2014\s]*$",
    re.IGNORECASE,
)
_DIGITS = re.compile(r"\d+")
_EDGE_LINES = 2
_HYPHENATED = re.compile(r"[^\W\d_]-$")
_PARAGRAPH_END = re.compile(r"[.!?:\"'\u201d\u2019)]$")


# The most drawing instructions (decoded content streams) read from one PDF, and the
# longest its text may take to read. pypdf reads about a megabyte of them a second, and
# pages that share one stream would each read it again (14 KB of PDF took 43 s).
MAX_CONTENT_BYTES = 16_000_000
MAX_SECONDS = 20.0
# The most text one PDF may give, like a text file (pages that share one stream each give
# its text again: a few kilobytes of PDF could give a hundred megabytes).
MAX_TEXT_CHARS = MAX_TEXT_BYTES
_MAX_KEY_CHARS = 2_000


@dataclass
class PdfArticle:
    """A PDF's text (paragraphs split by blank lines) and document information.

    The PDF's creation date is not kept: it says when the file was made (often
    printed from a browser), not when the article was published.
    """

    text: str
    title: str | None
    author: str | None


def _open(data: bytes, name: str) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise intake_error(name, "the PDF is encrypted with a password")
        _ = len(reader.pages)
    except IntakeError:
        raise
    except PdfReadError as exc:
        if "decrypt" in str(exc).lower() or "encrypt" in str(exc).lower():
            raise intake_error(name, "the PDF is encrypted with a password") from None
        raise intake_error(name, "it is a corrupt or truncated PDF") from None
    except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on broken files
        if "decrypt" in str(exc).lower() or "cryptography" in str(exc).lower():
            raise intake_error(name, "the PDF is encrypted with a password") from None
        raise intake_error(name, "it is a corrupt or truncated PDF") from None
    return reader


def _page_has_images(reader: PdfReader) -> bool:
    for page in reader.pages:
        try:
            resources = page.get("/Resources")
            objects = resources.get_object().get("/XObject") if resources else None
            if objects:
                return True
        except Exception:  # noqa: BLE001 - a broken resource dictionary counts as none
            continue
    return False


def _edge_key(line: str) -> str:
    """A line as a running header or footer: its digits (page numbers, dates) ignored."""
    return _DIGITS.sub("#", " ".join(line.split()).lower())


def remove_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop page numbers, and lines repeated at the top (or the bottom) of most pages."""
    top: Counter[str] = Counter()
    bottom: Counter[str] = Counter()
    for lines in pages:
        top.update({_edge_key(line) for line in lines[:_EDGE_LINES]})
        bottom.update({_edge_key(line) for line in lines[-_EDGE_LINES:]})
    threshold = max(2, (len(pages) + 1) // 2)
    running_top = {key for key, count in top.items() if count >= threshold}
    running_bottom = {key for key, count in bottom.items() if count >= threshold}
    cleaned = []
    for lines in pages:
        kept = []
        last = len(lines) - 1
        for index, line in enumerate(lines):
            at_top, at_bottom = index < _EDGE_LINES, index > last - _EDGE_LINES
            key = _edge_key(line)
            if (at_top or at_bottom) and _PAGE_NUMBER.match(line):
                continue
            if (at_top and key in running_top) or (at_bottom and key in running_bottom):
                continue
            kept.append(line)
        cleaned.append(kept)
    return cleaned


_COMPOUND = re.compile(r"\b[^\W\d_]+(?:-[^\W\d_]+)+\b")
_LAST_WORD = re.compile(r"([^\W\d_]+)-$")
_FIRST_WORD = re.compile(r"^[^\W\d_]+")


def _is_known_compound(current: str, line: str, compounds: set[str]) -> bool:
    """True when ``word-`` + ``next`` is written hyphenated elsewhere (``well-known``)."""
    head, tail = _LAST_WORD.search(current), _FIRST_WORD.match(line)
    if head is None or tail is None:
        return False
    return f"{head.group(1)}-{tail.group(0)}".lower() in compounds


def join_lines(lines: list[str]) -> str:
    """Reflow PDF lines into paragraphs: hyphenated line ends joined (the hyphen kept
    when the document writes that compound with one elsewhere), a paragraph break after a
    short line that ends a sentence (or at an empty line), otherwise a space."""
    compounds = {match.group(0).lower() for line in lines for match in _COMPOUND.finditer(line)}
    lengths = [len(line) for line in lines if line]
    full = statistics.quantiles(lengths, n=4)[2] if len(lengths) >= 4 else max(lengths, default=0)
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line:
            if current:
                paragraphs.append(current)
            current = ""
            continue
        if not current:
            current = line
        elif _HYPHENATED.search(current) and (
            line[:1].isupper() or _is_known_compound(current, line, compounds)
        ):
            current = current + line  # a compound such as Franco-German or well-known
        elif _HYPHENATED.search(current) and line[:1].islower():
            current = current[:-1] + line  # a word broken at the line end
        else:
            current = current + " " + line
        if _PARAGRAPH_END.search(line) and len(line) < 0.8 * full:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(paragraphs)


def _streams(page: PageObject) -> list[StreamObject]:
    contents = page.get("/Contents")
    contents = contents.get_object() if contents is not None else None
    if isinstance(contents, StreamObject):
        return [contents]
    if isinstance(contents, ArrayObject):
        return [item for item in (part.get_object() for part in contents)
                if isinstance(item, StreamObject)]
    return []


def _drawing_key(page: PageObject) -> Hashable | None:
    """What a page draws, as a key: its content streams (objects of the file) and its
    resources (pages with the same key have the same text); None when it cannot say."""
    raw = page.raw_get("/Contents") if "/Contents" in page else None
    parts = list(raw) if isinstance(raw, ArrayObject) else [raw]
    numbers = tuple(
        (part.idnum, part.generation) for part in parts if isinstance(part, IndirectObject)
    )
    if not numbers or len(numbers) != len(parts):
        return None
    resources = page.raw_get("/Resources") if "/Resources" in page else None
    if isinstance(resources, IndirectObject):
        return numbers, (resources.idnum, resources.generation)
    described = repr(resources)  # a small dictionary of references, written in the page
    return (numbers, described) if len(described) <= _MAX_KEY_CHARS else None


class _PageReader:
    """Reads the text of pages, each drawing once, within MAX_CONTENT_BYTES, MAX_TEXT_CHARS
    and MAX_SECONDS."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.deadline = time.monotonic() + MAX_SECONDS
        self.content_bytes = 0
        self.texts: dict[Hashable, str] = {}
        self.text_chars = 0

    def text_of(self, page: PageObject) -> str:
        check_cancelled()
        if time.monotonic() > self.deadline:
            raise intake_error(
                self.name,
                f"reading its text took longer than {MAX_SECONDS:g} seconds, the most a PDF "
                "article may take; print it to a new PDF, or save it as text, and load that",
            )
        key = _drawing_key(page)
        text = self.texts.get(key) if key is not None else None
        if text is None:
            text = self._read(page, key)
        self.text_chars += len(text)
        if self.text_chars > MAX_TEXT_CHARS:
            raise intake_error(
                self.name,
                f"its text is longer than {MAX_TEXT_CHARS:,} characters, "
                "the most an article may have; split it and load the parts",
            )
        return text

    def _read(self, page: PageObject, key: Hashable | None) -> str:
        self.content_bytes += sum(len(stream.get_data()) for stream in _streams(page))
        if self.content_bytes > MAX_CONTENT_BYTES:
            raise intake_error(
                self.name,
                f"its pages hold more than {MAX_CONTENT_BYTES // 1_000_000} MB of drawing "
                "instructions, the most a PDF article may have; split it, or print it to a "
                "new PDF, and load that",
            )
        text = page.extract_text() or ""
        if key is not None:
            self.texts[key] = text
        return text


def read_pdf(data: bytes, name: str) -> PdfArticle:
    """The article in the PDF ``data``.

    Raises IntakeError naming ``name`` when the PDF is encrypted, corrupt, image-only
    (scanned pages without a text layer), holds more than MAX_CONTENT_BYTES of drawing
    instructions or MAX_TEXT_CHARS of text, or takes longer than MAX_SECONDS to read;
    Cancelled when the loading was cancelled (briefgen.cancellation) between two pages.
    """
    with QuietLogger("pypdf"):
        return _read_pdf(data, name)


def _read_pdf(data: bytes, name: str) -> PdfArticle:
    reader = _open(data, name)
    page_reader = _PageReader(name)
    try:
        pages = [
            [" ".join(line.split()) for line in page_reader.text_of(page).splitlines()]
            for page in reader.pages
        ]
        info = reader.metadata
        title = info.title if info else None
        author = info.author if info else None
    except BriefgenError:
        raise
    except Exception:  # noqa: BLE001 - pypdf raises many kinds on broken content streams
        raise intake_error(name, "it is a corrupt or truncated PDF") from None
    if not any(line for lines in pages for line in lines):
        if _page_has_images(reader):
            raise intake_error(
                name, "the PDF holds only scanned images and no text (it would need OCR)"
            )
        raise intake_error(name, "the PDF contains no text")
    lines = [line for page in remove_running_lines([[ln for ln in p if ln] for p in pages])
             for line in page]
    return PdfArticle(
        text=join_lines(lines),
        title=(title or "").strip() or None,
        author=(author or "").strip() or None,
    )
