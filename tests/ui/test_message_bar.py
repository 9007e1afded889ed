"""Tests for briefgen/ui/message_bar.py: one sentence on screen, never a traceback."""

from __future__ import annotations

from briefgen.ui.message_bar import MessageBar


def test_only_the_first_line_of_a_message_is_shown(qtbot):
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show_error("Cannot open a.pdf: it is damaged.\nTraceback (most recent call last):")
    assert bar.text() == "Cannot open a.pdf: it is damaged."
    assert bar.property("kind") == "error"


def test_dismiss_hides_the_bar(qtbot):
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.show_notice("Recovered.")
    with qtbot.waitSignal(bar.dismissed, timeout=1000):
        bar.dismiss()
    assert bar.text() == ""
