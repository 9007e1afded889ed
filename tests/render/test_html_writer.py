"""The HTML writer: standalone, escaped, print-ready memos from every built-in template."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from support.sample_briefs import DATE_FORMAT_CASES, MARKUP, dated_brief, sample_brief

from briefgen.errors import TemplateError
from briefgen.model import Brief, NotDiscussed
from briefgen.render import BriefTemplate, TemplateLibrary, render_html


class _Page(HTMLParser):
    """Collects the tags, attributes and visible text of a page; fails on unbalanced tags."""

    VOID = {"meta", "br", "hr", "img", "link", "input"}

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.headings: list[str] = []
        self._in: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)
        if tag in ("h1", "h2", "h3"):
            self._in = tag
            self.headings.append("")

    def handle_endtag(self, tag: str) -> None:
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack[-1] == tag, f"unbalanced </{tag}> in {self.stack}"
        self.stack.pop()
        if tag == self._in:
            self._in = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in:
            self.headings[-1] += data

    @property
    def visible(self) -> str:
        return " ".join(" ".join(self.text).split())


def test_every_builtin_renders_every_brief_variant_as_balanced_standalone_html(
    builtin: BriefTemplate, variant: tuple[str, Brief]
) -> None:
    name, brief = variant
    html = render_html(brief, builtin)
    page = _Page(html)
    assert page.stack == []
    assert html.startswith("<!DOCTYPE html>")
    assert "{{" not in page.visible or name == "markup"
    for tag, attrs in page.tags:
        assert tag not in ("script", "link", "img", "iframe")
        for attr in ("src", "href"):
            value = attrs.get(attr)
            assert value is None or value.startswith("#"), f"external {attr}={value}"
    assert any(tag == "style" for tag, _ in page.tags)


def test_sample_memo_shows_header_sections_people_and_quotes(library: TemplateLibrary) -> None:
    page = _Page(render_html(sample_brief(), library.get("information-memo")))
    assert page.headings[0] == "Information memorandum"
    assert page.headings[1:] == ["Bottom line up front", "Key points", "People involved",
                                 "What was said", "Next steps", "Sources"]
    text = page.visible
    assert "TO: Director, Europe Division" in text
    assert "DATE: 12 March 2026" in text
    assert "Anika Solberg , Deputy Foreign Minister (Norvalia)" in text
    assert "\u201cThis is a first step\u201d" in text
    assert "Trade between" not in text


def test_marking_banner_is_at_top_and_bottom_and_repeats_in_print(
    library: TemplateLibrary,
) -> None:
    html = render_html(sample_brief(), library.get("decision-memo"))
    # Browsers repeat a table's header and footer rows on every printed page.
    found = re.findall(r'<(thead|tfoot)><tr><td><div class="banner banner-(?:top|bottom)">'
                       r"OFFICIAL</div></td></tr></\1>", html)
    assert found == ["thead", "tfoot"]
    frame = html.index('<table class="frame"')
    assert frame < html.index("<thead>") < html.index("<tbody>") < html.index("<tfoot>")



def test_markup_characters_are_escaped_never_interpreted(builtin: BriefTemplate) -> None:
    brief = sample_brief()
    brief.fields["subject"] = MARKUP
    brief.fields["to"] = "<script>alert(1)</script>"
    html = render_html(brief, builtin)
    assert "<script>" not in html
    assert "<b>bold</b>" not in html
    assert "AT&amp;T &lt;b&gt;bold&lt;/b&gt;" in html
    assert "{{ x }}" in _Page(html).visible


def test_citations_link_each_key_point_to_its_source(library: TemplateLibrary) -> None:
    brief = sample_brief()
    brief.fields["citations"] = True
    html = render_html(brief, library.get("information-memo"))
    assert html.count('<a href="#source-1">1</a>') >= 5
    assert '<li id="source-1" dir="auto">Helena Marsh, \u201cNorvalia' in html
    brief.fields["citations"] = False
    assert 'href="#source-1"' not in render_html(brief, library.get("information-memo"))


def test_portion_marks_prefix_paragraphs_and_bullets(library: TemplateLibrary) -> None:
    brief = sample_brief()
    brief.fields["portion_marks"] = True
    html = render_html(brief, library.get("information-memo"))
    assert html.count("(O) ") >= 9


def test_preview_shows_drafting_warnings_that_never_print(library: TemplateLibrary) -> None:
    brief = sample_brief()
    brief.summary.text = "A long bottom line. " * 40
    template = library.get("information-memo")
    assert "<table class=\"drafting-warnings\"" not in render_html(brief, template)
    preview = render_html(brief, template, preview=True)
    assert "keep it to 4 or fewer" in preview
    assert ".drafting-warnings, .footer { display: none; }" in preview


def test_meeting_readout_lists_participants_in_a_table(library: TemplateLibrary) -> None:
    page = _Page(render_html(sample_brief(), library.get("meeting-readout")))
    rows = [t for t, _ in page.tags if t == "tr"]
    assert len(rows) == 3 + 4 + 1 + 5  # page frame, header block, heading row, five people
    assert "Topics discussed" in page.headings
    assert "Outcomes" in page.headings


def test_participants_field_overrides_the_extracted_people(library: TemplateLibrary) -> None:
    brief = sample_brief()
    brief.fields["participants"] = [{"name": "Only One", "role": "Chair"}]
    page = _Page(render_html(brief, library.get("meeting-readout")))
    assert "Only One Chair" in page.visible
    assert "Tomas Reyhan" not in page.visible.split(
        "Topics discussed")[0]


def test_decision_memo_has_approval_lines_and_a_placeholder_recommendation(
    library: TemplateLibrary,
) -> None:
    template = library.get("decision-memo")
    html = render_html(sample_brief(), template)
    text = _Page(html).visible
    assert re.search(r"Approve\s+Date\s+Disapprove\s+Date\s+Discuss with me\s+Date", text)
    # The signature and date lines are bottom borders of empty cells, so they shrink
    # with the page (a narrow preview pane) instead of forcing it wider.
    for choice in ("Approve", "Disapprove", "Discuss with me"):
        assert re.search(rf">{choice}</th><td class=\"sign\"[^>]*>&nbsp;</td>"
                         rf"<td class=\"date\"[^>]*>Date</td><td class=\"sign\"", html)
    assert "td.sign { border-bottom: 1px solid" in html
    assert "[Recommendation to be completed by the drafter.]" in text
    brief = sample_brief()
    brief.fields["recommendation"] = "That you approve reopening the visa section."
    assert "That you approve reopening" in render_html(brief, template)


def test_media_digest_gives_each_source_its_summary_and_quotes(
    library: TemplateLibrary,
) -> None:
    text = _Page(render_html(sample_brief(), library.get("media-digest"))).visible
    assert "[1] Norvalia and Estrava hold first direct talks" in text
    assert "Meridian Wire Service \u00b7 Helena Marsh \u00b7 13 March 2026" in text
    assert "\u201cThis is a first step\u201d \u2014 Tomas Reyhan" in text


def test_a_user_template_with_an_error_fails_with_a_template_error(
    library: TemplateLibrary,
) -> None:
    copy = library.duplicate("information-memo", "Broken copy")
    copy.html_file.write_text("<p>{{ fields.subject }</p>", encoding="utf-8")
    with pytest.raises(TemplateError, match=r"memo\.html:1: the template has a syntax error"):
        render_html(sample_brief(), copy)


def test_an_edited_html_template_is_picked_up(library: TemplateLibrary) -> None:
    copy = library.duplicate("information-memo", "Editable")
    assert "EDITED" not in render_html(sample_brief(), copy)
    copy.html_file.write_text("<p>EDITED {{ fields.subject }}</p>", encoding="utf-8")
    assert render_html(sample_brief(), copy).startswith("<p>EDITED Norvalia")


def test_the_css_avoids_what_the_preview_pane_cannot_draw(builtin: BriefTemplate) -> None:
    # The window previews with QTextBrowser, which knows neither CSS variables nor flexbox.
    css = render_html(sample_brief(), builtin).split("<style>")[1].split("</style>")[0]
    assert "var(" not in css
    assert "display: flex" not in css


@pytest.mark.parametrize(("date_format", "header", "published"), DATE_FORMAT_CASES)
def test_every_date_in_the_html_follows_the_date_format(
    builtin: BriefTemplate, date_format: str, header: str, published: str
) -> None:
    page = _Page(render_html(dated_brief("2026-03-05"), builtin, date_format=date_format))
    text = page.visible
    assert f"DATE: {header}" in text
    assert f"Meridian Wire Service, {published}" in text
    others = [c for c in DATE_FORMAT_CASES if c[0] != date_format]
    for _format, other_header, other_published in others:
        assert other_header not in text
        assert other_published not in text


def test_the_default_date_format_is_todays_output(builtin: BriefTemplate) -> None:
    brief = dated_brief("2026-03-05")
    html = render_html(brief, builtin)
    assert html == render_html(brief, builtin, date_format="%d %B %Y")
    assert "<th scope=\"row\">DATE:</th><td>5 March 2026</td>" in html
    assert html == render_html(brief, builtin, date_format="%H:%M %Q")


def test_a_user_template_written_before_date_formats_follows_them(
    library: TemplateLibrary,
) -> None:
    template = library.duplicate("information-memo", "Old habits")
    template.html_file.write_text(
        "<p>{{ fields.date | long_date }}|{{ sources[0].published }}</p>", encoding="utf-8")
    html = render_html(dated_brief("2026-03-05"), template, date_format="%B %d, %Y")
    assert html == "<p>March 5, 2026|March 13, 2026</p>"


@pytest.mark.parametrize("template_id", ["information-memo", "meeting-readout"])
def test_what_was_not_discussed_has_its_own_section(
    library: TemplateLibrary, template_id: str
) -> None:
    brief = sample_brief()
    brief.not_discussed = [NotDiscussed("the maritime boundary dispute")]
    page = _Page(render_html(brief, library.get(template_id)))
    assert "Not discussed" in page.headings
    assert "the maritime boundary dispute" in page.visible
    without = _Page(render_html(sample_brief(), library.get(template_id)))
    assert "Not discussed" not in without.headings


def test_a_render_error_names_the_template_and_the_line(tmp_path: Path) -> None:
    import shutil

    from briefgen.render.templates.manifest import read_manifest

    folder = tmp_path / "broken"
    shutil.copytree(TemplateLibrary().builtin_dir / "information-memo", folder)
    html = folder / "memo.html"
    lines = html.read_text("utf-8").splitlines()
    lines.insert(5, "{{ fields.to - 1 }}")
    html.write_text("\n".join(lines), "utf-8")
    with pytest.raises(TemplateError) as caught:
        render_html(sample_brief(), read_manifest(folder, "builtin"))
    assert str(caught.value).startswith(
        f"{html}:6: the HTML template of \u2018Information memo\u2019 failed to render: ")
