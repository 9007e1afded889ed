"""The template library as the window sees it: loaded off the GUI thread, then looked up."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from briefgen.model import DEFAULT_TEMPLATE, Brief
from briefgen.ui.worker import IsCancelled, Progress, WorkRunner

if TYPE_CHECKING:
    from briefgen.render import BriefTemplate, TemplateLibrary

LibraryFactory = Callable[[], "TemplateLibrary"]


def _default_library() -> TemplateLibrary:
    from briefgen.render import TemplateLibrary

    return TemplateLibrary()


class TemplateService(QObject):
    """Holds the TemplateLibrary and its templates; ``changed`` after (re)loading them."""

    changed = Signal()

    def __init__(
        self, runner: WorkRunner, factory: LibraryFactory | None = None,
        parent: QObject | None = None, *, office_dir: Callable[[], str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.runner = runner
        self._factory = factory or _default_library
        # The office's shared folder as the settings name it now ("" or None: none).
        self._office_dir = office_dir or (lambda: "")
        self.library: TemplateLibrary | None = None
        self.templates: list[BriefTemplate] = []

    def load(self) -> None:
        """Read the library on the ``io`` pool (this imports the render layer there too)."""
        office = self._office_dir().strip()

        def job(_progress: Progress, _cancelled: IsCancelled) -> Any:
            library = self._factory()
            if office:
                library.office_dir = Path(office).expanduser()
            return library, library.templates()

        worker = self.runner.submit("io", job, "Reading the templates")
        worker.signals.finished.connect(self._on_loaded)

    def reload(self) -> None:
        """Re-read the templates after the manager changed them (quick: on the GUI thread)."""
        if self.library is not None:
            self.templates = self.library.templates()
            self.changed.emit()

    def is_loaded(self) -> bool:
        """True once the library has been read."""
        return self.library is not None

    def get(self, template_id: str) -> BriefTemplate | None:
        """The template with this id, else the default one, else ``None`` before loading."""
        by_id = {t.id: t for t in self.templates}
        return by_id.get(template_id) or by_id.get(DEFAULT_TEMPLATE) or (
            self.templates[0] if self.templates else None
        )

    def apply_to(self, brief: Brief, template: BriefTemplate) -> None:
        """Give ``brief`` this template and the manifest defaults of the fields it lacks."""
        from briefgen.render import apply_template_defaults

        apply_template_defaults(brief, template)
        brief.template = template.id

    def _on_loaded(self, result: Any) -> None:
        self.library, self.templates = result
        self.changed.emit()
