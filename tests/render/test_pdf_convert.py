"""The PDF route: LibreOffice converts the rendered .docx (tagged, the template's look), or the
fpdf2 drawing when it is absent, which the export then says is untagged."""

from __future__ import annotations

import io
import os
import stat
import time
from pathlib import Path

import pytest
from pypdf import PdfReader
from support.sample_briefs import sample_brief

from briefgen.errors import Cancelled, RenderError
from briefgen.render import BriefTemplate, render_to_file
from briefgen.render.document_info import DocumentInfo
from briefgen.render.isolation import cancel_check
from briefgen.render.output import pdf_notice
from briefgen.render.pdf_convert import UNTAGGED_NOTICE, convert_docx_to_pdf, find_converter

INFO = DocumentInfo(author="Ana Kovač", language="fr-FR")


def _script(folder: Path, body: str) -> Path:
    """A stand-in converter: a shell script doing ``body``."""
    path = folder / "soffice"
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def test_the_converter_can_be_turned_off_or_named(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_PDF_CONVERTER", "none")
    assert find_converter() is None
    assert pdf_notice() == UNTAGGED_NOTICE
    program = _script(tmp_path, "exit 0")
    monkeypatch.setenv("BRIEFGEN_PDF_CONVERTER", str(program))
    assert find_converter() == program
    assert pdf_notice() is None
    monkeypatch.setenv("BRIEFGEN_PDF_CONVERTER", str(tmp_path / "missing"))
    assert find_converter() is None


@pytest.mark.skipif(os.name != "posix", reason="the stand-in converters are shell scripts")
def test_a_converter_that_fails_is_one_sentence(tmp_path: Path) -> None:
    program = _script(tmp_path, "echo 'source file could not be loaded' >&2; exit 1")
    with pytest.raises(RenderError, match="LibreOffice could not convert the memo to PDF "
                                          r"\(source file could not be loaded\)"):
        convert_docx_to_pdf(b"PK not really", program)


@pytest.mark.skipif(os.name != "posix", reason="the stand-in converters are shell scripts")
def test_a_converter_that_hangs_is_stopped_at_its_time_limit(tmp_path: Path) -> None:
    program = _script(tmp_path, "exec sleep 30")
    started = time.monotonic()
    with pytest.raises(RenderError, match="did not make the PDF within 0.5 seconds"):
        convert_docx_to_pdf(b"PK", program, seconds=0.5)
    assert time.monotonic() - started < 10


@pytest.mark.skipif(os.name != "posix", reason="the stand-in converters are shell scripts")
def test_cancel_stops_the_converter(tmp_path: Path) -> None:
    program = _script(tmp_path, "exec sleep 30")
    started = time.monotonic()
    with cancel_check(lambda: True), pytest.raises(Cancelled):
        convert_docx_to_pdf(b"PK", program)
    assert time.monotonic() - started < 10


def _libreoffice(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BRIEFGEN_PDF_CONVERTER", "auto")
    converter = find_converter()
    if converter is None:
        pytest.skip("LibreOffice is not installed: the tagged PDF route cannot be checked here")
    return converter


def test_the_pdf_is_the_docx_converted_tagged_with_title_author_and_language(
    builtin: BriefTemplate, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    _libreoffice(monkeypatch)
    brief = sample_brief()
    brief.fields["subject"] = "Talks on restoring embassy operations"
    out = tmp_path / "memo.pdf"
    assert render_to_file(brief, builtin, out, info=INFO) is None
    reader = PdfReader(io.BytesIO(out.read_bytes()))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root  # tagged: a structure tree for screen readers
    assert root["/MarkInfo"]["/Marked"]
    assert root.get("/Lang") == "fr-FR"
    assert reader.metadata is not None
    assert reader.metadata.title == "Talks on restoring embassy operations"
    assert reader.metadata.author == "Ana Kovač"
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Talks on restoring embassy operations" in " ".join(text.split())
