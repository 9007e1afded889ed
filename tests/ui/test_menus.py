"""Tests for briefgen/ui/menus.py: every action is in a menu, frequent ones have shortcuts."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QMenu

from briefgen.ui.menus import ACTIONS, build_menus, fill_recent_menu


def test_frequent_actions_have_distinct_shortcuts_and_slots_are_connected(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    called: list[str] = []
    actions = build_menus(window, {"save": lambda: called.append("save")})
    assert set(actions) == {key for key, *_ in ACTIONS}
    shortcuts = [a.shortcut().toString() for a in actions.values() if not a.shortcut().isEmpty()]
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
