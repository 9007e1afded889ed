"""What the letterhead adds to the live preview of an office template (issue 19, against the
keystroke-to-preview budget of issue 20).

Rows, each the median of several runs, for a letterhead with a small logo (120x48 px) and
one with a large, incompressible picture (480x200 px, about 290 kB):
- ``read (first)``: reading memo.docx's header, footer, fonts and page (cache emptied).
- ``read (cached)``: the same call on each keystroke once the file was read.
- ``add to page``: wrapping the rendered memo in the page box with header and footer.
- ``render_html preview``: the whole preview render (in its child process, as office
  templates render) without and with the letterhead.
- ``pane setHtml``: fit_to_pane, QTextBrowser.setHtml and the events after it (as the
  preview pane does after each render), without the letterhead, with it as the pane shows
  it (pictures decoded once and kept), and with its data: URIs decoded each time, at 434 px
  (the pane's width in a 1366x768 window). Runs alternate between the variants.

The memo is the sample brief of tests/support (no language model needed). The machine is
shared and noisy: read the differences, not the absolute times.

Run: ``.venv/bin/python benchmarks/bench_letterhead.py``
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

RUNS = 15


def median_ms(action: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def interleaved(*actions: Callable[[], object], runs: int = RUNS) -> list[float]:
    """The median milliseconds of each action, run in turn so that the machine's load
    falls on all of them alike."""
    times: list[list[float]] = [[] for _ in actions]
    for _ in range(runs):
        for index, action in enumerate(actions):
            started = time.perf_counter()
            action()
            times[index].append((time.perf_counter() - started) * 1000)
    return [statistics.median(t) for t in times]


def noisy_png(width: int, height: int) -> bytes:
    """A PNG that does not compress (random pixels): the worst case for its size."""
    import struct
    import zlib

    rng = random.Random(19)
    rows = b"".join(b"\x00" + rng.randbytes(width * 3) for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))

    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def measure(label: str, folder: Path, browser: Any) -> list[tuple[str, str, str]]:
    """The rows of one letterhead template."""
    import base64

    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QImage, QTextDocument
    from PySide6.QtWidgets import QApplication
    from support.sample_briefs import sample_brief

    from briefgen.render import docx_letterhead, render_html
    from briefgen.render.letterhead_html import add_letterhead, image_references
    from briefgen.render.templates.manifest import read_manifest
    from briefgen.ui.preview import fit_to_pane

    brief = sample_brief()
    template = read_manifest(folder, "user")
    docx = template.docx_file
    rows: list[tuple[str, str, str]] = []

    def cold() -> object:
        docx_letterhead.clear_cache()
        return docx_letterhead.read_letterhead(docx)

    rows.append((label, "read (first)", f"{median_ms(cold):.2f} ms"))
    cached = median_ms(lambda: docx_letterhead.read_letterhead(docx))
    rows.append((label, "read (cached)", f"{cached:.3f} ms"))
    plain = render_html(brief, template, preview=True, letterhead=False)
    letterhead = docx_letterhead.read_letterhead(docx)
    added = median_ms(lambda: add_letterhead(plain, letterhead))
    rows.append((label, "add to page", f"{added:.2f} ms"))
    render_html(brief, template, preview=True)  # the child process is warm
    without, with_it = interleaved(
        lambda: render_html(brief, template, preview=True, letterhead=False),
        lambda: render_html(brief, template, preview=True))
    rows.append((label, "render_html preview", f"{without:.1f} ms without, {with_it:.1f} ms with"))
    page = add_letterhead(plain, letterhead)
    app = QApplication.instance()

    def show(html: str) -> None:
        browser.setHtml(fit_to_pane(html))
        app.processEvents()

    def show_as_the_pane_does(html: str) -> None:
        html, images = image_references(html)
        document = browser.document()
        for name, data in images.items():
            url = QUrl(name)
            if document.resource(QTextDocument.ResourceType.ImageResource, url) is None:
                document.addResource(QTextDocument.ResourceType.ImageResource, url,
                                     QImage.fromData(base64.b64decode(data)))
        show(html)

    without, with_names, with_data = interleaved(
        lambda: show(plain), lambda: show_as_the_pane_does(page), lambda: show(page),
        runs=RUNS * 2)
    rows.append((label, "pane setHtml", f"{without:.1f} ms without, {with_names:.1f} ms with "
                 f"(pictures kept), {with_data:.1f} ms with data: URIs each time"))
    rows.append((label, "HTML added", f"{(len(page) - len(plain)) / 1000:.1f} kB"))
    return rows


def main() -> int:
    from PySide6.QtWidgets import QApplication, QTextBrowser
    from support import letterhead_docs

    app = QApplication.instance() or QApplication([])
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory() as folder:
        small = letterhead_docs.letterhead_template(Path(folder), "small-logo")
        large = letterhead_docs.letterhead_template(Path(folder), "large-logo")
        big_picture = noisy_png(480, 200)
        real_png = letterhead_docs.png_bytes
        letterhead_docs.png_bytes = lambda w, h, rgb=(0, 0, 0): big_picture  # type: ignore[assignment]
        try:
            letterhead_docs.letterhead_docx(large / "memo.docx")
        finally:
            letterhead_docs.png_bytes = real_png  # type: ignore[assignment]
        for label, template_folder in (("small logo", small), ("large picture", large)):
            browser = QTextBrowser()
            browser.resize(434, 677)
            browser.show()
            rows.extend(measure(label, template_folder, browser))
    del app
    width = max(len(r[0]) for r in rows)
    step = max(len(r[1]) for r in rows)
    for label, what, figure in rows:
        print(f"{label:<{width}}  {what:<{step}}  {figure}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
