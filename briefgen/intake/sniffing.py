"""Recognising an article's format from its bytes, with the file name only as a tie-breaker."""

from __future__ import annotations

import codecs
import io
import re
import zipfile
from typing import Literal

from briefgen.intake.archive_limits import read_part_head
from briefgen.intake.decoding import utf16_codec_without_bom

Format = Literal[
    "pdf", "docx", "odt", "rtf", "html", "email", "msg", "text", "markdown",
    "empty", "image", "archive", "executable", "office-binary", "zip", "brief",
]
"""What the bytes are. The last seven are refused with a sentence saying which they are."""

_MAGIC: tuple[tuple[bytes, Format], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image"),
    (b"\xff\xd8\xff", "image"),
    (b"GIF87a", "image"),
    (b"GIF89a", "image"),
    (b"II*\x00", "image"),
    (b"MM\x00*", "image"),
    (b"\x00\x00\x01\x00", "image"),
    (b"MZ", "executable"),
    (b"\x7fELF", "executable"),
    (b"\xfe\xed\xfa\xce", "executable"),
    (b"\xfe\xed\xfa\xcf", "executable"),
    (b"\xcf\xfa\xed\xfe", "executable"),
    (b"\xce\xfa\xed\xfe", "executable"),
    (b"\xca\xfe\xba\xbe", "executable"),
    (b"\x1f\x8b", "archive"),
    (b"BZh", "archive"),
    (b"\xfd7zXZ\x00", "archive"),
    (b"7z\xbc\xaf\x27\x1c", "archive"),
    (b"Rar!\x1a\x07", "archive"),
    (b"\x28\xb5\x2f\xfd", "archive"),
    (b"SQLite format 3\x00", "archive"),
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Outlook keeps every message property in a stream named so (names are UTF-16 in OLE).
_OUTLOOK_STREAM = "__substg1.0_".encode("utf-16-le")
_ZIP = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")

_HTML_START = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAGS = re.compile(
    rb"<(?:p|div|span|br|article|section|h[1-6]|a|ul|ol|li|table|b|i|em|strong)\b[^>]*>",
    re.IGNORECASE,
)
_HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9_-]{1,76}:", re.ASCII)
_MAX_HEADER_LINES = 1000  # mail servers stack long Received/ARC headers on top
_EMAIL_HEAD_BYTES = 65536
_EMAIL_KEYS = (b"from", b"subject", b"date", b"to", b"mime-version", b"message-id", b"received")
_MARKDOWN = re.compile(
    r"^(?:#{1,6} \S|[*_]{2}\S.*[*_]{2}|\[[^\]]+\]\([^)]+\)|```|> \S)", re.MULTILINE
)
_BRIEF_FILE = re.compile(rb'^\s*\{\s*"format"\s*:\s*"briefgen\.brief"')
_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")


def _zip_format(data: bytes, name: str | None) -> Format:
    """docx or odt by the package's parts; a broken zip by its name, else 'zip'."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "word/document.xml" in names:
                return "docx"
            if "mimetype" in names:
                mimetype = read_part_head(archive, "mimetype", 100)  # never it all
                if b"opendocument.text" in mimetype:
                    return "odt"
            if "content.xml" in names and "META-INF/manifest.xml" in names:
                return "odt"
    except Exception:  # noqa: BLE001 - any failure means a broken archive
        lowered = (name or "").lower()
        if lowered.endswith((".docx", ".docm", ".dotx")):
            return "docx"
        if lowered.endswith(".odt"):
            return "odt"
    return "zip"


def _looks_like_email(head: bytes) -> bool:
    """True when ``head`` opens with an RFC 5322 header block naming a sender or subject."""
    lines = head.replace(b"\r\n", b"\n").split(b"\n")
    keys: set[bytes] = set()
    for index, line in enumerate(lines[:_MAX_HEADER_LINES]):
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t") and index > 0:
            continue
        if index == 0 and line.startswith(b"From "):
            continue  # the mbox separator line
        if not _HEADER_LINE.match(line):
            return False
        keys.add(line.split(b":", 1)[0].strip().lower())
    found = keys.intersection(_EMAIL_KEYS)
    return b"from" in found and len(found) >= 2


def _has_binary_bytes(head: bytes) -> bool:
    """True when ``head`` holds bytes that text never does (NUL and other low controls)."""
    return any(byte < 9 for byte in head[:1024])


def _as_utf8(head: bytes) -> bytes:
    """``head`` re-encoded as UTF-8 when it is UTF-16 text, so text formats sniff alike."""
    codec = None
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        codec = "utf-16"
    else:
        codec = utf16_codec_without_bom(head)
    if codec is None:
        return head.removeprefix(codecs.BOM_UTF8)
    even = len(head) - len(head) % 2
    return head[:even].decode(codec, errors="ignore").lstrip("\ufeff").encode("utf-8")


def sniff_format(data: bytes, name: str | None = None) -> Format:
    """The format of ``data`` told by its content; ``name`` only settles broken containers
    and Markdown versus plain text."""
    if not data.strip():
        return "empty"
    head = data[:8192]
    if b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(_ZIP):
        return _zip_format(data, name)
    if head.startswith(_OLE):
        is_msg = _OUTLOOK_STREAM in data or (name or "").lower().endswith(".msg")
        return "msg" if is_msg else "office-binary"
    if head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf"
    if head[:12].startswith(b"RIFF") and head[8:12] in (b"WEBP", b"AVI ", b"WAVE"):
        return "image"
    if head.startswith(b"BM") and head[6:10] == b"\x00\x00\x00\x00":
        return "image"
    for magic, kind in _MAGIC:
        if head.startswith(magic) and (len(magic) > 3 or _has_binary_bytes(head)):
            return kind
    ascii_head = _as_utf8(head)
    if _BRIEF_FILE.match(ascii_head):
        return "brief"
    if _looks_like_email(_as_utf8(data[:_EMAIL_HEAD_BYTES])):
        return "email"
    if _HTML_START.match(ascii_head) or len(_HTML_TAGS.findall(head)) >= 3:
        return "html"
    lowered = (name or "").lower()
    if lowered.endswith(_MARKDOWN_SUFFIXES):
        return "markdown"
    if _MARKDOWN.search(head.decode("utf-8", errors="ignore")):
        return "markdown"
    return "text"
