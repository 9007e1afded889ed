"""The window's actions, menus and toolbar, with their keyboard shortcuts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QMainWindow,
    QMenu,
    QToolBar,
    QWidget,
)

Shortcut = str | QKeySequence.StandardKey | tuple[str, ...] | None

# (key, menu, text, shortcut, in toolbar). Each menu's underlined letters are distinct
# (tests/ui/test_menus.py checks it); the File menu leaves "B", "F", "D" and "I" free for
# items other work adds. Redo answers to Ctrl+Y and Ctrl+Shift+Z on every platform.
ACTIONS: tuple[tuple[str, str, str, Shortcut, bool], ...] = (
    ("new", "&File", "&New", QKeySequence.StandardKey.New, True),
    ("open", "&File", "&Open\u2026", QKeySequence.StandardKey.Open, True),
    ("save", "&File", "&Save", QKeySequence.StandardKey.Save, True),
    ("save_as", "&File", "Save &As\u2026", "Ctrl+Shift+S", False),
    ("new_template", "&File", "New template from &Word document\u2026", None, False),
    ("export", "&File", "&Export memo\u2026", "Ctrl+E", True),
    ("copy_rich", "&File", "Cop&y memo as rich text", "Ctrl+Shift+C", False),
    ("print", "&File", "&Print memo\u2026", "Ctrl+P", False),
    ("print_preview", "&File", "Print pre&view\u2026", "Ctrl+Shift+P", False),
    ("close", "&File", "&Close window", "Ctrl+W", False),
    ("quit", "&File", "&Quit", "Ctrl+Q", False),
    ("undo", "&Edit", "&Undo", "Ctrl+Z", True),
    ("redo", "&Edit", "&Redo", ("Ctrl+Y", "Ctrl+Shift+Z"), True),
    ("cut", "&Edit", "Cu&t", QKeySequence.StandardKey.Cut, False),
    ("copy", "&Edit", "&Copy", QKeySequence.StandardKey.Copy, False),
    ("paste", "&Edit", "&Paste", QKeySequence.StandardKey.Paste, False),
    ("select_all", "&Edit", "Select &All", QKeySequence.StandardKey.SelectAll, False),
    ("find", "&Edit", "&Find\u2026", "Ctrl+F", False),
    ("settings", "&Edit", "Pr&eferences\u2026", "Ctrl+,", False),
    ("paste_article", "&Brief", "Paste &article", "Ctrl+Shift+V", False),
    ("add_url", "&Brief", "Add from &URL\u2026", "Ctrl+L", False),
    ("extract", "&Brief", "E&xtract again", "Ctrl+R", False),
    # No Esc shortcut: Esc must stay free to cancel an edit in a table cell.
    ("cancel", "&Brief", "&Cancel background task", None, False),
    ("templates", "&Brief", "&Templates\u2026", "Ctrl+T", True),
    ("guide", "&Help", "&User guide", "F1", False),
    ("about", "&Help", "&About briefgen", None, False),
)
# A separator follows these items (in the menu; in the toolbar after the first three).
SEPARATED_AFTER = frozenset({"new_template", "print_preview", "redo", "select_all", "find",
                             "cancel"})
TOOLBAR_SEPARATED_AFTER = frozenset({"save", "export", "redo"})


def key_sequences(shortcut: Shortcut) -> list[QKeySequence]:
    """The key sequences of one entry of ACTIONS (none, one, or several)."""
    if shortcut is None:
        return []
    if isinstance(shortcut, tuple):
        return [QKeySequence(keys) for keys in shortcut]
    return [QKeySequence(shortcut)]


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
        menu.setObjectName(f"menu_{menu_name.replace('&', '').lower()}")
        menus[menu_name] = menu
        action = QAction(text, window)
        action.setObjectName(f"action_{key}")
        action.setShortcuts(key_sequences(shortcut))
        if key in slots:
            action.triggered.connect(slots[key])
        menu.addAction(action)
        if key == "open":
            recent = menu.addMenu("Open &Recent")
            recent.setObjectName("recentMenu")
            window.setProperty("recentMenu", recent)
        if key in SEPARATED_AFTER:
            menu.addSeparator()
        if in_toolbar:
            toolbar.addAction(action)
            if key in TOOLBAR_SEPARATED_AFTER:
                toolbar.addSeparator()
        actions[key] = action
    return actions


class MenuKeysFirst(QObject):
    """Lets the window's menu shortcuts win over a text field's own keys (Ctrl+E is "end of
    line" in a Qt line edit on Linux, so Export did nothing from To, From or Subject).

    It watches only the widget that has the keyboard focus (Qt sends the override there),
    following the focus, rather than every event of the application; it leaves the inline
    editors of the lists' tables alone (they own their keys while open). A key it takes
    away from a field still reaches the field if no action matches it.
    """

    def __init__(self, window: QMainWindow, actions: list[QAction]) -> None:
        super().__init__(window)
        self.window = window
        self.actions = actions

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(watched, QWidget):
            return False  # the only event it looks at
        if watched.window() is not self.window or _in_item_view(watched):
            return False
        assert isinstance(event, QKeyEvent)
        pressed = QKeySequence(event.keyCombination())
        for action in self.actions:
            if action.isEnabled() and any(
                key.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch
                for key in action.shortcuts()
            ):
                event.ignore()
                return True  # not overridden: the shortcut map delivers it to the action
        return False

    def follow_focus(self, old: QWidget | None, new: QWidget | None) -> None:
        """Watch the newly focused widget of the window instead of the previous one."""
        if old is not None:
            old.removeEventFilter(self)
        if new is not None and new.window() is self.window:
            new.installEventFilter(self)


def _in_item_view(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractItemView):
            return True
        parent = parent.parentWidget()
    return False


def give_menu_keys_priority(window: QMainWindow, actions: list[QAction]) -> MenuKeysFirst:
    """Install MenuKeysFirst for ``window``'s ``actions`` (it goes with the window)."""
    keys_first = MenuKeysFirst(window, actions)
    app = QApplication.instance()
    if isinstance(app, QApplication):
        app.focusChanged.connect(keys_first.follow_focus)
        keys_first.follow_focus(None, app.focusWidget())
    return keys_first


def fill_recent_menu(menu: QMenu, paths: list[str], open_path: Callable[[str], object]) -> None:
    """List the recent files, newest first, numbered for the keyboard."""
    menu.clear()
    for number, path in enumerate(paths, start=1):
        action = menu.addAction(f"&{number} {Path(path).name}")
        action.setToolTip(path)
        action.triggered.connect(lambda _=False, p=path: open_path(p))
    menu.setEnabled(bool(paths))


def install_batch_action(window: QMainWindow, dialog: Callable[[], QDialog]) -> QAction:
    """Put File > "Brief a folder..." just before Quit (or at the end of the File menu);
    ``dialog`` makes the dialog it opens."""
    action = QAction("Brief a &folder\u2026", window)
    action.setObjectName("action_batch")
    opened: list[QDialog] = []

    def show() -> None:
        if opened and opened[0].isVisible():
            opened[0].raise_()
            return
        opened[:] = [dialog()]
        opened[0].show()

    action.triggered.connect(show)
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        if not isinstance(menu, QMenu) or menu_action.text().replace("&", "") != "File":
            continue
        quit_action = next((a for a in menu.actions() if a.objectName() == "action_quit"), None)
        if quit_action is not None:
            menu.insertAction(quit_action, action)
        else:
            menu.addAction(action)
        break
    return action
