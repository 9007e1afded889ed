"""``briefgen templates new --from-docx``: one command makes a template from an office's
Word document; the mapping step for unlabelled text boxes; one line for bad input."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from support import office_docs as od

from briefgen.cli import main


@pytest.fixture(autouse=True)
def own_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))


def test_new_from_docx_prints_id_folder_and_notes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = od.merge_letter(tmp_path / "Parks letter.docx")
    assert main(["templates", "new", "--from-docx", str(source), "--name", "Parks letter"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "id: parks-letter"
    folder = Path(lines[1].removeprefix("folder: "))
    assert folder.name == "parks-letter"
    assert {p.name for p in folder.iterdir()} == {"template.toml", "memo.docx", "memo.html"}
    assert lines[2].startswith("filled: ")
    assert "to (merge field)" in lines[2]
    notes = [line for line in lines if line.startswith("note: ")]
    assert any("mail-merge settings" in n for n in notes)
    assert main(["templates", "list"]) == 0
    assert any(line.split()[:2] == ["parks-letter", "user"]
               for line in capsys.readouterr().out.splitlines())
    # and it renders a memo with the normal render command
    brief = tmp_path / "b.brief"
    from support.sample_briefs import sample_brief

    from briefgen.model import save_brief

    memo = sample_brief()
    memo.template = "parks-letter"
    save_brief(memo, brief)
    out = tmp_path / "memo.docx"
    assert main(["render", str(brief), "-o", str(out)]) == 0
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert f"To: {memo.fields['to']}" in text


def test_unlabelled_boxes_are_listed_then_mapped_with_slot(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = od.picture_label_form(tmp_path / "form.docx")
    assert main(["templates", "new", "--from-docx", str(source)]) == 1
    captured = capsys.readouterr()
    assert captured.out.splitlines()[1:] == ["1: Name of recipient", "2: Your office",
                                             "3: Date", "4: What it is about"]
    assert "--slot NAME=N" in captured.err
    assert not (tmp_path / "data" / "briefgen" / "templates" / "form").exists()
    assert main(["templates", "new", "--from-docx", str(source), "--id", "form",
                 "--slot", "to=1", "--slot", "from=2", "--slot", "date=3",
                 "--slot", "subject=4"]) == 0
    out = capsys.readouterr().out
    assert "to (text box 1)" in out
    assert "subject (text box 4)" in out


@pytest.mark.parametrize(("args", "message"), [
    (["--slot", "to"], "must be NAME=N"),
    (["--id", "information-memo"], "already exists"),
    (["--id", "Bad Id"], "lower-case letters"),
])
def test_bad_options_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                  args: list[str], message: str) -> None:
    source = od.bare_document(tmp_path / "bare.docx")
    assert main(["templates", "new", "--from-docx", str(source), *args]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert err.count("\n") == 1
    assert err.startswith("briefgen: ")


def test_a_doc_file_is_refused_in_one_line(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    from support.cfb_writer import build_compound_file

    old = tmp_path / "old.doc"
    old.write_bytes(build_compound_file({"WordDocument": b"\x00" * 600}))
    assert main(["templates", "new", "--from-docx", str(old)]) == 1
    err = capsys.readouterr().err
    assert err == (f"briefgen: {old}: this is an old Word 97-2003 (.doc) document; open it "
                   "in Word and save it as a Word Document (.docx).\n")


def test_the_name_may_also_be_given_as_the_argument(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = od.bare_document(tmp_path / "bare.docx")
    assert main(["templates", "new", "Ward office memo", "--from-docx", str(source)]) == 0
    assert capsys.readouterr().out.splitlines()[0] == "id: ward-office-memo"


def test_new_without_a_document_or_a_name_says_what_it_needs(
        capsys: pytest.CaptureFixture[str]) -> None:
    # With a NAME and no --from-docx, `new` copies a built-in template (tests/
    # test_template_commands.py); with neither, it says what it needs.
    assert main(["templates", "new"]) == 1
    assert capsys.readouterr().err == (
        "briefgen: templates new needs the new template's name, as in 'briefgen templates new "
        "\"Europe desk memo\"', or your office's Word document, as in 'briefgen templates "
        "new --from-docx memo.docx'.\n")
