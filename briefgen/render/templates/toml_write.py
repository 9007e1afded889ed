"""Write the small subset of TOML a template manifest uses (tomllib only reads)."""

from __future__ import annotations

import json
import re
from typing import Any

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else json.dumps(key, ensure_ascii=False)


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        # A JSON string is a valid TOML basic string once control characters are escaped:
        # json.dumps escapes U+0000-U+001F, and TOML also forbids DEL (U+007F) raw.
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        items = ", ".join(f"{_key(str(k))} = {_value(v)}" for k, v in value.items()
                          if v is not None)
        return "{ " + items + " }" if items else "{}"
    raise TypeError(f"cannot write {type(value).__name__} to TOML")


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(v, dict) for v in value)


def dumps(data: dict[str, Any]) -> str:
    """TOML text for ``data``: scalars first, then [tables], then [[arrays of tables]].

    ``None`` values are left out (TOML has no null).
    """
    lines: list[str] = []
    tables = {k: v for k, v in data.items() if isinstance(v, dict)}
    arrays = {k: v for k, v in data.items() if _is_table_array(v)}
    for key, value in data.items():
        if value is None or key in tables or key in arrays:
            continue
        lines.append(f"{_key(key)} = {_value(value)}")
    for key, table in tables.items():
        lines.extend(["", f"[{_key(key)}]"])
        lines.extend(f"{_key(str(k))} = {_value(v)}" for k, v in table.items() if v is not None)
    for key, rows in arrays.items():
        for row in rows:
            lines.extend(["", f"[[{_key(key)}]]"])
            lines.extend(f"{_key(str(k))} = {_value(v)}" for k, v in row.items() if v is not None)
    return "\n".join(lines) + "\n"
