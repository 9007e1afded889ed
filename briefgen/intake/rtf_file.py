"""Rich Text Format (.rtf) articles, through striprtf."""

from __future__ import annotations

import codecs
import re

from striprtf.striprtf import rtf_to_text

from briefgen.intake.reading import intake_error

_CODEPAGE = re.compile(rb"\\ansicpg(\d{3,5})")


def _codepage(data: bytes) -> str:
    """The document's declared ANSI code page when Python knows it, else cp1252."""
    match = _CODEPAGE.search(data[:2000])
    if match:
        codec = f"cp{match.group(1).decode('ascii')}"
        try:
            codecs.lookup(codec)
        except LookupError:
            return "cp1252"
        return codec
    return "cp1252"


def read_rtf(data: bytes, name: str) -> str:
    """The text of the RTF ``data``, in its declared code page (cp1252 by default)."""
    source = data.decode("ascii", errors="replace")
    try:
        text: str = rtf_to_text(  # type: ignore[no-untyped-call]
            source, encoding=_codepage(data), errors="replace"
        )
    except Exception:  # noqa: BLE001 - striprtf on hostile input
        raise intake_error(name, "it is a corrupt RTF document") from None
    return text.replace("\n", "\n\n")
