"""Every intake format through `briefgen extract` and `briefgen render` (in-process CLI)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from support import builders

from briefgen.cli import main

FORMATS: dict[str, Callable[[], bytes]] = {
    "story.txt": lambda: builders.PLAIN_ARTICLE.encode("cp1252"),
    "story.md": lambda: f"# {builders.HEADLINE}\n\n{builders.BODY}\n".encode(),
    "story.html": lambda: builders.html_page().encode(),
    "story.docx": builders.docx_bytes,
    "story.pdf": builders.pdf_bytes,
    "story.eml": builders.eml_bytes,
    "story.rtf": builders.rtf_bytes,
    "story.odt": builders.odt_bytes,
    "story.msg": builders.msg_bytes,
}


@pytest.fixture
def article(request: pytest.FixtureRequest, tmp_path: Path) -> Path:
    path = tmp_path / request.param
    path.write_bytes(FORMATS[request.param]())
    return path


@pytest.mark.slow
@pytest.mark.parametrize("article", sorted(FORMATS), indirect=True)
def test_extract_accepts_the_format(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(article)]) == 0
    brief = json.loads(capsys.readouterr().out)
    source = brief["sources"][0]
    assert source["title"] == builders.HEADLINE
    assert "ferry" in source["text"]
    assert source["path"] == str(article.resolve())
    assert brief["key_points"]


@pytest.mark.slow
@pytest.mark.parametrize("article", sorted(FORMATS), indirect=True)
def test_render_accepts_the_format(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "memo.docx"
    assert main(["render", str(article), "--template", "information-memo", "-o", str(out)]) == 0
    text = "\n".join(paragraph.text for paragraph in docx.Document(str(out)).paragraphs)
    assert "ferry" in text.lower()


def test_bad_input_reaches_the_cli_as_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(builders.image_only_pdf_bytes())
    assert main(["extract", str(path)]) == 1
    err = capsys.readouterr().err
    assert err == (
        f'briefgen: Cannot load "{path}": the PDF holds only scanned images and no text '
        "(it would need OCR).\n"
    )
