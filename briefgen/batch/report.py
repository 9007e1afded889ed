"""What a batch run made of each input: the result rows, batch-report.csv and the counts."""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from briefgen.model import write_bytes_atomically

REPORT_NAME = "batch-report.csv"
REPORT_COLUMNS = ("input", "output", "status", "reason", "seconds")

OK = "ok"
SKIPPED = "skipped"
FAILED = "failed"
STOPPED = "stopped"


@dataclass
class InputResult:
    """One input's outcome. ``status``: ``ok`` (memo written), ``skipped`` (its memo from
    the last run is newer than it), ``failed`` (``reason`` says why, one sentence) or
    ``stopped`` (not done: the run was stopped). ``outputs``: the memos and the .brief."""

    input: str
    status: str
    outputs: list[Path] = field(default_factory=list)
    reason: str = ""
    seconds: float = 0.0

    def sentence(self) -> str:
        """The reason, naming the input (most reasons name it already)."""
        return self.reason if self.input in self.reason else f"{self.input}: {self.reason}"

    @property
    def brief_path(self) -> Path | None:
        """The .brief written (or kept) for this input; ``None`` when there is none."""
        return next((p for p in self.outputs if p.suffix == ".brief"), None)


def write_report(path: Path, results: list[InputResult]) -> None:
    """Write ``results`` as CSV (REPORT_COLUMNS; several outputs joined by ``; ``),
    atomically."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(REPORT_COLUMNS)
    for result in results:
        writer.writerow([result.input, "; ".join(str(p) for p in result.outputs),
                         result.status, result.reason, f"{result.seconds:.2f}"])
    write_bytes_atomically(path, buffer.getvalue().encode("utf-8"))


def summary_line(results: list[InputResult], *, stopped: bool = False) -> str:
    """The counts, for the last line: ``12 briefed, 3 skipped, 2 failed``, and what a
    stopped run left undone."""
    counts = Counter(r.status for r in results)
    line = (f"{counts[OK]} briefed, {counts[SKIPPED]} skipped (up to date), "
            f"{counts[FAILED]} failed")
    if stopped:
        line += f"; stopped, {counts[STOPPED]} not done"
    return line + "."
