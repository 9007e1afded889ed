"""Keeping third-party parsers' log chatter about damaged files off the user's terminal."""

from __future__ import annotations

import logging
from types import TracebackType


class QuietLogger:
    """Within ``with QuietLogger("pypdf"):`` that logger reports nothing below CRITICAL:
    a damaged file ends in one IntakeError sentence, not in lines on the terminal."""

    def __init__(self, name: str) -> None:
        self._logger = logging.getLogger(name)
        self._level = self._logger.level

    def __enter__(self) -> None:
        self._level = self._logger.level
        self._logger.setLevel(logging.CRITICAL)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._logger.setLevel(self._level)
