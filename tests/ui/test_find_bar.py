"""Tests for briefgen/ui/find_bar.py: Find also searches the memo preview."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser

from briefgen.model import Brief, Source
from briefgen.ui.brief_form import BriefForm
from briefgen.ui.document import BriefDocument
from briefgen.ui.find_bar import FindBar
from briefgen.ui.source_view import SourceView

SOURCE = Source(id="s1", text="The harbour board met the ferry operators.", title="Ferries")
PAGE = (
    "<h1>Ferry talks</h1><table><tr><td>TO:</td><td>Harbour board</td></tr>"
    "<tr><td>FROM:</td><td>Desk</td></tr></table>"
    "<p>The board asked for a winter timetable; the harbour stays open.</p>"
)


def _bar(qtbot):  # type: ignore[no-untyped-def]
    document = BriefDocument(Brief(sources=[SOURCE]))
    source_view = SourceView()
    source_view.show_source(SOURCE)
    form = BriefForm(document)
    preview = QTextBrowser()
    preview.setHtml(PAGE)
    bar = FindBar(source_view, form, preview=preview)
    for widget in (source_view, form, preview, bar):
        qtbot.addWidget(widget)
    bar.open_bar()
    return bar, source_view, preview


def test_find_lists_the_preview_after_the_source_and_selects_the_words_there(qtbot):
    bar, source_view, preview = _bar(qtbot)
    qtbot.keyClicks(bar.field, "harbour")
    assert [hit.where for hit in bar.hits()] == ["source text", "preview", "preview"]
    assert bar.result.text() == "1 of 3: source text"
    assert source_view.text.textCursor().selectedText() == "harbour"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.result.text() == "2 of 3: preview"
    assert preview.textCursor().selectedText() == "Harbour"  # in the header table's cell
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    cursor = preview.textCursor()
    assert cursor.selectedText() == "harbour"
    assert cursor.block().text().endswith("the harbour stays open.")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert bar.result.text() == "2 of 3: preview"


def test_words_only_in_the_preview_are_found_there(qtbot):
    bar, _source_view, preview = _bar(qtbot)
    qtbot.keyClicks(bar.field, "winter timetable")
    assert bar.result.text() == "1 of 1: preview"
    assert preview.textCursor().selectedText() == "winter timetable"
