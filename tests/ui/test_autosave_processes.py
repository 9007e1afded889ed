"""Per-window autosave across real processes: a killed window's work is offered at the next
start, a running window's never (briefgen/ui/autosave.py, ui/files.py, issue 20)."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from briefgen.model import Brief, save_brief

CHILD = Path(__file__).with_name("autosave_child.py")
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def home(tmp_path: Path) -> dict[str, str]:
    """The environment of one user whose folders (platformdirs, QSettings) are in tmp."""
    env = dict(os.environ)
    env["HOME"] = str(tmp_path / "home")
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        env[name] = str(tmp_path / "home" / name.lower())
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")])
    return env


@pytest.fixture
def windows() -> Iterator[list[subprocess.Popen[str]]]:
    running: list[subprocess.Popen[str]] = []
    yield running
    for process in running:
        if process.poll() is None:
            process.kill()
        process.wait(10)


def start_editing(env: dict[str, str], running: list[subprocess.Popen[str]], brief: Path,
                  subject: str) -> subprocess.Popen[str]:
    process = subprocess.Popen([sys.executable, str(CHILD), "edit", str(brief), subject],
                               env=env, stdout=subprocess.PIPE, text=True)
    running.append(process)
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], 60)  # a hung child fails, not hangs
    assert ready, "the window process did not autosave within a minute"
    assert process.stdout.readline().strip() == "ready"
    return process


def next_start_offers(env: dict[str, str]) -> tuple[list[str], bool]:
    """What a new start offers to recover, and whether it recovered one (it answers
    "Later")."""
    done = subprocess.run([sys.executable, str(CHILD), "offers"], env=env, capture_output=True,
                          text=True, timeout=60, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    return list(result["offers"]), result["recovered"]


def kill(process: subprocess.Popen[str]) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait(10)


@pytest.mark.slow
def test_a_killed_window_is_offered_and_a_running_one_never(tmp_path, home, windows):
    brief = tmp_path / "embassy.brief"
    save_brief(Brief(fields={"subject": "As saved"}), brief)
    alpha = start_editing(home, windows, brief, "Alpha window edits")
    bravo = start_editing(home, windows, brief, "Bravo window edits")  # autosaves last
    kill(alpha)

    offers, recovered = next_start_offers(home)
    assert len(offers) == 1
    assert "Alpha window edits" in offers[0]
    assert "embassy.brief" in offers[0]
    assert "autosaved" in offers[0]
    assert recovered is False

    kill(bravo)  # now both windows on the same file are gone: both are offered
    offers, recovered = next_start_offers(home)
    assert sorted(offer.split(" (")[0] for offer in offers) == ["Alpha window edits",
                                                                "Bravo window edits"]
    assert all("from embassy.brief, autosaved" in offer for offer in offers)
    assert recovered is False
