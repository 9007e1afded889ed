"""Tests for briefgen/ui/menus.py: every action is in a menu, frequent ones have shortcuts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMainWindow, QMenu, QWidget

from briefgen.ui import dialogs
from briefgen.ui.menus import ACTIONS, build_menus, fill_recent_menu

from .conftest import answer


def test_frequent_actions_have_distinct_shortcuts_and_slots_are_connected(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    called: list[str] = []
    actions = build_menus(window, {"save": lambda: called.append("save")})
    assert set(actions) == {key for key, *_ in ACTIONS}
    shortcuts = [k.toString() for a in actions.values() for k in a.shortcuts()]
    assert len(shortcuts) == len(set(shortcuts))
    for key in ("new", "open", "save", "export", "undo", "redo", "paste_article", "templates"):
        assert not actions[key].shortcut().isEmpty(), key
    actions["save"].trigger()
    assert called == ["save"]


def test_the_recent_menu_is_numbered_and_opens_the_chosen_path(qtbot):
    menu = QMenu()
    opened: list[str] = []
    fill_recent_menu(menu, ["/b/one.brief", "/b/two.brief"], opened.append)
    assert [a.text() for a in menu.actions()] == ["&1 one.brief", "&2 two.brief"]
    menu.actions()[1].trigger()
    assert opened == ["/b/two.brief"]
    fill_recent_menu(menu, [], opened.append)
    assert not menu.isEnabled()


class ClaimsEmacsKeys(QObject):
    """Makes ``field`` claim Ctrl+A/B/D/E/F/H/K as its own, as Qt's line edit does on X11."""

    def __init__(self, field: QWidget) -> None:
        super().__init__(field)
        field.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) \
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier \
                and event.key() in (Qt.Key.Key_A, Qt.Key.Key_B, Qt.Key.Key_D, Qt.Key.Key_E,
                                    Qt.Key.Key_F, Qt.Key.Key_H, Qt.Key.Key_K):
            event.accept()
            return True
        return False


@pytest.mark.slow
def test_every_menu_shortcut_works_from_the_header_fields_and_the_bottom_line(
    qtbot, make_window, monkeypatch
):
    window = make_window(nlp_factory=lambda: None)
    window.switch_template("information-memo")
    qtbot.waitUntil(lambda: "subject" in window.form.field_editors, timeout=5000)
    window.activateWindow()
    qtbot.waitActive(window)
    asked = answer(monkeypatch, dialogs.SaveFileDialog, None)
    answer(monkeypatch, dialogs.ConfirmDialog, True)  # the empty required fields
    fields = [window.form.field_editors[name] for name in ("to", "from", "date", "subject")]
    # Under X11's key scheme Qt's text fields claim Ctrl+E ("end of line") and other
    # Emacs keys before any shortcut; the offscreen platform's scheme does not, so the
    # fields here claim them the same way.
    claims = [ClaimsEmacsKeys(field) for field in [*fields, window.form.summary]]
    for field in [*fields, window.form.summary]:
        field.setFocus()
        qtbot.waitUntil(field.hasFocus, timeout=2000)
        before = len(asked)
        qtbot.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        assert len(asked) == before + 1, f"Ctrl+E did nothing in {field.objectName()}"
        assert asked[-1][1] == "Export memo"
        qtbot.keyClick(field, Qt.Key.Key_S, Qt.KeyboardModifier.ShiftModifier
                       | Qt.KeyboardModifier.ControlModifier)
        assert asked[-1][1] == "Save brief"
    # Undo from a field is the whole form's undo: the typed subject goes away.
    subject = window.form.field_editors["subject"]
    subject.setFocus()
    qtbot.keyClicks(subject, "Talks")
    assert window.document.brief.fields["subject"] == "Talks"
    qtbot.keyClick(subject, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert not window.document.brief.fields.get("subject")
    assert isinstance(subject, QLineEdit)
    assert subject.text() == ""
    # A key no action uses still edits the field (Ctrl+A selects all of it).
    qtbot.keyClicks(subject, "Envoys")
    qtbot.keyClick(subject, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert subject.selectedText() == "Envoys"
    assert len(claims) == 5


def test_the_standard_keys_of_a_desktop_program_are_bound(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    actions = build_menus(window, {})
    expected = {
        "undo": ["Ctrl+Z"], "redo": ["Ctrl+Y", "Ctrl+Shift+Z"], "find": ["Ctrl+F"],
        "print": ["Ctrl+P"], "close": ["Ctrl+W"], "quit": ["Ctrl+Q"], "guide": ["F1"],
        "settings": ["Ctrl+,"],
    }
    for key, sequences in expected.items():
        assert actions[key].shortcuts() == [QKeySequence(s) for s in sequences], key
    for key, standard in (("cut", QKeySequence.StandardKey.Cut),
                          ("copy", QKeySequence.StandardKey.Copy),
                          ("paste", QKeySequence.StandardKey.Paste),
                          ("select_all", QKeySequence.StandardKey.SelectAll)):
        assert actions[key].shortcut() == QKeySequence(standard), key


def test_each_menu_has_its_items_and_no_two_share_an_underlined_letter(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    build_menus(window, {})
    menus = {m.title(): m for m in window.menuBar().findChildren(QMenu)
             if m.menuAction() in window.menuBar().actions()}
    assert list(menus) == ["&File", "&Edit", "&Brief", "&Help"]
    titles = [title.replace("&", "") for title in menus]
    assert mnemonic_letters(list(menus)) is not None
    names = {title: [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
             for title, menu in menus.items()}
    assert "Preferences\u2026" in names["&Edit"]
    assert not any("Preferences" in n or "Settings" in n for n in names["&Brief"])
    for wanted in ("Undo", "Redo", "Cut", "Copy", "Paste", "Select All", "Find\u2026"):
        assert wanted in names["&Edit"], wanted
    for wanted in ("Print memo\u2026", "Close window", "Quit"):
        assert wanted in names["&File"], wanted
    assert names["&Help"] == ["User guide", "About briefgen"]
    for title, menu in menus.items():
        texts = [a.text() for a in menu.actions() if not a.isSeparator()]
        assert all("&" in text for text in texts), f"an item of {title} has no letter"
        assert mnemonic_letters(texts) is not None, f"two items of {title} share a letter"
    assert titles == ["File", "Edit", "Brief", "Help"]


def mnemonic_letters(texts: list[str]) -> list[str] | None:
    """The underlined letter of each text, or None when two share one."""
    letters = [text[text.index("&") + 1].lower() for text in texts]
    return letters if len(letters) == len(set(letters)) else None
