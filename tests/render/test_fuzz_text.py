"""Any text at all in a brief gives a .docx Word can open and HTML that parses."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.sample_briefs import sample_brief

from briefgen.model import DateMention, KeyPoint, Person, Quote, Span, Summary
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


# Lone surrogates (a .brief's "\ud800" escape) and C0 controls, which no output can hold.
HOSTILE_TEXT = st.text(st.characters(min_codepoint=0, max_codepoint=0x20)
                       | st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
                       | st.sampled_from("a9-: "), max_size=12)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(published=HOSTILE_TEXT, date_text=HOSTILE_TEXT, date=HOSTILE_TEXT, id_tail=HOSTILE_TEXT)
def test_surrogates_and_controls_in_dates_and_ids_never_reach_an_output(
    published: str, date_text: str, date: str, id_tail: str
) -> None:
    brief = sample_brief()
    source = brief.sources[0]
    old_id, source.id = source.id, source.id + id_tail
    for item in (*brief.key_points, *brief.quotes, *brief.people):
        item.spans = [Span(source.id, s.start, s.end) if s.source == old_id else s
                      for s in item.spans]
    source.published = f"Zq{published}Zq"
    brief.dates.append(DateMention(f"on {date_text}", date=date or None))
    kept = strip_forbidden(source.published)
    shown = {kept, " ".join(kept.split())}  # as written, or on one line
    for template in LIBRARY.templates():
        html = render_html(brief, template)
        html.encode("utf-8")  # raises on a lone surrogate
        assert strip_forbidden(html) == html
        assert any(text in html for text in shown)
        data = render_docx(brief, template)
        body = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml").decode("utf-8")
        assert strip_forbidden(body) == body
        document = docx.Document(io.BytesIO(data))
        text = "\n".join([p.text for p in document.paragraphs]
                         + [c.text for t in document.tables for r in t.rows for c in r.cells])
        assert "Zq" in text  # the paragraph holding the published date is kept
