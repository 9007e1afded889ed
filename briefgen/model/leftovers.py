"""Removing what killed runs left behind: temporary save files, import and validation folders.

A save writes ``.NAME.XXXXXXXX.tmp`` beside its target, an import stages in ``.import-*``
in the user template folder, a validation unpacks into ``briefgen-validate-*`` in the
system's temporary folder. A run that is killed leaves them; the next run in that folder
removes the ones older than STALE_AFTER (a run in progress elsewhere is never that old).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
import time
from pathlib import Path

STALE_AFTER = 30 * 60.0
"""Seconds after which a leftover is taken to belong to a run that is gone."""

IMPORT_LEFTOVER = re.compile(r"\.import-[A-Za-z0-9_]{8}")
VALIDATE_LEFTOVER = re.compile(r"briefgen-validate-[A-Za-z0-9_]{8}")
_TEMP_TAIL = r"\.[A-Za-z0-9_]{8}\.tmp"


def save_leftover(target: Path) -> re.Pattern[str]:
    """The names of the temporary files a save to ``target`` makes (``mkstemp``'s)."""
    return re.compile(re.escape(f".{target.name}") + _TEMP_TAIL)


def remove_leftovers(folder: Path, pattern: re.Pattern[str], *,
                     older_than: float = STALE_AFTER) -> list[str]:
    """Remove the files and folders in ``folder`` whose whole name matches ``pattern``
    and that were last changed more than ``older_than`` seconds ago; the names removed.

    Only the user's own entries are touched, links are never followed, and any failure
    (a missing folder, permissions) is left alone: this is housekeeping, never an error.
    """
    removed: list[str] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not pattern.fullmatch(entry.name):
            continue
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if now - info.st_mtime < older_than or not _own(info):
                continue
            if stat.S_ISDIR(info.st_mode):
                shutil.rmtree(entry.path)
            elif stat.S_ISREG(info.st_mode):
                os.unlink(entry.path)
            else:
                continue
            removed.append(entry.name)
    return removed


def _own(info: os.stat_result) -> bool:
    getuid = getattr(os, "getuid", None)
    return getuid is None or info.st_uid == getuid()
