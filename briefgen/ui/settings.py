"""The app's settings: one typed list of documented options, stored through QSettings, except
those that change what is written (your name, office, the memo's language, the office template
folder), which live in the plain settings file the command line reads too
(briefgen.model.user_settings)."""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings

from briefgen.model import DEFAULT_TEMPLATE
from briefgen.model.user_settings import (
    UserSettings,
    document_language,
    load_user_settings,
    save_user_settings,
)
from briefgen.render.dates import DEFAULT_DATE_FORMAT, long_date


def _as_given(choice: str) -> str:
    return choice


@dataclass(frozen=True)
class Option:
    """One setting: its key, type, default, label and what it does.

    ``editable``: the settings dialog shows it. ``persisted``: it is stored between runs
    (otherwise it lasts until the app quits). ``in_file``: it is stored in the plain settings
    file that the command line, ``demo`` and ``batch`` read too, not in QSettings.
    ``choices``: the values the dialog offers, each shown as ``choice_label`` writes it;
    ``choices_from`` names a list of (value, label) pairs the dialog is given instead
    (``"templates"``). Without either, the dialog edits the value as a line of text.
    """

    key: str
    type: type
    default: Any
    label: str
    doc: str
    choices: tuple[str, ...] = ()
    editable: bool = False
    persisted: bool = True
    choice_label: Callable[[str], str] = _as_given
    choices_from: str = ""
    in_file: bool = False


def _date_example(date_format: str) -> str:
    """A date format shown as the memo writes a date with it."""
    return long_date(datetime.date(2026, 3, 13), date_format)


def _marking_label(marking: str) -> str:
    return marking or "(none)"


def _language_label(tag: str) -> str:
    return tag or f"the system's ({document_language(UserSettings())})"


DATE_FORMATS = (DEFAULT_DATE_FORMAT, "%B %d, %Y", "%Y-%m-%d", "%d/%m/%Y")
MARKINGS = ("", "UNCLASSIFIED", "OFFICIAL", "OFFICIAL-SENSITIVE", "CONFIDENTIAL", "INTERNAL")
LANGUAGES = ("", "en-GB", "en-US", "en-AU", "en-CA", "en-IE", "en-NZ", "en-ZA", "fr-FR", "de-DE",
             "es-ES", "it-IT", "nl-NL", "pt-PT", "sv-SE")

OPTIONS: tuple[Option, ...] = (
    Option("author_name", str, "", "Your name",
           "The FROM line of new briefs starts with it; exported memos name you as their author.",
           editable=True, in_file=True),
    Option("office", str, "", "Office", "Added after your name in the FROM line of new briefs.",
           editable=True, in_file=True),
    Option(
        "language", str, "", "Memo language",
        "The language exported memos declare, for Word's proofing and screen readers.",
        LANGUAGES, editable=True, choice_label=_language_label, in_file=True,
    ),
    Option(
        "default_template", str, DEFAULT_TEMPLATE, "Default template",
        "The template new briefs use.", editable=True, choices_from="templates",
    ),
    Option(
        "date_format", str, DEFAULT_DATE_FORMAT, "Date format",
        "How dates are written in the preview and the exported memo (strftime codes).",
        DATE_FORMATS, editable=True, choice_label=_date_example,
    ),
    Option(
        "default_marking", str, "", "Default marking",
        "The classification marking new briefs start with; empty for none.", MARKINGS,
        editable=True, choice_label=_marking_label,
    ),
    Option(
        "office_templates", str, "", "Office template folder",
        "A shared, read-only folder of your office's templates (a network drive, say); "
        "they are listed after the built-in ones. Empty for none.", editable=True,
        in_file=True,
    ),
    Option("recent_files", list, [], "Recent files", "The briefs opened last, newest first."),
    Option("last_folder", str, "", "Last folder",
           "Where the last file was opened, saved or exported: file dialogs start there."),
    Option("export_format", str, ".docx", "Last export format",
           "The suffix of the last exported memo: the next export proposes it again."),
    Option(
        "window_state", str, "", "Window layout",
        "The window's size, position and pane widths when it was last closed (base64).",
    ),
)

OPTIONS_BY_KEY = {option.key: option for option in OPTIONS}
MAX_RECENT_FILES = 8


class Settings:
    """Typed access to OPTIONS over QSettings; values equal to the default are not stored."""

    def __init__(self, store: QSettings, user_file: Path | None = None) -> None:
        """``user_file``: the plain settings file (None: the user's own, settings_path())."""
        self._store = store
        self._user_file = user_file
        self._session: dict[str, Any] = {}  # the options that are not persisted
        self._move_to_the_file()

    def _move_to_the_file(self) -> None:
        """Values an earlier version kept in QSettings move to the plain settings file."""
        for option in OPTIONS:
            if option.in_file and self._store.contains(option.key):
                value = self._store.value(option.key)
                if isinstance(value, str) and value and not self.get(option.key):
                    with contextlib.suppress(OSError):
                        self.set(option.key, value)
                self._store.remove(option.key)

    def get(self, key: str) -> Any:
        """The value of option ``key`` (its default when unset or unreadable)."""
        option = OPTIONS_BY_KEY[key]
        if option.in_file:
            return getattr(load_user_settings(self._user_file), key)
        if not option.persisted:
            return _copy(self._session.get(key, option.default))
        if not self._store.contains(key):
            return _copy(option.default)
        raw = self._store.value(key)
        if option.type is list:
            if raw is None:
                return []
            values = raw if isinstance(raw, list) else [raw]
            return [str(v) for v in values]
        if option.type is str:
            return "" if raw is None else str(raw)
        return option.type(raw)

    def set(self, key: str, value: Any) -> None:
        """Store ``value`` for ``key``, or forget it when it equals the default."""
        option = OPTIONS_BY_KEY[key]
        if not isinstance(value, option.type):
            raise TypeError(f"setting {key} takes a {option.type.__name__}")
        if option.in_file:  # OSError when the config folder cannot be written
            saved = load_user_settings(self._user_file)
            save_user_settings(saved.with_value(key, str(value)), self._user_file)
            return
        if not option.persisted:
            self._session[key] = _copy(value)
            return
        if value == option.default:
            self._store.remove(key)
        else:
            self._store.setValue(key, value)
        self._store.sync()

    def values(self) -> dict[str, Any]:
        """Every option's current value, by key."""
        return {option.key: self.get(option.key) for option in OPTIONS}

    def add_recent_file(self, path: str) -> list[str]:
        """Put ``path`` first in the recent files and return the new list."""
        recent = [p for p in self.get("recent_files") if p != path]
        recent.insert(0, path)
        del recent[MAX_RECENT_FILES:]
        self.set("recent_files", recent)
        return recent

    def from_line(self) -> str:
        """The default FROM line: "name, office", or whichever part is set."""
        parts = [self.get("author_name").strip(), self.get("office").strip()]
        return ", ".join(p for p in parts if p)


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value
