"""The credit line closing a wire story: "(Reporting by A and B; Editing by C)".

The reporters and editors it names wrote the story; they are not people of the story, and
the line is no sentence of it.
"""

from __future__ import annotations

import functools
import re

# How far from the end of a text the credit line may start.
_REACH = 1500
_CREDIT = (
    r"(?:^|\n)[ \t]*(?P<line>\(?[ \t]*(?:additional[ \t]+)?"
    r"(?:reporting|writing|editing|compiled|compiling|research|translated|graphics)"
    r"(?:[ \t]+and[ \t]+(?:writing|editing|reporting))?[ \t]+by[ \t]+(?-i:[A-Z])[^\n]{1,600}?)"
    r"\s*\Z"
)


@functools.cache
def _pattern() -> re.Pattern[str]:
    return re.compile(_CREDIT, re.IGNORECASE)


def credit_line(text: str) -> tuple[int, int] | None:
    """The offsets of the credit line that closes ``text`` (its last paragraph, opening
    with "Reporting by", "Additional reporting by", "Writing by", "Editing by" and the
    like, in brackets or not); ``None`` when the text ends otherwise."""
    start = max(0, len(text) - _REACH)
    match = _pattern().search(text, start)
    if match is None or not text[: match.start("line")].strip():
        return None  # a credit closes a story; a text of nothing else is no story
    line = match.group("line")
    if line.startswith("(") and not line.rstrip().endswith(")"):
        return None
    return match.start("line"), match.end("line")
