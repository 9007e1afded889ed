"""Reading template.toml manifests into BriefTemplate and FieldSpec."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefgen.errors import TemplateError
from briefgen.render import BUILTIN_TEMPLATE_IDS, TemplateLibrary
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
        ('[[fields]]\nname = "x"\nscope = "team"\n', "unknown scope 'team'"),
        ('[[fields]]\nname = "d"\ntype = "date"\nscope = "office"\n',
         "cannot have the scope 'office'"),
    ],
)
def test_bad_fields_are_refused_naming_the_manifest(tmp_path: Path, extra: str,
                                                     message: str) -> None:
    folder = _write(tmp_path / "weekly", MINIMAL + extra)
    with pytest.raises(TemplateError, match=message) as info:
        read_manifest(folder)
    assert str(folder / "template.toml") in str(info.value)


def test_a_fields_scope_is_read_or_follows_its_meaning(tmp_path: Path) -> None:
    folder = _write(tmp_path / "weekly", MINIMAL + (
        '[[fields]]\nname = "subject"\n'
        '[[fields]]\nname = "cc"\nlabel = "CC"\n'
        '[[fields]]\nname = "chair"\ntype = "people"\nscope = "office"\n'
        '[[fields]]\nname = "to"\nscope = "brief"\n'))
    scopes = {f.name: f.scope for f in read_manifest(folder).fields}
    assert scopes == {"subject": "brief", "cc": "office", "chair": "office", "to": "brief"}


@pytest.mark.parametrize("template_id", BUILTIN_TEMPLATE_IDS)
def test_each_builtin_keeps_only_office_fields_on_save_as(template_id: str) -> None:
    template = TemplateLibrary().get(template_id)
    office = {f.name for f in template.fields if f.scope == "office"}
    assert office <= {"to", "from", "classification", "portion_marks", "citations",
                      "coordination"}
    assert {"to", "from", "classification"} & office
    assert not office & {"subject", "date", "background", "comment", "location",
                         "participants", "recommendation", "discussion"}


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


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (MINIMAL.replace('"Weekly note"', '"Caf\u00e9 note"').encode("latin-1"),
         "is not UTF-8 text"),
        ((MINIMAL + "big = " + "9" * 5000 + "\n").encode(), "holds a value briefgen cannot"),
        (("x = " + "{a = " * 1000 + "1" + "}" * 1000 + "\n" + MINIMAL).encode(),
         "nests tables or arrays too deeply"),
        ((MINIMAL + "pad = '" + "x" * 300_000 + "'\n").encode(), "larger than 256,000 bytes"),
        ((MINIMAL + "".join(f'[[fields]]\nname = "f{i}"\n' for i in range(5000))).encode(),
         "more than 200 fields"),
    ],
)
def test_a_manifest_python_cannot_read_is_one_sentence_naming_it(
        tmp_path: Path, content: bytes, message: str) -> None:
    folder = tmp_path / "weekly"
    folder.mkdir()
    (folder / "template.toml").write_bytes(content)
    with pytest.raises(TemplateError, match=message) as info:
        read_manifest(folder, "user")
    assert str(folder / "template.toml") in str(info.value)


def test_an_id_with_a_trailing_newline_is_refused(tmp_path: Path) -> None:
    folder = _write(tmp_path / "w", MINIMAL.replace('"weekly"', '"information-memo\\n"'))
    with pytest.raises(TemplateError, match="lower-case"):
        read_manifest(folder)


# For each field type, a default of the right type, and values of every other type.
_GOOD_DEFAULTS: dict[str, object] = {
    "text": "x", "multiline": "a\nb", "choice": "A", "date": "2026-03-05",
    "list": ["a", "b"], "people": [{"name": "A", "role": "Chair"}],
    "quotes": [{"text": "We agreed.", "speaker": "A"}], "bool": False,
}
_TOML_VALUES = st.one_of(
    st.booleans(), st.integers(min_value=-(10**6), max_value=10**6),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=10),
    st.lists(st.integers(max_value=9, min_value=0), max_size=3),
    st.dictionaries(st.sampled_from(["a", "b"]), st.integers(0, 9), max_size=2),
)


def _field_toml(kind: str, default: object) -> str:
    from briefgen.render.templates.toml_write import dumps

    row = {"name": "f", "type": kind, "default": default}
    if kind == "choice":
        row["choices"] = ["A", "B"]
    return dumps({"fields": [row]})


@pytest.mark.parametrize("kind", sorted(_GOOD_DEFAULTS))
def test_a_default_of_the_fields_type_is_kept(tmp_path: Path, kind: str) -> None:
    folder = _write(tmp_path / "w", MINIMAL + _field_toml(kind, _GOOD_DEFAULTS[kind]))
    spec = read_manifest(folder).field("f")
    assert spec is not None
    assert spec.default == _GOOD_DEFAULTS[kind]


@settings(max_examples=150, deadline=2000,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(sorted(_GOOD_DEFAULTS)), value=_TOML_VALUES)
def test_a_default_of_another_type_is_refused_never_coerced(
        tmp_path: Path, kind: str, value: object) -> None:
    expected = {"text": str, "multiline": str, "choice": str, "date": str, "bool": bool,
                "list": list, "people": list, "quotes": list}[kind]
    fits = type(value) is expected and (kind != "list" or all(
        isinstance(v, str) for v in value))  # type: ignore[attr-defined]
    if kind in ("people", "quotes") and isinstance(value, list):
        fits = all(isinstance(v, str) for v in value)
    folder = tmp_path / f"w-{kind}"
    folder.mkdir(exist_ok=True)
    (folder / "template.toml").write_text(MINIMAL + _field_toml(kind, value), encoding="utf-8")
    if fits:
        spec = read_manifest(folder).field("f")
        assert spec is not None
        assert spec.default == value
    else:
        with pytest.raises(TemplateError, match="default of the .* field 'f'"):
            read_manifest(folder)


def test_the_string_false_is_not_a_bool_and_required_must_be_one(tmp_path: Path) -> None:
    with pytest.raises(TemplateError, match="wrong type"):
        read_manifest(_write(tmp_path / "a", MINIMAL + _field_toml("bool", "false")))
    with pytest.raises(TemplateError, match="'required' of field 'x' must be true or false"):
        read_manifest(_write(tmp_path / "b", MINIMAL + '[[fields]]\nname = "x"\n'
                             'required = "no"\n'))
