"""The command line, end to end: real articles in, real .brief/.docx/.html out."""

from __future__ import annotations

import json
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest

from briefgen.cli import main
from briefgen.model import load_brief

BUILTIN_TEMPLATES = {"meeting-readout", "information-memo", "decision-memo", "media-digest"}

ARTICLE = """Ministers agree to review border crossing hours

By Priya Natarajan, Lakeside Herald
Published: 2025-10-02

OSLO, Oct 2 (Lakeside Herald) - Transport ministers from the two countries agreed on \
Wednesday to review opening hours at three border crossings, officials said.

Transport Minister Erik Dahl said the review would begin next month. "Queues at the \
crossings cost hauliers a full day every week," Dahl said.

The ministers will meet again in December to approve the new hours.
"""


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.chunks: list[str] = []

    def handle_data(self, data: str) -> None:
        self.chunks.append(data)


def _html_text(path: Path) -> str:
    collector = _TextCollector()
    collector.feed(path.read_text("utf-8"))
    return " ".join(" ".join(collector.chunks).split())


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "crossings.txt"
    path.write_text(ARTICLE, "utf-8")
    return path


def test_extract_prints_brief_json_with_items_from_the_article(
    article: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(article)]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["format"] == "briefgen.brief"
    assert data["version"] == 1
    source = data["sources"][0]
    assert source["title"] == "Ministers agree to review border crossing hours"
    assert any(p["name"] == "Erik Dahl" for p in data["people"])
    quote = data["quotes"][0]
    assert quote["text"].startswith("Queues at the crossings cost hauliers a full day every week")
    assert quote["speaker"] == "Erik Dahl"
    span = quote["spans"][0]
    assert source["text"][span["start"]:span["end"]].startswith("Queues at the crossings")
    assert data["key_points"], "no key points were extracted"


def test_extract_writes_a_brief_file_that_loads(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "crossings.brief"
    assert main(["extract", str(article), "--date", "2025-10-02", "-o", str(out)]) == 0
    brief = load_brief(out)
    assert brief.sources[0].text.startswith("OSLO, Oct 2")
    assert any(d.date == "2025-10-01" for d in brief.dates), "Wednesday before Oct 2 2025"


@pytest.mark.parametrize("suffix", [".docx", ".html"])
def test_render_from_an_article_writes_a_memo_with_its_content(
    article: Path, tmp_path: Path, suffix: str
) -> None:
    out = tmp_path / f"memo{suffix}"
    assert main(["render", str(article), "--template", "information-memo", "-o", str(out)]) == 0
    text = _docx_text(out) if suffix == ".docx" else _html_text(out)
    assert "Ministers agree to review border crossing hours" in text
    assert "Erik Dahl" in text


def test_render_from_a_brief_file_uses_its_content(article: Path, tmp_path: Path) -> None:
    brief_path = tmp_path / "a.brief"
    assert main(["extract", str(article), "-o", str(brief_path)]) == 0
    out = tmp_path / "readout.docx"
    assert main(["render", str(brief_path), "--template", "meeting-readout", "-o", str(out)]) == 0
    assert "Erik Dahl" in _docx_text(out)


def test_templates_list_names_every_builtin(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["templates", "list"]) == 0
    listed = {line.split()[0] for line in capsys.readouterr().out.splitlines() if line.strip()}
    assert listed >= BUILTIN_TEMPLATES


def test_demo_renders_every_builtin_template_in_every_format(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    assert main(["demo", "-o", str(out)]) == 0
    for template_id in BUILTIN_TEMPLATES:
        document = out / f"{template_id}.docx"
        assert "Solberg" in _docx_text(document)
        assert "Solberg" in _html_text(out / f"{template_id}.html")
        assert (out / f"{template_id}.pdf").read_bytes().startswith(b"%PDF")
    assert load_brief(out / "sample.brief").sources[0].title


def _bad_inputs(tmp_path: Path) -> dict[str, tuple[list[str], str]]:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 20)
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, "utf-8")
    not_a_folder = tmp_path / "plain-file"
    not_a_folder.write_text("x", "utf-8")
    return {
        "missing": (["extract", str(tmp_path / "nope.txt")], "nope.txt"),
        "directory": (["extract", str(tmp_path)], str(tmp_path)),
        "binary": (["extract", str(binary)], "photo.txt"),
        "empty": (["extract", str(empty)], "empty.txt"),
        "unknown template": (
            ["render", str(good), "--template", "no-such-template", "-o",
             str(tmp_path / "m.docx")],
            "no-such-template",
        ),
        "unwritable output": (
            ["render", str(good), "--template", "information-memo", "-o",
             str(not_a_folder / "m.docx")],
            "m.docx",
        ),
        "bad brief": (["render", str(binary.with_suffix(".brief")), "-o",
                       str(tmp_path / "x.html")], "photo.brief"),
    }


@pytest.mark.parametrize(
    "case",
    ["missing", "directory", "binary", "empty", "unknown template", "unwritable output",
     "bad brief"],
)
def test_bad_input_fails_with_one_line_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], case: str
) -> None:
    argv, named = _bad_inputs(tmp_path)[case]
    if case == "bad brief":
        Path(argv[1]).write_bytes(b"\x00\x01 not json")
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith("briefgen: ")
    assert named in err
    assert "Traceback" not in err


def test_usage_errors_exit_with_status_2(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["extract", "a.txt", "--date", "next Tuesday"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["render", "a.txt", "-o", "memo.odt"])
    assert info.value.code == 2
    assert "must end in .docx, .html or .pdf" in capsys.readouterr().err


def test_the_installed_command_reports_bad_input_without_a_traceback(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "briefgen", "extract", str(tmp_path / "missing.html")],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip().count("\n") == 0
    assert "missing.html" in result.stderr


def test_names_with_escape_sequences_are_printed_as_visible_text(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from support.hostile_templates import package, template_folder

    from briefgen.cli import printable

    folder = template_folder(tmp_path / "src", "ansi", manifest=None)
    manifest = folder / "template.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        'name = "Information memo"', 'name = "\\u001b[31mRED\\u001b[2J\\u0007 memo"'),
        encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert main(["templates", "import", str(package(folder, tmp_path / "a.brieftemplate"))]) \
        == 0
    assert main(["templates", "list"]) == 0
    assert main(["templates", "show", "ansi"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out
    assert "\x07" not in out
    assert "Imported ansi (\\x1b[31mRED\\x1b[2J\\x07 memo)" in out
    assert out.count("\\x1b[31mRED") == 3
    assert printable("Caf\u00e9 \u05e9\u05dc\u05d5\u05dd") == "Caf\u00e9 \u05e9\u05dc\u05d5\u05dd"


def test_templates_list_warns_about_a_broken_template_and_lists_the_rest(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    broken = tmp_path / "briefgen" / "templates" / "cafe"
    broken.mkdir(parents=True)
    (broken / "template.toml").write_bytes('id = "cafe"\nname = "Caf\u00e9"\n'.encode("latin-1"))
    assert main(["templates", "list"]) == 0
    captured = capsys.readouterr()
    rows = captured.out.split("\n\n")[0].splitlines()
    assert {row.split()[0] for row in rows} == BUILTIN_TEMPLATES
    assert captured.err.startswith(f"briefgen: warning: {broken / 'template.toml'}: the "
                                   "manifest is not UTF-8 text")


@pytest.mark.parametrize("how", ["same path", "relative path", "hard link"])
def test_an_output_that_is_one_of_the_inputs_is_refused_and_the_input_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
    how: str,
) -> None:
    page = tmp_path / "a.html"
    page.write_text("<html><body><p>Talks resume in Geneva on Monday.</p></body></html>",
                    "utf-8")
    before = page.read_bytes()
    monkeypatch.chdir(tmp_path)
    output = {"same path": str(page), "relative path": "./sub/../a.html",
              "hard link": str(tmp_path / "b.html")}[how]
    (tmp_path / "sub").mkdir()
    if how == "hard link":
        (tmp_path / "b.html").hardlink_to(page)
    with pytest.raises(SystemExit) as info:
        main(["render", str(page), "-o", output])
    assert info.value.code == 2
    assert "is one of the inputs" in capsys.readouterr().err
    assert page.read_bytes() == before


def test_extract_refuses_to_write_its_brief_over_an_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Talks resume in Geneva on Monday.\n", "utf-8")
    assert main(["extract", str(article), "-o", str(article)]) == 1
    assert "is one of the articles" in capsys.readouterr().err
    assert article.read_text("utf-8") == "Talks resume in Geneva on Monday.\n"


def test_render_onto_a_link_loop_says_what_is_wrong_with_the_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefgen.model import Brief, save_brief

    brief = tmp_path / "talks.brief"
    save_brief(Brief(template="information-memo", fields={"subject": "Talks"}), brief)
    loop = tmp_path / "memo.html"
    loop.symlink_to("memo.html")
    assert main(["render", str(brief), "-o", str(loop)]) == 1
    err = capsys.readouterr().err
    assert "Unexpected error" not in err
    assert f"{loop}: it is a symbolic link that loops back on itself" in err
    assert err.count("\n") == 1


def test_the_wrote_line_escapes_a_control_character_of_the_output_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from briefgen.model import Brief, save_brief

    brief = tmp_path / "talks.brief"
    save_brief(Brief(template="information-memo", fields={"subject": "Talks"}), brief)
    out = tmp_path / "memo\nsplit\x1b[31m.html"
    assert main(["render", str(brief), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err == f"Wrote {tmp_path}/memo\\nsplit\\x1b[31m.html\n"
    assert out.read_bytes().startswith(b"<!DOCTYPE")


def test_extract_leaves_an_existing_brief_alone_unless_told_to_overwrite(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "open-in-a-window.brief"
    out.write_text("edited in the window\n", "utf-8")
    assert main(["extract", str(article), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{out} already exists; give --overwrite" in err
    assert out.read_text("utf-8") == "edited in the window\n"
    assert main(["extract", str(article), "-o", str(out), "--overwrite"]) == 0
    assert load_brief(out).sources[0].text.startswith("OSLO, Oct 2")


def test_extract_of_an_article_whose_name_is_not_utf8_writes_its_brief(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import os

    folder = os.fsencode(tmp_path)
    odd = os.fsdecode(folder + b"/r\xe9union.txt")
    Path(odd).write_text("Talks resume in Geneva on Monday, the ministry said.\n", "utf-8")
    out = tmp_path / "odd.brief"
    assert main(["extract", odd, "-o", str(out)]) == 0
    assert "Unexpected error" not in capsys.readouterr().err
    assert load_brief(out).sources[0].path == f"{tmp_path}/r\\xe9union.txt"


def test_version_names_briefgen_the_language_model_and_their_licences(capsys) -> None:  # type: ignore[no-untyped-def]
    from briefgen import __version__
    from briefgen.cli import main
    from briefgen.extract.model_info import installed_model

    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    line = capsys.readouterr().out.strip()
    model = installed_model()
    assert model is not None
    assert line.startswith(f"briefgen {__version__} (MIT licence)")
    assert f"{model.name} {model.version} ({model.license} licence" in line
    assert "\n" not in line


def test_render_names_the_author_and_language_given_on_the_command_line(
    tmp_path: Path,
) -> None:
    from docx import Document
    from support.sample_briefs import sample_brief

    from briefgen.cli import main
    from briefgen.model import save_brief

    brief_path = tmp_path / "in.brief"
    save_brief(sample_brief(), brief_path)
    out = tmp_path / "memo.docx"
    assert main(["render", str(brief_path), "-o", str(out), "--author", "Ana Kovač",
                 "--lang", "fr-FR"]) == 0
    properties = Document(str(out)).core_properties
    assert (properties.author, properties.language) == ("Ana Kovač", "fr-FR")


def test_a_language_that_is_no_tag_is_a_usage_error(tmp_path: Path) -> None:
    from briefgen.cli import main

    with pytest.raises(SystemExit) as stop:
        main(["render", "x.brief", "-o", str(tmp_path / "m.docx"), "--lang", "English!"])
    assert stop.value.code == 2


def test_a_pdf_of_a_word_template_without_a_converter_is_one_line_and_a_failure(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from support.hostile_templates import template_folder
    from support.sample_briefs import sample_brief

    from briefgen.model import save_brief

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    template_folder(tmp_path / "briefgen" / "templates", "harbour-office")
    brief_path = tmp_path / "a.brief"
    save_brief(sample_brief(), brief_path)
    out = tmp_path / "memo.pdf"
    assert main(["render", str(brief_path), "--template", "harbour-office", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert "is laid out in Word and no PDF converter (LibreOffice) is installed here" in err
    assert "as .docx instead" in err
    assert not out.exists()
    docx_out = tmp_path / "memo.docx"
    assert main(["render", str(brief_path), "--template", "harbour-office",
                 "-o", str(docx_out)]) == 0
    assert docx_out.is_file()


@pytest.mark.parametrize("argv", [
    [], ["gui"], ["gui", "x.brief"], ["gui", "--sample"], ["gui", "--sample", "a.txt"],
    ["gui", "a.txt", "--sample", "--sample"], ["gui", ""], ["gui", "gui"],
])
def test_a_plain_gui_call_is_read_as_the_parser_reads_it(argv: list[str]) -> None:
    from briefgen.cli import _plain_gui_call, build_parser

    args = build_parser().parse_args(argv)
    assert _plain_gui_call(argv) == (getattr(args, "file", None), getattr(args, "sample", False))


@pytest.mark.parametrize("argv", [
    ["gui", "--help"], ["gui", "-h"], ["gui", "a", "b"], ["gui", "--samp"], ["gui", "-x"],
    ["gui", "--", "-x"], ["--sample"], ["x.brief"], ["extract", "a.txt"], ["--version"],
])
def test_every_other_call_goes_through_the_parser(argv: list[str]) -> None:
    from briefgen.cli import _plain_gui_call

    assert _plain_gui_call(argv) is None


def test_gui_with_two_files_is_still_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["gui", "a.brief", "b.brief"])
    assert exit_info.value.code == 2
    assert "unrecognized arguments: b.brief" in capsys.readouterr().err
