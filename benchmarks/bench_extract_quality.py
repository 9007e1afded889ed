"""Extraction quality on ../shared/eval: every table beside its peers, in one run.

Key points (gum, bbc) against lead-3, LexRank and TextRank; entities against raw spaCy;
PolNeAR direct quotes (dev, and the 840-document train split) against textacy and a
quotation-marks baseline; the realnews scorer (../shared/eval/realnews/score.py: people,
roles, quotes, dates, next steps, ROUGE against lead-3), with the confidence table of its
dates and next steps; the readouts' key facts covered by the key points (the matcher of
../shared/eval/readouts/score.py) beside lead-3, lead-5 and lead-8.

Run: .venv/bin/python benchmarks/bench_extract_quality.py
         [--only keypoints|entities|quotes|polnear_train|realnews|readouts]
         [--half odd|even]   (readouts only: the odd or even ids)
Reads ../shared/eval (relative to the repository root); says so and exits when it is absent.
The realnews briefs are cached in .bench-cache/realnews-<hash of briefgen's source>, so a
second run on the same code reuses them.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from types import ModuleType
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
    sents = [
        s
        for s in LocalTokenizer().to_sentences(text)
        if s.rstrip("\"'\u201d").endswith((".", "!", "?"))
    ]
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
        ("briefgen top-3", ours),
        ("lead-3", lead3),
        ("LexRank (sumy)", lex),
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
    print_table(
        "Key points: ROUGE F1 of the top 3 sentences against the human summary",
        ("set", "system", "R-1", "R-2", "R-L"),
        rows,
    )


# ---------------------------------------------------------------- entities

_RAW_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "LOC": "GPE", "FAC": "GPE"}


def _prf(pred: list[tuple[int, int]], gold: list[tuple[int, int]]) -> tuple[int, int, int, int]:
    """Matched predictions, predictions, matched gold, gold (any overlap counts)."""
    hit_pred = sum(1 for p in pred if any(_overlap(p, g) > 0 for g in gold))
    hit_gold = sum(1 for g in gold if any(_overlap(p, g) > 0 for p in pred))
    return hit_pred, len(pred), hit_gold, len(gold)


def bench_entities(nlp: Any) -> None:
    from briefgen.extract.entities import find_mentions
    from briefgen.extract.organizations import build_organizations, build_places
    from briefgen.extract.parse import parse_sources
    from briefgen.extract.people import build_people

    docs = read_jsonl(EVAL / "entities" / "gum_news_entities.jsonl")
    labels = ("PERSON", "ORG", "GPE")
    totals: dict[tuple[str, str], list[int]] = {}
    for doc in docs:
        text = doc["text"]
        gold = {
            lab: [(e["start"], e["end"]) for e in doc["entities"] if e["label"] == lab]
            for lab in labels
        }
        parsed = parse_sources([Source(id="s", text=text)], nlp)[0]
        mentions = find_mentions(parsed)
        people = build_people(mentions)
        ours = {
            "PERSON": [(s.start, s.end) for p in people for s in p.spans],
            "ORG": [
                (s.start, s.end) for o in build_organizations(mentions, people) for s in o.spans
            ],
            "GPE": [(s.start, s.end) for p in build_places(mentions, people) for s in p.spans],
        }
        raw: dict[str, list[tuple[int, int]]] = {lab: [] for lab in labels}
        for ent in nlp(text).ents:
            if ent.label_ in _RAW_LABELS:
                raw[_RAW_LABELS[ent.label_]].append((ent.start_char, ent.end_char))
        for system, pred in (("briefgen", ours), ("raw spaCy", raw)):
            for lab in labels:
                counts = _prf(pred[lab], gold[lab])
                acc = totals.setdefault((lab, system), [0, 0, 0, 0])
                for i, c in enumerate(counts):
                    acc[i] += c
    rows = []
    for lab in labels:
        for system in ("briefgen", "raw spaCy"):
            hp, np_, hg, ng = totals[(lab, system)]
            p = hp / max(np_, 1)
            r = hg / max(ng, 1)
            f = 2 * p * r / max(p + r, 1e-9)
            rows.append(
                (lab, system, str(ng), f"{100 * p:.1f}", f"{100 * r:.1f}", f"{100 * f:.1f}")
            )
    print_table(
        "Entities: gum_news gold (24 docs), precision/recall/F1 by overlap",
        ("label", "system", "gold", "P", "R", "F1"),
        rows,
    )


# ---------------------------------------------------------------- quotes

_SPEECH_LEMMAS = {
    "say",
    "tell",
    "add",
    "note",
    "state",
    "ask",
    "explain",
    "write",
    "insist",
    "warn",
    "argue",
    "claim",
    "declare",
    "announce",
    "reply",
    "respond",
    "continue",
}


def baseline_quotes(doc: Any) -> list[tuple[tuple[int, int], tuple[int, int] | None]]:
    """Quotation marks paired in order; speaker: the subject of a speech verb in the sentence."""
    text = doc.text
    found = []
    for match in re.finditer(r"[\u201c\"]([^\u201d\"]{2,}?)[\u201d\"]", text):
        start, end = match.span(1)
        span = doc.char_span(start, end, alignment_mode="expand")
        speaker = None
        if span is not None:
            sent = span.sent
            tokens = list(sent)
            if sent.end < len(doc) and sent.end_char <= end + 2:
                tokens += list(doc[sent.end].sent)  # the cue split off: '"...," she said.'
            for token in tokens:
                if start <= token.idx < end or token.lemma_ not in _SPEECH_LEMMAS:
                    continue
                subj = next((c for c in token.children if c.dep_ == "nsubj"), None)
                if subj is not None:
                    left = min(t.idx for t in subj.subtree)
                    right = max(t.idx + len(t.text) for t in subj.subtree)
                    speaker = (left, right)
                    break
        found.append(((start, end), speaker))
    return found


try:
    import textacy  # noqa: F401

    HAVE_TEXTACY = True
except ImportError:  # the bench extra is not installed: the row shows zeros
    HAVE_TEXTACY = False


def textacy_quotes(text: str, nlp: Any) -> list[tuple[tuple[int, int], tuple[int, int] | None]]:
    """textacy's direct_quotations, run paragraph by paragraph (it expects that)."""
    from textacy.extract.triples import direct_quotations

    found: list[tuple[tuple[int, int], tuple[int, int] | None]] = []
    offset = 0
    for para in text.split("\n"):
        if para.strip():
            doc = nlp(para)
            try:
                triples = list(direct_quotations(doc))
            except (ValueError, IndexError, KeyError):
                triples = []
            for triple in triples:
                content = (offset + triple.content.start_char, offset + triple.content.end_char)
                speaker = None
                if triple.speaker:
                    speaker = (
                        offset + min(t.idx for t in triple.speaker),
                        offset + max(t.idx + len(t.text) for t in triple.speaker),
                    )
                found.append((content, speaker))
        offset += len(para) + 1
    return found


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _gold_speaker_match(
    gold: dict[str, Any], text: str, span: tuple[int, int] | None, name: str | None
) -> bool:
    from briefgen.extract.quotes import speaker_key

    if not gold["speaker"]:
        return span is None and name is None
    if not name:
        return False
    if span is not None and any(_overlap(span, tuple(s)) > 0 for s in gold["speaker_spans"]):
        return True
    gold_words = {speaker_key(w) for w in re.split(r"[\s,()]+", gold["speaker"]) if w}
    return speaker_key(name) in gold_words


def bench_quotes(nlp: Any, file_name: str = "polnear_dev.jsonl") -> None:
    from briefgen.extract.entities import find_mentions
    from briefgen.extract.organizations import build_organizations
    from briefgen.extract.parse import parse_sources
    from briefgen.extract.people import build_people
    from briefgen.extract.quotes import find_quotes

    if not HAVE_TEXTACY:
        print("(textacy is not installed: its row stays empty; pip install textacy)")
    docs = read_jsonl(EVAL / "quotes" / file_name)
    # Two briefgen rows: the quoted words the brief carries as evidence (the contract),
    # and the detection, where a fragment quoted in reported speech counts with the
    # clause that was used to find its speaker (PolNeAR's gold marks the whole clause).
    counts = {
        "briefgen": [0, 0],
        "briefgen detection (with clause)": [0, 0],
        "textacy direct_quotations": [0, 0],
        "marks + speech-verb subject": [0, 0],
    }
    total = 0
    misses: list[str] = []
    for doc in docs:
        text = doc["text"]
        gold = [q for q in doc["quotes"] if q["has_quotation_marks"]]
        if not gold:
            continue
        parsed = parse_sources([Source(id="s", text=text)], nlp)[0]
        mentions = find_mentions(parsed)
        people = build_people(mentions)
        orgs = build_organizations(mentions, people)
        found = find_quotes(parsed, mentions, people, orgs)
        ours = [(q.quoted, q.speaker_span, q.speaker) for q in found]
        ours_detected = [(q.pieces, q.speaker_span, q.speaker) for q in found]
        spacy_doc = nlp(text)
        base = [
            ([span], speaker, text[speaker[0] : speaker[1]] if speaker else None)
            for span, speaker in baseline_quotes(spacy_doc)
        ]
        tex = [
            ([span], speaker, text[speaker[0] : speaker[1]] if speaker else None)
            for span, speaker in (textacy_quotes(text, nlp) if HAVE_TEXTACY else [])
        ]
        for g in gold:
            total += 1
            length = sum(b - a for a, b in g["quote_spans"])
            for name, system in (
                ("briefgen", ours),
                ("briefgen detection (with clause)", ours_detected),
                ("textacy direct_quotations", tex),
                ("marks + speech-verb subject", base),
            ):
                best = None
                for pieces, span, speaker in system:
                    covered = sum(_overlap(p, tuple(gs)) for p in pieces for gs in g["quote_spans"])
                    if covered * 2 >= length:
                        best = (span, speaker)
                        break
                if best is None:
                    if name == "briefgen":
                        misses.append("MISS " + g["quote"][:90])
                    continue
                counts[name][0] += 1
                if _gold_speaker_match(g, text, *best):
                    counts[name][1] += 1
                elif name == "briefgen":
                    misses.append(f"WRONG {best[1]!r} vs {g['speaker']!r}: {g['quote'][:60]}")
    rows = [
        (name, str(total), f"{100 * f / total:.1f}%", f"{100 * a / max(f, 1):.1f}%")
        for name, (f, a) in counts.items()
    ]
    print_table(
        f"Quotes: {file_name.removesuffix('.jsonl')} direct quotations"
        " (found: overlaps >= half the gold span)",
        ("system", "gold", "found", "right speaker (of found)"),
        rows,
    )
    if "-v" in sys.argv:
        print("\n".join(misses))


# ---------------------------------------------------------------- readouts

READOUTS = EVAL / "readouts"


def _load_readouts_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("readouts_score", READOUTS / "score.py")
    if spec is None or spec.loader is None:
        raise ImportError(READOUTS / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def half_of(ids: list[str], half: str | None) -> list[str]:
    """The ids of one half (``odd`` or ``even`` by number), or all of them."""
    if half is None:
        return ids
    return [i for i in ids if int(i) % 2 == (1 if half == "odd" else 0)]


def bench_readouts(nlp: Any, half: str | None = None) -> None:
    """Key facts of the readouts covered by the included key points and by the top 5, the
    share of the text's words the included points take, and top-3 ROUGE, beside lead-3,
    lead-5 and lead-8 (the text's first k sentences), matched as readouts/score.py does."""
    import datetime as dt

    from briefgen.extract import extract_brief
    from briefgen.intake import load_sources

    score = _load_readouts_scorer()
    rouge = score.Rouge()
    ids = half_of(sorted(p.stem for p in (READOUTS / "gold").glob("*.json")), half)
    systems = ["briefgen included", "briefgen top 5", "lead-3", "lead-5", "lead-8"]
    facts = dict.fromkeys(systems, 0)
    shares: dict[str, list[float]] = {name: [] for name in systems}
    rouges: dict[str, list[tuple[float, float, float]]] = {"briefgen top-3": [], "lead-3": []}
    n_facts = 0
    for aid in ids:
        gold = json.loads((READOUTS / "gold" / f"{aid}.json").read_text("utf-8"))
        path = READOUTS / "articles" / f"{aid}.txt"
        text = path.read_text("utf-8")
        body = text.split("\n", 1)[1] if "\n" in text else text
        published = gold.get("published")
        brief = extract_brief(
            load_sources(str(path)), nlp,
            reference_date=dt.date.fromisoformat(published) if published else None,
        )
        included = [k.text for k in brief.key_points if k.include]
        sents = rouge.sentences(body)
        chosen = {
            "briefgen included": included,
            "briefgen top 5": included[:5],
            "lead-3": sents[:3],
            "lead-5": sents[:5],
            "lead-8": sents[:8],
        }
        body_words = max(1, len(score.words(body)))
        n_facts += len(gold["key_facts"])
        for name, texts in chosen.items():
            facts[name] += sum(
                any(score.next_step_ok(g, t) for t in texts) for g in gold["key_facts"]
            )
            shares[name].append(sum(len(score.words(t)) for t in texts) / body_words)
        ref = gold["summary"]
        top3 = " ".join(k.text for k in brief.key_points[:3])
        rouges["briefgen top-3"].append(rouge.f(ref, top3))
        rouges["lead-3"].append(rouge.f(ref, " ".join(sents[:3])))
    rows: list[Row] = []
    for name in systems:
        key = {"briefgen included": "briefgen top-3", "lead-3": "lead-3"}.get(name)
        means = (
            [f"{100 * sum(v[i] for v in rouges[key]) / len(rouges[key]):.1f}" for i in range(3)]
            if key and rouges[key] else ["", "", ""]
        )
        rows.append((
            name,
            f"{100 * facts[name] / max(1, n_facts):.1f}% ({facts[name]}/{n_facts})",
            f"{100 * sum(shares[name]) / max(1, len(shares[name])):.1f}%",
            *means,
        ))
    print_table(
        f"Readouts ({len(ids)} texts{', ' + half + ' ids' if half else ''}): key facts covered, "
        "share of the text's words, and ROUGE F1 of the top 3 (briefgen) or the first 3 "
        "(lead-3) against the gold summary",
        ("points", "key facts", "words", "R-1", "R-2", "R-L"),
        rows,
    )


# ---------------------------------------------------------------- realnews

REALNEWS = EVAL / "realnews"


def _source_hash() -> str:
    """A hash of briefgen's source files: the cache key of the realnews briefs."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "briefgen").rglob("*.py")):
        digest.update(path.relative_to(ROOT).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _load_scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("realnews_score", REALNEWS / "score.py")
    if spec is None or spec.loader is None:
        raise ImportError(REALNEWS / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def bench_realnews() -> None:
    """The realnews scorer's table (its own run of ``briefgen extract`` per article, cached),
    then precision and coverage of dates and next steps at each confidence threshold."""
    briefgen = Path(sys.executable).with_name("briefgen")
    cache = ROOT / ".bench-cache" / f"realnews-{_source_hash()}"
    command = [
        sys.executable, str(REALNEWS / "score.py"), str(briefgen), str(REALNEWS / "articles"),
        str(REALNEWS / "gold"), "--cache", str(cache), "--reuse", "--quiet",
    ]
    print(f"\nRealnews: {' '.join(command[1:])}", flush=True)
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    print(done.stdout.rstrip())
    if done.returncode != 0:
        print(done.stderr.strip()[-2000:])
        return
    confidence_table(_load_scorer(), cache)


def confidence_table(score: ModuleType, cache: Path) -> None:
    """For thresholds 0.5-0.9: the share of dated days and next steps at or above the
    threshold that are right (precision) and the share of items that reach it (coverage)."""
    from briefgen.model import CHECK_THRESHOLD

    steps: list[tuple[float | None, bool]] = []
    days: list[tuple[float | None, bool]] = []
    for path in sorted(cache.glob("*.brief.json")):
        gold = json.loads((REALNEWS / "gold" / f"{path.name[:2]}.json").read_text("utf-8"))
        brief = json.loads(path.read_text("utf-8"))
        for step in brief.get("next_steps", []):
            right = any(score.next_step_ok(g, step["text"]) for g in gold["next_steps"])
            steps.append((step.get("confidence"), right))
        gold_days = {d["date"] for d in gold["dates"] if d.get("level") == "day" and d["date"]}
        coarse = [d["text"] for d in gold["dates"] if d.get("level") != "day"]
        for date in brief.get("dates", []):
            if not date.get("date"):
                continue
            stands_for_coarse = any(
                score.same_date_text(t, date["text"])
                or score.words(t)[-2:] == score.words(date["text"])[-2:]
                for t in coarse
            )
            if date["date"] not in gold_days and stands_for_coarse:
                continue  # scored by neither side, as in score.py
            days.append((date.get("confidence"), date["date"] in gold_days))
    rows: list[Row] = []
    for threshold in (0.5, 0.6, 0.7, 0.8, 0.9):
        row: list[str] = [f"{threshold:.1f}" + (" (CHECK_THRESHOLD)" if threshold ==
                                                 CHECK_THRESHOLD else "")]
        for items in (days, steps):
            above = [right for conf, right in items if conf is not None and conf >= threshold]
            row += [
                f"{100 * sum(above) / max(1, len(above)):.1f}%",
                f"{100 * len(above) / max(1, len(items)):.1f}%",
            ]
        rows.append(tuple(row))
    print_table(
        f"Confidence on realnews: resolved dates ({len(days)}) and next steps ({len(steps)}); "
        "goal >= 97% right at the threshold with >= 70% reaching it",
        ("threshold", "dates P", "dates coverage", "next steps P", "next steps coverage"),
        rows,
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-v", action="store_true", help="list missed and misattributed quotes")
    parser.add_argument(
        "--only",
        choices=["keypoints", "entities", "quotes", "polnear_train", "realnews", "readouts"],
    )
    parser.add_argument("--half", choices=["odd", "even"], help="readouts: one half of the ids")
    args = parser.parse_args()
    if not EVAL.is_dir():
        print(f"No evaluation data at {EVAL}: this benchmark needs ../shared/eval.")
        sys.exit(0)
    started = time.perf_counter()
    model = load_nlp()
    if args.only in (None, "keypoints"):
        bench_keypoints(model)
    if args.only in (None, "entities"):
        bench_entities(model)
    if args.only in (None, "quotes"):
        bench_quotes(model)
    if args.only in (None, "polnear_train"):
        bench_quotes(model, "polnear_train.jsonl")
    if args.only in (None, "readouts"):
        bench_readouts(model, args.half)
    if args.only in (None, "realnews"):
        bench_realnews()
    print(f"\n({time.perf_counter() - started:.0f} s)")
