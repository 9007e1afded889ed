"""`render_to_file`: the format follows the suffix; bad suffixes and folders are one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from sample_briefs import sample_brief

from briefgen.errors import RenderError
from briefgen.render import TemplateLibrary, render_to_file


@pytest.mark.parametrize(("suffix", "magic"), [(".docx", b"PK"), (".html", b"<!DOCTYPE"),
                                               (".HTM", b"<!DOCTYPE"), (".pdf", b"%PDF")])
def test_the_suffix_chooses_the_format(tmp_path: Path, library: TemplateLibrary,
                                       suffix: str, magic: bytes) -> None:
    out = tmp_path / f"memo{suffix}"
    render_to_file(sample_brief(), library.get("information-memo"), out)
    assert out.read_bytes().startswith(magic)
    assert [p.name for p in tmp_path.iterdir()] == [out.name]


def test_an_unknown_suffix_is_refused(tmp_path: Path, library: TemplateLibrary) -> None:
    with pytest.raises(RenderError, match=r"memo\.odt: cannot render to '\.odt'"):
        render_to_file(sample_brief(), library.get("information-memo"), tmp_path / "memo.odt")


def test_a_missing_folder_is_one_sentence_naming_the_file(tmp_path: Path,
                                                          library: TemplateLibrary) -> None:
    out = tmp_path / "no-such-folder" / "memo.docx"
    with pytest.raises(RenderError, match=r"The Word file .*memo\.docx cannot be written"):
        render_to_file(sample_brief(), library.get("information-memo"), out)
