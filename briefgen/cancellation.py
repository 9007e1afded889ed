"""Cancel for long work on a thread: the window's worker names its "is it cancelled?" check
once (``cancellable``), and loaders, renders and converters deep below ask for it here."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

_STATE = threading.local()


@contextmanager
def cancellable(is_cancelled: Callable[[], bool]) -> Iterator[None]:
    """Work on this thread inside the block may stop (with Cancelled, at its next check)
    once ``is_cancelled()`` is true; blocks nest, the innermost check counts."""
    previous = getattr(_STATE, "is_cancelled", None)
    _STATE.is_cancelled = is_cancelled
    try:
        yield
    finally:
        _STATE.is_cancelled = previous


def current_cancel_check() -> Callable[[], bool] | None:
    """The ``is_cancelled`` of the innermost cancellable block on this thread (None: none)."""
    check: Callable[[], bool] | None = getattr(_STATE, "is_cancelled", None)
    return check


def cancel_requested() -> bool:
    """Whether the work on this thread has been cancelled."""
    check = current_cancel_check()
    return check is not None and check()
