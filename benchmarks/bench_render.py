"""Render timings for the sample brief, against a bare docxtpl render measured in the same run.

Rows, each the median of several runs for every built-in template:
- ``.docx``: ``render_docx`` (context, sandbox, autoescape, XML clean-up) against a bare
  ``docxtpl`` render of the same .docx with the same, already built context in a plain
  Jinja environment, both saved to memory. Target: ratio <= 1.2. Measured twice: as the
  app renders (the compiled document XML reused from the previous render of that file) and
  as a first render (that cache emptied before each run).
- ``HTML``: ``render_html``. Target: <= 5 ms.
- ``preview after a field edit``: change the subject, then ``render_html(preview=True)``,
  as the window does on each keystroke. Target: <= 20 ms.
- ``PDF``: ``render_pdf`` (no target; for information).

The sample brief comes from the real pipeline (intake + extraction of
resources/sample_article.txt), so the language model loads first (a few seconds).
The machine is shared and noisy: read the ratios, not the absolute times.

Run: ``.venv/bin/python benchmarks/bench_render.py``
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefgen.model import Brief  # noqa: E402
from briefgen.render import (  # noqa: E402
    BUILTIN_TEMPLATE_IDS,
    BriefTemplate,
    TemplateLibrary,
    apply_template_defaults,
    build_context,
    render_html,
)
from briefgen.render.docx_writer import render_docx  # noqa: E402
from briefgen.render.jinja_env import FILTERS, clear_compiled_cache  # noqa: E402
from briefgen.render.pdf_writer import render_pdf  # noqa: E402
from briefgen.resources import sample_article_path  # noqa: E402

DOCX_RUNS = 15
HTML_RUNS = 60
PDF_RUNS = 5


def sample_brief() -> Brief:
    """The brief the real pipeline makes from the sample article."""
    from briefgen.extract import extract_brief, load_nlp
    from briefgen.intake import load_sources

    nlp = load_nlp()
    return extract_brief(load_sources(sample_article_path()), nlp)


def median_ms(func: Callable[[], object], runs: int) -> float:
    func()  # warm caches (compiled templates, fonts) as a running app has them
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def bare_docxtpl(template: BriefTemplate, context: dict[str, object]) -> bytes:
    """What docxtpl alone costs: open, render with autoescape, save to memory."""
    env = jinja2.Environment(autoescape=True)
    env.filters.update(FILTERS)
    tpl = DocxTemplate(str(template.docx_file))
    tpl.render(context, jinja_env=env, autoescape=True)
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()


def interleaved(ours: Callable[[], object], base: Callable[[], object],
                runs: int) -> tuple[float, float]:
    """Medians of two functions timed alternately, so noise hits both alike."""
    ours()
    base()
    a, b = [], []
    for _ in range(runs):
        for func, sink in ((ours, a), (base, b)):
            start = time.perf_counter()
            func()
            sink.append((time.perf_counter() - start) * 1000)
    return statistics.median(a), statistics.median(b)


def main() -> int:
    print("Extracting the sample brief (loads the language model)...", flush=True)
    brief = sample_brief()
    library = TemplateLibrary(user_dir=Path("/nonexistent-briefgen-bench"))
    rows: list[tuple[str, str, float, str, str]] = []
    for template_id in BUILTIN_TEMPLATE_IDS:
        template = library.get(template_id)
        apply_template_defaults(brief, template)
        context = build_context(brief, template)
        ours, bare = interleaved(lambda t=template: render_docx(brief, t),
                                 lambda t=template, c=context: bare_docxtpl(t, c), DOCX_RUNS)
        ratio = ours / bare
        rows.append((template_id, ".docx", ours, f"{ratio:.2f}x bare docxtpl ({bare:.1f} ms)",
                     "ok" if ratio <= 1.2 else "SLOW"))
        def cold(t: BriefTemplate = template) -> bytes:
            clear_compiled_cache()  # as on the first render of this .docx
            return render_docx(brief, t)

        ours_cold, bare = interleaved(cold, lambda t=template, c=context: bare_docxtpl(t, c),
                                      DOCX_RUNS)
        ratio = ours_cold / bare
        rows.append((template_id, ".docx, first render", ours_cold,
                     f"{ratio:.2f}x bare docxtpl ({bare:.1f} ms)",
                     "ok" if ratio <= 1.2 else "SLOW"))
        html = median_ms(lambda t=template: render_html(brief, t), HTML_RUNS)
        rows.append((template_id, "HTML", html, "", "ok" if html <= 5 else "SLOW"))
        counter = iter(range(10**9))

        def edit_and_preview(t: BriefTemplate = template,
                             edits: Iterator[int] = counter) -> str:
            brief.fields["subject"] = f"Talks in Geneva, edit {next(edits)}"
            return render_html(brief, t, preview=True)

        preview = median_ms(edit_and_preview, HTML_RUNS)
        rows.append((template_id, "preview after a field edit", preview, "",
                     "ok" if preview <= 20 else "SLOW"))
        pdf = median_ms(lambda t=template: render_pdf(brief, t), PDF_RUNS)
        rows.append((template_id, "PDF", pdf, "", "(no target)"))
    width = max(len(r[0]) for r in rows)
    print(f"\n{'template':<{width}}  {'output':<27}{'median ms':>10}  {'vs baseline':<38}target")
    for template_id, output, ms, versus, verdict in rows:
        print(f"{template_id:<{width}}  {output:<27}{ms:>10.2f}  {versus:<38}{verdict}")
    print("\nTargets: .docx <= 1.2x bare docxtpl, HTML <= 5 ms, preview <= 20 ms.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
