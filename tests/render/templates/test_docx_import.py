"""The Word-document importer: an office's memo form or letterhead becomes a template that
renders the sample brief with every slot filled, no template syntax or field code left,
the marking in every header and footer, and the office's look kept."""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from support import office_docs as od
from support.sample_briefs import sample_brief

from briefgen.render import docx_writer
from briefgen.render.docx_writer import render_docx
from briefgen.render.templates import docx_import
from briefgen.render.templates.docx_import import ImportResult, import_docx
from briefgen.render.templates.library import TemplateLibrary
from briefgen.render.templates.package import validate_template

BRIEF = sample_brief()
TO, FROM, SUBJECT = BRIEF.fields["to"], BRIEF.fields["from"], BRIEF.fields["subject"]
DATE = "12 March 2026"
PAGES = {"A4": od.A4, "Letter": od.LETTER}


@pytest.fixture
def in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Render user templates in this process: the isolation is tested on its own."""
    monkeypatch.setattr(docx_writer, "needs_isolation", lambda _template: False)


@pytest.fixture
def library(tmp_path: Path) -> TemplateLibrary:
    return TemplateLibrary(user_dir=tmp_path / "user-templates")


def _parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n).decode("utf-8") for n in archive.namelist()
                if n.startswith("word/") and n.endswith(".xml")}


def _text(xml: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", xml).split())


def _render(result: ImportResult, **fields: str) -> tuple[docx.document.Document,
                                                           dict[str, str], bytes]:
    assert result.template is not None
    brief = sample_brief()
    brief.template = result.template.id
    brief.fields.update(fields)
    data = render_docx(brief, result.template)
    return docx.Document(io.BytesIO(data)), _parts(data), data


def _no_syntax(parts: dict[str, str]) -> None:
    for name, xml in parts.items():
        assert "{{" not in xml, name
        assert "{%" not in xml, name
        assert "MERGEFIELD" not in xml, name


def _marking_everywhere(parts: dict[str, str]) -> None:
    headers = [n for n in parts if re.match(r"word/(header|footer)\d+\.xml", n)]
    assert any(n.startswith("word/header") for n in headers)
    for name in headers:
        assert "OFFICIAL" in _text(parts[name]), name


def _pictures(parts: dict[str, str], prefix: str) -> int:
    return sum(xml.count("<a:blip ") for n, xml in parts.items() if n.startswith(prefix))


def _source_parts(path: Path) -> dict[str, str]:
    return _parts(path.read_bytes())


def _layout(document: docx.document.Document) -> list[tuple[int, ...]]:
    return [(s.page_width, s.page_height, s.left_margin, s.right_margin, s.top_margin,
             s.bottom_margin, s.orientation) for s in document.sections]


@pytest.mark.parametrize("page", sorted(PAGES))
def test_logo_memo_with_first_page_header(tmp_path: Path, library: TemplateLibrary,
                                          in_process: None, page: str) -> None:
    source = od.logo_memo(tmp_path / "budget memo.docx", PAGES[page])
    before = hashlib.sha256(source.read_bytes()).hexdigest()
    result = import_docx(source, library)
    assert hashlib.sha256(source.read_bytes()).hexdigest() == before  # never changed
    assert result.template is not None
    assert result.template.id == "budget-memo"
    assert set(result.slots) == {"to", "from", "date", "subject"}
    document, parts, _ = _render(result)
    text = _text(parts["word/document.xml"])
    for value in (TO, FROM, SUBJECT, DATE):
        assert value in text
    for sample in ("All department heads", "Budget Director", "3 February 2025",
                   "Sample subject line", "Insert body text here", "Second sample"):
        assert sample not in text
    _no_syntax(parts)
    _marking_everywhere(parts)
    # the logo of the default header and the crest of the first-page header stay
    assert _pictures(parts, "word/header") == _pictures(_source_parts(source),
                                                        "word/header") == 2
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert "Quillmark City Budget Office" in _text(section.first_page_header._element.xml)
    assert "PAGE" in section.footer._element.xml  # the page number field is still a field
    assert _layout(document) == _layout(docx.Document(str(source)))
    # the labels split over runs keep their bold runs; the value follows in plain text
    to_line = next(p for p in document.paragraphs if TO in p.text)
    assert to_line.text.startswith("TO:")
    assert [r.bold for r in to_line.runs if r.text.strip() in ("T", "O:")] == [True, True]


def test_body_goes_in_the_documents_own_styles(tmp_path: Path, library: TemplateLibrary,
                                               in_process: None) -> None:
    result = import_docx(od.logo_memo(tmp_path / "memo.docx"), library)
    document, _, _ = _render(result)
    styles = {(p.style.name, p.text) for p in document.paragraphs}
    assert ("Heading 1", "Key points") in styles
    assert ("Heading 1", "Bottom line up front") in styles
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    included = [k.text for k in BRIEF.key_points if k.include]
    assert any(included[0] in b for b in bullets)
    assert not any("Trade between the two countries" in b for b in bullets)  # excluded point
    quotes = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    assert any(BRIEF.quotes[0].text in q for q in quotes)
    texts = [p.text for p in document.paragraphs]
    # the body follows the header lines and is above nothing of the form
    assert texts.index(next(t for t in texts if SUBJECT in t)) < texts.index("Key points")


def test_table_form_content_control_and_two_sections(tmp_path: Path,
                                                     library: TemplateLibrary,
                                                     in_process: None) -> None:
    source = od.table_form(tmp_path / "legal form.docx")
    result = import_docx(source, library, name="Legal memo", template_id="legal")
    assert result.template is not None
    assert result.template.name == "Legal memo"
    assert result.slots["subject"] == ["content control"]
    assert result.slots["to"] == ["table"]
    assert result.slots["date"] == ["table"]
    cc = result.template.field("cc")
    assert cc is not None
    assert cc.type == "text"
    assert cc.label == "Cc"
    document, parts, _ = _render(result, cc="Records office")
    table = document.tables[0]
    assert [c.text for c in table.columns[1].cells] == [TO, FROM, DATE, SUBJECT]
    assert [c.text for c in table.columns[0].cells] == ["TO:", "FROM:", "DATE:", "RE:"]
    text = _text(parts["word/document.xml"])
    assert "CC: Records office" in text or "CC:\tRecords office" in "\n".join(
        p.text for p in document.paragraphs)
    for sample in ("Partner name", "Associate name", "January 1, 2025", "Click or tap",
                   "Type the text of the memo here"):
        assert sample not in text
    assert "w:sdt>" not in parts["word/document.xml"]
    assert "Attachment A" in text  # the second section's own text stays
    _no_syntax(parts)
    _marking_everywhere(parts)
    assert "wps:wsp" in parts["word/header1.xml"]  # the floating drawing in the header
    layout = _layout(document)
    assert layout == _layout(docx.Document(str(source)))
    assert len(layout) == 2
    assert layout[1][0] > layout[1][1]


def test_letterhead_behind_text_sample_letter(tmp_path: Path, library: TemplateLibrary,
                                              in_process: None) -> None:
    source = od.letterhead(tmp_path / "library letterhead.docx")
    result = import_docx(source, library)
    assert set(result.slots) == {"to", "from", "date"}
    document, parts, _ = _render(result)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == DATE
    assert f"Dear {TO}," in texts
    closing = texts.index("Yours sincerely,")
    assert texts.index("Key points") < closing
    assert FROM in texts[closing:]
    joined = "\n".join(texts)
    for sample in ("Jane Sample", "Head of Special Collections", "Dr Sample",
                   "This sample letter", "12 January 2025"):
        assert sample not in joined
    header = parts["word/header1.xml"]
    assert 'behindDoc="1"' in header
    assert "<a:blip " in header
    _no_syntax(parts)
    _marking_everywhere(parts)


def test_picture_labels_need_the_mapping_step(tmp_path: Path, library: TemplateLibrary,
                                              in_process: None) -> None:
    source = od.picture_label_form(tmp_path / "form.docx")
    asked = import_docx(source, library)
    assert asked.template is None
    assert asked.needs_mapping
    assert [(b.number, b.text) for b in asked.boxes] == [
        (1, "Name of recipient"), (2, "Your office"), (3, "Date"), (4, "What it is about")]
    assert not (library.user_dir / "form").exists()
    with pytest.raises(docx_import.DocxImportError, match="no text box 7"):
        import_docx(source, library, slots={"to": 7})
    result = import_docx(source, library, slots={"to": 1, "from": 2, "date": 3,
                                                 "subject": 4})
    assert result.template is not None
    assert not result.boxes
    # the mapping is kept in the template: its boxes show the fields (both Word copies)
    memo = _parts(result.template.docx_file.read_bytes())["word/document.xml"]
    boxes = re.findall(r"<w:txbxContent>(.*?)</w:txbxContent>", memo, re.S)
    assert [_text(b) for b in boxes] == [
        "{{ fields.to }}", "{{ fields.to }}", "{{ fields['from'] }}", "{{ fields['from'] }}",
        "{{ fields.date | long_date }}", "{{ fields.date | long_date }}",
        "{{ fields.subject }}", "{{ fields.subject }}"]
    _, parts, _ = _render(result)
    rendered = re.findall(r"<w:txbxContent>(.*?)</w:txbxContent>", parts["word/document.xml"],
                          re.S)
    assert [_text(b) for b in rendered[::2]] == [TO, FROM, DATE, SUBJECT.replace(
        "&", "&amp;")]
    _no_syntax(parts)
    _marking_everywhere(parts)


def test_boxes_kept_as_they_are_with_an_empty_mapping(tmp_path: Path,
                                                      library: TemplateLibrary) -> None:
    result = import_docx(od.picture_label_form(tmp_path / "form.docx"), library, slots={})
    assert result.template is not None
    assert len(result.boxes) == 4
    assert any("4 text box(es) were left" in n for n in result.notes)


def test_merge_fields_and_mail_merge_settings(tmp_path: Path, library: TemplateLibrary,
                                              in_process: None) -> None:
    source = od.merge_letter(tmp_path / "parks letter.docx")
    assert "MERGEFIELD" in _source_parts(source)["word/document.xml"]
    result = import_docx(source, library)
    assert result.slots["to"] == ["merge field"]
    assert result.slots["subject"] == ["merge field"]
    account = result.template.field("account_number") if result.template else None
    assert account is not None
    assert account.label == "Account Number"
    notes = " ".join(result.notes)
    assert "mail-merge settings" in notes
    assert "attached Word template" in notes
    assert "mailMergeSource" in notes
    memo = _parts(result.template.docx_file.read_bytes())  # type: ignore[union-attr]
    assert "mailMerge" not in memo["word/settings.xml"]
    assert "attachedTemplate" not in memo["word/settings.xml"]
    with zipfile.ZipFile(result.template.docx_file) as archive:  # type: ignore[union-attr]
        rels = [archive.read(n).decode() for n in archive.namelist() if n.endswith(".rels")]
    assert rels
    assert not any("External" in r for r in rels)
    document, parts, _ = _render(result, account_number="PK-2231")
    texts = [p.text for p in document.paragraphs]
    assert f"To: {TO}" in texts
    assert f"Subject: {SUBJECT}" in texts
    assert "Account: PK-2231" in texts
    assert "fldSimple" not in parts["word/document.xml"]
    assert "\u00ab" not in "".join(texts)
    _no_syntax(parts)
    _marking_everywhere(parts)


def test_even_page_headers_and_a_document_without_header(tmp_path: Path,
                                                         library: TemplateLibrary,
                                                         in_process: None) -> None:
    even = import_docx(od.even_pages_memo(tmp_path / "even.docx"), library)
    document, parts, _ = _render(even)
    assert document.settings.odd_and_even_pages_header_footer
    assert "OFFICIAL" in _text(document.sections[0].even_page_header._element.xml)
    assert "Even page header" in _text(document.sections[0].even_page_header._element.xml)
    _marking_everywhere(parts)
    bare = import_docx(od.bare_document(tmp_path / "bare.docx"), library)
    _, parts, _ = _render(bare)
    assert "OFFICIAL" in _text(parts["word/header1.xml"])
    assert "Sample text." not in _text(parts["word/document.xml"])


@pytest.mark.parametrize("build", [od.logo_memo, od.table_form, od.letterhead,
                                   od.merge_letter, od.even_pages_memo, od.bare_document,
                                   od.boxed_letter], ids=lambda b: b.__name__)
def test_every_imported_template_passes_validate(tmp_path: Path, library: TemplateLibrary,
                                                 build: Callable[[Path], Path]) -> None:
    result = import_docx(build(tmp_path / "office.docx"), library)
    assert result.template is not None
    assert validate_template(result.template.folder) == []


def test_template_validates_and_renders_isolated(tmp_path: Path,
                                                 library: TemplateLibrary) -> None:
    """No special case: the template passes validate and renders through the normal
    (isolated) route for user templates."""
    result = import_docx(od.table_form(tmp_path / "form.docx"), library)
    assert result.template is not None
    assert validate_template(result.template.folder) == []
    assert library.get(result.template.id).origin == "user"
    _, parts, _ = _render(result)
    assert TO in _text(parts["word/document.xml"])


# Bad input ---------------------------------------------------------------------------


def _docm(tmp_path: Path) -> Path:
    source = od.bare_document(tmp_path / "plain.docx")
    target = tmp_path / "macros.docm"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml."
                    b"document.main+xml",
                    b"application/vnd.ms-word.document.macroEnabled.main+xml")
            new.writestr(info, data)
        new.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0 macro")
    return target


def _ole(tmp_path: Path, name: str, streams: dict[str, bytes]) -> Path:
    from support.cfb_writer import build_compound_file

    path = tmp_path / name
    path.write_bytes(build_compound_file(streams))
    return path


def _dangling(folder: Path) -> Path:
    """A memo whose section names a header relationship the package does not hold."""
    source = od.logo_memo(folder / "whole.docx")
    target = folder / "dangling.docx"
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "word/_rels/document.xml.rels":
                data = re.sub(rb"<Relationship [^>]*header1.xml\"/>", b"", data)
            new.writestr(info, data)
    return target


BAD: dict[str, tuple[Callable[[Path], Path], str]] = {
    "text": (lambda d: (d / "notes.docx").write_text("just text") and d / "notes.docx",
             "not a Word document"),
    "doc": (lambda d: _ole(d, "old.doc", {"WordDocument": b"\x00" * 600}),
            r"Word 97-2003 \(\.doc\).*save it as a Word Document \(\.docx\)"),
    "encrypted": (lambda d: _ole(d, "secret.docx", {"EncryptionInfo": b"\x04\x00" * 300,
                                                     "EncryptedPackage": b"\x01" * 600}),
                  "protected with a password"),
    "macros": (_docm, "holds macros.*save it as a Word Document"),
    "corrupt": (lambda d: (d / "cut.docx").write_bytes(
        od.bare_document(d / "whole.docx").read_bytes()[:700]) and d / "cut.docx",
                "damaged"),
    "missing": (lambda d: d / "nowhere.docx", "no such file"),
    "dangling": (_dangling, "damaged.*a part it refers to is missing"),
    "xlsx-like": (lambda d: _zip(d / "sheet.docx", {"[Content_Types].xml": b"<Types/>"}),
                  "not a Word document"),
    "bomb": (lambda d: _zip(d / "bomb.docx", {"[Content_Types].xml": b"<Types/>",
                                               "word/document.xml": b"\x00" * 25_000_000}),
             "inflates to 25,000,000 bytes"),
}


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


@pytest.mark.parametrize("kind", sorted(BAD))
def test_bad_input_is_one_sentence_naming_the_file(tmp_path: Path, library: TemplateLibrary,
                                                   kind: str) -> None:
    make, reason = BAD[kind]
    path = make(tmp_path)
    with pytest.raises(docx_import.DocxImportError, match=reason) as caught:
        import_docx(path, library)
    message = str(caught.value)
    assert message.startswith(str(path))
    assert message.endswith(".")
    assert "\n" not in message
    assert "Traceback" not in message
    assert not library.user_dir.exists() or not any(library.user_dir.iterdir())


def test_an_id_that_exists_is_refused(tmp_path: Path, library: TemplateLibrary) -> None:
    source = od.bare_document(tmp_path / "bare.docx")
    first = import_docx(source, library, template_id="office-memo")
    assert first.template is not None
    with pytest.raises(docx_import.DocxImportError, match="'office-memo' already exists"):
        import_docx(source, library, template_id="office-memo")
    with pytest.raises(docx_import.DocxImportError, match="already exists"):
        import_docx(source, library, template_id="information-memo")
    again = import_docx(source, library)  # no id asked for: a free one is chosen
    assert again.template is not None
    assert again.template.id == "bare"
    third = import_docx(source, library)
    assert third.template is not None
    assert third.template.id == "bare-2"
    assert first.template.docx_file.is_file()


def test_labelled_text_boxes_address_fields_fetching_field_and_braces(
        tmp_path: Path, library: TemplateLibrary, in_process: None) -> None:
    source = od.boxed_letter(tmp_path / "letter.docx")
    result = import_docx(source, library)
    assert result.template is not None  # the boxes carry their labels: no mapping step
    assert result.slots["to"] == ["merge field", "greeting line", "paragraph"]
    assert result.slots["date"] == ["content control"]
    assert result.template.field("greeting") is None
    assert result.template.field("letter_date") is None
    notes = " ".join(result.notes)
    assert "1 field(s) that fetch a picture or text" in notes
    assert "2 brace(s)" in notes
    document, parts, _ = _render(result)
    body = parts["word/document.xml"]
    boxes = [_text(b) for b in re.findall(r"<w:txbxContent>(.*?)</w:txbxContent>", body, re.S)]
    # both Word copies of each box (DrawingML and its VML fallback) show the value
    assert boxes == [f"TO: {TO}", f"TO: {TO}", f"FROM: {FROM}", f"FROM: {FROM}"]
    texts = [p.text for p in document.paragraphs]
    assert DATE in texts
    assert TO in texts
    assert f"Dear {TO}," in texts
    assert "Start typing your letter here." not in texts
    assert "INCLUDEPICTURE" not in parts["word/header1.xml"]
    assert "crest" in _text(parts["word/header1.xml"])
    assert "ADDRESSBLOCK" not in body
    assert "GREETINGLINE" not in body
    assert "w:sdt>" not in body
    footer = document.sections[0].footer.paragraphs
    assert footer[0].text == "Form {{ 12 }} rev {% a %}"


def test_bracketed_placeholders_of_a_letter(tmp_path: Path, library: TemplateLibrary,
                                            in_process: None) -> None:
    result = import_docx(od.bracket_letter(tmp_path / "water letter.docx"), library)
    document, parts, _ = _render(result)
    texts = [p.text for p in document.paragraphs if p.text.strip()]
    assert texts[:3] == [DATE, TO, f"Dear {TO}:"]
    assert texts[3] == "Bottom line up front"
    assert texts[-2:] == ["Sincerely,", FROM]
    joined = "\n".join(texts)
    assert "[" not in joined.replace("[1]", "")
    assert "Street Address" not in joined
    _no_syntax(parts)
    _marking_everywhere(parts)


def test_the_html_layout_shows_the_added_fields_and_the_name(
        tmp_path: Path, library: TemplateLibrary) -> None:
    from briefgen.render.html_writer import render_html

    result = import_docx(od.table_form(tmp_path / "form.docx"), library, name="Legal memo")
    assert result.template is not None
    brief = sample_brief()
    brief.template = result.template.id
    brief.fields["cc"] = "Records <office>"
    page = render_html(brief, result.template)
    assert '<th scope="row">CC:</th><td dir="auto">Records &lt;office&gt;</td>' in page
    assert '<h1 class="doc-title">Legal memo</h1>' in page


def _as_libreoffice_writes_it(path: Path) -> Path:
    """The document as LibreOffice saves a .docx: style names capitalised ("Heading 1")
    and the core properties under an older relationship type."""
    target = path.with_name("lo-" + path.name)
    with zipfile.ZipFile(path) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            data = old.read(info.filename)
            if info.filename == "word/styles.xml":
                data = re.sub(rb'w:name w:val="(heading \d|list bullet|quote)"',
                              lambda m: b'w:name w:val="' + m.group(1).title() + b'"', data)
            if info.filename == "_rels/.rels":
                data = data.replace(b"package/2006/relationships/metadata/core-properties",
                                    b"officedocument/2006/relationships/metadata/"
                                    b"core-properties")
            new.writestr(info, data)
    return target


def test_a_document_saved_by_libreoffice(tmp_path: Path, library: TemplateLibrary,
                                         in_process: None) -> None:
    source = _as_libreoffice_writes_it(od.logo_memo(tmp_path / "memo.docx"))
    assert b'w:val="Heading 1"' in zipfile.ZipFile(source).read("word/styles.xml")
    result = import_docx(source, library)
    assert result.template is not None
    with zipfile.ZipFile(result.template.docx_file) as archive:
        names = archive.namelist()
    assert len(names) == len(set(names))  # one docProps/core.xml, not two
    document, _, data = _render(result)
    assert ("Heading 1", "Key points") in {(p.style.name, p.text) for p in document.paragraphs}
    assert any(p.style.name == "List Bullet" for p in document.paragraphs)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
    assert len(names) == len(set(names))


def test_a_form_laid_out_as_one_table(tmp_path: Path, library: TemplateLibrary,
                                      in_process: None) -> None:
    result = import_docx(od.table_layout_memo(tmp_path / "clerk.docx"), library)
    assert "in the table cell that held the sample text" in " ".join(result.notes)
    document, parts, _ = _render(result)
    table = document.tables[0]
    assert [table.cell(i, 1).text for i in range(3)] == [TO, FROM, SUBJECT]
    cell = table.cell(3, 0)
    texts = [p.text for p in cell.paragraphs]
    assert "Key points" in texts
    assert not any("sample text" in t or "type the memo" in t for t in texts)
    assert cell._tc[-1].tag == qn("w:p")  # Word needs a cell to end in a paragraph
    _no_syntax(parts)
    _marking_everywhere(parts)
