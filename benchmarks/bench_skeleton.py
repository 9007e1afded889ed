"""End-to-end timings on the sample article, against baselines measured in the same run.

Rows: window start to first paint (offscreen) against a bare PySide6 window; model
load; extraction against spaCy's own ``nlp()`` on the same text; .docx and HTML
render. Each figure is the median of several runs; the ratio column divides by the
baseline named in the row. The machine is shared and noisy: read the ratios, not the
absolute times.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_skeleton.py``
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PAINT_RUNS = 5
INPROC_RUNS = 7

# A child that shows a bare QWidget and reports its first paint.
BARE_WINDOW = """
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
import sys
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            sys.exit(0)
        return False
app = QApplication(sys.argv)
window = QMainWindow()
window.resize(1280, 800)
watch = Watch()
window.installEventFilter(watch)
window.show()
app.exec()
"""

# A child that opens briefgen's own main window and reports its first paint.
BRIEFGEN_WINDOW = """
import os, sys
os.environ["BRIEFGEN_EXIT_AFTER_FIRST_PAINT"] = "1"
from briefgen.ui.app import run_gui
sys.exit(run_gui(None))
"""


def _time_child(code: str, runs: int) -> list[float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            env["XDG_CONFIG_HOME"] = env["XDG_DATA_HOME"] = env["XDG_STATE_HOME"] = home
            start = time.perf_counter()
            proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                                    stderr=subprocess.DEVNULL, text=True, env=env)
            assert proc.stdout is not None
            line = proc.stdout.readline()
            elapsed = time.perf_counter() - start
            proc.kill()
            proc.wait()
        if "painted" not in line:
            raise RuntimeError("the child window never reported a paint")
        times.append(elapsed)
    return times


def _time_inproc(func: Callable[[], object], runs: int = INPROC_RUNS) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times


def main() -> None:
    from briefgen.extract import extract_brief, load_nlp
    from briefgen.intake import load
    from briefgen.render import TemplateLibrary, apply_template_defaults, render_docx, render_html
    from briefgen.resources import sample_article_path

    rows: list[tuple[str, float, str, float | None]] = []
    bare = statistics.median(_time_child(BARE_WINDOW, PAINT_RUNS))
    ours = statistics.median(_time_child(BRIEFGEN_WINDOW, PAINT_RUNS))
    rows.append(("first paint: bare PySide6 window", bare, "-", None))
    rows.append(("first paint: briefgen main window", ours, "bare window", ours / bare))

    load_times = _time_inproc(load_nlp, 3)
    nlp = load_nlp()
    source = load(sample_article_path())
    nlp(source.text)  # warm up
    raw = statistics.median(_time_inproc(lambda: nlp(source.text)))
    rows.append(("model load (load_nlp)", statistics.median(load_times), "nlp()",
                 statistics.median(load_times) / raw))
    rows.append(("raw spaCy nlp() on the article", raw, "-", None))
    extract = statistics.median(_time_inproc(lambda: extract_brief([source], nlp)))
    rows.append(("extract_brief on the article", extract, "nlp()", extract / raw))

    brief = extract_brief([source], nlp)
    template = TemplateLibrary().get("information-memo")
    apply_template_defaults(brief, template)
    html = statistics.median(_time_inproc(lambda: render_html(brief, template)))
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "memo.docx"
        word = statistics.median(_time_inproc(lambda: render_docx(brief, template, out)))
    rows.append(("render HTML (information memo)", html, "nlp()", html / raw))
    rows.append(("render .docx (information memo)", word, "nlp()", word / raw))

    words = len(source.text.split())
    print(f"sample article: {words} words; medians of {PAINT_RUNS} child processes "
          f"(paint) or {INPROC_RUNS} runs (in-process)")
    print(f"{'step':<38} {'ms':>9}  {'baseline':<12} {'ratio':>6}")
    print("-" * 70)
    for name, seconds, baseline, ratio in rows:
        ratio_text = f"{ratio:6.2f}" if ratio is not None else "     -"
        print(f"{name:<38} {seconds * 1000:9.1f}  {baseline:<12} {ratio_text}")


if __name__ == "__main__":
    main()
