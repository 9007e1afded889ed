"""The composition root: builds the services and the main window, and runs the app."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from briefgen.model import BRIEF_SUFFIX
from briefgen.resources import resources_dir, sample_article_path
from briefgen.ui.autosave import AutosaveStore
from briefgen.ui.document import BriefDocument
from briefgen.ui.extraction import ExtractionController, NlpFactory
from briefgen.ui.files import FileController
from briefgen.ui.main_window import MainWindow
from briefgen.ui.rendering import RenderService
from briefgen.ui.settings import Settings
from briefgen.ui.templates import LibraryFactory, TemplateService
from briefgen.ui.worker import WorkRunner

APP_NAME = "briefgen"


def create_window(
    *, settings_store: QSettings | None = None, state_dir: Path | None = None,
    nlp_factory: NlpFactory | None = None, library_factory: LibraryFactory | None = None,
) -> MainWindow:
    """Wire the document, workers, services and window (nothing heavy happens here).

    ``None`` arguments mean the real ones: the user's QSettings, the platformdirs state
    folder, the installed spaCy model and the default template library.
    """
    if state_dir is None:
        from platformdirs import user_state_dir

        state_dir = Path(user_state_dir(APP_NAME))
    runner = WorkRunner()
    document = BriefDocument()
    settings = Settings(settings_store or QSettings(APP_NAME, APP_NAME))
    templates = TemplateService(runner, library_factory,
                                office_dir=lambda: settings.get("office_templates"))
    extraction = ExtractionController(document, runner, nlp_factory)
    rendering = RenderService(runner, templates, date_format=settings.get("date_format"))
    files = FileController(None, document, runner, settings, rendering, AutosaveStore(state_dir))
    # The services have no Qt parent: the window's Python object keeps them alive, so
    # none of them is destroyed (and emits) while the window's C++ side is torn down.
    window = MainWindow(document, runner, settings, templates, extraction, files, rendering)
    # The one route from a failed background job to the window: one sentence in the bar.
    runner.failed.connect(window.messages.show_error)
    return window


def start_background_work(
    window: MainWindow, path: str | None = None, sample: bool = False
) -> None:
    """After the first paint: read templates, load the model, offer recovery, open input.

    A saved brief is shown whole at once: the templates are read first, then the brief
    opens with its form, and only then does the language model load (showing a saved brief
    does not need it, and loading it alongside slowed the templates down by seconds).
    """
    if path and path.lower().endswith(BRIEF_SUFFIX) and not window.templates.is_loaded():
        pending = [path]

        def open_when_templates_are_read() -> None:
            if not pending:
                return
            brief_path = pending.pop()
            if not window.files.offer_recovery():
                window.files.open_paths([brief_path])
            window.extraction.load_model()

        window.templates.changed.connect(open_when_templates_are_read)
        window.templates.load()
        return
    window.templates.load()
    window.extraction.load_model()
    recovered = window.files.offer_recovery()
    if path and not recovered:
        window.files.open_paths([path])
    elif sample and not recovered:
        window.extraction.add_sample(str(sample_article_path()))


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


def run_gui(path: str | None = None, *, sample: bool = False) -> int:
    """Open the desktop app (optionally with a .brief or an article, or the sample)."""
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName("briefgen")
    load_style_sheet(app)
    window = create_window()
    window.show()
    if path and not path.lower().endswith(BRIEF_SUFFIX) and not Path(path).exists():
        window.messages.show_error(f"Cannot open {path}: the file does not exist.")
        path = None
    window.first_painted.connect(
        lambda: QTimer.singleShot(0, lambda: start_background_work(window, path, sample))
    )
    return app.exec()
