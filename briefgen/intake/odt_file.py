"""OpenDocument text (.odt) articles: paragraphs, headings and tables, and the metadata."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from odf import dc, meta, teletype, text
from odf.namespaces import TABLENS, TEXTNS
from odf.opendocument import load as load_odf

from briefgen.intake.archive_limits import check_package
from briefgen.intake.reading import intake_error


@dataclass
class OdtArticle:
    """An ODT file's text (paragraphs split by blank lines) and metadata."""

    text: str
    title: str | None
    author: str | None
    created: str | None


def _blocks(element: Any, out: list[str]) -> None:
    """Collect the text of paragraphs, headings and table rows under ``element`` in order."""
    for child in element.childNodes:
        qname = getattr(child, "qname", None)
        if qname in ((TEXTNS, "p"), (TEXTNS, "h")):
            out.append(teletype.extractText(child).strip())
        elif qname == (TABLENS, "table-row"):
            cells = [teletype.extractText(cell).strip() for cell in child.childNodes]
            out.append(" | ".join(cell for cell in cells if cell))
        elif getattr(child, "childNodes", None):
            _blocks(child, out)


def _meta_value(document: Any, kind: Any) -> str | None:
    found = document.meta.getElementsByType(kind)
    if not found:
        return None
    value = teletype.extractText(found[0]).strip()
    return value or None


def read_odt(data: bytes, name: str) -> OdtArticle:
    """The article in the .odt ``data``; IntakeError naming ``name`` when it is corrupt
    or would inflate past the package bounds (archive_limits)."""
    check_package(data, name, "OpenDocument file")
    try:
        document = load_odf(io.BytesIO(data))
        blocks: list[str] = []
        _blocks(document.text, blocks)
        headings = document.text.getElementsByType(text.H)
        title = _meta_value(document, dc.Title)
        author = _meta_value(document, dc.Creator) or _meta_value(document, meta.InitialCreator)
        created = _meta_value(document, meta.CreationDate)
    except Exception:  # noqa: BLE001 - odfpy/zipfile/xml raise many kinds on broken packages
        raise intake_error(name, "it is a corrupt or truncated OpenDocument file") from None
    blocks = [block for block in blocks if block]
    if title is None and headings:
        first = teletype.extractText(headings[0]).strip()
        if blocks and blocks[0] == first:
            title = blocks.pop(0)
    elif title is not None and blocks and blocks[0] == title:
        blocks.pop(0)
    return OdtArticle(
        text="\n\n".join(blocks),
        title=title,
        author=author,
        created=created[:10] if created else None,
    )
