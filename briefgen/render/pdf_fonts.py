"""Find a Unicode TrueType font family for PDF output in the usual system font folders."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class FontFamily:
    """Regular, bold, italic and bold-italic files of one family; missing styles are ``None``."""

    name: str
    regular: Path
    bold: Path | None
    italic: Path | None
    bold_italic: Path | None


# (family, regular, bold, italic, bold italic) file names, best first. The Word templates
# are set in Arial: the PDF uses Arial when it is installed, else Liberation Sans, which has
# Arial's metrics (lines break at the same words), and DejaVu Sans only when neither is.
_CANDIDATES = (
    ("Arial", "arial.ttf", "arialbd.ttf", "ariali.ttf", "arialbi.ttf"),
    ("Arial", "Arial.ttf", "Arial Bold.ttf", "Arial Italic.ttf", "Arial Bold Italic.ttf"),
    ("Liberation", "LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf",
     "LiberationSans-Italic.ttf", "LiberationSans-BoldItalic.ttf"),
    ("DejaVu", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf",
     "DejaVuSans-BoldOblique.ttf"),
)


def font_folders() -> list[Path]:
    """The folders searched for fonts on this system, in order (existing or not)."""
    home = Path.home()
    folders = [
        Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".local/share/fonts",
        home / ".fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"),
        Path("/System/Library/Fonts"), home / "Library/Fonts",
    ]
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", str(home)))
        folders = [windir / "Fonts", local / "Microsoft/Windows/Fonts", *folders]
    return folders


# Wide-coverage fonts for the scripts the body font lacks, best first: DejaVu Sans for
# Arabic and others Liberation Sans has no letters for, then Chinese, Japanese and Korean.
_FALLBACK_CANDIDATES = (
    "DejaVuSans.ttf", "NotoSansCJK-Regular.ttc", "NotoSansCJKsc-Regular.otf",
    "DroidSansFallbackFull.ttf", "DroidSansFallback.ttf", "wqy-microhei.ttc", "wqy-zenhei.ttc",
    "msyh.ttc", "simsun.ttc",
    "msgothic.ttc", "malgun.ttf", "Arial Unicode.ttf", "ArialUnicodeMS.ttf",
)


def _index(folders: list[Path]) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for folder in folders:
        if not folder.is_dir():
            continue
        for root, _dirs, files in os.walk(folder):
            for name in files:
                if name.lower().endswith((".ttf", ".ttc", ".otf")):
                    found.setdefault(name.lower(), Path(root) / name)
    return found


_FONT_MAGIC = (b"\x00\x01\x00\x00", b"true", b"OTTO", b"ttcf")


def looks_like_font(path: Path) -> bool:
    """Whether ``path`` starts like a TrueType or OpenType font (or collection)."""
    try:
        with path.open("rb") as fh:
            return fh.read(4) in _FONT_MAGIC
    except OSError:
        return False


@lru_cache(maxsize=4)
def find_fallback_fonts(folders: tuple[Path, ...] | None = None) -> tuple[Path, ...]:
    """Installed fonts for the scripts the body font lacks, best first (often none):
    DejaVu Sans, then at most two covering Chinese, Japanese and Korean."""
    index = _index(list(folders) if folders is not None else font_folders())
    found = [index[n.lower()] for n in _FALLBACK_CANDIDATES if n.lower() in index]
    wide = [p for p in found if p.name.lower() == "dejavusans.ttf"]
    return tuple(wide + [p for p in found if p not in wide][:2])


@lru_cache(maxsize=4)
def find_unicode_font(folders: tuple[Path, ...] | None = None) -> FontFamily | None:
    """The first known Unicode family installed in ``folders`` (default: the system's).

    ``None`` means none was found; the PDF writer then falls back to the core fonts.
    """
    index = _index(list(folders) if folders is not None else font_folders())
    for family, *files in _CANDIDATES:
        paths = [index.get(name.lower()) for name in files]
        if paths[0] is not None:
            return FontFamily(family, paths[0], paths[1], paths[2], paths[3])
    return None
