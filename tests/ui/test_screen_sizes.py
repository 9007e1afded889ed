"""The main window at the office laptops' screen sizes, 1366x768 and 1280x720 (issue 11).

Qt's offscreen platform takes its screens from a JSON file named when it starts, so each
size runs the checks of at_screen_size.py in a child pytest with that one screen.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

HERE = Path(__file__).resolve().parent


@pytest.mark.parametrize("size", ["1366x768", "1280x720"])
def test_the_window_fits_and_works_on_a_laptop_screen(
    size: str, tmp_path: Path, screenshots: Path,
) -> None:
    width, height = (int(n) for n in size.split("x"))
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [
        {"name": f"laptop-{size}", "x": 0, "y": 0, "width": width, "height": height}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               BRIEFGEN_TEST_SCREEN=size, BRIEFGEN_SCREENSHOTS=str(screenshots))
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
         str(HERE / "at_screen_size.py")],
        cwd=HERE.parents[1], env=env, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stdout[-6000:] + done.stderr[-2000:]
    assert "4 passed" in done.stdout, done.stdout[-3000:]
    for state in ("01-empty", "02-sample-extracted", "07-error-bar", "10-minimum-size"):
        assert (screenshots / f"20-{size}-{state}.png").is_file()
