"""Accessibility of the real window: names for screen readers, reading order, marks that do
not rest on colour, the system's palette and font size."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
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



def test_tab_moves_through_the_window_in_reading_order(qtbot, make_window):
    window = make_window(nlp_factory=lambda: None)
    window.document.load(sample_brief(), None)
    qtbot.waitUntil(lambda: "subject" in window.form.field_editors, timeout=20_000)
    panes = [window.left_splitter, window.form_scroll, window.preview]
    walked = []
    widget: QWidget = window.sources.paste_button
    for _ in range(400):
        if widget.isVisibleTo(window) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus \
                and widget.isEnabled():
            pane = next((i for i, p in enumerate(panes) if p.isAncestorOf(widget)), None)
            if pane is not None:
                corner = widget.mapTo(window, QPoint(0, 0))
                walked.append((pane, widget, corner))
        if widget is window.preview.browser:
            break
        widget = widget.nextInFocusChain()
    assert walked[-1][1] is window.preview.browser
    assert [pane for pane, *_ in walked] == sorted(pane for pane, *_ in walked)
    for (pane_a, a, at_a), (pane_b, b, at_b) in zip(walked, walked[1:], strict=False):
        if pane_a == pane_b:
            # Down the pane, or along a row left to right.
            assert (at_b.y(), at_b.x()) > (at_a.y() - 4, at_a.x()) or at_b.y() > at_a.y(), (
                f"{a.objectName() or type(a).__name__} then {b.objectName() or type(b).__name__}")
    names = [widget.objectName() for _, widget, _ in walked]
    assert names.index("sourcesList") < names.index("sourceText") < names.index("templateBox")
    assert names.index("field_to") < names.index("field_subject") < names.index("summaryEdit")


def high_contrast_palette() -> QPalette:
    """White on black with a yellow highlight, as Windows' "High contrast black" theme."""
    palette = QPalette()
    black, white, yellow = QColor("#000000"), QColor("#ffffff"), QColor("#ffff00")
    for role, colour in (
        (QPalette.ColorRole.Window, black), (QPalette.ColorRole.WindowText, white),
        (QPalette.ColorRole.Base, black), (QPalette.ColorRole.AlternateBase, QColor("#202020")),
        (QPalette.ColorRole.Text, white), (QPalette.ColorRole.Button, black),
        (QPalette.ColorRole.ButtonText, white), (QPalette.ColorRole.Highlight, yellow),
        (QPalette.ColorRole.HighlightedText, black), (QPalette.ColorRole.Mid, white),
        (QPalette.ColorRole.Midlight, QColor("#c0c0c0")), (QPalette.ColorRole.Dark, white),
        (QPalette.ColorRole.Light, white), (QPalette.ColorRole.ToolTipBase, black),
        (QPalette.ColorRole.ToolTipText, white), (QPalette.ColorRole.PlaceholderText, yellow),
    ):
        palette.setColor(role, colour)
    return palette


def luminance(colour: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return (0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green())
            + 0.0722 * channel(colour.blue()))


def ink_contrast(widget: QWidget, inset: int = 5) -> float:
    """The contrast ratio (WCAG) between a widget's background (its commonest colour) and
    its text (the commonest colour far from the background) as drawn on screen."""
    image = widget.grab().toImage()
    # Inside the frame: a border drawn in the text colour must not pass for text.
    counts: Counter[int] = Counter(
        image.pixel(x, y) for x in range(inset, image.width() - inset, 2)
        for y in range(inset, image.height() - inset, 2))
    background = QColor(counts.most_common(1)[0][0])
    ratios = []
    for rgb, count in counts.most_common(40):
        if count < 3:
            break
        a, b = sorted((luminance(background), luminance(QColor(rgb))))
        ratios.append((b + 0.05) / (a + 0.05))
    return max(ratios)


@pytest.fixture
def high_contrast_and_large_font(qapp):  # type: ignore[no-untyped-def]
    from briefgen.ui.app import load_style_sheet

    palette, font = qapp.palette(), qapp.font()
    large = QFont(font)
    large.setPointSizeF(16)
    qapp.setPalette(high_contrast_palette())
    qapp.setFont(large)
    load_style_sheet(qapp)
    yield
    qapp.setPalette(palette)
    qapp.setFont(font)
    load_style_sheet(qapp)


def test_a_high_contrast_palette_and_a_larger_font_stay_readable_and_uncut(
    qtbot, make_window, high_contrast_and_large_font, screenshots
):
    window = make_window(nlp_factory=lambda: None)
    window.document.load(sample_brief(), None)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: "Norvalia" in window.preview.html, timeout=20_000)
    window.sources.list.setCurrentIndex(window.sources.model.index(0, 0))
    QApplication.processEvents()
    assert window.grab().save(str(screenshots / "30-high-contrast-large-font.png"))
    readable = {
        "sources list": window.sources.list, "source text": window.source_view.text,
        "subject": window.form.field_editors["subject"], "bottom line": window.form.summary,
        "key points": window.form.editor("key_points").view,
        "marking": window.form.field_editors["classification"],
        "add button": window.form.editor("key_points").add_button,
        "panel title": window.form.findChild(QLabel, "panelTitle"),
        "preview": window.preview.browser,
    }
    for name, widget in readable.items():
        assert ink_contrast(widget) >= 4.5, name
    # A tick box has no text: its outline is what must show (the whole box is measured).
    assert ink_contrast(window.form.field_editors["citations"], inset=0) >= 4.5
    for name, widget in readable.items():
        if widget is not window.preview.browser:
            assert widget.font().pointSizeF() >= 16, name
    cut = []
    for widget in window.findChildren(QPushButton) + window.findChildren(QLabel):
        if not widget.isVisibleTo(window) or widget.width() == 0:
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text()
                                           or widget.objectName() == "hint"):
            continue
        if widget.width() < widget.minimumSizeHint().width() - 1 \
                or widget.height() < widget.fontMetrics().height():
            cut.append(f"{type(widget).__name__} {widget.text()!r}")
    assert cut == [], cut
