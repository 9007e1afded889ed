"""The one family of errors that reach the user as a single clear sentence."""

from __future__ import annotations


class BriefgenError(Exception):
    """An error caused by input or environment, shown to the user as its message.

    The message is one sentence that names the file (when there is one) and the
    reason. The CLI prints it on stderr and exits 1; the window shows it in a
    message bar. Anything that is not a ``BriefgenError`` is a bug.
    """


class BriefFileError(BriefgenError):
    """A ``.brief`` file cannot be read or written."""


class IntakeError(BriefgenError):
    """An article cannot be loaded (missing, empty, binary, corrupt, refused...)."""


class ExtractionError(BriefgenError):
    """Extraction cannot run (for instance, no English language model is installed)."""


class TemplateError(BriefgenError):
    """A brief template is unknown, invalid, or unsafe."""


class RenderError(BriefgenError):
    """A memo cannot be rendered or written."""


class Cancelled(BriefgenError):
    """Long work was cancelled by the user."""

    def __init__(self, message: str = "Cancelled.") -> None:
        super().__init__(message)
