"""Batch: many articles in, one memo (and its .brief) each out, on every core."""

from briefgen.batch.inputs import ARTICLE_SUFFIXES, BatchInput, collect_inputs, read_url_list
from briefgen.batch.report import REPORT_NAME, InputResult
from briefgen.batch.runner import BatchOptions, BatchOutcome, run_batch

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
