"""Tests for briefgen/intake/reading.py: size caps and unreadable paths."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.errors import IntakeError
from briefgen.intake.reading import MAX_FILE_BYTES, read_article_file


def test_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"hello")
    assert read_article_file(path, "a.txt") == b"hello"


def test_permission_denied_while_opening_is_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "locked.txt"
    path.write_bytes(b"hello")

    def deny(*_: object, **__: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(IntakeError, match=r'^Cannot load "locked\.txt": permission to read it'):
        read_article_file(path, "locked.txt")


def test_file_over_the_cap_is_refused_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)

    def fail(*_: object, **__: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(Path, "open", fail)
    with pytest.raises(IntakeError, match="more than the 30 MB"):
        read_article_file(path, "big.txt")


def test_special_file_is_refused(tmp_path: Path) -> None:
    if not hasattr(__import__("os"), "mkfifo"):
        pytest.skip("no named pipes on this platform")
    import os

    path = tmp_path / "pipe"
    os.mkfifo(path)
    with pytest.raises(IntakeError, match="it is not a regular file"):
        read_article_file(path, "pipe")
