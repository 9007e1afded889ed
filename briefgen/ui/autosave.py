"""Autosave and crash recovery: the unsaved brief in the per-user state folder."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

from briefgen.errors import BriefFileError
from briefgen.model import Brief, brief_to_json, load_brief, write_text_atomically

AUTOSAVE_NAME = "autosave.brief"
META_NAME = "autosave.json"


@dataclass
class Recovered:
    """A brief found in the autosave folder; ``original_path`` is ``None`` if never saved."""

    brief: Brief
    original_path: str | None


class AutosaveStore:
    """One autosave slot in ``folder``: written while editing, removed on a clean exit.

    A slot still present at start-up means the last session ended without closing
    cleanly (a crash or a kill): the app offers to recover it.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def brief_path(self) -> Path:
        """Where the autosaved brief is written."""
        return self.folder / AUTOSAVE_NAME

    def write_json(self, brief_json: str, original_path: str | None) -> None:
        """Save the brief's JSON text atomically (called on a worker thread)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        write_text_atomically(self.brief_path, brief_json)
        meta = json.dumps({"original_path": original_path})
        write_text_atomically(self.folder / META_NAME, meta)

    def write(self, brief: Brief, original_path: str | None) -> None:
        """Save ``brief`` atomically into the slot."""
        self.write_json(brief_to_json(brief), original_path)

    def pending(self) -> Recovered | None:
        """The brief left by a session that did not end cleanly, or ``None``.

        An unreadable slot is ``None`` too: there is nothing to offer.
        """
        if not self.brief_path.is_file():
            return None
        try:
            brief = load_brief(self.brief_path)
        except BriefFileError:
            return None
        original: str | None = None
        with contextlib.suppress(OSError, ValueError, TypeError):
            data = json.loads((self.folder / META_NAME).read_text(encoding="utf-8"))
            value = data.get("original_path")
            original = value if isinstance(value, str) else None
        return Recovered(brief, original)

    def clear(self) -> None:
        """Remove the slot (after a save or a clean exit)."""
        for name in (AUTOSAVE_NAME, META_NAME):
            with contextlib.suppress(FileNotFoundError):
                (self.folder / name).unlink()
