"""What a batch reads: folders searched for articles, URL lists, missing files."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.batch.inputs import collect_inputs, read_url_list
from briefgen.errors import BriefgenError


def test_a_folder_is_searched_recursively_for_the_formats_intake_reads(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "week" / "monday").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    for name in ("b.txt", "a.PDF", "notes.brief", "photo.png", ".draft.txt",
                 "week/monday/c.eml", ".hidden/d.txt"):
        (folder / name).write_text("x", "utf-8")
    found = [Path(i.item).relative_to(folder.resolve()).as_posix()
             for i in collect_inputs([str(folder)], [], tmp_path / "out")]
    assert found == ["a.PDF", "b.txt", "week/monday/c.eml"]


def test_the_output_folder_inside_an_input_folder_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "story.txt").write_text("x", "utf-8")
    (tmp_path / "out" / "Story.html").write_text("<p>memo</p>", "utf-8")
    found = collect_inputs([str(tmp_path)], [], tmp_path / "out")
    assert [Path(i.item).name for i in found] == ["story.txt"]


def test_a_missing_file_and_a_line_that_is_no_address_are_inputs_with_a_problem(
    tmp_path: Path,
) -> None:
    found = collect_inputs([str(tmp_path / "gone.txt")], ["ftp://example.org/a"],
                           tmp_path / "out")
    assert [i.problem for i in found] == [
        f"{tmp_path / 'gone.txt'}: the file does not exist.",
        "ftp://example.org/a: not a web address (it must start with http:// or https://).",
    ]


def test_an_input_given_twice_is_read_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x", "utf-8")
    found = collect_inputs([str(tmp_path / "a.txt"), str(tmp_path)], [], tmp_path / "out")
    assert len(found) == 1


def test_a_url_list_skips_blank_lines_and_comments(tmp_path: Path) -> None:
    listing = tmp_path / "urls.txt"
    listing.write_text("# morning wires\nhttps://example.org/a\n\n  http://example.org/b  \n",
                       "utf-8")
    assert read_url_list(listing) == ["https://example.org/a", "http://example.org/b"]


def test_a_missing_url_list_is_one_sentence_naming_it(tmp_path: Path) -> None:
    with pytest.raises(BriefgenError, match=r"urls\.txt: the file does not exist"):
        read_url_list(tmp_path / "urls.txt")
