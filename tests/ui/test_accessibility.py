"""Accessibility of the real window: names for screen readers, reading order, marks that do
not rest on colour, the system's palette and font size."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)
from support.sample_briefs import sample_brief

pytestmark = pytest.mark.slow

INPUTS = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit,
          QPlainTextEdit, QTextEdit)


def spoken_name(widget: QWidget) -> str:
    """What a screen reader says the widget is (Qt's accessibility interface)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface is not None else ""


def test_every_field_list_and_button_of_the_window_has_a_name(qtbot, make_window):
    window = make_window(nlp_factory=lambda: None)
    window.document.load(sample_brief(), None)
    qtbot.waitUntil(lambda: "subject" in window.form.field_editors, timeout=20_000)
    unnamed = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INPUTS) or not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QHeaderView):
            continue  # a table's column headers: the table carries the name
        if isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox):
            continue  # a combo or spin box's own line edit: the box carries the name
        if not spoken_name(widget).strip():
            unnamed.append(f"{type(widget).__name__} {widget.objectName()!r}")
    assert unnamed == [], unnamed
    assert spoken_name(window.preview.browser) == "Memo preview"
    assert spoken_name(window.source_view.text) == "Source text"

