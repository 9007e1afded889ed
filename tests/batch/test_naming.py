"""Memo file names: safe on every system, and never another input's memo."""

from __future__ import annotations

from pathlib import Path

from briefgen.batch.naming import FALLBACK_STEM, MAX_STEM_CHARS, NameAllocator, safe_stem


def test_a_title_with_reserved_characters_becomes_a_safe_file_name() -> None:
    stem = safe_stem('Talks: "progress" on visas / next steps?')
    assert stem == "Talks progress on visas next steps"
    assert not set(stem) & set('<>:"/\\|?*')


def test_a_reserved_device_name_is_not_used_as_it_is() -> None:
    assert safe_stem("CON").casefold() != "con"
    assert safe_stem("nul").casefold() != "nul"


def test_a_long_title_is_cut_at_a_word_and_keeps_no_trailing_dot() -> None:
    title = "Ministers agree " + "very " * 30 + "long plans."
    stem = safe_stem(title)
    assert len(stem) <= MAX_STEM_CHARS
    assert title.startswith(stem)
    assert not stem.endswith((" ", "."))


def test_a_title_of_nothing_usable_gives_the_fallback_name() -> None:
    assert safe_stem(" ?*/ ") == FALLBACK_STEM


def test_two_inputs_with_one_title_get_numbered_names(tmp_path: Path) -> None:
    names = NameAllocator(tmp_path, [".docx", ".brief"], overwrite=False)
    assert [names.claim("Talks resume"), names.claim("Talks resume"),
            names.claim("talks RESUME")] == ["Talks resume", "Talks resume (2)",
                                              "talks RESUME (3)"]


def test_a_file_already_in_the_folder_is_not_overwritten(tmp_path: Path) -> None:
    (tmp_path / "Talks resume.brief").write_text("{}", "utf-8")
    assert NameAllocator(tmp_path, [".docx", ".brief"], overwrite=False) \
        .claim("Talks resume") == "Talks resume (2)"


def test_overwrite_takes_the_name_of_a_file_already_there_but_not_of_this_run(
    tmp_path: Path,
) -> None:
    (tmp_path / "Talks resume.docx").write_bytes(b"old")
    names = NameAllocator(tmp_path, [".docx"], overwrite=True)
    assert names.claim("Talks resume") == "Talks resume"
    assert names.claim("Talks resume") == "Talks resume (2)"


def test_another_inputs_recorded_name_is_not_taken_even_when_its_files_are_gone(
    tmp_path: Path,
) -> None:
    names = NameAllocator(tmp_path, [".docx"], overwrite=False, others=["Talks resume"])
    assert names.claim("Talks resume") == "Talks resume (2)"


def test_an_input_keeps_the_numbered_name_the_last_run_gave_it(tmp_path: Path) -> None:
    (tmp_path / "Talks resume (2).docx").write_bytes(b"mine")
    names = NameAllocator(tmp_path, [".docx"], overwrite=False,
                          others=["Talks resume", "Talks resume (2)"])
    assert names.claim("Talks resume", previous="Talks resume (2)") == "Talks resume (2)"


def test_a_name_kept_from_the_last_run_is_not_given_to_another_input(tmp_path: Path) -> None:
    names = NameAllocator(tmp_path, [".docx"], overwrite=True)
    names.keep("Talks resume")
    assert names.claim("Talks resume") == "Talks resume (2)"
