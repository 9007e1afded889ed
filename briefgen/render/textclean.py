"""Make text safe to put in XML-based documents: drop the characters XML 1.0 forbids."""

from __future__ import annotations

import re
from typing import Any

# XML 1.0 allows tab, newline, carriage return and everything from U+0020 up, except the
# surrogates and U+FFFE/U+FFFF. Anything else would make Word refuse the file.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def strip_forbidden(text: str) -> str:
    """``text`` without the control characters and non-characters that XML 1.0 forbids."""
    return _FORBIDDEN.sub("", text)


def clean_value(value: Any) -> Any:
    """A copy of a header field value with every string in it passed through strip_forbidden.

    Strings, lists, tuples and dicts are cleaned recursively; other values (numbers,
    booleans, ``None``) are returned unchanged.
    """
    if isinstance(value, str):
        return strip_forbidden(value)
    if isinstance(value, list | tuple):
        return [clean_value(v) for v in value]
    if isinstance(value, dict):
        return {str(k): clean_value(v) for k, v in value.items()}
    return value


def one_line(text: str) -> str:
    """``text`` with runs of whitespace (newlines included) folded into single spaces."""
    return " ".join(strip_forbidden(text).split())
