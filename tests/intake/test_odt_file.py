"""Tests for briefgen/intake/odt_file.py: OpenDocument text paragraphs, tables and metadata."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.builders import AUTHOR, HEADLINE, PARAGRAPHS, PUBLISHED, odt_bytes

from briefgen.errors import IntakeError
from briefgen.intake import load
from briefgen.intake.odt_file import read_odt


def test_odt_file_loads_with_title_author_and_creation_date(tmp_path: Path) -> None:
    path = tmp_path / "story.odt"
    path.write_bytes(odt_bytes())
    source = load(path)
    assert source.title == HEADLINE
    assert source.author == AUTHOR
    assert source.published == PUBLISHED
    assert not source.text.startswith(HEADLINE)


def test_odt_paragraphs_and_table_rows_keep_their_order() -> None:
    blocks = read_odt(odt_bytes(), "story.odt").text.split("\n\n")
    assert blocks == [*PARAGRAPHS, "Route | Crossings", "Port Ellis | 14"]


def test_corrupt_odt_gets_a_clear_error() -> None:
    data = odt_bytes()
    with pytest.raises(IntakeError, match=r'^Cannot load "story\.odt": '):
        load(data[: len(data) - 200], name="story.odt")
