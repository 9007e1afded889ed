"""Extraction time against text size: it must grow about linearly, never quadratically.

Run: .venv/bin/python benchmarks/bench_extract_scaling.py [--quick]
Texts (all built here): the ``"a" he said,`` repetition and a text of short quotes (the
attribution cue search of issue 13), and the sample article's paragraphs repeated. Each is
timed at 1x, 2x and 4x its base size; the last column is time per 1,000 characters, which
stays about flat when extraction is linear (a quadratic step would double it at each row).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefgen.extract import extract_brief, load_nlp  # noqa: E402
from briefgen.model import Source  # noqa: E402


def said_repeated(n: int) -> str:
    """``"a" he said,`` ``n`` times, one paragraph (13 KB at n=1,000)."""
    return '"a" he said, ' * n


def short_quotes(n: int) -> str:
    """``n`` short quotes with a speech verb each, in paragraphs of ten."""
    lines = [f'"Point {i} stands," Anna Berg said.' for i in range(n)]
    return "\n\n".join(" ".join(lines[i : i + 10]) for i in range(0, n, 10))


def sample_paragraphs(n: int) -> str:
    """The sample article's paragraphs, repeated to ``n`` paragraphs."""
    body = (ROOT / "resources" / "sample_article.txt").read_text("utf-8").split("\n\n", 1)[1]
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    return "\n\n".join(paragraphs[i % len(paragraphs)] for i in range(n))


CASES: list[tuple[str, Callable[[int], str], int]] = [
    ('"a" he said, x n', said_repeated, 1000),
    ("short quotes x n", short_quotes, 1000),
    ("sample paragraphs x n", sample_paragraphs, 60),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="base sizes divided by 4")
    args = parser.parse_args()
    nlp = load_nlp()
    extract_brief([Source(id="warm", text=sample_paragraphs(3))], nlp)
    print(f"{'text':24} {'n':>6} {'chars':>9} {'seconds':>9} {'ms/1k chars':>12}")
    for label, build, base in CASES:
        base = max(1, base // 4) if args.quick else base
        for factor in (1, 2, 4):
            n = base * factor
            text = build(n)
            started = time.perf_counter()
            extract_brief([Source(id="s", text=text)], nlp)
            seconds = time.perf_counter() - started
            print(f"{label:24} {n:6d} {len(text):9d} {seconds:9.2f} "
                  f"{1000 * seconds / (len(text) / 1000):12.1f}", flush=True)


if __name__ == "__main__":
    main()
