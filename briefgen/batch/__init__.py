"""Batch: many articles in, one memo (and its .brief) each out, on every core.

The names load on first use: the command line builds its parser from batch.console at every
start (the window's too), and the runner's process pools are not needed for that.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from briefgen.batch.inputs import ARTICLE_SUFFIXES, BatchInput, collect_inputs, read_url_list
    from briefgen.batch.report import REPORT_NAME, InputResult
    from briefgen.batch.runner import BatchOptions, BatchOutcome, run_batch

_HOMES = {
    "ARTICLE_SUFFIXES": "inputs", "BatchInput": "inputs", "collect_inputs": "inputs",
    "read_url_list": "inputs", "REPORT_NAME": "report", "InputResult": "report",
    "BatchOptions": "runner", "BatchOutcome": "runner", "run_batch": "runner",
}

__all__ = [
    "ARTICLE_SUFFIXES",
    "BatchInput",
    "BatchOptions",
    "BatchOutcome",
    "InputResult",
    "REPORT_NAME",
    "collect_inputs",
    "read_url_list",
    "run_batch",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'briefgen.batch' has no attribute {name!r}")
    return getattr(importlib.import_module(f"briefgen.batch.{_HOMES[name]}"), name)
