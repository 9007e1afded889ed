"""Reading and writing ``.brief`` files: UTF-8 Brief JSON, saved atomically."""

from __future__ import annotations

import contextlib
import json
import os
import re
import stat
import tempfile
from pathlib import Path

from briefgen.errors import BriefFileError
from briefgen.model.brief import Brief
from briefgen.model.brief_json import BriefJSONError, brief_from_dict, brief_to_dict
from briefgen.model.leftovers import remove_leftovers, save_leftover

BRIEF_SUFFIX = ".brief"
MAX_BRIEF_BYTES = 200 * 1024 * 1024
MAX_LINK_HOPS = 40  # as many links as the Linux kernel follows before it calls it a loop

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def brief_to_json(brief: Brief) -> str:
    """The Brief JSON text of ``brief``, indented, ending with a newline.

    A lone surrogate (what Python makes of a file name's bytes that are not UTF-8) cannot
    be written as UTF-8: it is kept as the escape that shows it, ``\\xff`` for byte 0xFF.
    """
    text = json.dumps(brief_to_dict(brief), ensure_ascii=False, indent=2) + "\n"
    if _LONE_SURROGATE.search(text) is None:
        return text
    return _LONE_SURROGATE.sub(lambda m: json.dumps(shown_escaped(m.group()))[1:-1], text)


def shown_escaped(text: str) -> str:
    """``text`` with each lone surrogate replaced by the escape that shows it: a byte of a
    file name that is not UTF-8 (``surrogateescape``) as ``\\xff``, any other as
    ``\\udfff``."""
    def escape(match: re.Match[str]) -> str:
        code = ord(match.group())
        return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"

    return _LONE_SURROGATE.sub(escape, text)


def load_brief(path: str | os.PathLike[str]) -> Brief:
    """Read a ``.brief`` file; raises BriefFileError with one sentence naming it."""
    p = Path(path)
    try:
        if p.is_dir():
            raise BriefFileError(f"Cannot open {p}: it is a folder, not a brief file.")
        if p.stat().st_size > MAX_BRIEF_BYTES:
            raise BriefFileError(f"Cannot open {p}: it is too large to be a brief file.")
        raw = p.read_bytes()
    except FileNotFoundError:
        raise BriefFileError(f"Cannot open {p}: the file does not exist.") from None
    except PermissionError:
        raise BriefFileError(f"Cannot open {p}: permission denied.") from None
    except OSError as exc:
        raise BriefFileError(f"Cannot open {p}: {exc.strerror or exc}.") from None
    try:
        # "utf-8-sig": a byte order mark, which some editors put first, is not content.
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise BriefFileError(f"Cannot open {p}: it is not a UTF-8 text file.") from None
    except json.JSONDecodeError as exc:
        raise BriefFileError(
            f"Cannot open {p}: it is not valid JSON (line {exc.lineno}, column {exc.colno})."
        ) from None
    except RecursionError:
        raise BriefFileError(f"Cannot open {p}: it is nested too deeply to be a brief.") from None
    except ValueError:  # an integer longer than Python converts (4,300 digits)
        raise BriefFileError(
            f"Cannot open {p}: it holds a number too large for a brief."
        ) from None
    try:
        return brief_from_dict(data)
    except BriefJSONError as exc:
        raise BriefFileError(f"Cannot open {p}: {exc}.") from None


def save_brief(brief: Brief, path: str | os.PathLike[str]) -> None:
    """Write ``brief`` to ``path`` atomically.

    The JSON goes to a temporary file in the same folder, which is flushed,
    fsynced and then renamed over ``path``: an interrupted save leaves the
    previous file as it was.
    """
    write_text_atomically(Path(path), brief_to_json(brief))


def write_text_atomically(path: Path, text: str) -> None:
    """Write UTF-8 ``text`` to ``path`` through a temporary file and a rename."""
    write_bytes_atomically(path, text.encode("utf-8"))


def link_target(path: Path) -> Path:
    """The file a write to ``path`` must change: ``path`` itself, or, when it is a
    symbolic link, the file at the end of its chain of links (which may not exist yet).

    Raises BriefFileError naming ``path`` when the links loop (or chain past
    MAX_LINK_HOPS).
    """
    target = path
    for _ in range(MAX_LINK_HOPS):
        try:
            pointed = os.readlink(target)
        except OSError:  # not a link (or nothing there): this is the file to write
            return target
        target = target.parent / pointed
    raise BriefFileError(
        f"Cannot write {path}: it is a symbolic link that loops back on itself (or chains "
        f"through more than {MAX_LINK_HOPS} links); point it at a file or remove it."
    )


def write_bytes_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, fsync and rename.

    A symbolic link stays a link: the file it points to is the one replaced (its
    temporary file beside it, in its folder). Raises BriefFileError naming ``path`` when
    the folder is missing or not writable, or the link loops.
    """
    shown = path
    path = link_target(path)
    folder = path.parent if str(path.parent) else Path(".")
    remove_leftovers(folder, save_leftover(path))  # of saves that were killed
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except FileNotFoundError:
        raise BriefFileError(f"Cannot save {shown}: the folder {folder} does not exist.") \
            from None
    except PermissionError:
        raise BriefFileError(f"Cannot save {shown}: permission denied.") from None
    except OSError as exc:
        raise BriefFileError(f"Cannot save {shown}: {exc.strerror or exc}.") from None
    try:
        os.chmod(tmp_name, _mode_for(path))
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp_name)
        reason = "permission denied" if isinstance(exc, PermissionError) else exc.strerror or exc
        raise BriefFileError(f"Cannot save {shown}: {reason}.") from None
    _fsync_folder(folder)


def _mode_for(path: Path) -> int:
    """The permission bits a saved file gets: the old file's, else what the umask allows.

    ``mkstemp`` creates files readable by their owner only; a memo or brief the user
    saves should be as readable as any file they save from another program.
    """
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        return 0o666 & ~_UMASK


def _current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _current_umask()


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable where the platform allows (not on Windows)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
