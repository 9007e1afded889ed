"""Reading template.toml manifests into BriefTemplate and FieldSpec."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.errors import TemplateError
from briefgen.render import BUILTIN_TEMPLATE_IDS
from briefgen.render.templates.manifest import FIELD_TYPES, read_manifest
from briefgen.resources import builtin_templates_dir


def _write(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "template.toml").write_text(text, encoding="utf-8")
    return folder


MINIMAL = """
id = "weekly"
name = "Weekly note"
lists = ["summary"]
[files]
html = "memo.html"
docx = "memo.docx"
"""


@pytest.mark.parametrize("template_id", BUILTIN_TEMPLATE_IDS)
def test_each_builtin_manifest_declares_typed_fields_and_files(template_id: str) -> None:
    template = read_manifest(builtin_templates_dir() / template_id)
    assert template.id == template_id
    assert template.read_only
    assert template.origin == "builtin"
    assert template.html_file.is_file()
    assert template.docx_file.is_file()
    assert {"classification", "portion_marks", "citations", "subject", "date"} <= {
        f.name for f in template.fields
    }
    assert all(f.type in FIELD_TYPES and f.label and f.help for f in template.fields)
    marking = template.field("classification")
    assert marking is not None
    assert marking.type == "choice"
    assert marking.choices


@pytest.mark.parametrize(
    ("template_id", "meaning"),
    [("information-memo", "memo-date"), ("decision-memo", "memo-date"),
     ("media-digest", "memo-date"), ("meeting-readout", "event-date")],
)
def test_each_builtin_says_which_date_its_date_field_means(template_id: str,
                                                           meaning: str) -> None:
    date = read_manifest(builtin_templates_dir() / template_id).field("date")
    assert date is not None
    assert date.meaning == meaning


def test_a_date_field_without_a_meaning_is_the_event_date(tmp_path: Path) -> None:
    text = MINIMAL + '[[fields]]\nname = "when"\ntype = "date"\n[[fields]]\nname = "x"\n'
    template = read_manifest(_write(tmp_path / "weekly", text))
    assert [(f.name, f.meaning) for f in template.fields] == [("when", "event-date"), ("x", "")]


def test_minimal_manifest_gets_defaults(tmp_path: Path) -> None:
    template = read_manifest(_write(tmp_path / "weekly", MINIMAL), "user")
    assert (template.name, template.version, template.fields) == ("Weekly note", "1", [])
    assert not template.read_only


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ('[[fields]]\nname = "x"\ntype = "colour"\n', "unknown type 'colour'"),
        ('[[fields]]\nname = "x y"\n', "not a valid identifier"),
        ('[[fields]]\nname = "x"\n[[fields]]\nname = "x"\n', "declared twice"),
        ('[[fields]]\nname = "x"\ntype = "choice"\n', "lists no choices"),
        ('[[fields]]\nname = "d"\ntype = "date"\nmeaning = "birthday"\n',
         "unknown meaning 'birthday'"),
        ('[[fields]]\nname = "x"\nmeaning = "memo-date"\n', "only a date field has"),
    ],
)
def test_bad_fields_are_refused_naming_the_manifest(tmp_path: Path, extra: str,
                                                     message: str) -> None:
    folder = _write(tmp_path / "weekly", MINIMAL + extra)
    with pytest.raises(TemplateError, match=message) as info:
        read_manifest(folder)
    assert str(folder / "template.toml") in str(info.value)


def test_unknown_brief_list_is_refused(tmp_path: Path) -> None:
    folder = _write(tmp_path / "w", MINIMAL.replace('["summary"]', '["summary", "gossip"]'))
    with pytest.raises(TemplateError, match="'gossip', which is not a brief list"):
        read_manifest(folder)


def test_files_outside_the_folder_are_refused(tmp_path: Path) -> None:
    folder = _write(tmp_path / "w", MINIMAL.replace('"memo.html"', '"../../etc/passwd"'))
    with pytest.raises(TemplateError, match="outside the template folder"):
        read_manifest(folder)


def test_invalid_toml_and_missing_manifest_are_one_sentence_errors(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="not valid TOML"):
        read_manifest(_write(tmp_path / "bad", "id = \n"))
    with pytest.raises(TemplateError, match="holds no template.toml"):
        read_manifest(tmp_path)


def test_upper_case_id_is_refused(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="lower-case"):
        read_manifest(_write(tmp_path / "w", MINIMAL.replace('"weekly"', '"Weekly Note"')))
