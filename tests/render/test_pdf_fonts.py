"""Finding a Unicode TrueType family for the PDF writer."""

from __future__ import annotations

from pathlib import Path

from briefgen.render.pdf_fonts import find_unicode_font, font_folders


def test_dejavu_is_preferred_and_missing_styles_are_none(tmp_path: Path) -> None:
    (tmp_path / "nested").mkdir()
    for name in ("DejaVuSans.ttf", "nested/DejaVuSans-Bold.ttf", "LiberationSans-Regular.ttf"):
        (tmp_path / name).write_bytes(b"")
    family = find_unicode_font((tmp_path,))
    assert family is not None
    assert family.name == "DejaVu"
    assert family.bold == tmp_path / "nested/DejaVuSans-Bold.ttf"
    assert family.italic is None


def test_windows_arial_file_names_are_found(tmp_path: Path) -> None:
    (tmp_path / "ARIAL.TTF").write_bytes(b"")
    family = find_unicode_font((tmp_path,))
    assert family is not None
    assert family.name == "Arial"


def test_no_known_font_gives_none(tmp_path: Path) -> None:
    (tmp_path / "Comic.ttf").write_bytes(b"")
    assert find_unicode_font((tmp_path,)) is None


def test_the_usual_linux_and_mac_folders_are_searched() -> None:
    folders = [str(f) for f in font_folders()]
    assert "/usr/share/fonts" in folders
    assert "/Library/Fonts" in folders


def test_cjk_fallback_fonts_are_found_best_first(tmp_path: Path) -> None:
    from briefgen.render.pdf_fonts import find_fallback_fonts

    for name in ("msgothic.ttc", "NotoSansCJK-Regular.ttc", "unrelated.ttf"):
        (tmp_path / name).write_bytes(b"")
    assert find_fallback_fonts((tmp_path,)) == (
        tmp_path / "NotoSansCJK-Regular.ttc", tmp_path / "msgothic.ttc")
    assert find_fallback_fonts((tmp_path / "empty",)) == ()
