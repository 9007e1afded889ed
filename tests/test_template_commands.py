"""``briefgen templates ACTION`` end to end: real template folders and packages in a private
user folder (XDG_DATA_HOME) and a private settings file (the office folder)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from briefgen.cli import main
from briefgen.render import TemplateLibrary

BUILTINS = {"decision-memo", "information-memo", "media-digest", "meeting-readout"}


@pytest.fixture
def user_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The user template folder the CLI uses, inside the test's own data folder."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path / "data" / "briefgen" / "templates"


def _rows(out: str) -> dict[str, tuple[str, str]]:
    """``templates list``'s rows: id -> (origin mark, name)."""
    rows = {}
    for line in out.split("\n\n")[0].splitlines():
        template_id, origin, name = line.split(None, 2)
        rows[template_id] = (origin, name)
    return rows


def _one_error_line(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err
    return err.strip()


def _office_folder(tmp_path: Path, private_settings_file: Path) -> Path:
    office = tmp_path / "office"
    shutil.copytree(TemplateLibrary().builtin_dir / "decision-memo", office / "house")
    manifest = office / "house" / "template.toml"
    text = manifest.read_text("utf-8").replace('"decision-memo"', '"house-decision"', 1)
    manifest.write_text(text.replace('name = "Decision memo"', 'name = "House decision"', 1),
                        "utf-8")
    private_settings_file.parent.mkdir(parents=True, exist_ok=True)
    private_settings_file.write_text(json.dumps({"office_templates": str(office)}), "utf-8")
    return office


def test_list_marks_each_origin_and_names_both_folders(
        tmp_path: Path, user_dir: Path, private_settings_file: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    office = _office_folder(tmp_path, private_settings_file)
    assert main(["templates", "new", "Europe desk memo"]) == 0
    capsys.readouterr()
    assert main(["templates", "list"]) == 0
    out = capsys.readouterr().out
    rows = _rows(out)
    assert {k for k, v in rows.items() if v[0] == "built-in"} == BUILTINS
    assert rows["house-decision"] == ("office", "House decision")
    assert rows["europe-desk-memo"] == ("user", "Europe desk memo")
    assert f"Your templates (user): {user_dir}" in out
    assert f"Office templates (office, read-only): {office}" in out


def test_new_copies_the_information_memo_unless_told_another(
        user_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "new", "Europe desk memo"]) == 0
    assert main(["templates", "new", "Readout copy", "--from", "meeting-readout",
                 "--id", "readout"]) == 0
    out = capsys.readouterr().out
    assert f"Created europe-desk-memo (Europe desk memo) in {user_dir / 'europe-desk-memo'}" \
        in out
    library = TemplateLibrary(user_dir=user_dir)
    memo, readout = library.get("europe-desk-memo"), library.get("readout")
    assert (memo.origin, memo.name) == ("user", "Europe desk memo")
    assert [f.name for f in memo.fields] == [
        f.name for f in library.get("information-memo").fields]
    assert (memo.folder / "memo.docx").read_bytes() == (
        library.get("information-memo").folder / "memo.docx").read_bytes()
    assert "participants" in {f.name for f in readout.fields}


def test_show_says_which_fields_save_as_keeps(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "show", "information-memo"]) == 0
    out = capsys.readouterr().out
    assert "  to (text, kept by save-as, required): To" in out
    assert "  subject (text, per brief, required): Subject" in out
    assert "  background (multiline, per brief): Background" in out


def test_duplicate_rename_and_delete_a_user_template(
        user_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "duplicate", "decision-memo", "Decision copy"]) == 0
    assert main(["templates", "rename", "decision-copy", "Board decision"]) == 0
    assert TemplateLibrary(user_dir=user_dir).get("decision-copy").name == "Board decision"
    capsys.readouterr()
    # Without --yes nothing is deleted, and the line says what would be.
    assert main(["templates", "delete", "decision-copy"]) == 2
    assert "run again with --yes" in _one_error_line(capsys)
    assert (user_dir / "decision-copy" / "template.toml").is_file()
    assert main(["templates", "delete", "decision-copy", "--yes"]) == 0
    assert not (user_dir / "decision-copy").exists()


def test_import_takes_a_template_folder_and_export_round_trips_it(
        tmp_path: Path, user_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "src" / "harbour"
    shutil.copytree(TemplateLibrary().builtin_dir / "media-digest", folder)
    manifest = folder / "template.toml"
    manifest.write_text(manifest.read_text("utf-8").replace('"media-digest"', '"harbour"', 1),
                        "utf-8")
    (folder / ".DS_Store").write_bytes(b"\0")
    assert main(["templates", "import", str(folder)]) == 0
    installed = user_dir / "harbour"
    assert sorted(p.name for p in installed.iterdir()) == [
        "memo.docx", "memo.html", "template.toml"]
    package = tmp_path / "harbour.brieftemplate"
    assert main(["templates", "export", "harbour", str(package)]) == 0
    assert sorted(zipfile.ZipFile(package).namelist()) == [
        "memo.docx", "memo.html", "template.toml"]
    assert main(["templates", "import", str(package)]) == 1  # the id exists
    assert "a user template with the id 'harbour' already exists" in capsys.readouterr().err
    assert main(["templates", "import", str(package), "--replace"]) == 0
    assert (installed / "memo.docx").read_bytes() == (folder / "memo.docx").read_bytes()


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[list[str], str]]:
    text = tmp_path / "notes.txt"
    text.write_text("not a package", "utf-8")
    corrupt = tmp_path / "broken.brieftemplate"
    corrupt.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    empty_zip = tmp_path / "empty.brieftemplate"
    with zipfile.ZipFile(empty_zip, "w") as archive:
        archive.writestr("readme.txt", "hello")
    plain_folder = tmp_path / "plain"
    plain_folder.mkdir()
    return {
        "unknown id": (["show", "nope"], "no brief template with the id 'nope'"),
        "unknown id to copy": (["duplicate", "nope", "X"], "the id 'nope'"),
        "id that exists": (["new", "X", "--id", "media-digest"],
                           "the id 'media-digest' already exists"),
        "bad id": (["new", "X", "--id", "Not An Id"], "must be lower-case letters"),
        "built-in renamed": (["rename", "media-digest", "Mine"], "built-in and read-only"),
        "built-in deleted": (["delete", "media-digest", "--yes"], "is a built-in template and "
                             "cannot be deleted"),
        "not a package": (["import", str(text)], f"{text}: the file is not a template "
                          "package"),
        "corrupt zip": (["import", str(corrupt)], f"{corrupt}: the file is not a template "
                        "package"),
        "zip without a template": (["import", str(empty_zip)], "holds no template.toml"),
        "folder without a template": (["import", str(plain_folder)],
                                      "holds no template.toml"),
        "missing file": (["import", str(tmp_path / "gone.brieftemplate")], "does not exist"),
        "export of unknown id": (["export", "nope", str(tmp_path / "x.brieftemplate")],
                                 "the id 'nope'"),
        "new without a name": (["new"], "needs the new template's name"),
        "both sources": (["new", "X", "--from", "decision-memo", "--from-docx", str(text)],
                         "either --from or --from-docx, not both"),
        "a slot without a document": (["new", "X", "--from", "decision-memo", "--slot",
                                       "to=1"], "--name and --slot go with --from-docx"),
    }


@pytest.mark.parametrize("case", [
    "unknown id", "unknown id to copy", "id that exists", "bad id", "built-in renamed",
    "built-in deleted", "not a package", "corrupt zip", "zip without a template",
    "folder without a template", "missing file", "export of unknown id",
    "new without a name", "both sources", "a slot without a document"])
def test_every_bad_input_is_one_line_and_a_failure(
        case: str, tmp_path: Path, user_dir: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    argv, expected = _bad_inputs(tmp_path)[case]
    assert main(["templates", *argv]) == 1
    line = _one_error_line(capsys)
    assert line.startswith("briefgen: ")
    assert expected in line
    assert not user_dir.exists() or not any(user_dir.iterdir())


def test_a_folder_holding_a_link_is_refused_and_nothing_installed(
        tmp_path: Path, user_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "linked"
    shutil.copytree(TemplateLibrary().builtin_dir / "media-digest", folder)
    manifest = folder / "template.toml"
    manifest.write_text(manifest.read_text("utf-8").replace('"media-digest"', '"linked"', 1),
                        "utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("not for the template", "utf-8")
    (folder / "notes.txt").symlink_to(secret)
    assert main(["templates", "import", str(folder)]) == 1
    assert _one_error_line(capsys) == (f"briefgen: {folder}: the folder is refused because "
                                       "'notes.txt' is a symbolic link.")
    assert not (user_dir / "linked").exists()


def test_office_templates_cannot_be_renamed_or_deleted_but_can_be_copied(
        tmp_path: Path, user_dir: Path, private_settings_file: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    office = _office_folder(tmp_path, private_settings_file)
    assert main(["templates", "rename", "house-decision", "Mine"]) == 1
    assert "office and read-only" in _one_error_line(capsys)
    assert main(["templates", "delete", "house-decision", "--yes"]) == 1
    assert "is an office template and cannot be deleted" in _one_error_line(capsys)
    assert (office / "house" / "template.toml").is_file()
    assert main(["templates", "duplicate", "house-decision", "House copy"]) == 0
    assert TemplateLibrary(user_dir=user_dir).get("house-copy").origin == "user"


def _cli(*args: str, tmp_path: Path) -> tuple[list[str], dict[str, str]]:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"),
           "PYTHONPATH": os.pathsep.join(sys.path)}
    return [sys.executable, "-m", "briefgen", *args], env


def test_show_piped_into_head_ends_quietly(tmp_path: Path) -> None:
    command, env = _cli("templates", "show", "information-memo", tmp_path=tmp_path)
    shell = " ".join(f"'{part}'" for part in command) + " | head -1"
    result = subprocess.run(["sh", "-c", shell], capture_output=True, text=True, env=env,
                            timeout=120, check=False)
    assert result.stdout == "id:          information-memo\n"
    assert result.stderr == ""


def test_a_reader_that_leaves_at_once_is_no_error(tmp_path: Path) -> None:
    """The reader's end is closed before briefgen writes: the write fails with EPIPE."""
    command, env = _cli("templates", "show", "information-memo", tmp_path=tmp_path)
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=env)
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()
    err = process.stderr.read().decode()
    assert process.wait(timeout=120) == 141
    assert err == ""


def test_validate_locates_a_word_problem_and_exits_1(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import docx

    folder = tmp_path / "desk"
    shutil.copytree(TemplateLibrary().builtin_dir / "information-memo", folder)
    document = docx.Document(str(folder / "memo.docx"))
    document.sections[0].header.add_paragraph("{{ fields.sumary }}")
    document.save(str(folder / "memo.docx"))
    paragraphs = len(document.sections[0].header.paragraphs)
    assert main(["templates", "validate", str(folder)]) == 1
    err = capsys.readouterr().err
    assert err == (f"{folder}/memo.docx, header of section 1, paragraph {paragraphs}: unknown "
                   "field 'fields.sumary': the manifest declares no field 'sumary' (in "
                   "\u201c{{ fields.sumary }}\u201d)\n")


def test_validate_of_a_former_mail_merge_document_warns_and_exits_0(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from support.hostile_templates import (
        SETTINGS_RELS,
        add_entry,
        mail_merge_main_document,
        template_folder,
    )

    folder = template_folder(tmp_path, "merge", docx_edit=mail_merge_main_document)
    add_entry(folder / "memo.docx", "word/_rels/settings.xml.rels", SETTINGS_RELS)
    assert main(["templates", "validate", str(folder)]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"{folder}: valid\n"
    assert captured.err.count("\n") == 1
    assert "warning: its mail-merge settings" in captured.err
