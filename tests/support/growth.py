"""Measuring how the cost of a call grows with its input, for tests that must not time it."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def cpu_seconds(call: Callable[[T], object], argument: T, repeat: int = 3) -> float:
    """The least CPU time of ``repeat`` calls of ``call(argument)`` (least: other work on a
    shared machine only ever adds to a measure)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        call(argument)
        best = min(best, time.process_time() - start)
    return best


def growth(call: Callable[[T], object], small: T, large: T, repeat: int = 3) -> float:
    """How many times the cost of ``call(large)`` is that of ``call(small)``."""
    call(small)  # the first call pays for imports and caches
    return cpu_seconds(call, large, repeat) / max(cpu_seconds(call, small, repeat), 1e-6)
