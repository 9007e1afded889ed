"""Building a Source from extracted text and metadata: clean text, stable id and sha256."""

from __future__ import annotations

import re
import unicodedata

from briefgen.intake.dates import iso_date
from briefgen.intake.language import language_warning
from briefgen.intake.reading import intake_error
from briefgen.model import Source, shown_escaped, text_sha256
from briefgen.text.datelines import parse_dateline

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_SPACES = re.compile(r"[ \t\u00a0\u2007\u202f]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_text(text: str) -> str:
    """``text`` with "\\n" newlines, no control characters, single spaces, trimmed lines
    and at most one blank line between paragraphs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _clean_field(value: object) -> str | None:
    if value is None:
        return None
    text = _SPACES.sub(" ", _CONTROL.sub("", str(value))).strip()
    return text or None


def build_source(
    text: str,
    *,
    name: str,
    title: object = None,
    author: object = None,
    publisher: object = None,
    url: str | None = None,
    published: object = None,
    path: str | None = None,
    warnings: list[str] | None = None,
) -> Source:
    """The Source for ``text``; raises IntakeError naming ``name`` when there is no text.

    Metadata may be any value (None when unknown); ``published`` is normalised to ISO.
    A ``path`` whose bytes are not UTF-8 is kept as it can be shown, ``\\xff`` for such a
    byte (the brief must stay saveable as UTF-8).
    """
    body = clean_text(text)
    if not body:
        raise intake_error(name, "it contains no article text")
    digest = text_sha256(body)
    notes = list(warnings or [])
    warning = language_warning(body)
    if warning is not None:
        notes.append(warning)
    return Source(
        id="src-" + digest[:10],
        text=body,
        title=_clean_field(title),
        publisher=_clean_field(publisher),
        author=_clean_field(author),
        url=url,
        published=iso_date(published),
        path=shown_escaped(path) if path else path,
        sha256=digest,
        warnings=notes,
        dateline=parse_dateline(body),
    )
