"""The last run's record: what is up to date, and a record that cannot be read."""

from __future__ import annotations

import os
from pathlib import Path

from briefgen.batch.record import (
    RECORD_NAME,
    RecordEntry,
    is_up_to_date,
    load_record,
    save_record,
)

SETTINGS = {"template": "information-memo", "formats": ".docx"}


def _made(tmp_path: Path) -> tuple[Path, RecordEntry]:
    article = tmp_path / "story.txt"
    article.write_text("x", "utf-8")
    os.utime(article, (1_000_000, 1_000_000))
    for name in ("Story.docx", "Story.brief"):
        (tmp_path / name).write_bytes(b"memo")
    return article, RecordEntry("Story", ["Story.docx", "Story.brief"], dict(SETTINGS))


def test_a_memo_newer_than_its_input_is_up_to_date(tmp_path: Path) -> None:
    article, entry = _made(tmp_path)
    assert is_up_to_date(entry, tmp_path, SETTINGS, [str(article)])


def test_an_input_changed_after_its_memo_is_not_up_to_date(tmp_path: Path) -> None:
    article, entry = _made(tmp_path)
    later = (tmp_path / "Story.docx").stat().st_mtime + 60
    os.utime(article, (later, later))
    assert not is_up_to_date(entry, tmp_path, SETTINGS, [str(article)])


def test_a_deleted_memo_or_other_settings_are_not_up_to_date(tmp_path: Path) -> None:
    article, entry = _made(tmp_path)
    assert not is_up_to_date(entry, tmp_path, {**SETTINGS, "formats": ".pdf"}, [str(article)])
    (tmp_path / "Story.brief").unlink()
    assert not is_up_to_date(entry, tmp_path, SETTINGS, [str(article)])


def test_the_record_reads_back_what_was_saved(tmp_path: Path) -> None:
    _, entry = _made(tmp_path)
    save_record(tmp_path, {"/in/story.txt": entry})
    assert load_record(tmp_path) == {"/in/story.txt": entry}


def test_a_damaged_record_is_read_as_no_record(tmp_path: Path) -> None:
    (tmp_path / RECORD_NAME).write_text("{not json", "utf-8")
    assert load_record(tmp_path) == {}
