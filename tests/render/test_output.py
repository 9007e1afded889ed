"""`render_to_file`: the format follows the suffix; bad suffixes and folders are one sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.sample_briefs import DATE_FORMAT_CASES, dated_brief, sample_brief

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


@pytest.mark.parametrize(("date_format", "header", "_published"), DATE_FORMAT_CASES)
def test_the_date_format_reaches_every_kind_of_file(
    tmp_path: Path, library: TemplateLibrary, date_format: str, header: str, _published: str
) -> None:
    import docx
    from pypdf import PdfReader

    template = library.get("decision-memo")
    for suffix in (".html", ".docx", ".pdf"):
        render_to_file(dated_brief("2026-03-05"), template, tmp_path / f"memo{suffix}",
                       date_format=date_format)
    html = (tmp_path / "memo.html").read_text(encoding="utf-8")
    assert f"<th scope=\"row\">DATE:</th><td>{header}</td>" in html
    cells = [c.text for t in docx.Document(str(tmp_path / "memo.docx")).tables
             for row in t.rows for c in row.cells]
    assert cells[cells.index("DATE:") + 1] == header
    pdf_text = " ".join(p.extract_text() for p in PdfReader(tmp_path / "memo.pdf").pages)
    assert f"DATE: {header}" in " ".join(pdf_text.split())


def test_an_export_through_a_symbolic_link_lands_in_the_linked_file(
    tmp_path: Path, library: TemplateLibrary,
) -> None:
    real = tmp_path / "memos" / "memo.html"
    real.parent.mkdir()
    real.write_text("old memo", "utf-8")
    link = tmp_path / "memo.html"
    link.symlink_to(real)
    render_to_file(sample_brief(), library.get("information-memo"), link)
    assert link.is_symlink()
    assert real.read_bytes().startswith(b"<!DOCTYPE")


def test_an_export_onto_a_link_loop_is_one_sentence_naming_the_file(
    tmp_path: Path, library: TemplateLibrary,
) -> None:
    loop = tmp_path / "memo.html"
    loop.symlink_to("memo.html")
    with pytest.raises(RenderError, match=r"memo\.html .*loops back on itself"):
        render_to_file(sample_brief(), library.get("information-memo"), loop)
