"""`validate_template`: syntax errors with file and line, undeclared names, bad Word files."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest

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
    assert f"{html}:1: the template uses the field 'budget', which its manifest does not " \
           "declare" in messages
    assert f"{html}:2: the template uses 'secret_sauce', which briefgen does not provide" \
           in messages
    assert len(messages) == 2


def test_forbidden_names_in_the_word_file_are_reported(copy: Path) -> None:
    document = docx.Document(str(copy / "memo.docx"))
    document.add_paragraph("{{ open('/etc/passwd') }}")
    document.save(str(copy / "memo.docx"))
    problems = validate_template(copy)
    assert len(problems) == 1
    assert problems[0].file == f"{copy}/memo.docx (word/document.xml)"
    assert problems[0].line is not None
    assert problems[0].line > 20
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
