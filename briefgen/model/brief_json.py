"""Brief JSON: the public, versioned dictionary form of a Brief (DESIGN.md)."""

from __future__ import annotations

import math
import re
from dataclasses import asdict, fields
from typing import Any, TypeVar

from briefgen.model.brief import Brief, Outcome, Source, Span, Summary
from briefgen.model.lists import BRIEF_LISTS
from briefgen.text.datelines import Dateline, parse_dateline

FORMAT_NAME = "briefgen.brief"
FORMAT_VERSION = 1


class BriefJSONError(ValueError):
    """The data is not valid Brief JSON; the message says where and why."""


T = TypeVar("T")

# A Brief JSON object is at most about six levels deep (brief, sources, source, spans, span,
# and a header field's list of rows); anything far deeper is not a brief and would exhaust
# the recursion of every later step.
MAX_DEPTH = 32
# Offsets, counts and scores are far below this; a longer integer is not brief data.
MAX_INTEGER = 2**63 - 1
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")

def text_sha256(text: str) -> str:
    """The sha256 hex digest of a source text, as stored in ``sources[i].sha256``."""
    import hashlib  # here: OpenSSL loads only when a source text is hashed

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    """The Brief JSON object for ``brief`` (plain dicts, lists and scalars)."""
    data: dict[str, Any] = {"format": FORMAT_NAME, "version": FORMAT_VERSION}
    data.update(asdict(brief))
    return data


def bounded_json(value: Any, where: str = "it", depth: int = 0) -> Any:
    """A copy of parsed JSON ``value`` with every lone surrogate (which no file or memo
    can hold) replaced by U+FFFD, the replacement character, so offsets keep their meaning.

    Raises BriefJSONError when ``value`` is nested more than MAX_DEPTH levels deep or
    holds an integer beyond MAX_INTEGER or a number that is not finite.
    """
    if depth > MAX_DEPTH:
        raise BriefJSONError(f"it is nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        if abs(value) > MAX_INTEGER:
            raise BriefJSONError(f"{where} holds a number too large for a brief")
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise BriefJSONError(f"{where} holds a number that is not finite")
        return value
    if isinstance(value, list | tuple):
        return [bounded_json(v, f"{where}[{i}]", depth + 1) for i, v in enumerate(value)]
    if isinstance(value, dict):
        return {
            _LONE_SURROGATE.sub("\ufffd", str(k)): bounded_json(v, _member(where, k), depth + 1)
            for k, v in value.items()
        }
    raise BriefJSONError(f"{where} holds a {type(value).__name__}, which JSON cannot")


def _member(where: str, key: Any) -> str:
    """``where`` and member ``key`` as a message names them: at most 40 characters, and
    control characters escaped ("\\n") so that the message stays one printable line."""
    name = _LONE_SURROGATE.sub("\ufffd", str(key))[:40]
    name = "".join(c if c.isprintable() else repr(c)[1:-1] for c in name)
    return name if where == "it" else f"{where}.{name}"


def brief_from_dict(data: Any) -> Brief:
    """A Brief from a Brief JSON object; raises BriefJSONError naming the bad part.

    The object is first passed through bounded_json (depth, number sizes, surrogates).
    """
    data = bounded_json(data)
    if not isinstance(data, dict):
        raise BriefJSONError("it is not a JSON object")
    if data.get("format") != FORMAT_NAME:
        raise BriefJSONError(f'its "format" is not "{FORMAT_NAME}"')
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise BriefJSONError('its "version" is missing or not a positive whole number')
    if version > FORMAT_VERSION:
        raise BriefJSONError(
            f"it was written by a newer briefgen (format version {version}; "
            f"this one reads up to {FORMAT_VERSION})"
        )
    template = data.get("template", Brief.template)
    if not isinstance(template, str):
        raise BriefJSONError('"template" is not a string')
    raw_fields = data.get("fields", {})
    if not isinstance(raw_fields, dict):
        raise BriefJSONError('"fields" is not an object')
    brief = Brief(template=template, fields=dict(raw_fields))
    brief.sources = [_source(item, f"sources[{i}]") for i, item in
                     enumerate(_list(data, "sources"))]
    summary = data.get("summary", {})
    brief.summary = _build(Summary, summary if summary is not None else {}, "summary")
    for spec in BRIEF_LISTS:
        name, cls = spec.name, spec.item_class
        setattr(brief, name, [_build(cls, item, f"{name}[{i}]")
                              for i, item in enumerate(_list(data, name))])
    edited = _list(data, "edited")
    if not all(isinstance(p, str) for p in edited):
        raise BriefJSONError('"edited" holds something that is not a string')
    brief.edited = list(edited)
    dismissed = _list(data, "dismissed")  # absent from files written before it existed
    if not all(isinstance(k, str) for k in dismissed):
        raise BriefJSONError('"dismissed" holds something that is not a string')
    brief.dismissed = list(dismissed)
    if "outcomes" not in data:
        _migrate_outcomes_field(brief)
    return brief


def _migrate_outcomes_field(brief: Brief) -> None:
    """Move an older file's ``outcomes`` header field (the meeting readout's typed lines,
    a list of strings or one text with a line each) into the ``outcomes`` list, each line
    an item the user edited, so that re-extraction keeps it."""
    value = brief.fields.pop("outcomes", None)
    lines = value.splitlines() if isinstance(value, str) else value
    if not isinstance(lines, list):
        return  # no such field, or one of a shape no template wrote
    texts = [" ".join(str(line).split()) for line in lines if isinstance(line, str | int | float)]
    brief.outcomes = [Outcome(text) for text in texts if text]
    brief.edited = [p for p in brief.edited if p != "/fields/outcomes"]
    brief.edited += [f"/outcomes/{i}" for i in range(len(brief.outcomes))]


def _list(data: dict[str, Any], key: str) -> list[Any]:
    value = data.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        raise BriefJSONError(f'"{key}" is not a list')
    return value


def _source(item: Any, where: str) -> Source:
    """A Source; its ``dateline`` is parsed from its text when the file predates the field."""
    if not isinstance(item, dict):
        raise BriefJSONError(f"{where} is not an object")
    source = _build(Source, {k: v for k, v in item.items() if k != "dateline"}, where)
    if "dateline" not in item:  # written before sources carried their dateline
        source.dateline = parse_dateline(source.text)
    elif isinstance(item["dateline"], dict):
        source.dateline = _dateline(item["dateline"], f"{where}.dateline")
    elif item["dateline"] is not None:
        raise BriefJSONError(f"{where}.dateline is not an object")
    return source


def _dateline(item: dict[str, Any], where: str) -> Dateline:
    for name in ("place", "date_text", "agency"):
        if not isinstance(item.get(name), str | type(None)):
            raise BriefJSONError(f"{where}.{name} is not a string")
    end = _offset(item, "end", where)
    return Dateline(item.get("place"), item.get("date_text"), item.get("agency"), end)


def _build(cls: type[T], item: Any, where: str) -> T:
    """Build dataclass ``cls`` from ``item``, checking each known field's type.

    Unknown keys are ignored (later versions may add fields); missing optional
    keys take their defaults.
    """
    if not isinstance(item, dict):
        raise BriefJSONError(f"{where} is not an object")
    kwargs: dict[str, Any] = {}
    for f in fields(cls):  # type: ignore[arg-type]
        if f.name not in item:
            continue
        value = item[f.name]
        if f.name == "spans":
            if not isinstance(value, list):
                raise BriefJSONError(f'{where}.spans is not a list')
            value = [_span(s, f"{where}.spans[{j}]") for j, s in enumerate(value)]
        else:
            _check_scalar(f.type, value, f"{where}.{f.name}")
            if f.name in {"score", "confidence"} and isinstance(value, int):
                value = float(value)
            if f.name == "confidence" and value is not None and not 0.0 <= value <= 1.0:
                raise BriefJSONError(f"{where}.confidence is not between 0 and 1")
            if f.name == "warnings":
                value = list(value)
        kwargs[f.name] = value
    try:
        return cls(**kwargs)
    except TypeError as exc:  # a required field is missing
        missing = str(exc).split("argument")[-1].strip(": ")
        raise BriefJSONError(f"{where} lacks {missing}") from None


def _check_scalar(type_text: Any, value: Any, where: str) -> None:
    spec = str(type_text)
    allowed: list[type] = []
    if "str" in spec:
        allowed.append(str)
    if "float" in spec:
        allowed += [float, int]
    if "bool" in spec:
        allowed.append(bool)
    if spec.startswith("list"):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise BriefJSONError(f"{where} is not a list of strings")
        return
    if value is None and "None" in spec:
        return
    if "float" in spec and isinstance(value, bool):
        raise BriefJSONError(f"{where} is not a number")
    if allowed and not isinstance(value, tuple(allowed)):
        raise BriefJSONError(f"{where} has the wrong type ({type(value).__name__})")


def _span(item: Any, where: str) -> Span:
    if not isinstance(item, dict):
        raise BriefJSONError(f"{where} is not an object")
    source = item.get("source")
    if not isinstance(source, str):
        raise BriefJSONError(f"{where}.source is not a string")
    start, end = _offset(item, "start", where), _offset(item, "end", where)
    if end < start:
        raise BriefJSONError(f"{where} ends before it starts")
    return Span(source=source, start=start, end=end)


def _offset(item: dict[str, Any], name: str, where: str) -> int:
    value = item.get(name)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise BriefJSONError(f"{where}.{name} is not a non-negative whole number")
    return value
