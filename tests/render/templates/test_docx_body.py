"""The body the importer puts into an office's Word document (docx_body.py): here, the
header lines a document gets when none of its own lines names the addressee, the sender or
the subject (the rest of the body is tested with the importer, test_docx_import.py)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.text.paragraph import Paragraph
from support import letterhead_docs as lh
from support import office_docs as od
from support.sample_briefs import sample_brief

from briefgen.render import docx_writer
from briefgen.render.docx_writer import render_docx
from briefgen.render.templates.docx_body import HEADER_VALUE_TAB
from briefgen.render.templates.docx_import import import_docx
from briefgen.render.templates.library import TemplateLibrary

TO, FROM, SUBJECT = "Harbour Commissioner Ylva Brandt", "Ports Liaison Desk", "Berth repairs"


@pytest.fixture
def in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Render user templates in this process: the isolation is tested on its own."""
    monkeypatch.setattr(docx_writer, "needs_isolation", lambda _template: False)


def _paragraphs(build: Callable[[Path], Path], tmp_path: Path) -> list[Paragraph]:
    result = import_docx(build(tmp_path / "office.docx"),
                         TemplateLibrary(user_dir=tmp_path / "user-templates"))
    assert result.template is not None
    brief = sample_brief()
    brief.template = result.template.id
    brief.fields.update({"to": TO, "from": FROM, "subject": SUBJECT})
    document = docx.Document(io.BytesIO(render_docx(brief, result.template)))
    return list(document.paragraphs)


def _texts(build: Callable[[Path], Path], tmp_path: Path) -> list[str]:
    return [p.text for p in _paragraphs(build, tmp_path)]


@pytest.mark.parametrize("build", [od.bare_document, lh.letterhead_docx],
                         ids=["no header", "letterhead with only sample body text"])
def test_a_document_without_form_lines_gets_the_memo_header_lines(
        tmp_path: Path, in_process: None, build: Callable[[Path], Path]) -> None:
    paragraphs = _paragraphs(build, tmp_path)
    texts = [p.text for p in paragraphs]
    header = ["TO:\t" + TO, "FROM:\t" + FROM, "DATE:\t12 March 2026", "SUBJECT:\t" + SUBJECT]
    start = texts.index(header[0])
    assert texts[start:start + 4] == header
    assert texts.index("Bottom line up front") > start + 3
    for line in paragraphs[start:start + 4]:  # the values start at one place
        stops = [round(t.position.cm, 2) for t in line.paragraph_format.tab_stops]
        assert stops == [round(HEADER_VALUE_TAB.cm, 2)]
        assert line.runs[0].bold


def test_a_form_with_its_own_lines_gets_none_added(tmp_path: Path, in_process: None) -> None:
    texts = _texts(od.logo_memo, tmp_path)
    assert "TO:\t" + TO in texts  # the form's own line, its label kept
    assert sum(TO in t for t in texts) == 1
    assert not any(t.startswith("SUBJECT:\t") and t.count(SUBJECT) > 1 for t in texts)
