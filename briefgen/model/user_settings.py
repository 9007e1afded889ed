"""The settings that change what is written: one plain JSON file in the platform's config folder.

Your name, office, the memo's language and the office template folder are read alike by the
window, the command line, ``demo`` and ``batch`` (window layout and recent files stay in the
window's QSettings). ``BRIEFGEN_SETTINGS_FILE`` names another file (tests, shared set-ups).
"""

from __future__ import annotations

import contextlib
import json
import locale
import os
import re
import tempfile
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path

SETTINGS_FILE_ENV = "BRIEFGEN_SETTINGS_FILE"
FALLBACK_LANGUAGE = "en-GB"
MAX_SETTINGS_BYTES = 64 * 1024
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\Z")


@dataclass(frozen=True)
class UserSettings:
    """What the user told briefgen about themselves; an empty string means "not set".

    ``language``: a BCP 47 tag ("en-GB", "fr-FR"); empty means the system's language (see
    document_language).
    """

    author_name: str = ""
    office: str = ""
    language: str = ""
    office_templates: str = ""

    def with_value(self, key: str, value: str) -> UserSettings:
        """A copy with ``key`` set to ``value``; KeyError for a key that is not a setting."""
        if key not in SETTING_KEYS:
            raise KeyError(key)
        return replace(self, **{key: value})


SETTING_KEYS = tuple(f.name for f in fields(UserSettings))


def settings_path() -> Path:
    """The settings file: ``BRIEFGEN_SETTINGS_FILE``, else settings.json in the per-user config
    folder (``~/.config/briefgen`` on Linux, ``%LOCALAPPDATA%\\briefgen`` on Windows)."""
    override = os.environ.get(SETTINGS_FILE_ENV)
    if override:
        return Path(override)
    import platformdirs  # here: not needed when the window is given its settings store

    return Path(platformdirs.user_config_dir("briefgen", appauthor=False)) / "settings.json"


def load_user_settings(path: Path | None = None) -> UserSettings:
    """The saved settings; the defaults for a file that is missing, too big or unreadable
    (a broken settings file never stops a memo from being written)."""
    path = path or settings_path()
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_SETTINGS_BYTES + 1)
        data = json.loads(raw.decode("utf-8")) if len(raw) <= MAX_SETTINGS_BYTES else {}
    except (OSError, ValueError):
        return UserSettings()
    if not isinstance(data, dict):
        return UserSettings()
    values = {key: data[key] for key in SETTING_KEYS
              if isinstance(data.get(key), str) and len(data[key]) <= 1000}
    return UserSettings(**values)


def save_user_settings(settings: UserSettings, path: Path | None = None) -> None:
    """Write ``settings`` atomically; values left at their default are not stored. OSError
    when the folder cannot be written."""
    path = path or settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {key: value for key, value in asdict(settings).items() if value}
    fd, temporary = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            json.dump(data, stream, ensure_ascii=False, indent=2)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def valid_language(tag: str) -> bool:
    """Whether ``tag`` looks like a BCP 47 language tag ("en", "en-GB", "sr-Latn-RS")."""
    return bool(_LANGUAGE_TAG.match(tag))


def system_language() -> str | None:
    """The system's language as a BCP 47 tag ("en_US.UTF-8" gives "en-US"); None for the C or
    POSIX locale or none at all."""
    names = [locale.getlocale()[0], os.environ.get("LC_ALL"), os.environ.get("LC_MESSAGES"),
             os.environ.get("LANG")]
    for name in names:
        if not name:
            continue
        tag = name.split(".")[0].split("@")[0].replace("_", "-")
        if tag not in {"C", "POSIX"} and valid_language(tag):
            return tag
    return None


def document_language(settings: UserSettings, override: str | None = None) -> str:
    """The language a memo is written in: ``override`` (the CLI's --lang), else the setting,
    else the system's, else en-GB."""
    for tag in (override, settings.language, system_language()):
        if tag and valid_language(tag):
            return tag
    return FALLBACK_LANGUAGE
