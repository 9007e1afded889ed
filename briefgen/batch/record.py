"""The record of the last batch run kept in the output folder: which memo came from which
input, so that a rerun skips what is up to date."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

from briefgen.model import write_bytes_atomically

RECORD_NAME = ".briefgen-batch.json"
RECORD_FORMAT = "briefgen.batch-record"
RECORD_VERSION = 1


@dataclass
class RecordEntry:
    """What the last run made of one input (or, in one-brief mode, of all of them).

    ``settings`` holds what changes the memo (template, formats, date, grouping): a rerun
    with other settings redoes the input. ``stem`` is the memos' file name without suffix;
    ``files`` their names in the output folder, the .brief included. In one-brief mode,
    ``inputs`` lists every input and ``failed`` the reason of each that could not be read.
    """

    stem: str
    files: list[str]
    settings: dict[str, str]
    inputs: list[str] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)


def load_record(out_dir: Path) -> dict[str, RecordEntry]:
    """The entries of the last run in ``out_dir``, by input; empty when there is no record
    or it cannot be read (then every input is simply done again)."""
    try:
        data = json.loads((out_dir / RECORD_NAME).read_text("utf-8"))
        if data.get("format") != RECORD_FORMAT or data.get("version") != RECORD_VERSION:
            return {}
        return {key: RecordEntry(stem=str(value["stem"]), files=[str(f) for f in value["files"]],
                                 settings={str(k): str(v) for k, v in value["settings"].items()},
                                 inputs=[str(i) for i in value.get("inputs", [])],
                                 failed={str(k): str(v)
                                         for k, v in value.get("failed", {}).items()})
                for key, value in data["entries"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def save_record(out_dir: Path, entries: dict[str, RecordEntry]) -> None:
    """Write the record atomically (BriefFileError naming the file when it cannot be)."""
    data = {"format": RECORD_FORMAT, "version": RECORD_VERSION,
            "entries": {key: asdict(entry) for key, entry in sorted(entries.items())}}
    write_bytes_atomically(out_dir / RECORD_NAME,
                           (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode())


def is_up_to_date(entry: RecordEntry | None, out_dir: Path, settings: dict[str, str],
                  inputs: list[str]) -> bool:
    """Whether the memos recorded in ``entry`` can stand: made with the same ``settings``
    from the same ``inputs``, all still there, and each newer than every input file
    (a web address has no date: its memo stands while it exists)."""
    if entry is None or entry.settings != settings or not entry.files:
        return False
    if entry.inputs and sorted(entry.inputs) != sorted(inputs):
        return False
    try:
        oldest_output = min(os.stat(out_dir / name).st_mtime for name in entry.files)
        newest_input = max((os.stat(item).st_mtime for item in inputs
                            if not item.lower().startswith(("http://", "https://"))),
                           default=0.0)
    except OSError:
        return False
    return oldest_output >= newest_input
