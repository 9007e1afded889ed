"""Tests for briefgen/ui/list_selector.py: every list is in reach, at a glance and by keyboard."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QToolButton

from briefgen.model import (
    Brief,
    DateMention,
    KeyPoint,
    NextStep,
    NotDiscussed,
    Organization,
    Outcome,
    Person,
    Place,
    Quote,
    Topic,
)
from briefgen.ui.delegates import CellTextEdit
from briefgen.ui.list_editor import ListEditor
from briefgen.ui.list_selector import ListSelector
from briefgen.ui.main_window import MainWindow

TITLES = ["Key points (6)", "People (6)", "Quotes (8)", "Next steps (6)", "Dates (7)",
          "Topics (4)", "Organisations (3)", "Places (2)", "Outcomes (2)", "Not discussed (2)"]


def full_brief() -> Brief:
    """A brief with something in each of the ten lists."""
    return Brief(
        key_points=[KeyPoint(f"Point {i}: the envoys agreed on a further round of talks in the "
                             "spring, subject to a report by the consular working group.")
                    for i in range(6)],
        people=[Person(f"Envoy {i}", role="Ambassador") for i in range(6)],
        quotes=[Quote(f"We made progress on item {i}.", speaker="Envoy") for i in range(8)],
        next_steps=[NextStep(f"Follow up on item {i}") for i in range(6)],
        dates=[DateMention(f"March {i + 1}") for i in range(7)],
        topics=[Topic(f"topic {i}") for i in range(4)],
        organizations=[Organization(f"Ministry {i}") for i in range(3)],
        places=[Place("Geneva"), Place("Lausanne")],
        outcomes=[Outcome("The envoys agreed to a further round."),
                  Outcome("The visa sections reopen.")],
        not_discussed=[NotDiscussed("the boundary dispute"), NotDiscussed("fishing quotas")],
    )


def selector_of(qtbot, titles: list[str], width: int) -> ListSelector:  # type: ignore[no-untyped-def]
    selector = ListSelector()
    qtbot.addWidget(selector)
    for title in titles:
        selector.add(title, title)
    selector.resize(width, selector.heightForWidth(width))
    selector.show()
    qtbot.waitExposed(selector)
    return selector


def all_shown(selector: ListSelector) -> bool:
    """True when every choice is visible and wholly inside the selector."""
    area = selector.rect()
    return all(b.isVisible() and area.contains(b.geometry()) for b in selector.buttons)


def test_choices_wrap_onto_more_rows_when_narrow_and_all_stay_inside(qtbot):
    wide = selector_of(qtbot, TITLES, 1400)
    assert wide.row_count() == 1
    assert all_shown(wide)
    narrow = selector_of(qtbot, TITLES, 380)
    assert narrow.row_count() >= 2
    assert narrow.height() > wide.height()
    assert all_shown(narrow)


def test_arrows_home_and_end_move_the_choice_and_emit_it(qtbot):
    selector = selector_of(qtbot, TITLES, 600)
    selector.setFocus()
    qtbot.waitUntil(selector.hasFocus, timeout=2000)
    with qtbot.waitSignal(selector.current_changed) as picked:
        qtbot.keyClick(selector, Qt.Key.Key_Right)
    assert picked.args == [1]
    assert selector.buttons[1].isChecked()
    assert selector.buttons[1].property("focusRing") is True
    qtbot.keyClick(selector, Qt.Key.Key_End)
    assert selector.current() == len(TITLES) - 1
    qtbot.keyClick(selector, Qt.Key.Key_Left)
    assert selector.current() == len(TITLES) - 2
    qtbot.keyClick(selector, Qt.Key.Key_Home)
    assert selector.current() == 0
    selector.step(-1)
    assert selector.current() == len(TITLES) - 1


def test_clicking_a_choice_picks_it(qtbot):
    selector = selector_of(qtbot, TITLES, 600)
    with qtbot.waitSignal(selector.current_changed) as picked:
        qtbot.mouseClick(selector.buttons[5], Qt.MouseButton.LeftButton)
    assert picked.args == [5]
    assert [b.isChecked() for b in selector.buttons].count(True) == 1


def load_full(qtbot, make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    window = make_window()
    window.document.load(full_brief(), None)
    qtbot.waitUntil(lambda: window.form.selector.text(0) == "Key points (6)", timeout=5000)
    return window


def test_all_ten_lists_and_counts_show_at_1440_and_at_1100_pixels(
    qtbot, make_window, screenshots: Path
):
    window = load_full(qtbot, make_window)
    selector = window.form.selector
    for width, height in ((1440, 900), (1100, 760)):
        window.resize(width, height)
        qtbot.waitUntil(lambda w=width: window.width() == w, timeout=2000)
        QGuiApplication.processEvents()
        assert window.grab().save(str(screenshots / f"10-lists-{width}.png"))
        assert sorted(selector.text(i) for i in range(selector.count())) == sorted(TITLES)
        assert all_shown(selector), width
        # Full or short, each button keeps its count.
        shown = [selector.shown_text(i) for i in range(selector.count())]
        assert sorted(t[t.index("("):] for t in shown) == sorted(t[t.index("("):] for t in TITLES)
        # Full labels where they fit in two rows, else the short ones everywhere.
        full = [selector.text(i) for i in range(selector.count())]
        assert selector.compact or shown == full, width
        # two rows at 1440; at 1100 the ninth list (not discussed) may wrap onto a third
        assert selector.row_count() <= (2 if width >= 1440 else 3), width
        # The list below still has room for several rows.
        assert window.form.tabs.height() > 200, width


def test_ctrl_page_down_and_up_step_through_the_lists_from_a_table(qtbot, make_window):
    window = load_full(qtbot, make_window)
    form = window.form
    first = form.editor("key_points")
    first.view.setFocus()
    qtbot.waitUntil(first.view.hasFocus, timeout=2000)
    qtbot.keyClick(first.view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert form.tabs.currentIndex() == 1
    assert form.selector.current() == 1
    focused = QApplication.focusWidget()
    qtbot.keyClick(focused, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(focused, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert form.selector.current() == form.selector.count() - 1
    assert form.tabs.currentWidget() is form.editors[list(form.editors)[-1]]


def test_a_long_key_point_is_edited_in_a_box_that_shows_it_whole(
    qtbot, make_window, screenshots: Path
):
    window = load_full(qtbot, make_window)
    points = window.form.editor("key_points")
    points.view.setFocus()
    points.view.setCurrentIndex(points.model.index(1, 1))
    qtbot.keyClick(points.view, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), CellTextEdit), timeout=2000)
    box = QApplication.focusWidget()
    assert isinstance(box, CellTextEdit)
    assert box.verticalScrollBar().maximum() == 0
    assert box.width() == points.view.visualRect(points.model.index(1, 1)).width()
    assert window.grab().save(str(screenshots / "11-editing-a-key-point.png"))
    qtbot.keyClick(box, Qt.Key.Key_Escape)


def test_after_a_template_switch_the_choices_neither_overlap_nor_leave_ghosts(
    qtbot, make_window, screenshots: Path
):
    window = load_full(qtbot, make_window)
    window.switch_template("meeting-readout")
    selector = window.form.selector
    qtbot.waitUntil(lambda: selector.text(0) == "People (6)", timeout=5000)
    QGuiApplication.processEvents()
    shown = [b for b in selector.findChildren(QToolButton) if b.isVisible()]
    assert sorted(shown, key=id) == sorted(selector.buttons, key=id)
    boxes = [b.geometry() for b in selector.buttons]
    assert not any(a.intersects(b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
    assert all_shown(selector)
    pages = [p for p in window.form.tabs.findChildren(ListEditor) if p.isVisible()]
    # The user was on the key points: they stay there, now the third choice.
    assert pages == [window.form.editor("key_points")]
    assert selector.current() == list(window.form.editors).index("key_points")
    assert window.grab().save(str(screenshots / "12-lists-after-template-switch.png"))


def test_switching_template_keeps_the_user_on_the_list_they_were_on(qtbot, make_window):
    window = load_full(qtbot, make_window)
    form = window.form
    form.selector.set_current(list(form.editors).index("people"))
    assert form.current_list() == "people"
    for template in ("meeting-readout", "media-digest", "decision-memo", "information-memo"):
        window.switch_template(template)
        qtbot.waitUntil(lambda t=template: window.rendering.template is not None
                        and window.rendering.template.id == t, timeout=5000)
        assert form.current_list() == "people", template
        assert form.tabs.currentWidget() is form.editor("people")
        assert form.selector.current() == list(form.editors).index("people")
