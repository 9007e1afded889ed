"""Tests for briefgen/ui/source_view.py: the evidence of an item is highlighted."""

from __future__ import annotations

from briefgen.model import Source, Span
from briefgen.ui.source_view import SourceView

TEXT = "Solberg met Reyhan in Geneva. They agreed to meet again."


def test_only_valid_spans_of_the_displayed_source_are_highlighted(qtbot):
    view = SourceView()
    qtbot.addWidget(view)
    view.show_source(Source(id="src-1", text=TEXT, title="Talks", publisher="Wire"))
    view.highlight([Span("src-1", 30, 56), Span("src-2", 0, 5), Span("src-1", 50, 500)])
    assert view.highlighted_text() == ["They agreed to meet again."]
    assert "Talks" in view.title.text()


def test_clearing_the_view_removes_text_and_title(qtbot):
    view = SourceView()
    qtbot.addWidget(view)
    view.show_source(Source(id="src-1", text=TEXT))
    view.show_source(None)
    assert view.source_id is None
    assert view.text.toPlainText() == ""
    view.highlight([Span("src-1", 0, 7)])
    assert view.highlighted_text() == []
