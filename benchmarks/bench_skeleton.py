"""End-to-end timings on the sample article, against baselines measured in the same run.

Rows: window start to first paint (offscreen) against a bare PySide6 window; model
load; extraction against spaCy's own ``nlp()`` on the same text; .docx and HTML
render. Each figure is the median of several runs; the ratio column divides by the
baseline named in the row. The machine is shared and noisy: read the ratios, not the
absolute times.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/bench_skeleton.py``
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

PAINT_RUNS = 5
INPROC_RUNS = 7


def _time_inproc(func: Callable[[], object], runs: int = INPROC_RUNS) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return times


MODEL_LOAD = """
import time
start = time.perf_counter()
from briefgen.extract import load_nlp
load_nlp()
print(time.perf_counter() - start)
"""


def _model_load_in_fresh_process() -> float:
    """Seconds to import spaCy and load the pipeline, as the window's background job does."""
    out = subprocess.run([sys.executable, "-c", MODEL_LOAD], capture_output=True, text=True,
                         check=True)
    return float(out.stdout.strip().splitlines()[-1])


def main() -> None:
    # The first-paint children are bench_ui's: one definition of "painted" for both tables.
    from bench_ui import CHILD_BARE, CHILD_BRIEFGEN, first_paint

    from briefgen.extract import extract_brief, load_nlp
    from briefgen.intake import load
    from briefgen.render import (
        TemplateLibrary,
        apply_template_defaults,
        render_html,
        render_to_file,
    )
    from briefgen.resources import sample_article_path

    rows: list[tuple[str, float, str, float | None]] = []
    bare_runs, ours_runs = [], []
    for _ in range(PAINT_RUNS):  # alternate, so drift on the machine hits both alike
        bare_runs.append(first_paint(CHILD_BARE))
        ours_runs.append(first_paint(CHILD_BRIEFGEN))
    bare, ours = statistics.median(bare_runs), statistics.median(ours_runs)
    rows.append(("first paint: bare PySide6 window", bare, "-", None))
    rows.append(("first paint: briefgen main window", ours, "bare window", ours / bare))

    load_times = [_model_load_in_fresh_process() for _ in range(3)]
    nlp = load_nlp()
    source = load(sample_article_path())
    nlp(source.text)  # warm up
    raw = statistics.median(_time_inproc(lambda: nlp(source.text)))
    rows.append(("model load, fresh process", statistics.median(load_times), "nlp()",
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
        word = statistics.median(_time_inproc(lambda: render_to_file(brief, template, out)))
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
