"""Autosave and crash recovery: one locked autosave slot per window in the state folder."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QLockFile

from briefgen.errors import BriefFileError
from briefgen.model import Brief, brief_to_json, load_brief, write_text_atomically

SLOT_PREFIX = "autosave-"
# The one shared slot of versions before per-window slots; offered like a dead window's.
LEGACY_SLOT = ""
_SLOT_NAME = re.compile(r"autosave-([A-Za-z0-9-]{1,64})\.brief")
_LOCK_NAME = re.compile(r"autosave-([A-Za-z0-9-]{1,64})\.lock")

DiskStamp = tuple[int, int, int, int]
"""What identifies a file's content on disk: device, inode, modification time (ns), size."""


def disk_stamp(path: str | os.PathLike[str]) -> DiskStamp | None:
    """The stamp of the file at ``path`` (through links); ``None`` when there is none."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino, info.st_mtime_ns, info.st_size)


@dataclass
class Recovered:
    """A brief left in the slot of a window that is gone.

    ``original_path`` is ``None`` if the brief was never saved; ``saved_at`` is when it
    was autosaved (``None``: unknown); ``disk_stamp`` the stamp its file had when the
    window last opened or saved it (``None``: unknown).
    """

    brief: Brief
    original_path: str | None
    saved_at: dt.datetime | None = None
    disk_stamp: DiskStamp | None = None
    slot: str = LEGACY_SLOT
    lock: QLockFile | None = field(default=None, repr=False, compare=False)


def _slot_file(folder: Path, slot: str, suffix: str) -> Path:
    return folder / (f"{SLOT_PREFIX}{slot}{suffix}" if slot else f"autosave{suffix}")


class AutosaveStore:
    """This window's autosave slot in ``folder``: written while editing, removed on a
    clean exit, and locked (QLockFile) for as long as the window lives.

    A slot whose lock is free belongs to a window that did not close cleanly (a crash or
    a kill): ``recoverable`` offers it. A slot whose window still runs, in this process
    or another, is never offered, never read and never removed by anyone else.
    """

    def __init__(self, folder: Path, *, slot: str | None = None) -> None:
        self.folder = folder
        self.slot = slot or f"{os.getpid()}-{os.urandom(6).hex()}"
        self._lock = self._new_lock(self.slot)
        with contextlib.suppress(OSError):
            folder.mkdir(parents=True, exist_ok=True)
        # A slot that cannot be locked (a read-only folder) still autosaves; only a later
        # start's recovery could mistake it for a dead window's.
        self._lock.tryLock(0)

    def _new_lock(self, slot: str) -> QLockFile:
        lock = QLockFile(str(_slot_file(self.folder, slot, ".lock")))
        lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        return lock

    @property
    def brief_path(self) -> Path:
        """Where this window's autosaved brief is written."""
        return _slot_file(self.folder, self.slot, ".brief")

    @property
    def meta_path(self) -> Path:
        """Where the original path, the time and the file's stamp are written."""
        return _slot_file(self.folder, self.slot, ".json")

    def write_json(self, brief_json: str, original_path: str | None,
                   stamp: DiskStamp | None = None) -> None:
        """Save the brief's JSON text atomically (called on a worker thread)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        write_text_atomically(self.brief_path, brief_json)
        self._write_meta(original_path, stamp)

    def _write_meta(self, original_path: str | None, stamp: DiskStamp | None) -> None:
        meta = json.dumps({
            "original_path": original_path,
            "saved_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            "pid": os.getpid(),
            "disk_stamp": list(stamp) if stamp else None,
        })
        write_text_atomically(self.meta_path, meta)

    def write(self, brief: Brief, original_path: str | None,
              stamp: DiskStamp | None = None) -> None:
        """Save ``brief`` atomically into this window's slot."""
        self.write_json(brief_to_json(brief), original_path, stamp)

    def recoverable(self) -> list[Recovered]:
        """The briefs left by windows that are gone, the latest autosave first.

        Each one's lock is held until ``adopt``, ``discard`` or ``release``, so that no
        other window starting meanwhile offers it too. An unreadable slot is skipped.
        """
        slots, locks = [], []
        with contextlib.suppress(OSError):
            for entry in self.folder.iterdir():
                match = _SLOT_NAME.fullmatch(entry.name)
                lock_match = _LOCK_NAME.fullmatch(entry.name)
                if match and match.group(1) != self.slot:
                    slots.append(match.group(1))
                elif lock_match and lock_match.group(1) != self.slot:
                    locks.append(lock_match.group(1))
                elif entry.name == "autosave.brief":
                    slots.append(LEGACY_SLOT)
        self._remove_dead_locks(set(locks) - set(slots))
        found = []
        for slot in slots:
            lock = self._new_lock(slot)
            if not lock.tryLock(0):
                continue  # its window is alive
            recovered = self._read_slot(slot, lock)
            if recovered is None:
                lock.unlock()
            else:
                found.append(recovered)
        oldest = dt.datetime.min.replace(tzinfo=dt.UTC)
        found.sort(key=lambda r: r.saved_at or oldest, reverse=True)
        return found

    def _remove_dead_locks(self, slots: set[str]) -> None:
        """Remove the locks of windows that are gone without having autosaved anything."""
        for slot in slots:
            lock = self._new_lock(slot)
            if lock.tryLock(0) and not _slot_file(self.folder, slot, ".brief").exists():
                with contextlib.suppress(OSError):
                    _slot_file(self.folder, slot, ".json").unlink()
            lock.unlock()

    def _read_slot(self, slot: str, lock: QLockFile) -> Recovered | None:
        try:
            brief = load_brief(_slot_file(self.folder, slot, ".brief"))
        except BriefFileError:
            return None
        recovered = Recovered(brief, None, slot=slot, lock=lock)
        with contextlib.suppress(OSError, ValueError, TypeError, AttributeError, KeyError):
            meta = _slot_file(self.folder, slot, ".json").read_text(encoding="utf-8")
            data = json.loads(meta)
            value = data.get("original_path")
            recovered.original_path = value if isinstance(value, str) else None
            saved_at = dt.datetime.fromisoformat(data["saved_at"])
            recovered.saved_at = saved_at if saved_at.tzinfo else saved_at.replace(tzinfo=dt.UTC)
            stamp = data.get("disk_stamp")
            if isinstance(stamp, list) and len(stamp) == 4:
                recovered.disk_stamp = (int(stamp[0]), int(stamp[1]), int(stamp[2]),
                                        int(stamp[3]))
        if recovered.saved_at is None:
            with contextlib.suppress(OSError):
                mtime = _slot_file(self.folder, slot, ".brief").stat().st_mtime
                recovered.saved_at = dt.datetime.fromtimestamp(mtime, dt.UTC)
        return recovered

    def adopt(self, recovered: Recovered) -> None:
        """Make ``recovered`` this window's own unsaved work: its brief moves into this
        window's slot (one rename: nothing is lost if this window dies next), its slot goes.
        """
        self.folder.mkdir(parents=True, exist_ok=True)
        os.replace(_slot_file(self.folder, recovered.slot, ".brief"), self.brief_path)
        self._write_meta(recovered.original_path, recovered.disk_stamp)
        self.discard(recovered)

    def discard(self, recovered: Recovered) -> None:
        """Remove a dead window's slot (the user chose to discard it)."""
        for suffix in (".brief", ".json"):
            with contextlib.suppress(OSError):
                _slot_file(self.folder, recovered.slot, suffix).unlink()
        self.release(recovered)

    def release(self, recovered: Recovered) -> None:
        """Let go of a dead window's slot, left to be offered at a later start."""
        if recovered.lock is not None:
            recovered.lock.unlock()
            recovered.lock = None

    def clear(self) -> None:
        """Remove this window's slot (after a save); the lock stays while the window lives."""
        for path in (self.brief_path, self.meta_path):
            with contextlib.suppress(OSError):
                path.unlink()

    def close(self) -> None:
        """A clean exit: remove this window's slot and give up its lock."""
        self.clear()
        self._lock.unlock()

    def release_lock(self) -> None:
        """Give up the lock but keep the slot: what a window that is killed leaves."""
        self._lock.unlock()
