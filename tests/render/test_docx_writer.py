"""The Word writer: every built-in renders every brief variant into a clean, styled .docx."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from support.sample_briefs import DATE_FORMAT_CASES, MARKUP, dated_brief, sample_brief

from briefgen.errors import TemplateError
from briefgen.model import Brief, NotDiscussed
from briefgen.render import BriefTemplate, TemplateLibrary, render_docx, render_to_file


def _open(data: bytes) -> DocxDocument:
    return docx.Document(io.BytesIO(data))


def _all_text(document: DocxDocument) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


def _xml_parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n).decode("utf-8") for n in archive.namelist()
                if n.startswith("word/") and n.endswith(".xml")}


def test_every_builtin_renders_every_variant_without_leftover_tags(
    builtin: BriefTemplate, variant: tuple[str, Brief]
) -> None:
    name, brief = variant
    data = render_docx(brief, builtin)
    document = _open(data)
    for part, xml in _xml_parts(data).items():
        text = xml.replace("{{ x }} {% if %}", "").replace("{{ role }}", "")
        assert "{{" not in text, f"leftover tag in {part} ({name})"
        assert "{%" not in text, f"leftover tag in {part} ({name})"
        assert "&lt;w:t&gt;" not in text or name == "markup"
    styles = {p.style.name for p in document.paragraphs}
    assert "Title" in styles
    assert "Heading 1" in styles or name == "empty"
    section = document.sections[0]
    assert section.left_margin is not None
    assert round(section.left_margin.cm, 1) == 2.5


def test_sample_information_memo_has_real_styles_lists_and_header(
    library: TemplateLibrary,
) -> None:
    document = _open(render_docx(sample_brief(), library.get("information-memo")))
    by_style: dict[str, list[str]] = {}
    for paragraph in document.paragraphs:
        by_style.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert by_style["Title"] == ["Information memorandum"]
    assert by_style["Heading 1"] == ["Bottom line up front", "Key points", "People involved",
                                     "What was said", "Next steps", "Sources"]
    bullets = by_style["List Bullet"]
    assert len(bullets) == 4 + 5 + 2  # key points, people, next steps
    assert bullets[0].startswith("The agenda covered staffing levels")
    assert not any("Trade between" in b for b in bullets)
    # Strongest first: all three are credited, so the longest leads and the five words close.
    assert by_style["Quote"][0].startswith("\u201cWe came here to listen")
    assert by_style["Quote"][-1] == "\u201cThis is a first step\u201d"
    header = document.tables[0]
    assert [[c.text for c in row.cells] for row in header.rows] == [
        ["TO:", "Director, Europe Division"],
        ["FROM:", "Western Europe Desk"],
        ["DATE:", "12 March 2026"],
        ["SUBJECT:", "Norvalia and Estrava hold first direct talks in six years"],
    ]


def test_bullets_are_a_real_word_list(library: TemplateLibrary) -> None:
    document = _open(render_docx(sample_brief(), library.get("information-memo")))
    bullet_style = document.styles["List Bullet"]
    num_pr = bullet_style.element.pPr.numPr
    assert num_pr is not None
    assert num_pr.numId.val > 0


def test_marking_banner_and_page_x_of_y_are_in_header_and_footer(builtin: BriefTemplate) -> None:
    brief = sample_brief()
    brief.fields["classification"] = "CONFIDENTIAL"
    data = render_docx(brief, builtin)
    section = _open(data).sections[0]
    assert section.header.paragraphs[0].text == "CONFIDENTIAL"
    footer = [p.text for p in section.footer.paragraphs]
    assert footer[0] == "CONFIDENTIAL"
    assert footer[1].startswith(builtin.name)
    assert "Page 1 of 1" in footer[1]
    footer_xml = next(x for n, x in _xml_parts(data).items() if n.startswith("word/footer"))
    assert "> PAGE <" in footer_xml
    assert "> NUMPAGES <" in footer_xml


def test_meeting_readout_table_has_one_row_per_participant(library: TemplateLibrary) -> None:
    document = _open(render_docx(sample_brief(), library.get("meeting-readout")))
    table = document.tables[1]
    assert table.style.name == "Light List Accent 1"
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["Name", "Role", "Organisation"]
    assert rows[1] == ["Anika Solberg", "Deputy Foreign Minister", "Norvalia"]
    assert len(rows) == 6


def test_hundred_key_points_become_a_hundred_bullets(library: TemplateLibrary) -> None:
    from support.sample_briefs import many_points_brief

    document = _open(render_docx(many_points_brief(), library.get("decision-memo")))
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert sum(t.startswith("Key point number") for t in bullets) == 100


def test_markup_and_forbidden_characters_render_as_plain_text(library: TemplateLibrary) -> None:
    from support.sample_briefs import markup_brief

    data = render_docx(markup_brief(), library.get("information-memo"))
    document = _open(data)
    text = _all_text(document)
    assert MARKUP in text
    assert "<script>alert(1)</script>" in text
    assert "\x00" not in text
    assert "\x07" not in text
    assert "\ufffe" not in text
    assert "Jean <Smith> & Co" in text


def test_rtl_cjk_and_emoji_survive(library: TemplateLibrary) -> None:
    from support.sample_briefs import multilingual_brief

    text = _all_text(_open(render_docx(multilingual_brief(), library.get("meeting-readout"))))
    assert "محادثات جنيف — 日内瓦会谈 — שיחות ז'נבה 🇨🇭" in text
    assert "王小明" in text
    assert "זהו צעד ראשון" in text


def test_empty_lists_leave_out_their_sections(library: TemplateLibrary) -> None:
    from support.sample_briefs import empty_brief

    document = _open(render_docx(empty_brief(), library.get("information-memo")))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == []
    assert all(p.text.strip() == "" or p.style.name == "Title" for p in document.paragraphs)


def test_citations_are_superscript_links_to_the_numbered_sources(
    library: TemplateLibrary,
) -> None:
    brief = sample_brief()
    brief.fields["citations"] = True
    data = render_docx(brief, library.get("information-memo"))
    document = _open(data)
    links = [h for p in document.paragraphs for h in p.hyperlinks if h.text == "[1]"]
    assert len(links) >= 4
    assert all(h.fragment == "source_1" for h in links)
    assert all(r.font.superscript for h in links for r in h.runs)
    references = [p.text for p in document.paragraphs if p.style.name == "Source Reference"]
    assert references == [
        "[1]\tHelena Marsh, \u201cNorvalia and Estrava hold first direct talks in six years on "
        "reopening embassies\u201d, Meridian Wire Service, 13 March 2026"
    ]
    assert '<w:bookmarkStart w:id="901" w:name="source_1"/>' in _xml_parts(data)[
        "word/document.xml"]


def test_render_to_file_writes_the_docx(tmp_path: Path, library: TemplateLibrary) -> None:
    out = tmp_path / "memo.docx"
    render_to_file(sample_brief(), library.get("media-digest"), out)
    assert "Media digest" in _all_text(docx.Document(str(out)))


def test_word_template_reaching_outside_the_sandbox_is_refused(
    library: TemplateLibrary,
) -> None:
    copy = library.duplicate("information-memo", "Sneaky")
    document = docx.Document(str(copy.docx_file))
    document.add_paragraph("{{ fields.__class__.__mro__ }}")
    document.save(str(copy.docx_file))
    with pytest.raises(TemplateError, match="refused because it reaches for the private"):
        render_docx(sample_brief(), copy)


def test_a_word_template_edited_in_word_is_picked_up(library: TemplateLibrary) -> None:
    copy = library.duplicate("information-memo", "Ours")
    document = docx.Document(str(copy.docx_file))
    document.add_paragraph("Cleared by: {{ fields['from'] }}")
    document.save(str(copy.docx_file))
    text = _all_text(_open(render_docx(sample_brief(), copy)))
    assert "Cleared by: Western Europe Desk" in text


def test_a_file_that_is_not_a_docx_is_a_template_error(library: TemplateLibrary) -> None:
    copy = library.duplicate("information-memo", "Broken")
    copy.docx_file.write_bytes(b"not a zip at all")
    with pytest.raises(TemplateError, match="not a valid .docx"):
        render_docx(sample_brief(), copy)


def _header_value(document: DocxDocument, label: str) -> str:
    for table in document.tables:
        for row in table.rows:
            cells = [cell.text for cell in row.cells]
            if cells and cells[0] == label:
                return cells[-1]
    raise AssertionError(f"no {label} row in the memo")


@pytest.mark.parametrize(("date_format", "header", "published"), DATE_FORMAT_CASES)
def test_every_date_in_the_docx_follows_the_date_format(
    builtin: BriefTemplate, tmp_path: Path, date_format: str, header: str, published: str
) -> None:
    out = tmp_path / "memo.docx"
    render_to_file(dated_brief("2026-03-05"), builtin, out, date_format=date_format)
    document = docx.Document(str(out))
    assert _header_value(document, "DATE:") == header
    text = _all_text(document)
    assert f"Meridian Wire Service, {published}" in text
    for _format, other_header, other_published in DATE_FORMAT_CASES:
        if _format != date_format:
            assert other_header not in text
            assert other_published not in text


def test_an_unusable_date_format_gives_the_default_in_word(builtin: BriefTemplate) -> None:
    document = _open(render_docx(dated_brief("2026-03-05"), builtin, date_format="%c"))
    assert _header_value(document, "DATE:") == "5 March 2026"


def test_a_template_title_property_renders_in_the_sandbox_but_the_memo_is_titled_by_its_subject(
    tmp_path: Path,
) -> None:
    """The template's own core properties are still rendered (and checked) in the sandbox,
    then replaced: a memo's title is its brief's subject (issue 22), escaped once."""
    from support.hostile_templates import core_title, template_folder

    from briefgen.render.templates.manifest import read_manifest

    folder = template_folder(tmp_path, "props", docx_edit=core_title(
        b"{{ 'Trade &amp; tariffs' }}: {{ fields.subject }}"))
    brief = sample_brief()
    brief.fields["subject"] = "Steel <quotas> & duties"
    for template in (read_manifest(folder, "user"), read_manifest(folder, "builtin")):
        document = docx.Document(io.BytesIO(render_docx(brief, template)))
        assert document.core_properties.title == "Steel <quotas> & duties"


def test_recursion_in_a_core_property_is_one_sentence(tmp_path: Path) -> None:
    from support.hostile_templates import core_title, template_folder

    from briefgen.render.templates.manifest import read_manifest

    folder = template_folder(tmp_path, "rec", docx_edit=core_title(
        b"{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}"))
    with pytest.raises(TemplateError, match="memo.docx: the Word template of \u2018Information "
                       "memo\u2019 is refused because a macro or loop calls itself too deeply"):
        render_docx(sample_brief(), read_manifest(folder, "user"))


@pytest.mark.parametrize("template_id", ["information-memo", "meeting-readout"])
def test_what_was_not_discussed_is_a_section_of_the_word_memo(
    library: TemplateLibrary, template_id: str
) -> None:
    brief = sample_brief()
    brief.not_discussed = [NotDiscussed("the maritime boundary dispute")]
    document = _open(render_docx(brief, library.get(template_id)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert "Not discussed" in headings
    assert "the maritime boundary dispute" in _all_text(document)


def test_a_render_error_names_the_template_and_the_word_place(tmp_path: Path) -> None:
    from briefgen.render.templates.manifest import read_manifest

    folder = tmp_path / "broken"
    shutil.copytree(TemplateLibrary().builtin_dir / "information-memo", folder)
    document = docx.Document(str(folder / "memo.docx"))
    table = document.add_table(rows=2, cols=2)
    table.cell(1, 1).text = "{{ summary.text / 2 }}"
    document.save(str(folder / "memo.docx"))
    tables = len(document.tables)
    template = read_manifest(folder, "builtin")  # in process: no isolation to cross
    with pytest.raises(TemplateError) as caught:
        render_docx(sample_brief(), template)
    assert str(caught.value).startswith(
        f"{folder / 'memo.docx'}, body, table {tables}, row 2, cell 2 (\u201c{{{{ summary.text "
        "/ 2 }}\u201d): the Word template of \u2018Information memo\u2019 failed to render: ")


def test_a_former_mail_merge_document_renders_without_its_merge_settings(
        tmp_path: Path) -> None:
    from support.hostile_templates import (
        SETTINGS_RELS,
        add_entry,
        mail_merge_main_document,
        template_folder,
    )

    from briefgen.render.templates.manifest import read_manifest

    folder = template_folder(tmp_path, "merge", docx_edit=mail_merge_main_document)
    add_entry(folder / "memo.docx", "word/_rels/settings.xml.rels", SETTINGS_RELS)
    assert b"mailMerge" in zipfile.ZipFile(folder / "memo.docx").read("word/settings.xml")
    data = render_docx(sample_brief(), read_manifest(folder, "user"))
    with zipfile.ZipFile(io.BytesIO(data)) as memo:
        assert b"mailMerge" not in memo.read("word/settings.xml")
        assert b"contacts.xlsx" not in b"".join(memo.read(n) for n in memo.namelist())
    assert "Information memorandum" in "\n".join(
        p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
