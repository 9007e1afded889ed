"""Confidence of roles, quote speakers, dates and next steps on ../shared/eval/realnews:
precision and coverage by threshold.

Run: .venv/bin/python benchmarks/bench_confidence.py [--cache DIR [--reuse]]
For every annotated article it extracts a brief (or, with --reuse, reads the Brief JSON that
realnews/score.py cached in DIR as NN.brief.json), matches it to the annotation the way
score.py does (its own matching functions), and prints, for thresholds 0.5 to 0.9, the share
of items whose confidence reaches the threshold and how many of those are right: roles of
found people the text gives a title, speakers of found quotes of 4+ words, resolved dates
(right: a day of the annotation; dates standing for a week, month or year are left out, as
score.py leaves them out) and offered next steps (right: one of the annotation's).
The goal (issue 10): at the chosen threshold, >= 97% right while >= 70% of items reach it.
Reads ../shared/eval (relative to the repository root); says so and exits when it is absent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
REALNEWS = ROOT.parent / "shared" / "eval" / "realnews"
sys.path.insert(0, str(ROOT))

THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9)
# Until the shared constant exists, the threshold the form uses for "check this".
CHECK_THRESHOLD = 0.7

Item = tuple[float, bool]


def load_scorer() -> ModuleType:
    """realnews/score.py as a module, so that matching is exactly the scorer's."""
    spec = importlib.util.spec_from_file_location("realnews_score", REALNEWS / "score.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def briefs(cache: Path | None, reuse: bool, half: str | None = None) -> dict[str, dict[str, Any]]:
    """The Brief JSON of every annotated article, by id (extracted unless reused); with
    ``half`` ("odd" or "even") only the articles of that half of the ids."""
    out: dict[str, dict[str, Any]] = {}
    todo: list[tuple[str, str | None]] = []
    for gold_path in sorted((REALNEWS / "gold").glob("*.json")):
        key = gold_path.stem
        if half is not None and int(key) % 2 != (1 if half == "odd" else 0):
            continue
        cached = cache / f"{key}.brief.json" if cache else None
        if reuse and cached is not None and cached.exists():
            out[key] = json.loads(cached.read_text(encoding="utf-8"))
        else:
            todo.append((key, json.loads(gold_path.read_text(encoding="utf-8"))["published"]))
    if todo:
        from briefgen.extract import extract_brief, load_nlp
        from briefgen.intake import load_sources
        from briefgen.model.brief_json import brief_to_dict

        nlp = load_nlp()
        for key, published in todo:
            sources = load_sources(str(REALNEWS / "articles" / f"{key}.txt"))
            date = dt.date.fromisoformat(published) if published else None
            data = brief_to_dict(extract_brief(sources, nlp, reference_date=date))
            out[key] = data
            if cache is not None:
                cache.mkdir(parents=True, exist_ok=True)
                (cache / f"{key}.brief.json").write_text(json.dumps(data), encoding="utf-8")
    return out


def collect(
    score: ModuleType, all_briefs: dict[str, dict[str, Any]]
) -> dict[str, list[Item]]:
    """(confidence, right) for every scored role, speaker, resolved date and next step."""
    roles: list[Item] = []
    speakers: list[Item] = []
    dates: list[Item] = []
    steps: list[Item] = []
    for key, brief in all_briefs.items():
        gold = json.loads((REALNEWS / "gold" / f"{key}.json").read_text(encoding="utf-8"))
        dates.extend(date_items(score, gold, brief.get("dates", [])))
        for step in brief.get("next_steps", []):
            text = step.get("text") or ""
            right = any(score.next_step_ok(g, text) for g in gold["next_steps"])
            steps.append((step.get("confidence") or 0.0, right))
        predicted = brief.get("people", [])
        for gi, pi in score.match_people(gold["people"], predicted).items():
            person = gold["people"][gi]
            if person.get("role"):
                found = predicted[pi]
                right = score.role_ok(person, found.get("role"))
                roles.append((found.get("confidence") or 0.0, right))
        quotes = brief.get("quotes", [])
        for quote in gold["quotes"]:
            if len(score.words(quote["text"])) < 4:
                continue
            best, best_quote = 0.0, None
            for candidate in quotes:
                cover = score.quote_cover(quote["text"], candidate.get("text") or "")
                if cover > best:
                    best, best_quote = cover, candidate
            if best >= 0.5 and best_quote is not None:
                right = score.speaker_ok(quote, best_quote.get("speaker"))
                speakers.append((best_quote.get("confidence") or 0.0, right))
    return {"roles": roles, "speakers": speakers, "dates": dates, "next steps": steps}


def date_items(score: ModuleType, gold: dict[str, Any], predicted: list[Any]) -> list[Item]:
    """(confidence, right) for the resolved dates score.py counts in "resolved dates
    precision": right when the day is one of the annotation's days."""
    days = {d["date"] for d in gold["dates"] if d.get("level") == "day" and d.get("date")}
    coarse = [d["text"] for d in gold["dates"] if d.get("level") != "day"]

    def stands_for_coarse(text: str) -> bool:
        return any(
            score.same_date_text(t, text) or score.words(t)[-2:] == score.words(text)[-2:]
            for t in coarse
        )

    items: list[Item] = []
    for date in predicted:
        day, text = date.get("date"), date.get("text") or ""
        if not day or (day not in days and stands_for_coarse(text)):
            continue
        items.append((date.get("confidence") or 0.0, day in days))
    return items


def table_rows(name: str, items: list[Item]) -> list[tuple[str, ...]]:
    """One row per threshold: items reaching it, their share, and how many are right."""
    rows: list[tuple[str, ...]] = []
    total = len(items)
    right_all = sum(ok for _, ok in items)
    rows.append((name, "all", f"{total}", "100.0%", f"{100 * right_all / max(total, 1):.1f}%"))
    for threshold in THRESHOLDS:
        kept = [ok for conf, ok in items if conf >= threshold - 1e-9]
        share = 100 * len(kept) / max(total, 1)
        precision = 100 * sum(kept) / max(len(kept), 1)
        mark = "  <- check-this threshold" if threshold == CHECK_THRESHOLD else ""
        rows.append(
            (
                name,
                f">= {threshold:.1f}",
                f"{len(kept)}",
                f"{share:.1f}%",
                f"{precision:.1f}%{mark}",
            )
        )
    return rows


def print_table(rows: list[tuple[str, ...]], half: str | None = None) -> None:
    header = ("items", "confidence", "count", "reach it", "right among them")
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    which = f"the {half} half of the ids" if half else "30 articles"
    print(f"\nConfidence on realnews ({which}): precision and coverage by threshold")
    line = "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True))
    print(line)
    print("-" * len(line))
    for row in rows:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))
    print("goal: at the threshold, >= 97% right while >= 70% of items reach it")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cache", type=Path, help="folder of NN.brief.json (score.py --cache)")
    parser.add_argument("--reuse", action="store_true", help="reuse the briefs in --cache")
    parser.add_argument("--half", choices=["odd", "even"], help="only the odd or even ids")
    args = parser.parse_args()
    if not REALNEWS.is_dir():
        print(f"No evaluation data at {REALNEWS}: this benchmark needs ../shared/eval.")
        return 0
    items = collect(load_scorer(), briefs(args.cache, args.reuse, args.half))
    items["both"] = items["roles"] + items["speakers"]
    rows = [row for name, found in items.items() for row in table_rows(name, found)]
    print_table(rows, args.half)
    return 0


if __name__ == "__main__":
    sys.exit(main())
