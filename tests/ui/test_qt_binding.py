"""The installed Qt binding keeps Python's reference counts: PySide6 6.12.0 on Python 3.11 did not.

That release took one reference off ``None`` on every call that returns nothing (``setText``,
``setToolTip``, ``updateGeometry``, ``property`` of a missing name), so the window aborted with
"Fatal Python error: none_dealloc" after a few hundred to a thousand edits. pyproject.toml
excludes it; this test fails on any binding that brings the fault back. The calls run in a child
process, so a broken binding fails this test instead of aborting the whole test run.
"""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = 3000

PROBE = f"""
import sys
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

app = QApplication(["probe"])
button = QPushButton()
label = QLabel()
calls = [
    ("QPushButton.setToolTip", lambda: button.setToolTip("tip")),
    ("QLabel.setText", lambda: label.setText("text")),
    ("QWidget.updateGeometry", lambda: button.updateGeometry()),
    ("QObject.property of a missing name", lambda: button.property("no-such-property")),
]
for name, call in calls:
    call()  # first call outside the count: lazy initialisation may take a reference once
    before = sys.getrefcount(None)
    for _ in range({CALLS}):
        call()
    print(name, sys.getrefcount(None) - before, flush=True)
"""


def test_calls_that_return_nothing_leave_the_reference_count_of_none_as_it_was() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120,
    )
    lines = [line.rsplit(" ", 1) for line in result.stdout.splitlines() if line.strip()]
    assert result.returncode == 0, (
        f"the Qt binding probe exited with {result.returncode} after {result.stdout!r}: "
        f"{result.stderr.strip()[-300:]}"
    )
    assert len(lines) == 4, result.stdout + result.stderr
    drift = {name: int(delta) for name, delta in lines}
    # A handful either way is Python's own bookkeeping; a broken binding drifts by every call.
    assert all(abs(delta) < CALLS // 10 for delta in drift.values()), (
        f"{CALLS} calls moved the reference count of None: {drift}; this PySide6 release "
        "corrupts reference counts and must be excluded in pyproject.toml"
    )
