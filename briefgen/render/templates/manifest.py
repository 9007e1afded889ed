"""Template manifests: ``template.toml`` read into BriefTemplate and FieldSpec dataclasses."""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from briefgen.errors import TemplateError
from briefgen.model import list_names

MANIFEST_NAME = "template.toml"
FIELD_TYPES = ("text", "multiline", "date", "choice", "list", "people", "quotes", "bool")
# What a template's ``lists`` may name: the bottom line, the Brief's lists and the sources.
TEMPLATE_LISTS = ("summary", *list_names(), "sources")
Origin = Literal["builtin", "user", "office"]
# Matched in full (``fullmatch``): ``$`` alone would accept a trailing newline.
_ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
# A manifest is a few kilobytes; these bound what a hostile one can make the reader do.
MAX_MANIFEST_BYTES = 256_000
MAX_FIELDS = 200
MAX_CHOICES = 200
# The Python types each field type's default may have (``None``: no default).
_DEFAULT_TYPES: dict[str, tuple[type, ...]] = {
    "text": (str,), "multiline": (str,), "choice": (str,), "date": (str, dt.date),
    "list": (list,), "people": (list,), "quotes": (list,), "bool": (bool,),
}


@dataclass
class FieldSpec:
    """One header field the template's form shows.

    ``default`` is the value a new brief starts with (``None``: no default); ``choices``
    is only meaningful for ``type == "choice"`` and is empty otherwise. ``meaning`` is
    only meaningful for ``type == "date"``: ``"memo-date"`` (the day the memo is drafted:
    today unless the user types one) or ``"event-date"`` (the day of the event the sources
    report, as extraction found it; the default, as before the key existed).
    """

    name: str
    type: str = "text"
    label: str = ""
    default: Any = None
    help: str = ""
    required: bool = False
    choices: list[str] = field(default_factory=list)
    meaning: str = ""
    scope: str = "office"


DATE_MEANINGS = ("memo-date", "event-date")
# What a field's value belongs to: "office" (the same in every memo of an office: to,
# from, distribution, marking), kept by "Save as template" as the new template's default;
# "brief" (this memo's own: its subject, dates, background, comment), never kept.
FIELD_SCOPES = ("office", "brief")
# Field types whose value is always one brief's own: dates, prose, people and quotes.
_BRIEF_TYPES = frozenset({"date", "multiline", "people", "quotes"})
# Words that make a one-line text field a brief's own when the manifest does not say:
# what the memo is about and where or when its event took place.
_BRIEF_WORDS = frozenset({
    "subject", "re", "regarding", "title", "headline", "topic", "summary", "purpose",
    "location", "venue", "place", "event", "meeting", "occasion", "time", "day", "when",
    "where", "reference", "ref", "case", "file", "number", "no",
})


def default_scope(name: str, kind: str, label: str = "") -> str:
    """The scope of a field whose manifest gives none: "brief" for dates, prose, people
    and quotes, and for a text field whose name or label says what the memo is about or
    where its event was (subject, RE, title, location...); "office" otherwise (to, from,
    CC, distribution, classification, yes/no switches, choices)."""
    if kind in _BRIEF_TYPES:
        return "brief"
    if kind == "text":
        words = set(re.findall(r"[a-z]+", f"{name} {label}".lower().replace("_", " ")))
        if words & _BRIEF_WORDS:
            return "brief"
    return "office"


@dataclass
class BriefTemplate:
    """A brief template package: its manifest plus where its HTML and Word files live."""

    id: str
    name: str
    description: str
    version: str
    fields: list[FieldSpec]
    lists: list[str]
    folder: Path
    html_file: Path
    docx_file: Path
    origin: Origin = "builtin"
    read_only: bool = True
    labels: dict[str, str] = field(default_factory=dict)

    def field(self, name: str) -> FieldSpec | None:
        """The field spec called ``name``, or ``None`` if the manifest has no such field."""
        return next((f for f in self.fields if f.name == name), None)


def valid_template_id(template_id: str) -> bool:
    """Whether ``template_id`` is a usable folder name: lower-case letters, digits, dashes."""
    return bool(_ID_PATTERN.fullmatch(template_id))


def _text(table: dict[str, Any], key: str, where: str, *, required: bool = True) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise TemplateError(f"{where}: '{key}' must be text.")
    if required and not value.strip():
        raise TemplateError(f"{where}: the manifest lacks '{key}'.")
    return value


def _field_spec(raw: Any, where: str) -> FieldSpec:
    if not isinstance(raw, dict):
        raise TemplateError(f"{where}: each [[fields]] entry must be a table.")
    name = _text(raw, "name", where)
    if not name.isidentifier():
        raise TemplateError(f"{where}: the field name '{name}' is not a valid identifier.")
    kind = _text(raw, "type", where, required=False) or "text"
    if kind not in FIELD_TYPES:
        raise TemplateError(
            f"{where}: the field '{name}' has the unknown type '{kind}' "
            f"(known: {', '.join(FIELD_TYPES)})."
        )
    choices = raw.get("choices", [])
    if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
        raise TemplateError(f"{where}: the choices of field '{name}' must be a list of text.")
    if len(choices) > MAX_CHOICES:
        raise TemplateError(f"{where}: the field '{name}' lists more than {MAX_CHOICES} "
                            "choices.")
    if kind == "choice" and not choices:
        raise TemplateError(f"{where}: the choice field '{name}' lists no choices.")
    required = raw.get("required", False)
    if not isinstance(required, bool):
        raise TemplateError(f"{where}: 'required' of field '{name}' must be true or false.")
    meaning = _text(raw, "meaning", where, required=False)
    if kind == "date":
        meaning = meaning or "event-date"
        if meaning not in DATE_MEANINGS:
            raise TemplateError(
                f"{where}: the date field '{name}' has the unknown meaning '{meaning}' "
                f"(known: {', '.join(DATE_MEANINGS)})."
            )
    elif meaning:
        raise TemplateError(f"{where}: only a date field has a 'meaning' ('{name}' has one).")
    label = _text(raw, "label", where, required=False) or name.replace("_", " ").title()
    scope = _text(raw, "scope", where, required=False) or default_scope(name, kind, label)
    if scope not in FIELD_SCOPES:
        raise TemplateError(f"{where}: the field '{name}' has the unknown scope '{scope}' "
                            f"(known: {', '.join(FIELD_SCOPES)}).")
    if kind == "date" and scope != "brief":
        raise TemplateError(f"{where}: the date field '{name}' cannot have the scope "
                            "'office': a date is always one memo's own.")
    return FieldSpec(
        scope=scope,
        meaning=meaning,
        name=name,
        type=kind,
        label=label,
        default=_default(raw, name, kind, where),
        help=_text(raw, "help", where, required=False),
        required=required,
        choices=list(choices),
    )


def _default(raw: dict[str, Any], name: str, kind: str, where: str) -> Any:
    """The field's default, checked strictly against its type (``"false"`` is no bool)."""
    value = raw.get("default")
    if value is None:
        return None
    if not isinstance(value, _DEFAULT_TYPES[kind]) or (
            kind != "bool" and isinstance(value, bool)):
        raise TemplateError(
            f"{where}: the default of the {kind} field '{name}' has the wrong type "
            f"({type(value).__name__})."
        )
    rows: list[Any] = value if isinstance(value, list) else []
    if kind == "list" and not all(isinstance(item, str) for item in rows):
        raise TemplateError(f"{where}: the default of the list field '{name}' must be a "
                            "list of text.")
    if kind in ("people", "quotes") and not all(
            isinstance(row, str) or (isinstance(row, dict)
                                     and all(isinstance(v, str) for v in row.values()))
            for row in rows):
        raise TemplateError(f"{where}: the default of the {kind} field '{name}' must be a "
                            "list of rows of text.")
    return value


def _contained_file(folder: Path, name: str, where: str) -> Path:
    path = (folder / name).resolve()
    if folder.resolve() not in path.parents:
        raise TemplateError(f"{where}: the file '{name}' lies outside the template folder.")
    return path


def _load_toml(path: Path, folder: Path) -> dict[str, Any]:
    """The manifest's TOML table; TemplateError for anything that keeps it from being one.

    A manifest is UTF-8 TOML of at most MAX_MANIFEST_BYTES: Latin-1 text, a 5,000-digit
    integer (Python's int limit) or tables nested a thousand deep are refused, never raised.
    """
    try:
        with path.open("rb") as fh:
            raw = fh.read(MAX_MANIFEST_BYTES + 1)
    except FileNotFoundError:
        raise TemplateError(f"{folder}: the folder holds no {MANIFEST_NAME}.") from None
    except OSError as exc:
        raise TemplateError(f"{path}: the manifest cannot be read ({exc.strerror}).") from None
    if len(raw) > MAX_MANIFEST_BYTES:
        raise TemplateError(f"{path}: the manifest is larger than {MAX_MANIFEST_BYTES:,} "
                            "bytes.")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise TemplateError(f"{path}: the manifest is not UTF-8 text (byte {exc.start} "
                            "cannot be read); save it as UTF-8.") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{path}: the manifest is not valid TOML ({exc}).") from None
    except ValueError as exc:  # an integer too long for Python to convert
        raise TemplateError(f"{path}: the manifest holds a value briefgen cannot read "
                            f"({exc}).") from None
    except RecursionError:
        raise TemplateError(f"{path}: the manifest nests tables or arrays too deeply.") \
            from None


def _version(data: dict[str, Any], where: str) -> str:
    value = data.get("version", "1")
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise TemplateError(f"{where}: 'version' must be text such as \"1.0\".")
    text = str(value)
    if len(text) > 32:
        raise TemplateError(f"{where}: 'version' is longer than 32 characters.")
    return text


def read_manifest(folder: Path, origin: Origin = "builtin") -> BriefTemplate:
    """The template in ``folder``; TemplateError naming the manifest if it is unusable.

    Built-in and office templates are read-only; user templates are not.
    """
    path = folder / MANIFEST_NAME
    data = _load_toml(path, folder)
    where = str(path)
    template_id = _text(data, "id", where)
    if not valid_template_id(template_id):
        raise TemplateError(
            f"{where}: the id '{template_id}' must be lower-case letters, digits and dashes."
        )
    raw_fields = data.get("fields", [])
    if not isinstance(raw_fields, list):
        raise TemplateError(f"{where}: 'fields' must be an array of tables ([[fields]]).")
    if len(raw_fields) > MAX_FIELDS:
        raise TemplateError(f"{where}: the manifest declares more than {MAX_FIELDS} fields.")
    specs = [_field_spec(raw, where) for raw in raw_fields]
    seen: set[str] = set()
    for spec in specs:
        if spec.name in seen:
            raise TemplateError(f"{where}: the field '{spec.name}' is declared twice.")
        seen.add(spec.name)
    lists = data.get("lists", [])
    if not isinstance(lists, list) or not all(isinstance(x, str) for x in lists):
        raise TemplateError(f"{where}: 'lists' must be a list of brief list names.")
    unknown = [x for x in lists if x not in TEMPLATE_LISTS]
    if unknown:
        raise TemplateError(
            f"{where}: 'lists' names '{unknown[0]}', which is not a brief list "
            f"(known: {', '.join(TEMPLATE_LISTS)})."
        )
    files = data.get("files", {})
    if not isinstance(files, dict):
        raise TemplateError(f"{where}: [files] must be a table.")
    labels = data.get("labels", {})
    if not isinstance(labels, dict) or not all(isinstance(v, str) for v in labels.values()):
        raise TemplateError(f"{where}: [labels] must map names to text.")
    return BriefTemplate(
        labels=dict(labels),
        id=template_id,
        name=_text(data, "name", where),
        description=_text(data, "description", where, required=False),
        version=_version(data, where),
        fields=specs,
        lists=list(lists),
        folder=folder.resolve(),
        html_file=_contained_file(folder, _text(files, "html", where), where),
        docx_file=_contained_file(folder, _text(files, "docx", where), where),
        origin=origin,
        read_only=origin != "user",
    )
