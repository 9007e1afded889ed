"""Leftovers of killed runs: removed by name and age, nothing else touched."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from briefgen.model.leftovers import (
    IMPORT_LEFTOVER,
    VALIDATE_LEFTOVER,
    remove_leftovers,
    save_leftover,
)


def _age(path: Path, seconds: float) -> Path:
    when = time.time() - seconds
    os.utime(path, (when, when), follow_symlinks=False)
    return path


def test_only_stale_entries_matching_the_whole_pattern_are_removed(tmp_path: Path) -> None:
    (tmp_path / ".memo.docx.zz99yy88.tmp").write_bytes(b"in progress")  # fresh
    for name in (".memo.docx.ab12cd34.tmp", ".memo.docx.ab12cd34.tmp.keep",
                 ".other.docx.ab12cd34.tmp", "memo.docx"):
        (tmp_path / name).write_bytes(b"x")
        _age(tmp_path / name, 3600)
    removed = remove_leftovers(tmp_path, save_leftover(tmp_path / "memo.docx"))
    assert removed == [".memo.docx.ab12cd34.tmp"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".memo.docx.ab12cd34.tmp.keep", ".memo.docx.zz99yy88.tmp", ".other.docx.ab12cd34.tmp",
        "memo.docx"]


def test_stale_import_and_validation_folders_are_removed_with_their_content(
    tmp_path: Path,
) -> None:
    for name in (".import-k3j4h5g6", "briefgen-validate-q1w2e3r4"):
        (tmp_path / name / "inner").mkdir(parents=True)
        (tmp_path / name / "inner" / "memo.html").write_text("x", "utf-8")
        _age(tmp_path / name, 7200)
    (tmp_path / "my-template").mkdir()
    _age(tmp_path / "my-template", 7200)
    assert remove_leftovers(tmp_path, IMPORT_LEFTOVER) == [".import-k3j4h5g6"]
    assert remove_leftovers(tmp_path, VALIDATE_LEFTOVER) == ["briefgen-validate-q1w2e3r4"]
    assert [p.name for p in tmp_path.iterdir()] == ["my-template"]


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_link_named_like_a_leftover_is_left_alone_and_never_followed(tmp_path: Path) -> None:
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "keep.txt").write_text("x", "utf-8")
    link = tmp_path / ".import-abcdefgh"
    link.symlink_to(precious, target_is_directory=True)
    _age(link, 7200)
    assert remove_leftovers(tmp_path, IMPORT_LEFTOVER) == []
    assert (precious / "keep.txt").exists()


def test_a_missing_folder_is_no_error(tmp_path: Path) -> None:
    assert remove_leftovers(tmp_path / "nowhere", IMPORT_LEFTOVER) == []
