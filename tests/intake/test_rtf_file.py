"""Tests for briefgen/intake/rtf_file.py: hand-written RTF to text, code page respected."""

from __future__ import annotations

from pathlib import Path

from support.builders import AUTHOR, HEADLINE, PARAGRAPHS, PUBLISHED, PUBLISHER, rtf_bytes

from briefgen.intake import load
from briefgen.intake.rtf_file import read_rtf


def test_rtf_file_loads_with_its_header_lines_as_metadata(tmp_path: Path) -> None:
    path = tmp_path / "story.rtf"
    path.write_bytes(rtf_bytes())
    source = load(path)
    assert source.title == HEADLINE
    assert source.author == AUTHOR
    assert source.publisher == PUBLISHER
    assert source.published == PUBLISHED
    assert source.text.split("\n\n")[:3] == PARAGRAPHS


def test_rtf_escaped_characters_follow_the_declared_code_page() -> None:
    assert "The café by the pier" in read_rtf(rtf_bytes(), "story.rtf")


def test_rtf_in_another_code_page_is_decoded_with_it() -> None:
    data = b"{\\rtf1\\ansi\\ansicpg1251 \\'cf\\'f0\\'e8\\'e2\\'e5\\'f2\\par}"
    assert read_rtf(data, "ru.rtf").strip() == "Привет"
