"""Tests for briefgen/ui/launch.py: the frame is painted before the window's modules load,
and the window then takes its place."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

CHILD = """
import json, sys, tempfile
from pathlib import Path
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from briefgen.ui.launch import start
app = QApplication(sys.argv[:1])
tmp = Path(tempfile.mkdtemp())
store = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
seen = {}
def make_window():
    from briefgen.ui.app import create_window
    return create_window(settings_store=store, state_dir=tmp / "state")
def at_frame_paint():
    seen["loaded at frame paint"] = sorted(
        m for m in ("briefgen.ui.main_window", "briefgen.ui.brief_form", "briefgen.model",
                    "spacy", "jinja2", "docx") if m in sys.modules)
    seen["frame"] = frame.geometry().getRect()
# Not needed to draw the window: loaded after its first paint, on first use, or never.
LATER = ("spacy", "jinja2", "docx", "docxtpl", "lxml", "fpdf", "briefgen.extract",
         "briefgen.render.context", "briefgen.render.templates", "briefgen.render.output",
         "briefgen.ui.dialogs", "briefgen.ui.template_dialog", "briefgen.ui.settings_dialog",
         "briefgen.ui.help_window", "briefgen.ui.list_editor", "briefgen.ui.field_sources",
         "briefgen.ui.print_preview", "briefgen.ui.printing", "briefgen.ui.docx_import_dialog",
         "briefgen.ui.batch_dialog", "briefgen.batch",
         # Standard or small modules the empty window does not use (hashlib and secrets
         # load OpenSSL): imported where they are used.
         "hashlib", "secrets", "unicodedata", "platformdirs", "html")
def at_window_first_paint(window):
    seen["loaded at window paint"] = sorted(m for m in LATER if m in sys.modules)
    datelines = sys.modules.get("briefgen.text.datelines")
    seen["dateline patterns compiled"] = bool(
        datelines is not None and datelines._patterns.cache_info().currsize)
    seen["lists built at window paint"] = bool(getattr(window.form, "_editors", True))
def at_window_paint(window):
    seen["lists built after"] = len(getattr(window.form, "_editors", window.form.editors))
    seen["window"] = window.geometry().getRect()
    seen["frame visible"] = frame.isVisible()
    seen["title"] = window.windowTitle()
    print(json.dumps(seen), flush=True)
    window.document.undo_stack.setClean()
    window.close()
def on_window(window):
    seen["frame visible when shown"] = frame.isVisible()
    window.first_painted.connect(lambda: at_window_first_paint(window))
    window.first_painted.connect(lambda: app.processEvents() or at_window_paint(window))
frame = start(app, make_window=make_window, store=store, on_window=on_window)
frame.painted.connect(at_frame_paint)
sys.exit(app.exec())
"""


def test_the_frame_is_painted_first_and_the_window_takes_its_place():
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(root)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["loaded at frame paint"] == []  # nothing of the window, nothing heavy
    assert seen["frame visible when shown"] is True  # no moment without a window
    assert seen["frame visible"] is False  # closed once the window is drawn
    assert seen["window"] == seen["frame"]
    assert seen["title"].endswith("briefgen")
    # The window is drawn before anything heavy or not yet needed is imported, and its
    # form's list editors are built right after that first paint.
    assert seen["loaded at window paint"] == []
    assert seen["lists built at window paint"] is False
    assert seen["dateline patterns compiled"] is False  # compiled when a text is read
    assert seen["lists built after"] >= 10


def test_the_frame_and_the_window_agree_on_the_minimum_size():
    from briefgen.ui import launch, main_window

    assert launch.MINIMUM_SIZE == main_window.MINIMUM_SIZE


# `briefgen gui` as the command line runs it, up to the frame's first paint (the window
# itself is not built: launch.start is replaced by one that shows the frame only).
CLI_CHILD = """
import json, sys
import briefgen.cli as cli
import briefgen.ui.launch as launch
parsers = []
real_build_parser = cli.build_parser
cli.build_parser = lambda: parsers.append(1) or real_build_parser()
def start(app, path=None, *, sample=False, **_kw):
    frame = launch.StartupFrame(None)
    def painted():
        loaded = sorted(m for m in ("briefgen.model", "briefgen.text.datelines", "jinja2",
                                    "briefgen.ui.main_window") if m in sys.modules)
        print(json.dumps({"loaded": loaded, "parsers": len(parsers), "path": path,
                          "sample": sample}), flush=True)
        app.exit(0)
    frame.painted.connect(painted)
    frame.show()
    return frame
launch.start = start
sys.exit(cli.main(sys.argv[1:]))
"""


@pytest.mark.parametrize(("argv", "path", "sample"), [
    ([], None, False), (["gui"], None, False), (["gui", "x.brief", "--sample"], "x.brief", True),
    (["gui", "--sample"], None, True),
])
def test_briefgen_gui_paints_its_frame_without_the_parser_or_the_model(
    argv: list[str], path: str | None, sample: bool, tmp_path: Path,
) -> None:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", CLI_CHILD, *argv], capture_output=True, text=True, timeout=120,
        cwd=tmp_path, env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
                           "PYTHONPATH": str(root)},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"loaded": [], "parsers": 0, "path": path, "sample": sample}
