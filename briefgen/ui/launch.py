"""Start-up: the window's frame is on screen before the app's own modules load.

Importing the window (its panes, models, dialogs and services) and building it takes
several times as long as Qt needs to show a bare window. So ``run_gui`` first shows a
light frame where the window will be (its saved place, or the first-start size), with
the app's title and "Starting briefgen..."; once that is painted it builds the real
window, shows it in the same place and closes the frame, and only after the window's
own first paint does the heavy work start (templates, the language model). This module
imports nothing but Qt and ``briefgen.resources``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

from briefgen.resources import resources_dir

if TYPE_CHECKING:
    from briefgen.ui.main_window import MainWindow

APP_NAME = "briefgen"
BRIEF_SUFFIX = ".brief"  # briefgen.model.BRIEF_SUFFIX, without importing the model
# The first-start size of the window (MainWindow._fit_to_screen): at most this, at most
# nine tenths of the screen, centred.
FIRST_SIZE = (1440, 900)
MINIMUM_SIZE = (1000, 600)  # briefgen.ui.main_window.MINIMUM_SIZE (test_launch compares)
STARTING = "Starting briefgen\u2026"


def load_style_sheet(app: QApplication) -> None:
    """Apply resources/style.qss and the window icon (silently skipped when absent).

    ``@ICONS@`` in the style sheet stands for the icons folder, wherever it is installed.
    """
    icons = resources_dir() / "icons"
    style = resources_dir() / "style.qss"
    if style.is_file():
        sheet = style.read_text(encoding="utf-8")
        app.setStyleSheet(sheet.replace("@ICONS@", icons.as_posix()))
    icon = icons / "briefgen.svg"
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))


class StartupFrame(QMainWindow):
    """The window's place on screen while the window is built; ``painted`` once drawn.

    ``store`` is the settings store the window will read: the frame takes the window's
    saved geometry from it (the "window_state" setting), so that the window appears
    exactly where the frame was.
    """

    painted = Signal()

    def __init__(self, store: QSettings | None = None) -> None:
        super().__init__()
        self.setObjectName("startupFrame")
        self.setWindowTitle(APP_NAME)
        label = QLabel(STARTING, self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setAccessibleName(STARTING)
        self.setCentralWidget(label)
        self._painted = False
        label.installEventFilter(self)
        self.restored = self._place(store)

    def _place(self, store: QSettings | None) -> bool:
        """Where the window was last time (True), else the first-start place (False)."""
        saved = str(store.value("window_state", "") or "") if store is not None else ""
        parts = saved.split(",")
        if len(parts) == 3 and self.restoreGeometry(QByteArray.fromBase64(parts[0].encode())):
            return True
        screen = QGuiApplication.primaryScreen()
        width, height = FIRST_SIZE
        if screen is None:
            self.resize(width, height)
            return False
        area = screen.availableGeometry()
        minimum = (min(MINIMUM_SIZE[0], area.width()), min(MINIMUM_SIZE[1], area.height()))
        self.setMinimumSize(*minimum)
        width = max(minimum[0], min(width, int(area.width() * 0.9)))
        height = max(minimum[1], min(height, int(area.height() * 0.9)))
        self.resize(width, height)
        self.move(max(area.left(), area.center().x() - width // 2),
                  max(area.top(), area.center().y() - height // 2))
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            self.painted.emit()
        return super().eventFilter(watched, event)


def start(
    app: QApplication, path: str | None = None, *, sample: bool = False,
    make_window: Callable[[], MainWindow] | None = None, store: QSettings | None = None,
    on_window: Callable[[MainWindow], None] | None = None,
) -> StartupFrame:
    """Show the frame now; after its first paint build the window with ``make_window``
    (``None``: the real services, see app.create_window), show it, close the frame, and
    after the window's first paint start the background work (open ``path``, or the
    sample). ``on_window`` is told the window once it is shown."""
    load_style_sheet(app)
    frame = StartupFrame(store if store is not None else QSettings(APP_NAME, APP_NAME))

    def build() -> None:
        from briefgen.ui.app import create_window, start_background_work

        window = make_window() if make_window is not None else create_window()
        if not frame.restored:
            window.setGeometry(frame.geometry())  # exactly where the frame is
        opened = path
        window.first_painted.connect(
            lambda: QTimer.singleShot(0, lambda: start_background_work(window, opened, sample)))
        window.first_painted.connect(frame.close)
        window.show()
        if opened and not opened.lower().endswith(BRIEF_SUFFIX):
            from pathlib import Path

            if not Path(opened).exists():
                window.messages.show_error(f"Cannot open {opened}: the file does not exist.")
                opened = None
        if on_window is not None:
            on_window(window)

    frame.painted.connect(lambda: QTimer.singleShot(0, build))
    frame.show()
    return frame


def run_gui(path: str | None = None, *, sample: bool = False) -> int:
    """Open the desktop app (optionally with a .brief or an article, or the sample)."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName("briefgen")
    frame = start(app, path, sample=sample)
    code = app.exec()
    del frame
    return code
