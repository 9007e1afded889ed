"""Extraction speed and memory against spaCy's own nlp() on the same text, model warm.

Run: .venv/bin/python benchmarks/bench_extract_speed.py
Texts: the sample article (resources/), a 10,000-word text built from its paragraphs, and
25 articles (BBC texts from ../shared/eval when present, else variants of the sample).
"""

from __future__ import annotations

import contextlib
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT))

from briefgen.extract import extract_brief, extract_briefs, load_nlp  # noqa: E402
from briefgen.model import Source  # noqa: E402


def sample_body() -> str:
    """The sample article's body (header lines dropped)."""
    text = (ROOT / "resources" / "sample_article.txt").read_text(encoding="utf-8")
    return text.split("\n\n", 1)[1].strip()


def words_text(body: str, n_words: int) -> str:
    """Paragraphs of ``body`` repeated until about ``n_words`` words."""
    paragraphs = body.split("\n\n")
    out: list[str] = []
    count = 0
    i = 0
    while count < n_words:
        para = paragraphs[i % len(paragraphs)]
        out.append(para)
        count += len(para.split())
        i += 1
    return "\n\n".join(out)


def best_of(fn: object, runs: int) -> float:
    """Median wall time of ``runs`` calls."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def peak_child(mode: str, n_words: int) -> tuple[float, float]:
    """Peak resident memory (MB) of a fresh process that runs ``mode`` on a long text:
    the whole process, and the peak while running (Linux: the peak is reset after loading)."""
    code = (
        f"import sys; sys.path.insert(0, {str(ROOT)!r})\n"
        "from benchmarks.bench_extract_speed import run_child\n"
        f"run_child({mode!r}, {n_words})\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    whole, during = out.stdout.strip().splitlines()[-1].split()
    return float(whole), float(during)


def _status_mb(field: str) -> float:
    """A memory figure from /proc/self/status in MB (0 where there is none)."""
    status = Path("/proc/self/status")
    if not status.is_file():
        return 0.0
    for line in status.read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return 0.0


def run_child(mode: str, n_words: int) -> None:
    """Child-process body for peak_child: prints the whole-process peak and the run's peak."""
    import resource

    nlp = load_nlp()
    text = words_text(sample_body(), n_words)
    whole_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")  # reset the peak (VmHWM)
    if mode == "extract":
        extract_brief([Source(id="long", text=text, published="2026-03-13")], nlp)
    elif mode == "nlp":
        nlp(text)
    during = _status_mb("VmHWM")
    whole = max(whole_before, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(f"{whole:.0f} {during:.0f}")


def twenty_five(body: str) -> list[str]:
    """25 article texts."""
    path = EVAL / "summaries" / "bbc_news_summary_100.jsonl"
    if path.is_file():
        with path.open(encoding="utf-8") as handle:
            return [json.loads(line)["text"] for line in handle][:25]
    print("(../shared/eval absent: the 25-article batch uses variants of the sample article)")
    paragraphs = body.split("\n\n")
    return ["\n\n".join(paragraphs[i % 5 :] + paragraphs[: i % 5]) for i in range(25)]


def main() -> None:
    nlp = load_nlp()
    body = sample_body()
    short = words_text(body, 400)
    long = words_text(body, 10_000)
    nlp(short)  # warm up
    rows = []

    src = [Source(id="a", text=short, published="2026-03-13")]
    base = best_of(lambda: nlp(short), 7)
    ours = best_of(lambda: extract_brief(src, nlp), 7)
    rows.append((f"article, {len(short.split())} words", base, ours))

    long_src = [Source(id="b", text=long, published="2026-03-13")]
    base = best_of(lambda: nlp(long), 2)
    ours = best_of(lambda: extract_brief(long_src, nlp), 2)
    rows.append((f"long text, {len(long.split())} words", base, ours))

    texts = twenty_five(body)
    batch = [[Source(id=f"s{i}", text=t, published="2026-03-13")] for i, t in enumerate(texts)]
    base = best_of(lambda: list(nlp.pipe(texts, batch_size=8)), 1)
    ours = best_of(lambda: extract_briefs(batch, nlp), 1)
    rows.append(("25 articles, batched nlp.pipe", base, ours))

    print("\nSpeed: extraction against spaCy's nlp() on the same text (median wall time)")
    header = f"{'case':34} {'nlp() s':>9} {'extract s':>10} {'ratio':>6}  goal"
    print(header)
    print("-" * len(header))
    for name, b, o in rows:
        print(f"{name:34} {b:9.3f} {o:10.3f} {o / b:6.2f}  <= 1.30")

    print("\nPeak memory in a fresh process (MB; 'while running' is after the model loaded)")
    print(f"{'case':34} {'process':>8} {'while running':>14}")
    for label, mode, n in (
        ("model loaded only", "load", 10_000),
        ("one nlp() call, 10,000 words", "nlp", 10_000),
        ("extract_brief, 10,000 words", "extract", 10_000),
        ("extract_brief, 100,000 words", "extract", 100_000),
    ):
        whole, during = peak_child(mode, n)
        print(f"{label:34} {whole:8.0f} {during:14.0f}")
    print("goal: extract_brief on 10,000 words <= 500 MB")


if __name__ == "__main__":
    main()
