"""Build the self-contained briefgen bundle with PyInstaller (one folder) and check it starts.

    python packaging/build.py [--smoke]     (``make dist`` runs it in its own build venv)

Writes dist/briefgen/ (the program folder) and, on Linux, dist/briefgen-<version>-linux-<arch>
.tar.gz with a .desktop entry and icon inside; prints the sizes. ``--smoke`` then runs the built
program in an empty environment (``env -i``, a fresh HOME, no Python on PATH): ``--version``
and ``demo``, and checks the demo wrote its memos.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
BUILD = ROOT / "build" / "pyinstaller"

DESKTOP_ENTRY = """[Desktop Entry]
Type=Application
Name=briefgen
GenericName=Briefing memo generator
Comment=Turn news articles into briefing memos in your office's template
Exec={exec_path} gui %f
Icon={icon_path}
Terminal=false
Categories=Office;WordProcessor;
MimeType=application/x-briefgen-brief;
"""


def version() -> str:
    namespace: dict[str, str] = {}
    exec((ROOT / "briefgen" / "__init__.py").read_text(encoding="utf-8"), namespace)
    return namespace["__version__"]


def folder_size(path: Path) -> int:
    """Bytes of the regular files under ``path`` (links not followed nor counted)."""
    return sum(f.lstat().st_size for f in path.rglob("*") if not f.is_symlink() and f.is_file())


def mb(size: int) -> str:
    return f"{size / 1e6:7.1f} MB"


def missing_x_libraries() -> list[str]:
    """The X11 libraries Qt's xcb plugin needs that this build machine lacks: the bundle
    carries them, so they must be here when it is built (Linux only)."""
    if not sys.platform.startswith("linux"):
        return []
    from briefgen.ui.platform_check import check_platform

    # As if a window were to open on X11 here: the check reads the plugin's libraries.
    report = check_platform({"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"})
    return list(report.packages)


def build() -> Path:
    """Run PyInstaller on packaging/briefgen.spec; returns the program folder."""
    missing = missing_x_libraries()
    if missing:
        sys.exit("build.py: the bundle must carry the X11 libraries Qt needs, and this machine "
                 f"lacks some; install them first: sudo apt install {' '.join(missing)}")
    try:
        import PyInstaller.__main__ as pyinstaller
    except ImportError:
        sys.exit("build.py: PyInstaller is not installed here; run `make dist`, which installs "
                 "it in its own build environment (.venv-dist).")
    shutil.rmtree(DIST / "briefgen", ignore_errors=True)
    pyinstaller.run([str(ROOT / "packaging" / "briefgen.spec"), "--noconfirm", "--clean",
                     "--distpath", str(DIST), "--workpath", str(BUILD), "--log-level", "WARN"])
    folder = DIST / "briefgen"
    # PyInstaller links every Qt library into the top folder, also those the spec left out;
    # no program file needs those links (the smoke test starts the window's code and demo).
    for link in (folder / "_internal").glob("*"):
        if link.is_symlink() and not link.exists():
            link.unlink()
    if sys.platform.startswith("linux"):
        strip_debug_symbols(folder / "_internal")
        shutil.copy2(ROOT / "packaging" / "briefgen.png", folder / "briefgen.png")
        (folder / "briefgen.desktop").write_text(
            DESKTOP_ENTRY.format(exec_path="briefgen", icon_path="briefgen"), encoding="utf-8")
        shutil.copy2(ROOT / "packaging" / "install-linux.sh", folder / "install.sh")
    return folder


# Compiled modules built with debug symbols: dropping them halves spaCy. Not the libraries that
# wheels vendor in *.libs folders (patched by auditwheel: strip breaks NumPy's OpenBLAS).
STRIPPED_PACKAGES = ("spacy", "thinc", "blis", "srsly", "cymem", "preshed", "murmurhash")


def strip_debug_symbols(internal: Path) -> None:
    """``strip --strip-debug`` on the compiled modules of STRIPPED_PACKAGES, where strip exists."""
    strip = shutil.which("strip")
    if strip is None:
        return
    for package in STRIPPED_PACKAGES:
        for library in (internal / package).rglob("*.so"):
            subprocess.run([strip, "--strip-debug", str(library)], check=True)


def report_sizes(folder: Path) -> None:
    internal = folder / "_internal"
    parts = sorted(((folder_size(p) if p.is_dir() else p.lstat().st_size, p.name)
                    for p in internal.iterdir() if not p.is_symlink()), reverse=True)
    print(f"{'bundle (unpacked)':<28}{mb(folder_size(folder))}")
    for size, name in parts[:8]:
        print(f"  {name:<26}{mb(size)}")


def pack(folder: Path) -> Path:
    arch = platform.machine().lower()
    archive = DIST / f"briefgen-{version()}-linux-{arch}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(folder, arcname=f"briefgen-{version()}")
    print(f"{'archive ' + archive.name:<28}{mb(archive.stat().st_size)}")
    return archive


def smoke(folder: Path) -> None:
    """Run the bundle as a machine without Python would: no venv, an empty environment."""
    program = folder / ("briefgen.exe" if sys.platform == "win32" else "briefgen")
    with tempfile.TemporaryDirectory() as home:
        env = {"HOME": home, "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"}
        out = subprocess.run(["env", "-i", *(f"{k}={v}" for k, v in env.items()),
                              str(program), "--version"], capture_output=True, text=True,
                             timeout=120, cwd=home)
        print(out.stdout.strip() or out.stderr.strip())
        if out.returncode != 0:
            sys.exit(f"smoke test: `briefgen --version` failed ({out.returncode})")
        demo = Path(home) / "demo"
        out = subprocess.run(["env", "-i", *(f"{k}={v}" for k, v in env.items()),
                              str(program), "demo", "-o", str(demo)], capture_output=True,
                             text=True, timeout=600, cwd=home)
        written = sorted(p.name for p in demo.glob("*")) if demo.is_dir() else []
        if out.returncode != 0 or not any(n.endswith(".docx") for n in written):
            sys.exit(f"smoke test: `briefgen demo` failed ({out.returncode}): "
                     f"{out.stderr.strip()[-500:]}")
        print(f"smoke test: `briefgen demo` wrote {len(written)} files in an empty environment")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--smoke", action="store_true", help="start the built program after")
    args = parser.parse_args()
    os.chdir(ROOT)
    folder = build()
    report_sizes(folder)
    if sys.platform.startswith("linux"):
        pack(folder)
    if args.smoke:
        smoke(folder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
