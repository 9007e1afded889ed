"""Tests for briefgen/intake/source_builder.py: clean text, id and sha256, metadata."""

from __future__ import annotations

import pytest

from briefgen.errors import IntakeError
from briefgen.intake.source_builder import build_source, clean_text
from briefgen.model import text_sha256


def test_clean_text_normalises_newlines_spaces_and_blank_lines() -> None:
    raw = "  First\u00a0 line \r\nsecond\tline\r\r\n\n\n\nThird\x00 para\u200b.  "
    assert clean_text(raw) == "First line\nsecond line\n\nThird para."


def test_clean_text_composes_accents() -> None:
    assert clean_text("cafe\u0301") == "caf\u00e9"


def test_source_id_is_src_and_the_first_ten_digest_characters() -> None:
    source = build_source("Some article text.", name="a.txt")
    assert source.sha256 == text_sha256("Some article text.")
    assert source.id == "src-" + source.sha256[:10]


def test_metadata_is_trimmed_and_published_normalised() -> None:
    source = build_source(
        "Text.", name="a.txt", title="  Ferry\u00a0plan  ", author="", published="4 February 2026"
    )
    assert source.title == "Ferry plan"
    assert source.author is None
    assert source.published == "2026-02-04"


def test_source_with_no_text_is_refused() -> None:
    with pytest.raises(IntakeError, match=r'^Cannot load "a\.txt": it contains no article text\.$'):
        build_source(" \n\u200b\n ", name="a.txt")


def test_the_source_records_the_dateline_its_text_opens_with() -> None:
    source = build_source("  OSLO, Oct 2 (Nordic Wire) - Ministers met.\n", name="a.txt")
    assert source.dateline is not None
    assert (source.dateline.place, source.dateline.date_text, source.dateline.agency) == (
        "OSLO", "Oct 2", "Nordic Wire"
    )
    assert source.text[source.dateline.end :] == "Ministers met."
    assert build_source("Ministers met in Oslo.", name="a.txt").dateline is None


def test_a_file_name_that_is_not_utf8_is_kept_escaped_so_the_brief_saves() -> None:
    import os

    from briefgen.model import Brief, brief_to_json

    path = os.fsdecode(b"/news/r\xe9union.txt")
    source = build_source("Talks resume on Monday.", name=path, path=path)
    assert source.path == "/news/r\\xe9union.txt"
    brief_to_json(Brief(sources=[source])).encode("utf-8")  # no UnicodeEncodeError
