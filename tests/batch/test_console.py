"""``briefgen batch`` on the command line: usage errors, exit status and counts, Ctrl+C."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import docx
import pytest

import briefgen
from briefgen.batch.console import parse_formats
from briefgen.cli import main
from briefgen.model import load_brief

from .articles import ARTICLES, write_articles

CHECKOUT = Path(briefgen.__file__).resolve().parent.parent


def test_formats_are_read_comma_separated_and_an_unknown_one_is_refused() -> None:
    assert parse_formats("docx, HTML,docx") == (".docx", ".html")
    assert parse_formats("docx,doc") is None


@pytest.mark.parametrize("argv", [
    ["batch", "-o", "out"],
    ["batch", "story.txt", "-o", "out", "--format", "odt"],
    ["batch", "story.txt", "-o", "out", "--jobs", "-1"],
    ["batch", "story.txt", "-o", "out", "--group", "per-day"],
])
def test_a_usage_error_exits_2_before_any_work(
    argv: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as stopped:
        main(argv)
    assert stopped.value.code == 2
    assert not (tmp_path / "out").exists()
    assert "Traceback" not in capsys.readouterr().err


def test_an_unknown_template_fails_in_one_line_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    write_articles(tmp_path / "in", ("ferry.txt",))
    assert main(["batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"),
                 "--template", "no-such-memo"]) == 1
    assert capsys.readouterr().err.strip().splitlines() == [
        "briefgen: There is no brief template with the id 'no-such-memo'."]
    assert not (tmp_path / "out").exists()


def _batch_process(args: list[str], cwd: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(CHECKOUT), "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen([sys.executable, "-m", "briefgen", "batch", *args], cwd=cwd,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


@pytest.mark.slow
def test_some_failed_inputs_exit_1_with_the_counts_on_the_last_line(tmp_path: Path) -> None:
    write_articles(tmp_path / "in", ("ferry.txt", "library.txt"))
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    child = _batch_process(["in", "-o", "out", "--jobs", "2"], tmp_path)
    out, err = child.communicate(timeout=300)
    assert child.returncode == 1, err
    assert out.strip().splitlines()[-1] == "2 briefed, 0 skipped (up to date), 1 failed."
    assert f'  Cannot load "{tmp_path / "in" / "empty.txt"}": the file is empty.' in err
    assert "Traceback" not in err
    assert len(list((tmp_path / "out").glob("*.docx"))) == 2


@pytest.mark.slow
def test_ctrl_c_mid_run_keeps_finished_memos_and_leaves_no_partial_file(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(12):
        for name, article in ARTICLES.items():
            title, rest = article.split("\n", 1)
            (folder / f"{number:02d}-{name}").write_text(f"{title} (part {number})\n{rest}",
                                                         "utf-8")
    child = _batch_process(["in", "-o", "out", "--jobs", "1"], tmp_path)
    assert child.stdout is not None
    deadline = time.monotonic() + 240
    first = ""
    while time.monotonic() < deadline and " ok " not in first:
        first = child.stdout.readline()
    assert " ok " in first
    child.send_signal(signal.SIGINT)
    rest, err = child.communicate(timeout=120)
    assert child.returncode == 130, err
    assert "Traceback" not in err
    assert rest.strip().splitlines()[-1].endswith("not done.")
    out = tmp_path / "out"
    names = [p.name for p in out.iterdir()]
    assert not [n for n in names if n.endswith(".tmp") or n.startswith(".") and
                n != ".briefgen-batch.json"]
    memos = sorted(out.glob("*.docx"))
    assert 1 <= len(memos) < 36
    for memo in memos:
        assert docx.Document(str(memo)).paragraphs
        assert load_brief(memo.with_suffix(".brief")).sources
    with (out / "batch-report.csv").open(encoding="utf-8", newline="") as handle:
        statuses = [row["status"] for row in csv.DictReader(handle)]
    assert statuses.count("ok") == len(memos)
    assert statuses.count("stopped") == 36 - len(memos)
