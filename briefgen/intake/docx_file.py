"""Word (.docx) articles: body paragraphs and tables in order, and the core properties."""

from __future__ import annotations

import io
from dataclasses import dataclass

import docx
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph

from briefgen.intake.archive_limits import check_package
from briefgen.intake.reading import intake_error

_TITLE_STYLES = ("title", "heading 1")
# python-docx's own default template says it wrote the file; that is no author.
_GENERATOR_AUTHORS = frozenset({"python-docx"})


@dataclass
class DocxArticle:
    """A Word file's text (paragraphs split by blank lines) and core properties."""

    text: str
    title: str | None
    author: str | None
    created: str | None


def _table_text(table: Table) -> str:
    """One line per row, cells separated by " | ", repeated merged cells once."""
    rows = []
    for row in table.rows:
        cells: list[str] = []
        for cell in row.cells:
            value = " ".join(cell.text.split())
            if value and (not cells or cells[-1] != value):
                cells.append(value)
        if cells:
            rows.append(" | ".join(cells))
    return "\n".join(rows)


def _style_name(paragraph: Paragraph) -> str:
    style = paragraph.style
    return (style.name or "").lower() if style is not None else ""


def _blocks(document: Document) -> list[tuple[str, str]]:
    """(style name, text) of each non-empty body paragraph and table, in document order.

    Only the first block's style is looked up (it may be the title): python-docx
    resolves styles slowly, and the rest need none.
    """
    blocks: list[tuple[str, str]] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            text = item.text.strip()
            if text:
                blocks.append((_style_name(item) if not blocks else "", text))
        elif isinstance(item, Table):
            text = _table_text(item)
            if text:
                blocks.append(("table", text))
    return blocks


def read_docx(data: bytes, name: str) -> DocxArticle:
    """The article in the .docx ``data``; IntakeError naming ``name`` when it is corrupt
    or would inflate past the package bounds (archive_limits)."""
    check_package(data, name, "Word document")
    try:
        document = docx.Document(io.BytesIO(data))
        blocks = _blocks(document)
        properties = document.core_properties
        core_title = properties.title
        author = properties.author
        created = properties.created
    except Exception:  # noqa: BLE001 - python-docx raises many kinds on broken packages
        raise intake_error(name, "it is a corrupt or truncated Word document") from None
    title = (core_title or "").strip() or None
    if title is None and blocks and blocks[0][0] in _TITLE_STYLES:
        title = blocks.pop(0)[1]
    elif title is not None and blocks and blocks[0][1] == title:
        blocks.pop(0)
    if author and author.strip().lower() in _GENERATOR_AUTHORS:
        author = None
    return DocxArticle(
        text="\n\n".join(text for _, text in blocks),
        title=title,
        author=(author or "").strip() or None,
        created=created.date().isoformat() if created is not None else None,
    )
