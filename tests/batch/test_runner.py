"""A batch run end to end in this process (one shared model load): memos, skips, failures,
the merged brief and a stopped run."""

from __future__ import annotations

import csv
import os
from pathlib import Path

import docx
import pytest

from briefgen.batch import REPORT_NAME, BatchOptions, collect_inputs, run_batch
from briefgen.batch.runner import BatchOutcome
from briefgen.errors import BriefgenError
from briefgen.intake import MAX_TEXT_BYTES
from briefgen.model import load_brief

from .articles import ARTICLES, BRIDGE, FERRY, LIBRARY, headline, write_articles


def _run(nlp, inputs: list[Path | str], out: Path, urls: tuple[str, ...] = (),  # type: ignore[no-untyped-def]
         **settings) -> BatchOutcome:
    found = collect_inputs([str(i) for i in inputs], list(urls), out)
    return run_batch(BatchOptions(tuple(found), out, **settings), nlp=nlp)


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join(parts)


def _report_rows(out: Path) -> list[dict[str, str]]:
    with (out / REPORT_NAME).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_each_article_becomes_a_memo_and_a_brief_named_after_its_headline(
    nlp, tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    write_articles(tmp_path / "in", ("ferry.txt", "library.txt"))
    outcome = _run(nlp, [tmp_path / "in"], tmp_path / "out", suffixes=(".docx", ".html"))
    assert outcome.all_succeeded
    for article in (FERRY, LIBRARY):
        stem = tmp_path / "out" / headline(article)
        assert "Soren" in _docx_text(stem.with_suffix(".docx")) or \
            "Patel" in _docx_text(stem.with_suffix(".docx"))
        assert "<html" in stem.with_suffix(".html").read_text("utf-8").lower()
        brief = load_brief(stem.with_suffix(".brief"))
        assert brief.sources[0].title == headline(article)
    assert [row["status"] for row in _report_rows(tmp_path / "out")] == ["ok", "ok"]
    assert outcome.summary() == "2 briefed, 0 skipped (up to date), 0 failed."


def test_two_articles_with_one_headline_never_share_a_memo(
    nlp, tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    (tmp_path / "in").mkdir()
    for name in ("one.txt", "two.txt"):
        (tmp_path / "in" / name).write_text(BRIDGE.replace("Monday", f"Monday ({name})"),
                                            "utf-8")
    _run(nlp, [tmp_path / "in"], tmp_path / "out")
    memos = sorted(p.name for p in (tmp_path / "out").glob("*.docx"))
    assert memos == [f"{headline(BRIDGE)} (2).docx", f"{headline(BRIDGE)}.docx"]


def test_a_rerun_skips_what_is_up_to_date_and_redoes_a_changed_input(
    nlp, tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    ferry, library = write_articles(tmp_path / "in", ("ferry.txt", "library.txt"))
    out = tmp_path / "out"
    _run(nlp, [tmp_path / "in"], out)
    memo = out / f"{headline(LIBRARY)}.docx"
    written = memo.stat().st_mtime_ns

    again = _run(nlp, [tmp_path / "in"], out)
    assert [r.status for r in again.results] == ["skipped", "skipped"]
    assert again.all_succeeded

    later = memo.stat().st_mtime + 60
    os.utime(library, (later, later))
    changed = _run(nlp, [tmp_path / "in"], out)
    assert [r.status for r in changed.results] == ["skipped", "ok"]
    assert memo.stat().st_mtime_ns != written
    assert sorted(p.name for p in out.glob("*.docx")) == sorted(
        f"{headline(a)}.docx" for a in (FERRY, LIBRARY))  # its own memo replaced, not "(2)"

    forced = _run(nlp, [tmp_path / "in"], out, force=True)
    assert [r.status for r in forced.results] == ["ok", "ok"]
    assert ferry.exists()


def test_each_bad_input_gets_one_report_row_and_the_rest_go_on(
    nlp, tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    folder = tmp_path / "in"
    write_articles(folder, ("ferry.txt",))
    (folder / "empty.txt").write_bytes(b"")
    (folder / "huge.txt").write_bytes(b"word " * (MAX_TEXT_BYTES // 5 + 10))
    (folder / "scan.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / "shopping.txt").write_text("eggs\nmilk\nbread\n", "utf-8")
    (folder / "figures.md").write_text("1 2 3 4 5 6 7 8 9 10\n" * 20, "utf-8")
    outcome = _run(nlp, [folder, tmp_path / "gone.txt"], tmp_path / "out",
                   urls=("http://127.0.0.1:9/story",))
    rows = {Path(row["input"]).name: row for row in _report_rows(tmp_path / "out")}
    assert {name: row["status"] for name, row in rows.items()} == {
        "empty.txt": "failed", "ferry.txt": "ok", "huge.txt": "failed", "scan.pdf": "failed",
        "shopping.txt": "failed", "figures.md": "failed", "gone.txt": "failed",
        "story": "failed"}
    for name in ("shopping.txt", "figures.md"):
        assert "does not read as an article" in rows[name]["reason"]
    for name in ("empty.txt", "huge.txt", "scan.pdf", "shopping.txt", "figures.md", "gone.txt"):
        reason = rows[name]["reason"]
        assert name in reason
        assert "\n" not in reason
        assert "Traceback" not in reason
    assert "127.0.0.1" in rows["story"]["reason"]
    assert rows["ferry.txt"]["output"].endswith(f"{headline(FERRY)}.docx; "
                                                f"{tmp_path / 'out' / headline(FERRY)}.brief")
    assert not outcome.all_succeeded
    assert outcome.summary() == "1 briefed, 0 skipped (up to date), 7 failed."


def test_one_brief_mode_merges_every_input_into_one_brief(
    nlp, tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    write_articles(tmp_path / "in")
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    outcome = _run(nlp, [tmp_path / "in"], tmp_path / "out", one_brief=True)
    briefs = list((tmp_path / "out").glob("*.brief"))
    assert len(briefs) == 1
    titles = {s.title for s in load_brief(briefs[0]).sources}
    assert titles == {headline(a) for a in ARTICLES.values()}
    assert [r.status for r in outcome.results] == ["ok", "failed", "ok", "ok"]
    assert {r.brief_path for r in outcome.results if r.status == "ok"} == {briefs[0]}
    text = _docx_text(briefs[0].with_suffix(".docx"))
    assert "Soren" in text or "Patel" in text or "Kowalska" in text

    again = _run(nlp, [tmp_path / "in"], tmp_path / "out", one_brief=True)
    assert [r.status for r in again.results] == ["skipped", "failed", "skipped", "skipped"]


def test_a_stopped_run_keeps_finished_memos_and_reports_the_rest_as_stopped(
    nlp, tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    write_articles(tmp_path / "in")
    out = tmp_path / "out"
    done: list[str] = []
    found = collect_inputs([str(tmp_path / "in")], [], out)
    outcome = run_batch(BatchOptions(tuple(found), out, jobs=1), nlp=nlp,
                        progress=lambda result, *_: done.append(result.status),
                        is_cancelled=lambda: bool(done))
    assert outcome.stopped
    assert not outcome.all_succeeded
    statuses = [r.status for r in outcome.results]
    assert statuses.count("ok") == 1
    assert statuses.count("stopped") == 2
    assert len(list(out.glob("*.docx"))) == 1 == len(list(out.glob("*.brief")))
    assert _leftovers(out) == []
    assert outcome.summary().endswith("stopped, 2 not done.")


def test_an_unusable_output_folder_is_one_sentence_naming_it(
    nlp, tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    (tmp_path / "taken").write_text("a file", "utf-8")
    with pytest.raises(BriefgenError, match="Cannot create the output folder"):
        _run(nlp, write_articles(tmp_path / "in", ("ferry.txt",)), tmp_path / "taken")


@pytest.mark.slow
def test_workers_that_cannot_start_end_the_run_with_their_one_sentence(tmp_path: Path) -> None:
    found = collect_inputs([str(p) for p in write_articles(tmp_path / "in")], [],
                           tmp_path / "out")
    options = BatchOptions(tuple(found), tmp_path / "out", template_id="no-such-memo", jobs=2)
    with pytest.raises(BriefgenError, match=r"^There is no brief template with the id "
                       r"'no-such-memo'\.$"):
        run_batch(options)
    assert list((tmp_path / "out").iterdir()) == []
