"""Tests for briefgen/ui/preview.py: renders follow changes, coalesce, and fit the pane."""

from __future__ import annotations

import pytest

from briefgen.model import Brief
from briefgen.ui.document import BriefDocument
from briefgen.ui.preview import PreviewPane, fit_to_pane
from briefgen.ui.rendering import RenderService
from briefgen.ui.templates import TemplateService
from briefgen.ui.worker import WorkRunner


@pytest.fixture
def pane(qtbot):  # type: ignore[no-untyped-def]
    from briefgen.render import TemplateLibrary

    runner = WorkRunner()
    rendering = RenderService(runner, TemplateService(runner))
    pane = PreviewPane(BriefDocument(Brief()), rendering)
    qtbot.addWidget(pane)
    rendering.set_template(TemplateLibrary().get("information-memo"))
    yield pane
    runner.wait(10_000)


def test_a_burst_of_changes_ends_with_one_page_showing_the_last_value(qtbot, pane):
    renders: list[float] = []
    pane.rendered.connect(renders.append)
    qtbot.waitUntil(lambda: bool(pane.html), timeout=10_000)
    renders.clear()
    for text in ("G", "Ge", "Gen", "Geneva talks"):
        pane.document.set_value(("fields", "subject"), text, typing=True)
    qtbot.waitUntil(lambda: "Geneva talks" in pane.browser.toPlainText(), timeout=10_000)
    qtbot.wait(200)
    assert 1 <= len(renders) <= 2
    assert "Geneva talks" in pane.html


def test_an_escaped_value_stays_text_in_the_preview(qtbot, pane):
    pane.document.set_value(("fields", "subject"), "<b>R&D</b> budget")
    qtbot.waitUntil(lambda: "<b>R&D</b> budget" in pane.browser.toPlainText(), timeout=10_000)


def test_fit_to_pane_widens_tables_without_a_width_and_keeps_given_widths():
    html = ('<html><head><style></style></head><body><table class="frame"></table>'
            '<table width="50%"></table></body></html>')
    fitted = fit_to_pane(html)
    assert '<table width="100%" class="frame">' in fitted
    assert '<table width="50%">' in fitted
    assert fitted.index(".page") < fitted.index("</head>")


def test_fit_to_pane_writes_rem_and_cm_lengths_in_pixels_inside_style_blocks_only():
    html = ('<html><head><style>h2 { margin: 1.5rem 0 .5rem; } th { width: 2.54cm; }'
            '</style></head><body><p>Margins of 2rem apply.</p></body></html>')
    fitted = fit_to_pane(html)
    assert "h2 { margin: 24px 0 8px; }" in fitted
    assert "th { width: 96px; }" in fitted
    assert "Margins of 2rem apply." in fitted


def test_a_new_date_format_redraws_the_page_with_it(qtbot, pane):
    pane.document.set_value(("fields", "date"), "2026-03-05")
    qtbot.waitUntil(lambda: "5 March 2026" in pane.browser.toPlainText(), timeout=10_000)
    pane.rendering.set_date_format("%Y-%m-%d")
    qtbot.waitUntil(lambda: "2026-03-05" in pane.browser.toPlainText(), timeout=10_000)
    assert "5 March 2026" not in pane.html
    renders: list[float] = []
    pane.rendered.connect(renders.append)
    pane.rendering.set_date_format("%Y-%m-%d")
    qtbot.wait(200)
    assert renders == [], "the same format again does not redraw"
