"""The main window on one laptop screen: run by test_screen_sizes.py in a child pytest whose
offscreen platform has a single screen of BRIEFGEN_TEST_SCREEN (e.g. ``1366x768``).

Not collected on its own (its name is not test_*): the parent sets the screen up first.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt, QThread
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from briefgen.ui import dialogs
from briefgen.ui.list_editor import ListEditor
from briefgen.ui.main_window import MINIMUM_SIZE, MainWindow

from .conftest import answer

SCREEN = os.environ.get("BRIEFGEN_TEST_SCREEN", "")
EXTRACTION_TIMEOUT = 120_000
BUILTIN = ("information-memo", "meeting-readout", "decision-memo", "media-digest")

pytestmark = pytest.mark.skipif(not SCREEN, reason="run by test_screen_sizes.py")


def screen_area() -> QRect:
    screen = QGuiApplication.primaryScreen()
    assert screen is not None
    return screen.availableGeometry()


def settle(window: MainWindow) -> None:
    for _ in range(300):
        QGuiApplication.processEvents()
        if window.runner.active() == 0 and not window.tasks.isVisible():
            break
        QThread.msleep(10)
    QGuiApplication.processEvents()


def on_screen(window: MainWindow, widget: QWidget) -> bool:
    """Whether ``widget`` lies wholly inside the window and the window inside the screen."""
    top_left = widget.mapToGlobal(widget.rect().topLeft())
    box = QRect(top_left, widget.size())
    return screen_area().contains(box) and window.geometry().contains(box)


def check_fits(window: MainWindow, state: str, folder: Path) -> None:
    """Everything that must hold in every state, and the state's screenshot."""
    settle(window)
    area = screen_area()
    assert area.contains(window.frameGeometry()), (state, window.frameGeometry(), area)
    for name, widget in (("status bar", window.statusBar()), ("preview", window.preview),
                         ("form", window.form_scroll), ("sources", window.sources)):
        assert on_screen(window, widget), (state, name)
    # The preview is a real reading width, not a letter per line; the form never scrolls
    # sideways; the current list shows a few rows.
    assert window.preview.browser.width() >= 280, state
    assert window.form_scroll.horizontalScrollBar().maximum() == 0, state
    assert window.form.tabs.currentWidget().height() >= 100, state
    assert window.grab().save(str(folder / f"20-{SCREEN}-{state}.png"))


def extract_sample(qtbot, window: MainWindow, sample: Path) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.extraction.extracted, timeout=EXTRACTION_TIMEOUT):
        window.extraction.add_files([str(sample)])
    qtbot.waitUntil(lambda: bool(window.preview.html), timeout=10_000)


def test_every_state_of_the_window_fits_the_screen(
    qtbot, make_window, screenshots, sample_article_path, tmp_path, monkeypatch,
):
    window = make_window(size=None)
    width, height = (int(n) for n in SCREEN.split("x"))
    assert (screen_area().width(), screen_area().height()) == (width, height)
    minimum = window.minimumSize()
    assert minimum.width() <= MINIMUM_SIZE[0]
    assert minimum.height() <= MINIMUM_SIZE[1]
    assert window.minimumSizeHint().width() <= MINIMUM_SIZE[0]
    assert window.minimumSizeHint().height() <= MINIMUM_SIZE[1]
    first_size = window.size()
    check_fits(window, "01-empty", screenshots)

    extract_sample(qtbot, window, sample_article_path)
    check_fits(window, "02-sample-extracted", screenshots)
    assert window.size() == first_size, "the window resized itself"
    # The first edit (its list's note becomes "Italics: edited by you...") moves no pane.
    panes = window.panes.sizes()
    buttons = window.form.editor("key_points").add_button.geometry()
    window.document.set_value(("key_points", 0, "text"), "The envoys agreed to meet again.")
    settle(window)
    assert window.panes.sizes() == panes
    points = window.form.editor("key_points")
    assert points.add_button.geometry() == buttons
    # ... and the note shows, left of the buttons (cut on a narrow pane, whole in its tip).
    assert points.empty_label.text().startswith("Italics: edited by you")
    assert points.empty_label.width() > 50
    assert points.empty_label.toolTip() == points.empty_label.text()

    for number, template in enumerate(BUILTIN, start=3):
        window.switch_template(template)
        qtbot.waitUntil(lambda t=template: window.rendering.template is not None
                        and window.rendering.template.id == t, timeout=10_000)
        check_fits(window, f"{number:02d}-{template}", screenshots)
        assert window.size() == first_size, template

    window.messages.show_error(
        "Cannot read /home/staffer/Documents/Briefings/2026/November/talks-in-geneva-final.docx: "
        "the file is not a Word document (it may be damaged, or another program may still be "
        "writing it); save it again from Word and add it once more.")
    check_fits(window, "07-error-bar", screenshots)
    assert window.size() == first_size, "the error bar grew the window"
    window.messages.dismiss()
    check_fits(window, "08-error-dismissed", screenshots)
    assert window.size() == first_size

    brief_path = tmp_path / "talks.brief"
    answer(monkeypatch, dialogs.SaveFileDialog, str(brief_path))
    window.files.save_as()
    qtbot.waitUntil(brief_path.exists, timeout=10_000)
    window.files.open_brief(str(brief_path))
    qtbot.waitUntil(lambda: window.document.path == str(brief_path), timeout=10_000)
    check_fits(window, "09-brief-opened", screenshots)
    assert window.size() == first_size


def test_at_its_minimum_size_the_panes_stay_usable_and_the_form_scrolls(
    qtbot, make_window, screenshots, sample_article_path,
):
    window = make_window(size=None)
    extract_sample(qtbot, window, sample_article_path)
    window.switch_template("meeting-readout")
    window.resize(window.minimumSize())
    qtbot.waitUntil(lambda: window.size() == window.minimumSize(), timeout=5000)
    check_fits(window, "10-minimum-size", screenshots)
    left, form, preview = window.panes.sizes()
    assert left >= 200, window.panes.sizes()
    assert form >= 360, window.panes.sizes()
    assert preview >= 280, window.panes.sizes()
    # Everything in the form can be reached: scroll to the shown list's last button.
    editor = window.form.tabs.currentWidget()
    assert isinstance(editor, ListEditor)
    button = editor.down_button
    window.form_scroll.ensureWidgetVisible(button)
    QGuiApplication.processEvents()
    assert not button.visibleRegion().isEmpty()


def test_a_layout_saved_on_a_bigger_screen_is_brought_inside_this_one(qtbot, make_window):
    first = make_window(size=None, start=False)
    first.setMinimumSize(0, 0)
    first.setGeometry(QRect(300, 200, 1900, 1150))
    first._save_layout()
    again = make_window(size=None, start=False)
    assert screen_area().contains(again.frameGeometry()), again.frameGeometry()
    assert again.width() <= screen_area().width()


def test_the_preview_takes_the_keyboard_focus_and_scrolls_with_it(
    qtbot, make_window, sample_article_path,
):
    window = make_window(size=None)
    extract_sample(qtbot, window, sample_article_path)
    browser = window.preview.browser
    qtbot.waitUntil(lambda: browser.verticalScrollBar().maximum() > 0, timeout=10_000)
    # Tab from the form reaches the preview.
    window.form.summary.setFocus()
    qtbot.waitUntil(window.form.summary.hasFocus, timeout=2000)
    for _ in range(60):
        if browser.hasFocus():
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is browser
    qtbot.keyClick(browser, Qt.Key.Key_PageDown)
    assert browser.verticalScrollBar().value() > 0
    qtbot.keyClick(browser, Qt.Key.Key_PageUp)
    assert browser.verticalScrollBar().value() == 0
    qtbot.keyClick(browser, Qt.Key.Key_Down)
    assert browser.verticalScrollBar().value() > 0
    # A click on the page gives it the focus too, a new render keeps it.
    window.form.summary.setFocus()
    qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton)
    assert browser.hasFocus()
    window.document.set_value(("fields", "subject"), "Talks resume")
    qtbot.waitUntil(lambda: "Talks resume" in window.preview.html, timeout=10_000)
    assert browser.hasFocus()
