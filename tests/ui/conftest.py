"""Fixtures for the desktop app: a real main window with private settings and state folders."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from briefgen.ui import (
    dialogs,
    docx_import_dialog,
    help_window,
    printing,
    settings_dialog,
    template_dialog,
)
from briefgen.ui.main_window import MainWindow

DIALOGS = [
    dialogs.ConfirmDialog, dialogs.UnsavedChangesDialog, dialogs.RecoverDialog,
    dialogs.ChangedOnDiskDialog,
    dialogs.OpenFilesDialog, dialogs.SaveFileDialog, dialogs.TextDialog,
    settings_dialog.SettingsDialog, template_dialog.TemplateManagerDialog,
    help_window.AboutDialog, printing.PrintDialog, settings_dialog.FolderDialog,
    docx_import_dialog.SlotMappingDialog,
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """The offscreen platform warns that it cannot size windows; that is not a failure."""
    for item in items:
        if "tests/ui/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.qt_log_ignore("propagateSizeHints"))


@pytest.fixture(autouse=True)
def house_style(qapp) -> None:  # type: ignore[no-untyped-def]
    """Widgets in tests (and their screenshots) wear the app's style sheet."""
    from briefgen.ui.app import load_style_sheet

    load_style_sheet(qapp)


@pytest.fixture(autouse=True)
def no_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A test never blocks on a dialog: an unexpected one fails the test at once."""
    for cls in DIALOGS:
        def refuse(*_args: object, _name: str = cls.__name__, **_kwargs: object) -> object:
            raise AssertionError(f"{_name} opened during a test that did not expect it")

        monkeypatch.setattr(cls, "ask", classmethod(refuse))


def answer(monkeypatch: pytest.MonkeyPatch, cls: type, value: object) -> list[tuple]:
    """Make ``cls.ask`` return ``value``; returns the list of the calls' arguments."""
    calls: list[tuple] = []

    def ask(_cls: type, *args: object, **_kwargs: object) -> object:
        calls.append(args)
        return value

    monkeypatch.setattr(cls, "ask", classmethod(ask))
    return calls


@pytest.fixture
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where screenshots go: $BRIEFGEN_SCREENSHOTS if set, else a pytest temporary folder."""
    folder = os.environ.get("BRIEFGEN_SCREENSHOTS")
    path = Path(folder) if folder else tmp_path_factory.mktemp("screenshots")
    path.mkdir(parents=True, exist_ok=True)
    return path


@pytest.fixture
def make_window(qtbot, qapp, tmp_path, nlp, monkeypatch) -> Iterator[Callable[..., MainWindow]]:  # type: ignore[no-untyped-def]
    """Build, show and start real main windows sharing one settings file and state folder."""
    from briefgen.render import TemplateLibrary
    from briefgen.ui.app import create_window, load_style_sheet, start_background_work

    load_style_sheet(qapp)
    windows: list[MainWindow] = []

    def make(
        *, start: bool = True, nlp_factory: Callable[[], object] | None = None,
        size: tuple[int, int] | None = (1440, 900),
    ) -> MainWindow:
        """``nlp_factory`` replaces the session's model (then loading is not awaited);
        ``size`` None keeps the size the window chose for its screen."""
        store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = create_window(
            settings_store=store, state_dir=tmp_path / "state",
            nlp_factory=nlp_factory or (lambda: nlp),
            library_factory=lambda: TemplateLibrary(user_dir=tmp_path / "user-templates"),
        )
        if size is not None:
            window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        if start:
            start_background_work(window)
            qtbot.waitUntil(lambda: window.templates.is_loaded(), timeout=30_000)
            if nlp_factory is None:
                qtbot.waitUntil(lambda: window.extraction.nlp.loaded(), timeout=60_000)
        return window

    yield make
    answer(monkeypatch, dialogs.UnsavedChangesDialog, "discard")
    for window in windows:
        window.close()
        window.runner.wait(10_000)
        window.deleteLater()


@pytest.fixture(autouse=True)
def empty_clipboard_afterwards(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    """Leave the clipboard empty after each test.

    On Qt's offscreen platform (PySide6 6.12), a QMimeData left on the clipboard makes the
    process crash when the application is torn down at exit (checked with a ten-line
    script: exit status 139 offscreen, 0 under a real X server). "Copy as rich text" puts
    one there, so without this the whole test run would end in a segmentation fault.
    """
    yield
    qapp.clipboard().clear()
