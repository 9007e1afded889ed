"""Tests for briefgen/ui/platform_check.py: the start-up check of `briefgen gui` and `make run`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import docx
import pytest

import briefgen
from briefgen.ui import platform_check
from briefgen.ui.platform_check import (
    MISSING,
    NO_DISPLAY,
    READY,
    check_and_install,
    check_platform,
    install_command,
    missing_sonames,
    packages_for,
    run_ldd,
    xcb_plugin_files,
)

REPO = Path(briefgen.__file__).resolve().parents[1]

# What ldd printed for Qt's xcb plugin on the fresh Debian 12 machine of issue 11 (shortened).
LDD_OF_A_FRESH_MACHINE = """\
/venv/PySide6/Qt/plugins/platforms/libqxcb.so:
\tlinux-vdso.so.1 (0x00007ffd5b3f2000)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f0a69d8a000)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f0a69d26000)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb-frobnicate.so.7 => not found
"""

NO_DISPLAY_ENV = {"HOME": "/home/staffer", "PATH": "/usr/bin"}


def test_ldd_output_gives_each_missing_library_once_in_its_order() -> None:
    assert missing_sonames(LDD_OF_A_FRESH_MACHINE) == [
        "libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-frobnicate.so.7"]


def test_missing_libraries_map_to_their_debian_packages_and_unknown_ones_are_named() -> None:
    packages, unknown = packages_for(
        ["libxcb-cursor.so.0", "libxcb-icccm.so.4", "libglib-2.0.so.0", "libgthread-2.0.so.0",
         "libxcb-frobnicate.so.7"])
    assert packages == ["libxcb-cursor0", "libxcb-icccm4", "libglib2.0-0"]
    assert unknown == ["libxcb-frobnicate.so.7"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display rule is Linux's")
def test_no_display_is_one_sentence_that_says_where_the_demo_goes() -> None:
    report = check_platform(NO_DISPLAY_ENV, demo_dir="out")
    assert report.status == NO_DISPLAY
    assert "DISPLAY" in report.sentence
    assert "into out/ instead" in report.sentence
    assert "\n" not in report.sentence
    assert "briefgen demo -o out" in check_platform(NO_DISPLAY_ENV).sentence


def test_a_chosen_qt_platform_skips_the_xcb_libraries() -> None:
    def ldd(_paths: Sequence[Path]) -> str:
        raise AssertionError("ldd ran although Qt will not load the xcb plugin")

    assert check_platform({"QT_QPA_PLATFORM": "offscreen"}, ldd=ldd).status == READY


@pytest.mark.skipif(not xcb_plugin_files(), reason="this PySide6 has no xcb plugin")
def test_the_check_runs_ldd_on_the_installed_xcb_plugin_and_names_the_apt_line() -> None:
    asked: list[Path] = []

    def ldd(paths: Sequence[Path]) -> str:
        asked.extend(paths)
        return LDD_OF_A_FRESH_MACHINE

    report = check_platform({"DISPLAY": ":0"}, ldd=ldd)
    assert asked[0].name == "libqxcb.so"
    assert asked[0].parent.name == "platforms"
    assert all(path.is_file() for path in asked)
    assert report.status == MISSING
    assert report.packages == ("libxcb-icccm4", "libxcb-keysyms1")
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in report.sentence
    assert "libxcb-frobnicate.so.7" in report.sentence
    assert "\n" not in report.sentence


@pytest.mark.skipif(not (xcb_plugin_files() and shutil.which("ldd")), reason="needs ldd, xcb")
def test_real_ldd_of_the_plugin_lists_qt_and_xcb_libraries() -> None:
    output = run_ldd(xcb_plugin_files())
    assert "libQt6Gui.so.6" in output
    assert "libxcb" in output


def machine_missing_until_installed(installed: list[list[str]]):  # type: ignore[no-untyped-def]
    """An ldd that reports the two libraries missing until an apt-get install has run."""
    def ldd(_paths: Sequence[Path]) -> str:
        done = any("install" in command for command in installed)
        return "" if done else LDD_OF_A_FRESH_MACHINE.replace(
            "\tlibxcb-frobnicate.so.7 => not found\n", "")
    return ldd


@pytest.mark.skipif(shutil.which("apt-get") is None, reason="needs a Debian-like system")
@pytest.mark.skipif(not xcb_plugin_files(), reason="this PySide6 has no xcb plugin")
def test_as_root_the_missing_packages_are_installed_and_checked_again() -> None:
    ran: list[list[str]] = []

    def run(command: list[str]) -> int:
        ran.append(command)
        return 0

    report = check_and_install({"DISPLAY": ":0"}, ldd=machine_missing_until_installed(ran),
                               run=run, uid=0, sudo_works=lambda: False)
    assert report.status == READY
    assert ran[0][:2] == ["apt-get", "update"]
    assert ran[1][-2:] == ["libxcb-icccm4", "libxcb-keysyms1"]
    assert "sudo" not in ran[1]


@pytest.mark.skipif(shutil.which("apt-get") is None, reason="needs a Debian-like system")
@pytest.mark.skipif(not xcb_plugin_files(), reason="this PySide6 has no xcb plugin")
def test_without_root_or_password_free_sudo_nothing_runs_and_the_apt_line_is_given() -> None:
    ran: list[list[str]] = []

    def run(command: list[str]) -> int:
        ran.append(command)
        return 0

    report = check_and_install({"DISPLAY": ":0"}, ldd=machine_missing_until_installed(ran),
                               run=run, uid=1000, sudo_works=lambda: False)
    assert ran == []
    assert report.status == MISSING
    assert "sudo apt install libxcb-icccm4 libxcb-keysyms1" in report.sentence


@pytest.mark.skipif(shutil.which("apt-get") is None or shutil.which("sudo") is None,
                    reason="needs apt-get and sudo")
def test_password_free_sudo_installs_through_sudo_n() -> None:
    commands = install_command(["libxcb-icccm4"], uid=1000, sudo_works=lambda: True)
    assert commands is not None
    assert all(command[:2] == ["sudo", "-n"] for command in commands)


def test_the_main_entry_prints_one_sentence_and_exits_with_the_status(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
) -> None:
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(platform_check.sys, "platform", "linux")
    assert platform_check.main(["--demo-dir", "memos"]) == NO_DISPLAY
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "memos/" in err


def env_without_display() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display rule is Linux's")
def test_briefgen_gui_without_a_display_says_so_in_one_line_instead_of_aborting() -> None:
    done = subprocess.run([sys.executable, "-m", "briefgen", "gui"], capture_output=True,
                          text=True, env=env_without_display(), timeout=120, check=False)
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("briefgen: No display is available")
    assert "briefgen demo" in lines[0]


@pytest.mark.slow
@pytest.mark.skipif(not (REPO / "Makefile").is_file() or shutil.which("make") is None,
                    reason="needs the source checkout and make")
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display rule is Linux's")
def test_make_run_without_a_display_renders_the_demo_and_names_the_files(tmp_path: Path) -> None:
    out = tmp_path / "memos"
    done = subprocess.run(
        ["make", "--no-print-directory", "-C", str(REPO), "run", f"OUT={out}",
         f"BIN={Path(sys.executable).parent}"],
        capture_output=True, text=True, env=env_without_display(), timeout=600, check=False)
    assert done.returncode == 0, done.stderr
    assert "No display is available" in done.stderr
    assert f"into {out}/ instead" in done.stderr
    named = [Path(line) for line in done.stdout.splitlines() if line.startswith(str(out))]
    assert out / "sample.brief" in named
    memo = out / "decision-memo.docx"
    assert memo in named
    assert any("Norvalia" in p.text for p in docx.Document(str(memo)).paragraphs)
    assert {p.suffix for p in named} == {".brief", ".docx", ".html", ".pdf"}
