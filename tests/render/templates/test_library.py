"""The template library: built-in, office and user templates; save-as, rename and delete."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support.sample_briefs import sample_brief

from briefgen.errors import TemplateError
from briefgen.render import BUILTIN_TEMPLATE_IDS, TemplateLibrary, render_html
from briefgen.render.templates.library import default_user_dir, slug
from briefgen.render.templates.manifest import default_scope


def test_the_four_builtins_are_listed_read_only(library: TemplateLibrary) -> None:
    templates = library.templates()
    assert sorted(t.id for t in templates) == sorted(BUILTIN_TEMPLATE_IDS)
    assert all(t.read_only and t.origin == "builtin" for t in templates)
    assert library.problems == []


def test_build_folder_is_not_mistaken_for_a_template(library: TemplateLibrary) -> None:
    assert (library.builtin_dir / "_build").is_dir()
    assert "_build" not in {t.folder.name for t in library.templates()}


def test_unknown_id_is_a_one_sentence_error(library: TemplateLibrary) -> None:
    with pytest.raises(TemplateError, match="no brief template with the id 'nope'"):
        library.get("nope")


def test_default_user_folder_is_in_the_platform_data_dir() -> None:
    assert default_user_dir().parts[-2:] == ("briefgen", "templates")
    assert TemplateLibrary().user_dir == default_user_dir()


def test_save_as_copies_the_template_with_header_values_as_defaults(
    library: TemplateLibrary,
) -> None:
    saved = library.save_as("information-memo", "Europe desk memo",
                            {"to": "Director, Europe", "classification": "OFFICIAL",
                             "date": "2026-03-12", "not_a_field": "ignored"})
    assert (saved.id, saved.name, saved.origin, saved.read_only) == (
        "europe-desk-memo", "Europe desk memo", "user", False)
    assert saved.folder == (library.user_dir / "europe-desk-memo").resolve()
    to = saved.field("to")
    assert to is not None
    assert to.default == "Director, Europe"
    date = saved.field("date")
    assert date is not None
    assert date.default is None
    assert saved.field("not_a_field") is None
    assert library.get("europe-desk-memo").name == "Europe desk memo"
    html = render_html(sample_brief(), saved)
    assert "Information memorandum" in html


def test_save_as_with_a_taken_name_gets_a_fresh_id(library: TemplateLibrary) -> None:
    first = library.save_as("decision-memo", "Decision memo", {})
    second = library.duplicate("decision-memo", "Decision memo")
    assert (first.id, second.id) == ("decision-memo-2", "decision-memo-3")


def test_save_as_keeps_the_office_fields_and_never_the_briefs_own(
    library: TemplateLibrary,
) -> None:
    brief = sample_brief()
    brief.fields.update({
        "to": "Director, Europe", "from": "Europe desk", "classification": "OFFICIAL",
        "subject": "Fisheries talks in Oslo", "date": "2026-03-12",
        "background": "The talks resumed after a year.", "comment": "Watch the quota.",
        "portion_marks": True, "citations": True,
    })
    saved = library.save_as("information-memo", "Europe desk memo", dict(brief.fields))
    defaults = {f.name: f.default for f in saved.fields}
    assert defaults["to"] == "Director, Europe"
    assert defaults["from"] == "Europe desk"
    assert defaults["classification"] == "OFFICIAL"
    assert defaults["portion_marks"] is True
    source = {f.name: f.default for f in library.get("information-memo").fields}
    for own in ("subject", "date", "background", "comment"):
        assert defaults[own] == source[own], own
    assert "Fisheries" not in (saved.folder / "template.toml").read_text("utf-8")


def test_save_as_drops_the_meetings_participants_and_place(library: TemplateLibrary) -> None:
    rows = [{"name": "A. Chair", "role": "Chair", "organization": "Council"}]
    saved = library.save_as("meeting-readout", "Council readout",
                            {"participants": rows, "location": "Oslo", "from": "Council desk"})
    assert [saved.field(n).default for n in ("participants", "location", "from")] == [  # type: ignore[union-attr]
        [], "", "Council desk"]


def test_a_field_the_manifest_scopes_to_the_office_keeps_its_value(
    library: TemplateLibrary,
) -> None:
    copy = library.duplicate("meeting-readout", "Standing committee")
    manifest = copy.folder / "template.toml"
    text = manifest.read_text("utf-8").replace('name = "participants"',
                                               'name = "participants"\nscope = "office"', 1)
    manifest.write_text(text, "utf-8")
    rows = [{"name": "A. Chair", "role": "Chair", "organization": "Council"}]
    saved = library.save_as(copy.id, "Committee readout", {"participants": rows})
    field = saved.field("participants")
    assert field is not None
    assert field.default == rows


@pytest.mark.parametrize(("name", "kind", "label", "scope"), [
    ("to", "text", "To", "office"),
    ("cc", "text", "CC", "office"),
    ("distribution", "list", "Distribution", "office"),
    ("classification", "choice", "Classification", "office"),
    ("subject", "text", "Subject", "brief"),
    ("re", "text", "RE", "brief"),
    ("slot_4", "text", "Subject line", "brief"),
    ("location", "text", "Location", "brief"),
    ("sent", "date", "Date", "brief"),
    ("notes", "multiline", "Notes", "brief"),
    ("participants", "people", "Participants", "brief"),
])
def test_a_fields_scope_follows_its_type_and_meaning(name: str, kind: str, label: str,
                                                     scope: str) -> None:
    assert default_scope(name, kind, label) == scope


def test_duplicate_with_a_chosen_id_refuses_one_that_exists(library: TemplateLibrary) -> None:
    copy = library.duplicate("media-digest", "Digest", new_id="morning")
    assert copy.id == "morning"
    with pytest.raises(TemplateError, match="the id 'morning' already exists"):
        library.duplicate("media-digest", "Other", new_id="morning")
    with pytest.raises(TemplateError, match="the id 'media-digest' already exists"):
        library.duplicate("media-digest", "Other", new_id="media-digest")
    with pytest.raises(TemplateError, match="must be lower-case"):
        library.duplicate("media-digest", "Other", new_id="Bad Id")


def test_rename_changes_the_name_but_keeps_the_id(library: TemplateLibrary) -> None:
    saved = library.duplicate("media-digest", "Digest")
    renamed = library.rename(saved.id, "Morning digest")
    assert (renamed.id, renamed.name) == ("digest", "Morning digest")
    assert library.get("digest").name == "Morning digest"


def test_delete_removes_only_user_templates(library: TemplateLibrary) -> None:
    saved = library.duplicate("media-digest", "Temporary")
    library.delete(saved.id)
    assert not saved.folder.exists()
    with pytest.raises(TemplateError, match="built-in and read-only"):
        library.delete("media-digest")
    with pytest.raises(TemplateError, match="read-only"):
        library.rename("information-memo", "Mine now")


def test_office_templates_are_listed_read_only(tmp_path: Path) -> None:
    office = tmp_path / "office"
    office.mkdir()
    shutil.copytree(TemplateLibrary().builtin_dir / "decision-memo", office / "house")
    manifest = office / "house" / "template.toml"
    manifest.write_text(manifest.read_text().replace('"decision-memo"', '"house-decision"', 1))
    library = TemplateLibrary(user_dir=tmp_path / "user", office_dir=office)
    house = library.get("house-decision")
    assert (house.origin, house.read_only) == ("office", True)
    with pytest.raises(TemplateError, match="office and read-only"):
        library.delete("house-decision")
    copy = library.duplicate("house-decision", "House copy")
    assert copy.origin == "user"


def test_an_unreachable_office_folder_is_reported(tmp_path: Path) -> None:
    library = TemplateLibrary(user_dir=tmp_path / "user", office_dir=tmp_path / "offline")
    assert len(library.templates()) == 4
    assert library.problems == [f"{tmp_path / 'offline'}: the office template folder cannot be "
                                "reached."]


def test_broken_and_clashing_user_templates_are_skipped_and_reported(
    library: TemplateLibrary,
) -> None:
    saved = library.duplicate("information-memo", "Clash")
    manifest = saved.folder / "template.toml"
    manifest.write_text(manifest.read_text().replace('"clash"', '"information-memo"', 1))
    broken = library.user_dir / "broken"
    broken.mkdir()
    (broken / "template.toml").write_text("id = [", encoding="utf-8")
    ids = [t.id for t in library.templates()]
    assert ids.count("information-memo") == 1
    assert any("already used" in p for p in library.problems)
    assert any("not valid TOML" in p for p in library.problems)


def test_slug_makes_folder_safe_ids() -> None:
    assert slug("Weekly Readout (EU) / 2026") == "weekly-readout-eu-2026"
    assert slug("../..") == "template"
    assert slug("日本") == "template"


@pytest.mark.parametrize(
    "manifest",
    [
        'id = "cafe"\nname = "Caf\u00e9"\n'.encode("latin-1"),
        b'id = "big"\nname = "Big"\nn = ' + b"9" * 5000 + b"\n",
        b"x = " + b"{a = " * 1000 + b"1" + b"}" * 1000 + b"\n",
        b'id = "information-memo\\n"\nname = "Twin"\n',
    ],
    ids=["latin-1", "5000-digit-integer", "nested-1000-deep", "id-with-newline"],
)
@pytest.mark.parametrize("origin", ["user", "office"])
def test_one_unreadable_manifest_is_skipped_with_a_warning_and_every_other_stays(
        tmp_path: Path, manifest: bytes, origin: str) -> None:
    user, office = tmp_path / "user", tmp_path / "office"
    office.mkdir()
    library = TemplateLibrary(user_dir=user, office_dir=office)
    library.duplicate("media-digest", "Mine")
    broken = (user if origin == "user" else office) / "broken"
    broken.mkdir()
    (broken / "template.toml").write_bytes(manifest)
    ids = [t.id for t in library.templates()]
    assert ids == [*sorted(BUILTIN_TEMPLATE_IDS), "mine"]
    assert len(library.problems) == 1
    assert str(broken / "template.toml") in library.problems[0]
