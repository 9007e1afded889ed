"""Any text at all in a brief gives a .docx Word can open and HTML that parses."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.sample_briefs import sample_brief

from briefgen.model import KeyPoint, Person, Quote, Summary
from briefgen.render import TemplateLibrary, render_html
from briefgen.render.docx_writer import render_docx
from briefgen.render.textclean import strip_forbidden

LIBRARY = TemplateLibrary(user_dir=Path("/nonexistent-briefgen-user"))
ANY_TEXT = st.text(st.characters(codec="utf-8"), max_size=60)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(subject=ANY_TEXT, point=ANY_TEXT, speaker=ANY_TEXT, name=ANY_TEXT)
def test_arbitrary_text_renders_to_a_valid_docx_and_html(subject: str, point: str,
                                                        speaker: str, name: str) -> None:
    brief = sample_brief()
    brief.fields["subject"] = subject
    brief.summary = Summary(point)
    brief.key_points.append(KeyPoint(point))
    brief.quotes.append(Quote(point, speaker))
    brief.people.append(Person(name, speaker, subject))
    template = LIBRARY.get("meeting-readout")
    document = docx.Document(io.BytesIO(render_docx(brief, template)))
    rows = document.tables[1].rows
    assert rows[-1].cells[0].text == " ".join(strip_forbidden(name).split())
    html = render_html(brief, template)
    assert html.rstrip().endswith("</html>")
    assert "<script" not in html.replace("&lt;script", "")
