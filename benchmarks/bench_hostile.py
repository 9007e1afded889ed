"""Hostile inputs of issue 21 (items 6-11): time and peak memory of each at two sizes.

Run: .venv/bin/python benchmarks/bench_hostile.py [--quick] [--only NAME] [--full]
Every input is built here. Each row runs in a child process of its own, so that its peak
resident memory (the child's high-water mark: the interpreter, the libraries and, for the
rows that extract, the language model, whose share is the "setup MB" column) is its own.
Rows marked "baseline" are ordinary prose (or the same memo as HTML) of the same size,
measured in the same run: a hostile row should cost about what its baseline costs. "CPU s" is
the child's processor time (on a busy machine, nearer what an idle one takes); the
last column is what came out: "ok", or the start of the sentence that refused the input.
``--quick`` runs the smaller size only; ``--full`` adds prose at the 3 MB text limit.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

CHILD_TIMEOUT = 900.0
PROSE = (
    "The harbour board said on Tuesday that the new ferry berth at the east quay would open "
    "in the spring, after a year of delays caused by a shortage of steel. \"We expect the "
    "first crossings in April,\" the board's chair, Ruth Alder, told reporters in Port Ellis. "
    "The council will vote on the remaining budget next month.\n\n"
)


def prose(size: int) -> str:
    """Ordinary news prose, ``size`` characters long."""
    return (PROSE * (size // len(PROSE) + 1))[:size]


def eml_with_encoded_subject(size: int) -> bytes:
    word = "=?utf-8?q?Caf=C3=A9?= "
    return (
        "From: Desk <desk@example.org>\nSubject: " + word * (size // len(word))
        + "\nDate: Thu, 5 Feb 2026 09:00:00 +0000\n\n" + PROSE
    ).encode()


def eml_plain(size: int) -> bytes:
    return ("From: Desk <desk@example.org>\nSubject: Ferry berth\n\n" + prose(size)).encode()


def shared_pdf(pages: int) -> bytes:
    from support.hostile_inputs import shared_stream_pdf

    return shared_stream_pdf(pages=pages, stream_lines=2_000)


def own_pdf(pages: int) -> bytes:
    from support.hostile_inputs import shared_stream_pdf

    return shared_stream_pdf(pages=pages, stream_lines=20, shared=False)


# name -> (what runs, input builder, file name, sizes, baseline?)
Builder = Callable[[int], Any]
CASES: dict[str, tuple[str, Builder, str, tuple[int, ...], bool]] = {
    "markdown prose": ("intake", lambda n: prose(n).encode(), "a.md", (32_000, 100_000), True),
    "markdown ![![": ("intake", lambda n: b"![" * (n // 2), "a.md", (32_000, 100_000), False),
    "e-mail, plain subject": ("intake", eml_plain, "a.eml", (280_000, 4_200_000), True),
    "e-mail, encoded subject": (
        "intake", eml_with_encoded_subject, "a.eml", (280_000, 4_200_000), False),
    "PDF, own streams (pages)": ("intake", own_pdf, "a.pdf", (100, 1_000), True),
    "PDF, shared stream (pages)": ("intake", shared_pdf, "a.pdf", (100, 1_000), False),
    "prose": ("extract", lambda n: prose(n).encode(), "a.txt", (100_000, 400_000), True),
    "prose past the text limit": ("extract", lambda n: prose(n).encode(), "a.txt",
                                  (8_000_000,), True),
    "quotation marks": ("extract", lambda n: b'"' * n, "a.txt", (8_000, 50_000), False),
    "RTF of U+FFFD": (
        "extract", lambda n: b"{\\rtf1\\ansi " + b"\xe9" * n + b"}", "a.rtf",
        (20_000, 100_000), False),
    "HTML of entities": (
        "extract", lambda n: b"<html><body><p>" + b"&amp;" * (n // 5) + b"</p></body></html>",
        "a.html", (40_000, 200_000), False),
    "dashes '- '": ("extract", lambda n: b"- " * (n // 2), "a.txt", (100_000, 400_000), False),
    "dashes '- ' past the token bound": (
        "extract", lambda n: b"- " * (n // 2), "a.txt", (2_000_000,), False),
    "memo as HTML, long background": (
        "html", lambda n: n, "background", (100_000, 1_000_000), True),
    "PDF memo, long subject": ("pdf", lambda n: n, "subject", (100_000, 1_000_000), False),
    "PDF memo, long background": ("pdf", lambda n: n, "background", (100_000, 1_000_000), False),
}
FULL_CASES = {
    "prose at the text limit": ("extract", CASES["prose"][1], "a.txt", (3_000_000,), True),
}


def _memo(field: str, size: int) -> tuple[Any, Any]:
    from support.sample_briefs import sample_brief

    from briefgen.render import TemplateLibrary

    brief = sample_brief()
    brief.fields[field] = prose(size).replace("\n\n", " ")
    return brief, TemplateLibrary(user_dir=ROOT / "no-such-user-templates").get(
        "information-memo")


def child(name: str, size: int) -> None:
    """Measure one row in this process and print it as JSON."""
    kind, build, filename, _sizes, _baseline = {**CASES, **FULL_CASES}[name]
    from briefgen.errors import BriefgenError

    if kind in ("intake", "extract"):
        from briefgen.extract import extract_brief, load_nlp
        from briefgen.intake import load

        data = build(size)
        nlp = load_nlp() if kind == "extract" else None

        def run() -> None:
            source = load(data, name=filename)
            if nlp is not None:
                extract_brief([source], nlp)
    else:
        from briefgen.render.html_writer import render_html
        from briefgen.render.pdf_writer import render_pdf

        brief, template = _memo(filename, size)
        writer = render_pdf if kind == "pdf" else render_html

        def run() -> None:
            writer(brief, template)
    setup_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    started, cpu_started = time.perf_counter(), time.process_time()
    outcome = "ok"
    try:
        run()
    except BriefgenError as exc:
        outcome = str(exc)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb, "setup_mb": setup_mb,
                      "outcome": outcome}))


def measure(name: str, size: int) -> dict[str, Any]:
    """One row, measured in a child process."""
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--child", name, str(size)], capture_output=True,
            text=True, timeout=CHILD_TIMEOUT, check=False,
        )
    except subprocess.TimeoutExpired:
        return {"outcome": f"stopped after {CHILD_TIMEOUT:g} s"}
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        return {"outcome": f"child failed: {done.stderr.strip().splitlines()[-1:]}"}
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="the smaller size only")
    parser.add_argument("--full", action="store_true", help="add prose at the 3 MB limit")
    parser.add_argument("--only", help="only the rows whose name contains this")
    parser.add_argument("--child", nargs=2, metavar=("NAME", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child[0], int(args.child[1]))
        return
    cases = {**CASES, **(FULL_CASES if args.full else {})}
    print(f"{'input':32} {'size':>9} {'seconds':>8} {'CPU s':>7} {'s/MB':>7} {'peak MB':>8} "
          f"{'setup MB':>8}  outcome")
    for name, (_kind, _build, _file, sizes, baseline) in cases.items():
        if args.only and args.only.lower() not in name.lower():
            continue
        for size in sizes[:1] if args.quick else sizes:
            row = measure(name, size)
            label = f"{name}{' (baseline)' if baseline else ''}"
            if "seconds" not in row:
                print(f"{label:32} {size:9d} {'':>8} {'':>7} {'':>7} {'':>8} {'':>8}  "
                      f"{row['outcome']}", flush=True)
                continue
            per_mb = row["seconds"] / (size / 1_000_000) if "pages" not in name else 0.0
            print(f"{label:32} {size:9d} {row['seconds']:8.2f} {row['cpu']:7.2f} {per_mb:7.1f} "
                  f"{row['peak_mb']:8.0f} {row['setup_mb']:8.0f}  {row['outcome'][:70]}",
                  flush=True)


if __name__ == "__main__":
    main()
