"""Tests for briefgen/intake/docx_file.py: paragraphs and tables in order, core properties."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.builders import AUTHOR, HEADLINE, PARAGRAPHS, docx_bytes

from briefgen.errors import IntakeError
from briefgen.intake import load
from briefgen.intake.docx_file import read_docx


def test_word_file_loads_with_title_author_and_created_date(tmp_path: Path) -> None:
    path = tmp_path / "story.docx"
    path.write_bytes(docx_bytes())
    source = load(path)
    assert source.title == HEADLINE
    assert source.author == AUTHOR
    assert source.published == "2026-02-04"
    assert HEADLINE not in source.text


def test_paragraphs_and_tables_keep_document_order() -> None:
    text = read_docx(docx_bytes(), "story.docx").text
    paragraphs = text.split("\n\n")
    assert paragraphs[: len(PARAGRAPHS)] == PARAGRAPHS
    assert paragraphs[len(PARAGRAPHS)] == "Route | Crossings\nPort Ellis | 14"
    assert paragraphs[-1] == "The council will publish the full timetable online."


def test_truncated_word_file_gets_a_clear_error(tmp_path: Path) -> None:
    data = docx_bytes()
    path = tmp_path / "broken.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(IntakeError, match=r"broken\.docx.*corrupt or truncated Word document"):
        load(path)


def test_word_file_with_a_wrong_extension_still_loads(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(docx_bytes())
    assert load(path).title == HEADLINE
