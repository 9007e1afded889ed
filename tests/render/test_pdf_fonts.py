"""Finding a Unicode TrueType family for the PDF writer."""

from __future__ import annotations

from pathlib import Path

from briefgen.render.pdf_fonts import find_unicode_font, font_folders


def test_liberation_sans_is_preferred_to_dejavu_and_missing_styles_are_none(
    tmp_path: Path,
) -> None:
    (tmp_path / "nested").mkdir()
    for name in ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "LiberationSans-Regular.ttf",
                 "nested/LiberationSans-Bold.ttf"):
        (tmp_path / name).write_bytes(b"")
    family = find_unicode_font((tmp_path,))
    assert family is not None
    assert family.name == "Liberation"
    assert family.bold == tmp_path / "nested/LiberationSans-Bold.ttf"
    assert family.italic is None


def test_arial_is_preferred_to_liberation_sans(tmp_path: Path) -> None:
    for name in ("LiberationSans-Regular.ttf", "arial.ttf"):
        (tmp_path / name).write_bytes(b"")
    family = find_unicode_font((tmp_path,))
    assert family is not None
    assert family.name == "Arial"


def test_dejavu_serves_when_no_arial_compatible_font_is_installed(tmp_path: Path) -> None:
    (tmp_path / "DejaVuSans.ttf").write_bytes(b"")
    family = find_unicode_font((tmp_path,))
    assert family is not None
    assert family.name == "DejaVu"


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

    for name in ("msgothic.ttc", "NotoSansCJK-Regular.ttc", "unrelated.ttf", "simsun.ttc"):
        (tmp_path / name).write_bytes(b"")
    assert find_fallback_fonts((tmp_path,)) == (
        tmp_path / "NotoSansCJK-Regular.ttc", tmp_path / "simsun.ttc")
    wide = tmp_path / "with-dejavu"
    wide.mkdir()
    for name in ("msgothic.ttc", "DejaVuSans.ttf"):
        (wide / name).write_bytes(b"")
    assert find_fallback_fonts((wide,)) == (wide / "DejaVuSans.ttf", wide / "msgothic.ttc")
    assert find_fallback_fonts((tmp_path / "empty",)) == ()
