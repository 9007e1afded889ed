"""PDF export timings, each against the .docx render measured in the same run, and a check that
the warm converter's PDF is the one-shot route's PDF (text and images, page by page).

Rows, for every built-in template, with the brief the real pipeline makes of the sample article:
- ``.docx``: ``render_docx`` (the baseline: every PDF of the one route starts with it).
- ``PDF one-shot (cold)``: render + ``convert_docx_to_pdf``, LibreOffice started each time
  (what ``briefgen render -o memo.pdf`` does).
- ``PDF warm, 1st``: render + the warm converter's first conversion (it starts LibreOffice).
- ``PDF warm, 2nd..nth``: the median of the later ones (the app, ``batch``, ``demo``).
  Goal: about 0.2 s a memo against about 1 s or more one-shot.
- ``PDF fpdf2 (no converter)``: ``render_pdf``, the fallback where LibreOffice is absent.

Needs LibreOffice (soffice) and a Python with its ``uno`` module (Debian: python3-uno); without
them it prints the .docx and fpdf2 rows only. The machine is shared and noisy: read the ratios.
``--pages DIR`` also writes each template's warm and one-shot PDFs there, to look at them.

Run: ``.venv/bin/python benchmarks/bench_pdf.py [--pages DIR]``
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # support.letterhead: a Word letterhead with a logo

from pypdf import PdfReader  # noqa: E402

from briefgen.model import Brief  # noqa: E402
from briefgen.render import BUILTIN_TEMPLATE_IDS, TemplateLibrary, apply_template_defaults  # noqa: E402
from briefgen.render.docx_writer import render_docx  # noqa: E402
from briefgen.render.pdf_convert import (  # noqa: E402
    convert_docx_to_pdf,
    find_converter,
    stop_warm_converters,
    warm_converter,
)
from briefgen.render.pdf_writer import render_pdf  # noqa: E402
from briefgen.resources import sample_article_path  # noqa: E402

DOCX_RUNS = 10
ONE_SHOT_RUNS = 3
WARM_RUNS = 8
FPDF_RUNS = 5


def sample_brief() -> Brief:
    """The brief the real pipeline makes from the sample article."""
    from briefgen.extract import extract_brief, load_nlp
    from briefgen.intake import load_sources

    return extract_brief(load_sources(sample_article_path()), load_nlp())


def timed(func: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def median_s(func: Callable[[], object], runs: int) -> float:
    return statistics.median(timed(func)[0] for _ in range(runs))


def per_page(pdf: bytes) -> list[tuple[str, int]]:
    """Each page's text (spaces folded) and number of images."""
    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        text = " ".join(page.extract_text().split())
        pages.append((text, len(page.images)))
    return pages


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, help="write the warm and one-shot PDFs here")
    args = parser.parse_args()
    os.environ.setdefault("BRIEFGEN_PDF_CONVERTER", "auto")
    brief = sample_brief()
    library = TemplateLibrary(user_dir=Path("/nonexistent-briefgen-user"))
    converter = find_converter()
    warm = warm_converter(converter) if converter is not None else None
    if warm is None:
        print("No LibreOffice with a uno Python here: only the .docx and fpdf2 rows.\n")
    rows: list[tuple[str, str, float]] = []
    same = True
    try:
        for template_id in BUILTIN_TEMPLATE_IDS:
            template = library.get(template_id)
            apply_template_defaults(brief, template)

            def docx(template=template) -> bytes:  # type: ignore[no-untyped-def]
                return render_docx(brief, template)

            docx()  # compiled templates and fonts, as a running app has them
            base = median_s(docx, DOCX_RUNS)
            rows.append((template_id, ".docx (baseline)", base))
            if converter is not None:
                rows.append((template_id, "PDF one-shot (cold)", median_s(
                    lambda docx=docx: convert_docx_to_pdf(docx(), converter), ONE_SHOT_RUNS)))
            if warm is not None:
                warm.stop()  # each template's first warm PDF pays the start, as the app's first
                first, _ = timed(lambda docx=docx: warm.convert(docx()))
                rows.append((template_id, "PDF warm, 1st (starts it)", first))
                rows.append((template_id, f"PDF warm, 2nd..{WARM_RUNS + 1}th", median_s(
                    lambda docx=docx: warm.convert(docx()), WARM_RUNS)))
                data = docx()
                warm_pdf, cold_pdf = warm.convert(data), convert_docx_to_pdf(data, converter)
                match = per_page(warm_pdf) == per_page(cold_pdf)
                same = same and match
                pages = per_page(warm_pdf)
                print(f"{template_id}: warm PDF {len(pages)} pages, images per page "
                      f"{[n for _, n in pages]}, text and images per page "
                      f"{'match' if match else 'DIFFER from'} the one-shot PDF")
                if args.pages:
                    args.pages.mkdir(parents=True, exist_ok=True)
                    (args.pages / f"{template_id}-warm.pdf").write_bytes(warm_pdf)
                    (args.pages / f"{template_id}-oneshot.pdf").write_bytes(cold_pdf)
            rows.append((template_id, "PDF fpdf2 (no converter)", median_s(
                lambda template=template: render_pdf(brief, template), FPDF_RUNS)))
        if warm is not None and converter is not None:
            from support.letterhead import letterhead_docx

            data = letterhead_docx()
            warm_pdf, cold_pdf = warm.convert(data), convert_docx_to_pdf(data, converter)
            pages = per_page(warm_pdf)
            match = pages == per_page(cold_pdf)
            same = same and match
            print(f"letterhead .docx: warm PDF {len(pages)} pages, images per page "
                  f"{[n for _, n in pages]}, text and images per page "
                  f"{'match' if match else 'DIFFER from'} the one-shot PDF")
            if args.pages:
                (args.pages / "letterhead-warm.pdf").write_bytes(warm_pdf)
                (args.pages / "letterhead-oneshot.pdf").write_bytes(cold_pdf)
    finally:
        stop_warm_converters()
    print()
    print(f"{'template':<18} {'route':<28} {'seconds':>8} {'x .docx':>8}")
    baseline = {t: s for t, route, s in rows if route.startswith(".docx")}
    for template_id, route, seconds in rows:
        ratio = seconds / baseline[template_id]
        print(f"{template_id:<18} {route:<28} {seconds:8.3f} {ratio:8.1f}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
