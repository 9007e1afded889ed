"""The window's actions, menus and toolbar, with their keyboard shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

Shortcut = str | QKeySequence.StandardKey | None

# (key, menu, text, shortcut, in toolbar)
ACTIONS: tuple[tuple[str, str, str, Shortcut, bool], ...] = (
    ("new", "&File", "&New", QKeySequence.StandardKey.New, True),
    ("open", "&File", "&Open\u2026", QKeySequence.StandardKey.Open, True),
    ("save", "&File", "&Save", QKeySequence.StandardKey.Save, True),
    ("save_as", "&File", "Save &As\u2026", "Ctrl+Shift+S", False),
    ("export", "&File", "&Export memo\u2026", "Ctrl+E", True),
    ("copy_rich", "&File", "&Copy memo as rich text", "Ctrl+Shift+C", False),
    ("quit", "&File", "&Quit", QKeySequence.StandardKey.Quit, False),
    ("undo", "&Edit", "&Undo", QKeySequence.StandardKey.Undo, True),
    ("redo", "&Edit", "&Redo", QKeySequence.StandardKey.Redo, True),
    ("paste_article", "&Edit", "&Paste article", "Ctrl+Shift+V", False),
    ("add_url", "&Edit", "Add from &URL\u2026", "Ctrl+L", False),
    ("extract", "&Edit", "E&xtract again", "Ctrl+R", False),
    # No Esc shortcut: Esc must stay free to cancel an edit in a table cell.
    ("cancel", "&Edit", "&Cancel background task", None, False),
    ("templates", "&Brief", "&Templates\u2026", "Ctrl+T", True),
    ("settings", "&Brief", "&Settings\u2026", "Ctrl+,", False),
)


def build_menus(window: QMainWindow, slots: dict[str, Callable[[], object]]) -> dict[str, QAction]:
    """Create every action, put it in its menu (and the toolbar), and connect its slot."""
    actions: dict[str, QAction] = {}
    menus: dict[str, QMenu] = {}
    toolbar = QToolBar("Main", window)
    toolbar.setObjectName("mainToolbar")
    toolbar.setMovable(False)
    window.addToolBar(toolbar)
    for key, menu_name, text, shortcut, in_toolbar in ACTIONS:
        menu = menus.get(menu_name) or window.menuBar().addMenu(menu_name)
        menus[menu_name] = menu
        action = QAction(text, window)
        action.setObjectName(f"action_{key}")
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if key in slots:
            action.triggered.connect(slots[key])
        menu.addAction(action)
        if key == "open":
            recent = menu.addMenu("Open &Recent")
            recent.setObjectName("recentMenu")
            window.setProperty("recentMenu", recent)
        if key in ("export", "copy_rich", "redo"):
            menu.addSeparator()
        if in_toolbar:
            toolbar.addAction(action)
            if key in ("save", "export", "redo"):
                toolbar.addSeparator()
        actions[key] = action
    return actions


def fill_recent_menu(menu: QMenu, paths: list[str], open_path: Callable[[str], object]) -> None:
    """List the recent files, newest first, numbered for the keyboard."""
    menu.clear()
    for number, path in enumerate(paths, start=1):
        action = menu.addAction(f"&{number} {Path(path).name}")
        action.setToolTip(path)
        action.triggered.connect(lambda _=False, p=path: open_path(p))
    menu.setEnabled(bool(paths))
