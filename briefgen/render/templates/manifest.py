"""Template manifests: ``template.toml`` read into BriefTemplate and FieldSpec dataclasses."""

from __future__ import annotations

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
_ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


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


DATE_MEANINGS = ("memo-date", "event-date")


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
    return bool(_ID_PATTERN.match(template_id))


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
    if kind == "choice" and not choices:
        raise TemplateError(f"{where}: the choice field '{name}' lists no choices.")
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
    return FieldSpec(
        meaning=meaning,
        name=name,
        type=kind,
        label=_text(raw, "label", where, required=False) or name.replace("_", " ").title(),
        default=raw.get("default"),
        help=_text(raw, "help", where, required=False),
        required=bool(raw.get("required", False)),
        choices=list(choices),
    )


def _contained_file(folder: Path, name: str, where: str) -> Path:
    path = (folder / name).resolve()
    if folder.resolve() not in path.parents:
        raise TemplateError(f"{where}: the file '{name}' lies outside the template folder.")
    return path


def read_manifest(folder: Path, origin: Origin = "builtin") -> BriefTemplate:
    """The template in ``folder``; TemplateError naming the manifest if it is unusable.

    Built-in and office templates are read-only; user templates are not.
    """
    path = folder / MANIFEST_NAME
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except FileNotFoundError:
        raise TemplateError(f"{folder}: the folder holds no {MANIFEST_NAME}.") from None
    except OSError as exc:
        raise TemplateError(f"{path}: the manifest cannot be read ({exc.strerror}).") from None
    except tomllib.TOMLDecodeError as exc:
        raise TemplateError(f"{path}: the manifest is not valid TOML ({exc}).") from None
    where = str(path)
    template_id = _text(data, "id", where)
    if not valid_template_id(template_id):
        raise TemplateError(
            f"{where}: the id '{template_id}' must be lower-case letters, digits and dashes."
        )
    raw_fields = data.get("fields", [])
    if not isinstance(raw_fields, list):
        raise TemplateError(f"{where}: 'fields' must be an array of tables ([[fields]]).")
    specs = [_field_spec(raw, where) for raw in raw_fields]
    names = [s.name for s in specs]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise TemplateError(f"{where}: the field '{duplicates[0]}' is declared twice.")
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
        version=str(data.get("version", "1")),
        fields=specs,
        lists=list(lists),
        folder=folder.resolve(),
        html_file=_contained_file(folder, _text(files, "html", where), where),
        docx_file=_contained_file(folder, _text(files, "docx", where), where),
        origin=origin,
        read_only=origin != "user",
    )
