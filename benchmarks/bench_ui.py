"""Desktop app speed: first paint against a bare PySide6 window, typing latency, GUI stalls.

Runs offscreen (QT_QPA_PLATFORM=offscreen unless set). Texts: the sample article in
resources/ and a 10,000-word article built from its paragraphs. Three measurements:

1. Time from process start to the first paint of the main window, against a bare
   QMainWindow painted the same way, each in fresh subprocesses, alternated (median of 5).
   Before these launches the briefgen package is compiled to bytecode (compileall, into
   its __pycache__ folders), as an installed app is: both rows then load compiled code,
   as a user's start does. Without it (this sandbox sets PYTHONDONTWRITEBYTECODE=1) every
   briefgen module would be compiled again at each launch. ``--source`` skips the step
   (it does not remove bytecode that is already there); ``--paint`` measures only this.
2. Keystroke to refreshed preview: a key typed in the Subject field until the new memo
   is on screen (debounce + background render + setHtml), against the bare cost of one
   render_html + setHtml on the GUI thread.
3. The longest event-loop stall while the 10,000-word article is pasted and extracted,
   against the longest stall of an idle event loop over the same time.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RUNS = 5
KEYSTROKES = 30
TYPING_GAP_MS = 120

CHILD_BARE = """
import sys, time
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
start = float(sys.argv[1])
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("bare"))
window.resize(1440, 900)
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(time.time() - start, flush=True)
            app.exit(0)
        return False
watch = Watch()
window.centralWidget().installEventFilter(watch)
window.show()
app.exec()
"""

CHILD_BRIEFGEN = """
import sys, time, tempfile
from pathlib import Path
start = float(sys.argv[1])
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from briefgen.ui.launch import start as launch
app = QApplication(sys.argv[:1])
tmp = Path(tempfile.mkdtemp())
store = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
times = []
def make_window():
    from briefgen.ui.app import create_window
    return create_window(settings_store=store, state_dir=tmp / "state")
def window_painted():
    times.append(time.time() - start)
    print(*times, flush=True)
    app.exit(0)
def on_window(window):
    window.first_painted.connect(window_painted)
frame = launch(app, make_window=make_window, store=store, on_window=on_window)
frame.painted.connect(lambda: times.append(time.time() - start))
app.exec()
"""


def first_paint(code: str) -> list[float]:
    """Seconds from launching a fresh interpreter to its window's first paint (briefgen:
    to the paint of its start-up frame, then of the whole window)."""
    start = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code, repr(start)], capture_output=True, text=True, check=True,
        env={**os.environ, "QT_QPA_PLATFORM": os.environ["QT_QPA_PLATFORM"]},
    )
    return [float(n) for n in out.stdout.strip().splitlines()[-1].split()]


def long_article(words: int) -> str:
    """A headline, a byline, a date and a body of about ``words`` words from the sample."""
    from briefgen.resources import sample_article_path

    lines = sample_article_path().read_text(encoding="utf-8").split("\n")
    head, body = lines[:4], [p for p in "\n".join(lines[4:]).split("\n\n") if p.strip()]
    out: list[str] = []
    count = 0
    round_no = 0
    while count < words:
        round_no += 1
        for paragraph in body:
            text = paragraph if round_no == 1 else f"In round {round_no}, {paragraph}"
            out.append(text)
            count += len(text.split())
            if count >= words:
                break
    return "\n".join(head) + "\n" + "\n\n".join(out) + "\n"


class StallMeter:
    """Records the longest gap between ticks of a fast timer on the GUI thread."""

    def __init__(self, interval_ms: int = 5) -> None:
        from PySide6.QtCore import QTimer

        self.interval = interval_ms / 1000
        self.longest = 0.0
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self._tick)

    def start(self) -> None:
        self.longest = 0.0
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.longest

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last - self.interval)
        self._last = now


def pump(app, seconds: float) -> None:  # type: ignore[no-untyped-def]
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def say(text: str) -> None:
    print(f"  ... {text}", file=sys.stderr, flush=True)


def wait_for(app, condition, timeout: float) -> None:  # type: ignore[no-untyped-def]
    end = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > end:
            raise SystemExit("timed out waiting for the window")
        app.processEvents()
        time.sleep(0.001)


def in_process_measurements() -> tuple[list[float], float, float, float, float]:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit, QTextBrowser

    from briefgen.render import render_html
    from briefgen.resources import sample_article_path
    from briefgen.ui.app import create_window, load_style_sheet, start_background_work

    app = QApplication.instance() or QApplication(sys.argv[:1])
    load_style_sheet(app)
    tmp = Path(tempfile.mkdtemp())
    store = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    window = create_window(settings_store=store, state_dir=tmp / "state")
    window.show()
    start_background_work(window)
    wait_for(app, lambda: window.templates.is_loaded() and window.extraction.nlp.loaded(), 120)

    say("window ready")
    # 2. Keystroke to refreshed preview, on the sample article.
    done = []
    window.extraction.extracted.connect(lambda: done.append(1))
    QGuiApplication.clipboard().setText(sample_article_path().read_text(encoding="utf-8"))
    window.paste_article()
    wait_for(app, lambda: done, 120)
    pump(app, 0.5)
    say("sample extracted")
    subject = window.form.field_editors["subject"]
    assert isinstance(subject, QLineEdit)
    subject.setFocus()
    subject.end(False)
    latencies: list[float] = []
    rendered: list[float] = []
    window.preview.rendered.connect(lambda _s: rendered.append(time.perf_counter()))
    for number in range(KEYSTROKES):
        rendered.clear()
        pressed = time.perf_counter()
        QTest.keyClick(subject, Qt.Key.Key_A if number % 2 else Qt.Key.Key_B)
        wait_for(app, lambda: rendered, 10)
        latencies.append(rendered[0] - pressed)
        pump(app, TYPING_GAP_MS / 1000)
    template = window.templates.get(window.document.brief.template)
    browser = QTextBrowser()
    browser.resize(500, 800)
    bare_costs = []
    for _ in range(10):
        began = time.perf_counter()
        browser.setHtml(render_html(window.document.snapshot(), template))
        bare_costs.append(time.perf_counter() - began)
    bare = statistics.median(bare_costs)

    say("typing measured")
    # 3. Longest stall while a 10,000-word article is pasted and extracted.
    window.document.undo_stack.setClean()  # so that New does not ask about saving
    window.files.new()
    meter = StallMeter()
    text = long_article(10_000)
    done.clear()
    QGuiApplication.clipboard().setText(text)
    meter.start()
    began = time.perf_counter()
    window.paste_article()
    wait_for(app, lambda: done, 300)
    pump(app, 0.5)  # the form, source view and preview take in the result
    extraction_time = time.perf_counter() - began
    ours = meter.stop()
    meter.start()
    pump(app, min(extraction_time, 10))
    idle = meter.stop()
    window.files.shutdown()
    return latencies, bare, ours, idle, extraction_time


def compile_package() -> Path:
    """Compile the briefgen package that the launches import (the first on sys.path, as in
    the children) to bytecode, quietly; returns its folder."""
    import briefgen

    folder = Path(briefgen.__file__).resolve().parent
    if not compileall.compile_dir(str(folder), quiet=1):
        raise SystemExit(f"could not compile {folder} to bytecode")
    return folder


def main() -> int:
    compiled = "--source" not in sys.argv[1:]
    package = compile_package() if compiled else None
    bare_runs: list[float] = []
    ours_runs: list[float] = []
    whole_runs: list[float] = []
    for _ in range(RUNS):
        bare_runs.append(first_paint(CHILD_BARE)[0])
        frame, whole = first_paint(CHILD_BRIEFGEN)
        ours_runs.append(frame)
        whole_runs.append(whole)
    bare_paint, ours_paint = statistics.median(bare_runs), statistics.median(ours_runs)
    whole_paint = statistics.median(whole_runs)

    if "--paint" in sys.argv[1:]:
        print(f"first paint (s), median of {RUNS}: bare {bare_paint:.3f}, start-up frame "
              f"{ours_paint:.3f} ({ours_paint / bare_paint:.2f}x), whole window {whole_paint:.3f} "
              f"({whole_paint / bare_paint:.2f}x); "
              f"{'compiled bytecode' if compiled else 'source (--source)'}")
        return 0
    latencies, bare_render, stall, idle_stall, extraction = in_process_measurements()
    lat_median = statistics.median(latencies)
    lat_worst = max(latencies)

    print(f"briefgen desktop app, {os.environ['QT_QPA_PLATFORM']} platform, "
          f"median of {RUNS} launches, {KEYSTROKES} keystrokes")
    from briefgen.ui.preview import DEBOUNCE_MS

    # The goals of issue 20, each from the baseline measured in this run.
    debounce = DEBOUNCE_MS / 1000
    print(f"{'measure':<40}{'baseline':>10}{'briefgen':>10}{'ratio':>7}{'goal':>10}  met")
    rows = [
        ("first paint after launch (s)", bare_paint, ours_paint, 1.5 * bare_paint,
         "1.5x base"),
        ("whole window painted (s)", bare_paint, whole_paint, float("inf"), "for info"),
        ("keystroke to preview, median (ms)", bare_render * 1000, lat_median * 1000,
         (debounce + 1.5 * bare_render) * 1000, "20+1.5x"),
        ("keystroke to preview, worst (ms)", lat_median * 1000, lat_worst * 1000,
         2 * lat_median * 1000, "2x median"),
        ("longest GUI stall, 10,000 words (ms)", idle_stall * 1000, stall * 1000, 50.0, "50 ms"),
    ]
    for name, base, ours, goal, rule in rows:
        ratio = ours / base if base > 0 else float("inf")
        met = "-" if goal == float("inf") else "yes" if ours <= goal else "no"
        print(f"{name:<40}{base:>10.3f}{ours:>10.3f}{ratio:>7.2f}{goal:>10.3f}  {met}"
              f"  ({rule})")
    print("first paint: the start-up frame (the window's place, title and 'Starting "
          "briefgen...', briefgen/ui/launch.py); whole window: its panes, once built.")
    if package is not None:
        print(f"launches loaded compiled bytecode: {package} was compiled (compileall) first, "
              "as an installed app is.")
    else:
        print("launches with --source: briefgen was not compiled first (modules without "
              "bytecode are compiled at each launch).")
    print("baselines: a bare QMainWindow in a fresh process; one render_html + setHtml on the "
          "GUI thread; the median keystroke (for the worst); an idle event loop.")
    print(f"extraction of the 10,000-word article took {extraction:.1f} s in the background.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
