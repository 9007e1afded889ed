"""``briefgen batch`` throughput on 1, 2 and all cores against one process doing extraction
plus the .docx render alone, in the same run; peak memory per worker.

Run: .venv/bin/python benchmarks/bench_batch.py [--articles 100] [--keep DIR]
Articles: generated from the sample article (resources/) and sentences written here, each
with its own headline, 400 to 1,000 words. Goals (issue 23): on N cores at least 0.7 x N
times the throughput of one worker; on one core, per-article cost within 1.2x of the
baseline; peak memory under 500 MB per worker.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefgen.batch import BatchOptions, collect_inputs, run_batch  # noqa: E402
from briefgen.batch.runner import default_jobs  # noqa: E402
from briefgen.batch.worker import peak_memory_mb  # noqa: E402

CITIES = ["Harwick", "Lundvale", "Port Emery", "Castellan", "Odrin", "Marrow Bay", "Telsk"]
BODIES = ["the water authority", "the regional council", "the transport ministry",
          "the port board", "the health service", "the schools inspectorate"]
PEOPLE = [("Director", "Ilse Varga"), ("Minister", "Tomas Akande"), ("Chair", "Rhea Lindgren"),
          ("Commissioner", "Pavel Oduya"), ("Mayor", "Greta Mbeki"), ("Secretary", "Jon Ferris")]
TOPICS = ["flood defences", "night buses", "a new clinic", "school meals", "harbour dredging",
          "cycle lanes", "rural broadband", "street lighting", "bridge repairs"]
# Sentences written for this benchmark; {city}, {body}, {role}, {name}, {topic} vary.
SENTENCES = [
    "Officials in {city} said {body} would publish a full plan for {topic} next month.",
    "{role} {name} told reporters that the first phase of {topic} was already under way.",
    "\"We have listened to residents and we will act on {topic} this year,\" {name} said.",
    "The budget for {topic} rose by a fifth after a review found the old estimate too low.",
    "Critics said {body} had promised action on {topic} before and delivered little.",
    "A public meeting on {topic} is scheduled for the second week of next month in {city}.",
    "{name} added that contractors would be chosen through an open tender by the summer.",
    "Residents of {city} have complained about {topic} for more than three years.",
    "The opposition called the announcement a welcome but late change of course.",
    "A spokesperson for {body} declined to say when the work would be finished.",
    "An independent panel will report on progress to the council twice a year.",
    "Local businesses in {city} said the plan would bring more visitors to the town centre.",
]


def sample_paragraphs() -> list[str]:
    text = (ROOT / "resources" / "sample_article.txt").read_text(encoding="utf-8")
    return [p for p in text.split("\n\n", 1)[1].split("\n\n") if p.strip()]


def make_article(number: int, rng: random.Random, sample: list[str]) -> str:
    """One article of 400 to 1,000 words with a headline of its own."""
    city, body, topic = rng.choice(CITIES), rng.choice(BODIES), rng.choice(TOPICS)
    role, name = rng.choice(PEOPLE)
    values = {"city": city, "body": body, "role": role, "name": name, "topic": topic}
    target = rng.randint(400, 1000)
    paragraphs: list[str] = []
    words = 0
    while words < target:
        if rng.random() < 0.4:
            paragraph = rng.choice(sample)
        else:
            paragraph = " ".join(s.format(**values) for s in rng.sample(SENTENCES, 3))
        paragraphs.append(paragraph)
        words += len(paragraph.split())
    title = f"{city} plans action on {topic} (report {number})"
    return (f"{title}\n\nBy Staff Writer, Benchmark Gazette\nPublished: 2026-05-"
            f"{1 + number % 28:02d}\n\n" + "\n\n".join(paragraphs) + "\n")


def write_articles(folder: Path, count: int) -> list[Path]:
    rng = random.Random(23)
    sample = sample_paragraphs()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"article-{number:03d}.txt"
        path.write_text(make_article(number, rng, sample), "utf-8")
        paths.append(path)
    return paths


def baseline_seconds(paths: list[Path]) -> tuple[float, float]:
    """One process, model loaded once (not timed): load, extract and render .docx per article.
    Seconds for all articles, and the model load."""
    from briefgen.extract import extract_brief, load_nlp
    from briefgen.intake import load
    from briefgen.render import TemplateLibrary, apply_template_defaults, render_docx

    started = time.perf_counter()
    nlp = load_nlp()
    template = TemplateLibrary().get("information-memo")
    loading = time.perf_counter() - started
    started = time.perf_counter()
    for path in paths:
        brief = extract_brief([load(path)], nlp, template=template.id)
        apply_template_defaults(brief, template)
        render_docx(brief, template)
    return time.perf_counter() - started, loading


def batch_seconds(folder: Path, out: Path, jobs: int) -> tuple[float, float, float, int]:
    """Wall time of a whole batch run (worker start-up and model loads included), the
    steady rate (articles a second from the first memo to the last: no start-up), the
    largest worker peak memory (MB) and how many memos were made."""
    shutil.rmtree(out, ignore_errors=True)
    inputs = collect_inputs([str(folder)], [], out)
    options = BatchOptions(tuple(inputs), out, "information-memo", (".docx",), jobs=jobs,
                           force=True)
    arrivals: list[float] = []
    started = time.perf_counter()
    outcome = run_batch(options, progress=lambda *_: arrivals.append(time.perf_counter()))
    seconds = time.perf_counter() - started
    made = sum(r.status == "ok" for r in outcome.results)
    steady = (len(arrivals) - 1) / (arrivals[-1] - arrivals[0]) if len(arrivals) > 1 else 0.0
    return seconds, steady, outcome.peak_memory_mb, made


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--keep", metavar="DIR", help="write the articles and memos here")
    args = parser.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-batch-"))
    folder = work / "articles"
    paths = write_articles(folder, args.articles)
    words = [len(p.read_text("utf-8").split()) for p in paths]
    cores = default_jobs()
    print(f"{len(paths)} articles, {min(words)}-{max(words)} words; {cores} cores usable")

    base, loading = baseline_seconds(paths)
    base_per = base / len(paths)
    print(f"baseline (one process, extraction + .docx render, model load of {loading:.1f} s "
          f"not counted): {base_per * 1000:.0f} ms/article; peak {peak_memory_mb():.0f} MB")
    print()
    print(f"{'jobs':>4}  {'wall s':>7}  {'ms/article':>10}  {'x baseline':>10}  "
          f"{'steady x':>8}  {'articles/s':>10}  {'speed-up':>8}  {'goal':>6}  "
          f"{'peak MB/worker':>14}")
    single = 0.0
    for jobs in sorted({1, 2, cores}):
        seconds, steady, peak, made = batch_seconds(folder, work / f"memos-{jobs}", jobs)
        per = seconds / len(paths)
        rate = made / seconds
        single = single or rate
        steady_ratio = (1 / steady) / base_per if steady else 0.0
        goal = f">={0.7 * jobs:.1f}" if jobs > 1 else "<=1.2x"
        print(f"{jobs:>4}  {seconds:>7.1f}  {per * 1000:>10.0f}  {per / base_per:>10.2f}  "
              f"{steady_ratio:>8.2f}  {rate:>10.2f}  {rate / single:>8.2f}  {goal:>6}  "
              f"{peak:>14.0f}")
        if made != len(paths):
            print(f"      ({len(paths) - made} articles failed)")
    print()
    print("wall s and ms/article include starting the workers and loading the model once in "
          "each; steady x is the time per article from the first memo to the last, against "
          "the baseline. Absolute times drift on a shared machine, the ratios less so.")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
