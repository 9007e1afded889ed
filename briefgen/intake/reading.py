"""Reading an article file safely: size caps, missing paths, folders and permissions."""

from __future__ import annotations

import os
from pathlib import Path

from briefgen.cancellation import cancel_requested
from briefgen.errors import Cancelled, IntakeError

MAX_FILE_BYTES = 30_000_000
"""The largest file accepted (a PDF or Word file with pictures; a news article is ~50 KB)."""

MAX_TEXT_BYTES = 3_000_000
"""The largest text, Markdown, HTML or RTF document accepted (a long book; extracting 3 MB
of prose takes about two minutes on a small machine, and 8 MB took more than five)."""




class LoadingCancelled(IntakeError, Cancelled):
    """The user cancelled a load: a Cancelled that the loaders' guard, which turns every
    failure but an IntakeError into "could not be read", lets through as it is."""


def check_cancelled() -> None:
    """Raise Cancelled if the loading on this thread was cancelled (see
    briefgen.cancellation.cancellable, which the window wraps a load in)."""
    if cancel_requested():
        raise LoadingCancelled()


def intake_error(name: str, reason: str) -> IntakeError:
    """The one-sentence error for ``name``; ``reason`` is a clause without final period."""
    return IntakeError(f'Cannot load "{name}": {reason}.')


def reason_of(error: Exception) -> str:
    """The reason clause of an intake error, without 'Cannot load "name": ' or final period."""
    message = str(error)
    if message.startswith("Cannot load ") and '": ' in message:
        message = message.split('": ', 1)[1]
    return message.rstrip(".")


SPLIT_ADVICE = "; split it into smaller files and add them one after another"


def too_large_reason(size: int, limit: int, advice: str = SPLIT_ADVICE) -> str:
    """The reason clause for a document of ``size`` bytes over ``limit``, with ``advice``
    on what to do (a clause starting "; ", or empty)."""
    return (
        f"it is {size / 1_000_000:.1f} MB, more than the {limit // 1_000_000} MB "
        f"an article can be{advice}"
    )


def read_article_file(path: Path, name: str) -> bytes:
    """The bytes of the file at ``path``; ``name`` is how errors name it.

    Raises IntakeError for a missing path, a folder, a special file, a file
    that cannot be read, or one larger than MAX_FILE_BYTES (checked before reading).
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise intake_error(name, "there is no such file") from None
    except PermissionError:
        raise intake_error(name, "permission to read it was denied") from None
    except OSError as exc:
        raise intake_error(name, f"it cannot be read ({exc.strerror or exc})") from None
    if path.is_dir():
        raise intake_error(name, "it is a folder, not a file")
    if not path.is_file():
        raise intake_error(name, "it is not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        raise intake_error(name, too_large_reason(info.st_size, MAX_FILE_BYTES))
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except PermissionError:
        raise intake_error(name, "permission to read it was denied") from None
    except OSError as exc:
        raise intake_error(name, f"it cannot be read ({exc.strerror or exc})") from None
    if len(data) > MAX_FILE_BYTES:
        raise intake_error(name, too_large_reason(len(data), MAX_FILE_BYTES))
    return data


def display_name(item: str | os.PathLike[str]) -> str:
    """How a path is named in messages: as the user gave it."""
    return os.fspath(item)
