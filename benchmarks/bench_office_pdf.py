"""Seconds to export an imported office template's memo as PDF by the one PDF route (the
rendered .docx converted by a one-shot LibreOffice: ``render_to_file`` to ``memo.pdf``, as
``briefgen render -o memo.pdf`` does), beside the .docx render of the same memo in the same
run, for each kind of test document the importer's tests build.

Rows: the median of RUNS exports of each kind, after one unmeasured export (LibreOffice's
first start on a fresh profile is slower: it is shown apart as "first PDF"). The machine is
shared and noisy: read the order of magnitude.

Run: ``.venv/bin/python benchmarks/bench_office_pdf.py`` (needs LibreOffice).
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from pypdf import PdfReader  # noqa: E402
from support import office_docs  # noqa: E402
from support.sample_briefs import sample_brief  # noqa: E402

from briefgen.model import Brief  # noqa: E402
from briefgen.render import (  # noqa: E402
    BriefTemplate,
    TemplateLibrary,
    apply_template_defaults,
    render_to_file,
)
from briefgen.render.pdf_convert import CONVERTER_ENV, find_converter  # noqa: E402
from briefgen.render.templates.docx_import import import_docx  # noqa: E402

RUNS = 3
DOCUMENTS = office_docs.BENCH_DOCUMENTS


def _timed(brief: Brief, template: BriefTemplate, out: Path) -> float:
    start = time.perf_counter()
    render_to_file(brief, template, out)
    return time.perf_counter() - start


def main() -> int:
    os.environ[CONVERTER_ENV] = "auto"
    if find_converter() is None:
        print("LibreOffice (soffice) is not installed: there is no PDF route to measure.")
        return 1
    print(f"{'document':<54} {'docx s':>7} {'first PDF s':>11} {'PDF s':>7} {'pages':>5}")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for label, (build, slots) in DOCUMENTS.items():
            source = build(folder / f"{build.__name__}.docx")
            library = TemplateLibrary(user_dir=folder / f"lib-{build.__name__}")
            result = import_docx(source, library, slots=slots)
            assert result.template is not None
            template = result.template
            brief = sample_brief()
            brief.template = template.id
            apply_template_defaults(brief, template)
            docx_out, pdf_out = folder / "memo.docx", folder / "memo.pdf"
            first = _timed(brief, template, pdf_out)
            docx_times, pdf_times = [], []
            for _ in range(RUNS):
                docx_times.append(_timed(brief, template, docx_out))
                pdf_times.append(_timed(brief, template, pdf_out))
            pages = len(PdfReader(pdf_out).pages)
            print(f"{label:<54} {statistics.median(docx_times):>7.3f} {first:>11.3f} "
                  f"{statistics.median(pdf_times):>7.3f} {pages:>5}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
