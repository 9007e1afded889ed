"""Before Qt starts: is there a display, and can Qt's xcb plugin load every library it needs?

Qt itself answers a missing library with one misleading line ("xcb-cursor0 or libxcb-cursor0
is needed") and an abort. This module asks ``ldd`` instead, names the missing libraries'
Debian/Ubuntu packages, and either installs them (``make run``, when root or a password-free
``sudo -n`` allows it) or prints the exact ``apt install`` line. It imports nothing from Qt,
so it runs before any Qt library is loaded.

Run as ``python -m briefgen.ui.platform_check [--install]``; the exit status is
``READY`` (0), ``MISSING`` (1) or ``NO_DISPLAY`` (3): ``make run`` renders the demo then.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

READY = 0
MISSING = 1
NO_DISPLAY = 3

# The shared libraries Qt's xcb platform plugin (and the Qt libraries it loads) link against,
# with the Debian 12 / Ubuntu 22.04+ package holding each. Newer releases renamed a few
# (libglib2.0-0t64); their new packages provide the old names, so apt accepts these.
SONAME_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libGL.so.1": "libgl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libpng16.so.16": "libpng16-16",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    "libexpat.so.1": "libexpat1",
    "libbrotlidec.so.1": "libbrotli1",
    "libpcre2-8.so.0": "libpcre2-8-0",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s+=>\s+not found\s*$", re.MULTILINE)


@dataclass(frozen=True)
class PlatformReport:
    """What the check found: ``status`` (READY, MISSING or NO_DISPLAY), the one sentence to
    show (empty when ready), and the missing libraries with their packages."""

    status: int
    sentence: str = ""
    missing: tuple[str, ...] = ()
    packages: tuple[str, ...] = ()


def missing_sonames(ldd_output: str) -> list[str]:
    """The libraries ``ldd`` reported as "not found", each once, in the order it named them."""
    seen: dict[str, None] = {}
    for match in _NOT_FOUND.finditer(ldd_output):
        seen.setdefault(match.group(1), None)
    return list(seen)


def packages_for(sonames: Sequence[str]) -> tuple[list[str], list[str]]:
    """The Debian packages holding ``sonames`` (each once), and the sonames not in the table."""
    packages: dict[str, None] = {}
    unknown: list[str] = []
    for soname in sonames:
        package = SONAME_PACKAGES.get(soname)
        if package is None:
            unknown.append(soname)
        else:
            packages.setdefault(package, None)
    return list(packages), unknown


def has_display(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt has somewhere to draw: always off Linux; on Linux an X or Wayland display,
    or a platform chosen in QT_QPA_PLATFORM (offscreen, vnc...)."""
    if not platform.startswith("linux"):
        return True
    return any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def uses_xcb(environ: Mapping[str, str], platform: str = sys.platform) -> bool:
    """Whether Qt will load its xcb plugin: Linux with an X display and no other platform
    asked for (Qt falls back to xcb from Wayland too, so a set DISPLAY counts)."""
    if not platform.startswith("linux"):
        return False
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(":")[0] == "xcb"
    return bool(environ.get("DISPLAY"))


def xcb_plugin_files() -> list[Path]:
    """Qt's xcb platform plugin in the installed PySide6 and the Qt library behind it
    (empty when PySide6 or the plugin is absent)."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return []
    qt = Path(next(iter(spec.submodule_search_locations))) / "Qt"
    found = [qt / "plugins" / "platforms" / "libqxcb.so"]
    found += sorted((qt / "lib").glob("libQt6XcbQpa.so*"))[:1]
    return [path for path in found if path.is_file()]


def run_ldd(paths: Sequence[Path]) -> str:
    """The output of ``ldd`` on ``paths`` ("" when ldd itself is missing)."""
    ldd = shutil.which("ldd")
    if ldd is None or not paths:
        return ""
    done = subprocess.run([ldd, *map(str, paths)], capture_output=True, text=True, check=False)
    return done.stdout


def apt_line(packages: Sequence[str]) -> str:
    """The command a person types to install ``packages``."""
    return "sudo apt install " + " ".join(packages)


def install_command(
    packages: Sequence[str], *, uid: int, sudo_works: Callable[[], bool],
) -> list[list[str]] | None:
    """The commands that install ``packages`` without a password prompt: directly as root,
    through ``sudo -n`` when that works, else ``None`` (the person must do it)."""
    if not packages or shutil.which("apt-get") is None:
        return None
    if uid == 0:
        prefix: list[str] = []
    elif shutil.which("sudo") and sudo_works():
        prefix = ["sudo", "-n"]
    else:
        return None
    update = [*prefix, "apt-get", "update", "-qq"]
    install = [*prefix, "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "install", "-y",
               "-qq", *packages]
    return [update, install]


def _sudo_works() -> bool:
    try:
        done = subprocess.run(["sudo", "-n", "true"], capture_output=True, check=False,
                              timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return done.returncode == 0


def check_platform(
    environ: Mapping[str, str] | None = None, *, ldd: Callable[[Sequence[Path]], str] = run_ldd,
    demo_dir: str | None = None,
) -> PlatformReport:
    """Check the display and the xcb plugin's libraries (``environ``: None means os.environ).

    ``demo_dir`` is where the caller renders the demo when there is no display (the sentence
    says so); ``None``: the sentence tells the person how to do it.
    """
    env = os.environ if environ is None else environ
    if not has_display(env):
        instead = (f"rendering the sample article's memos into {demo_dir}/ instead"
                   if demo_dir else "run `briefgen demo -o out` to get the memos as files")
        return PlatformReport(
            NO_DISPLAY,
            "No display is available (neither DISPLAY nor WAYLAND_DISPLAY is set), so the "
            f"briefgen window cannot open; {instead}.",
        )
    if not uses_xcb(env):
        return PlatformReport(READY)
    missing = missing_sonames(ldd(xcb_plugin_files()))
    if not missing:
        return PlatformReport(READY)
    packages, unknown = packages_for(missing)
    parts = []
    if packages:
        parts.append(f"install them with: {apt_line(packages)}")
    if unknown:
        parts.append("find the package that provides " + ", ".join(unknown))
    sentence = (f"Qt cannot open the window because its xcb plugin lacks the system libraries "
                f"{', '.join(missing)}; " + " and ".join(parts) + ".")
    return PlatformReport(MISSING, sentence, tuple(missing), tuple(packages))


def check_and_install(
    environ: Mapping[str, str] | None = None, *,
    ldd: Callable[[Sequence[Path]], str] = run_ldd,
    run: Callable[[list[str]], int] | None = None,
    uid: int | None = None, sudo_works: Callable[[], bool] = _sudo_works,
    demo_dir: str | None = None,
) -> PlatformReport:
    """Check, and when packages are missing and can be installed without a password, install
    them and check again. ``uid`` None means this process's user; ``run`` runs one command
    and returns its exit status (None: a subprocess)."""
    report = check_platform(environ, ldd=ldd, demo_dir=demo_dir)
    if report.status != MISSING or not report.packages:
        return report
    user = uid if uid is not None else (os.getuid() if hasattr(os, "getuid") else 0)
    commands = install_command(report.packages, uid=user, sudo_works=sudo_works)
    if commands is None:
        return report
    print(f"briefgen: installing the libraries Qt needs: {' '.join(report.packages)}",
          file=sys.stderr)
    for command in commands:
        status = (run(command) if run is not None
                  else subprocess.run(command, check=False).returncode)
        if status != 0:
            return report
    return check_platform(environ, ldd=ldd)


def main(argv: Sequence[str] | None = None) -> int:
    """The start-up check of ``make run``: one sentence on stderr unless all is ready."""
    parser = argparse.ArgumentParser(prog="python -m briefgen.ui.platform_check")
    parser.add_argument("--install", action="store_true",
                        help="install missing system libraries when no password is needed")
    parser.add_argument("--demo-dir", metavar="DIR",
                        help="with no display, say that the demo is rendered into DIR")
    args = parser.parse_args(argv)
    if args.install:
        report = check_and_install(demo_dir=args.demo_dir)
    else:
        report = check_platform(demo_dir=args.demo_dir)
    if report.sentence:
        print(f"briefgen: {report.sentence}", file=sys.stderr)
    return report.status


if __name__ == "__main__":
    sys.exit(main())
