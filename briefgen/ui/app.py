"""The composition root: builds the services and the main window, and runs the app."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings

from briefgen.model import BRIEF_SUFFIX
from briefgen.resources import sample_article_path
from briefgen.ui.autosave import AutosaveStore
from briefgen.ui.document import BriefDocument
from briefgen.ui.extraction import ExtractionController, NlpFactory
from briefgen.ui.files import FileController
from briefgen.ui.launch import APP_NAME, load_style_sheet, run_gui
from briefgen.ui.main_window import MainWindow
from briefgen.ui.rendering import RenderService
from briefgen.ui.settings import Settings
from briefgen.ui.templates import LibraryFactory, TemplateService
from briefgen.ui.worker import WorkRunner

# How long (s) a worker thread running Python may keep the GIL while the GUI thread waits
# for it (Python's default is 5 ms). On a loaded machine the default let a worker keep the
# window waiting 15-35 ms at a time while a long text was extracted; at 1 ms the wait is
# bounded by the longest single C call (spaCy's, kept short by extract/parse.py's pieces).
GUI_SWITCH_INTERVAL = 0.001


def create_window(
    *, settings_store: QSettings | None = None, state_dir: Path | None = None,
    nlp_factory: NlpFactory | None = None, library_factory: LibraryFactory | None = None,
) -> MainWindow:
    """Wire the document, workers, services and window (nothing heavy happens here).

    ``None`` arguments mean the real ones: the user's QSettings, the platformdirs state
    folder, the installed spaCy model and the default template library.
    """
    sys.setswitchinterval(min(sys.getswitchinterval(), GUI_SWITCH_INTERVAL))
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


# Kept here for the callers that import them from the composition root.
__all__ = ["APP_NAME", "create_window", "load_style_sheet", "run_gui", "start_background_work"]
