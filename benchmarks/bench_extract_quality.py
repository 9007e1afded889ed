"""Extraction quality on ../shared/eval: key points, entities and quotes against baselines.

Run: .venv/bin/python benchmarks/bench_extract_quality.py [--only keypoints|entities|quotes]
Reads ../shared/eval (relative to the repository root); says so and exits when it is absent.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT))

from briefgen.extract.nlp import load_nlp  # noqa: E402
from briefgen.model import Source  # noqa: E402

Row = tuple[str, ...]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """One JSON object per line."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def print_table(title: str, header: Row, rows: Iterable[Row]) -> None:
    """A plain fixed-width table."""
    rows = list(rows)
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(f"\n{title}")
    line = "  ".join(str(h).ljust(w) for h, w in zip(header, widths, strict=True))
    print(line)
    print("-" * len(line))
    for r in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)))


# ---------------------------------------------------------------- key points


class LocalTokenizer:
    """A sumy tokenizer that needs no NLTK data: regex sentences and words."""

    _SENT = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)]*\s+(?=[\"'\u201c\u2018(]?[A-Z0-9])|\n+")
    _WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'\u2019.-]*")
    language = "english"

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s.strip() for s in self._SENT.split(paragraph) if s.strip())

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(self._WORD.findall(sentence))


def sumy_top3(kind: str) -> Callable[[str], list[str]]:
    """LexRank or TextRank from sumy, top 3 sentences in ranking order."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = (LexRankSummarizer if kind == "lexrank" else TextRankSummarizer)(
        Stemmer("english")
    )
    summarizer.stop_words = get_stop_words("english")
    tokenizer = LocalTokenizer()

    def run(text: str) -> list[str]:
        parser = PlaintextParser.from_string(text, tokenizer)
        return [str(s) for s in summarizer(parser.document, 3)]

    return run


def lead3(text: str) -> list[str]:
    """The first three sentences (local tokenizer, headline lines skipped like ours)."""
    sents = [s for s in LocalTokenizer().to_sentences(text) if s.rstrip("\"'\u201d").endswith(
        (".", "!", "?"))]
    return sents[:3]


def bench_keypoints(nlp: Any) -> None:
    from rouge_score import rouge_scorer

    from briefgen.extract.keypoints import extract_key_points
    from briefgen.extract.parse import parse_sources
    from briefgen.extract.sentences import sentences

    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    sets = [
        ("gum_news (24)", read_jsonl(EVAL / "summaries" / "gum_news_summaries.jsonl")),
        ("bbc_news (100)", read_jsonl(EVAL / "summaries" / "bbc_news_summary_100.jsonl")),
    ]
    lex, tex = sumy_top3("lexrank"), sumy_top3("textrank")

    def ours(text: str) -> list[str]:
        parsed = parse_sources([Source(id="s", text=text)], nlp)[0]
        return [k.text for k in extract_key_points(sentences(parsed), count=3)]

    systems: list[tuple[str, Callable[[str], list[str]]]] = [
        ("briefgen top-3", ours), ("lead-3", lead3), ("LexRank (sumy)", lex),
        ("TextRank (sumy)", tex),
    ]
    rows: list[Row] = []
    for set_name, docs in sets:
        for name, system in systems:
            totals = {"rouge1": 0.0, "rouge2": 0.0, "rougeL": 0.0}
            for doc in docs:
                summary = " ".join(system(doc["text"]))
                scores = scorer.score(doc["reference"], summary)
                for key in totals:
                    totals[key] += scores[key].fmeasure
            n = len(docs)
            rows.append((set_name, name, *(f"{100 * totals[k] / n:.1f}" for k in totals)))
    print_table("Key points: ROUGE F1 of the top 3 sentences against the human summary",
                ("set", "system", "R-1", "R-2", "R-L"), rows)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", choices=["keypoints", "entities", "quotes"])
    args = parser.parse_args()
    if not EVAL.is_dir():
        print(f"No evaluation data at {EVAL}: this benchmark needs ../shared/eval.")
        sys.exit(0)
    started = time.perf_counter()
    model = load_nlp()
    if args.only in (None, "keypoints"):
        bench_keypoints(model)
    print(f"\n({time.perf_counter() - started:.0f} s)")
