"""Seconds to make a template from an office's Word document (``import_docx``: read,
fill the slots, place the body, add the marking, write the folder), for each kind of test
document the importer's tests build, against the first .docx render of the new template in
the same run (through the normal route for user templates: a bounded child process).

Rows: the median of RUNS imports (each into a fresh user folder) and of RUNS renders.
The machine is shared and noisy: read the order of magnitude.

Run: ``.venv/bin/python benchmarks/bench_docx_import.py``
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from support import office_docs  # noqa: E402
from support.sample_briefs import sample_brief  # noqa: E402

from briefgen.render import TemplateLibrary  # noqa: E402
from briefgen.render.docx_writer import render_docx  # noqa: E402
from briefgen.render.templates.docx_import import import_docx  # noqa: E402

RUNS = 5
DOCUMENTS = office_docs.BENCH_DOCUMENTS


def main() -> int:
    print(f"{'document':<54} {'import s':>9} {'render s':>9}")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        for label, (build, slots) in DOCUMENTS.items():
            source = build(folder / f"{build.__name__}.docx")
            imports, renders = [], []
            for run in range(RUNS):
                library = TemplateLibrary(user_dir=folder / f"lib-{build.__name__}-{run}")
                start = time.perf_counter()
                result = import_docx(source, library, slots=slots)
                imports.append(time.perf_counter() - start)
                assert result.template is not None
                brief = sample_brief()
                brief.template = result.template.id
                start = time.perf_counter()
                render_docx(brief, result.template)
                renders.append(time.perf_counter() - start)
            print(f"{label:<54} {statistics.median(imports):>9.3f} "
                  f"{statistics.median(renders):>9.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
