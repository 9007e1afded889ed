"""The template library: built-in, the user's own and an optional read-only office folder."""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path
from typing import Any

import platformdirs

from briefgen.errors import BriefgenError, TemplateError
from briefgen.model import write_text_atomically
from briefgen.render.templates import package
from briefgen.render.templates.manifest import (
    MANIFEST_NAME,
    BriefTemplate,
    Origin,
    read_manifest,
    valid_template_id,
)
from briefgen.render.templates.toml_write import dumps
from briefgen.render.textclean import clean_value
from briefgen.resources import builtin_templates_dir


def default_user_dir() -> Path:
    """The per-user template folder: the platformdirs user data dir of briefgen/templates."""
    return Path(platformdirs.user_data_dir("briefgen", appauthor=False)) / "templates"


def office_defaults(template: BriefTemplate, values: dict[str, Any]) -> dict[str, Any]:
    """The entries of ``values`` that "Save as template" keeps as defaults: those of the
    template's fields whose scope is "office" (see manifest.default_scope)."""
    office = {f.name for f in template.fields if f.scope == "office"}
    return {k: v for k, v in values.items() if k in office}


def slug(name: str) -> str:
    """A template id made from a display name: ``Weekly Readout (EU)`` -> ``weekly-readout-eu``."""
    text = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")[:48].strip("-")
    return text or "template"


class TemplateLibrary:
    """Every template the user can pick, and the operations on their own ones.

    ``builtin_dir`` ``None`` means the shipped templates; ``user_dir`` ``None`` means
    ``default_user_dir()``; ``office_dir`` ``None`` means the office has no shared folder.
    Office templates are listed read-only. Folders that are not valid templates are skipped
    and described in ``problems``.
    """

    def __init__(self, builtin_dir: Path | None = None, user_dir: Path | None = None,
                 office_dir: Path | None = None) -> None:
        self.builtin_dir = Path(builtin_dir) if builtin_dir else builtin_templates_dir()
        self.user_dir = Path(user_dir) if user_dir else default_user_dir()
        self.office_dir = Path(office_dir) if office_dir else None
        self.problems: list[str] = []

    def _scan(self, folder: Path | None, origin: Origin) -> list[BriefTemplate]:
        if folder is None:
            return []
        if not folder.is_dir():
            if origin == "office":
                self.problems.append(f"{folder}: the office template folder cannot be reached.")
            return []
        found = []
        try:
            children = sorted(folder.iterdir())
        except OSError as exc:
            self.problems.append(f"{folder}: the template folder cannot be read ({exc}).")
            return []
        for child in children:
            if child.name.startswith((".", "_")) or not (child / MANIFEST_NAME).is_file():
                continue
            try:
                found.append(read_manifest(child, origin))
            except BriefgenError as exc:
                self.problems.append(str(exc))
            except Exception as exc:  # noqa: BLE001 - one broken template never hides the rest
                self.problems.append(f"{child}: the template is skipped because its manifest "
                                     f"cannot be read ({type(exc).__name__}).")
        return found

    def templates(self) -> list[BriefTemplate]:
        """Built-in templates first, then the office's, then the user's, each by name.

        An id already taken by an earlier group is skipped (and noted in ``problems``).
        """
        self.problems = []
        result: list[BriefTemplate] = []
        seen: set[str] = set()
        groups = (("builtin", self.builtin_dir), ("office", self.office_dir),
                  ("user", self.user_dir))
        for origin, folder in groups:
            group = self._scan(folder, origin)  # type: ignore[arg-type]
            for template in sorted(group, key=lambda t: t.name.lower()):
                if template.id in seen:
                    self.problems.append(
                        f"{template.folder}: the template id '{template.id}' is already used; "
                        "this copy is ignored."
                    )
                    continue
                seen.add(template.id)
                result.append(template)
        return result

    def get(self, template_id: str) -> BriefTemplate:
        """The template with this id; TemplateError naming the id if there is none."""
        for template in self.templates():
            if template.id == template_id:
                return template
        raise TemplateError(f"There is no brief template with the id '{template_id}'.")

    def _own(self, template_id: str) -> BriefTemplate:
        template = self.get(template_id)
        if template.read_only:
            raise TemplateError(
                f"The template '{template_id}' is "
                f"{'built-in' if template.origin == 'builtin' else template.origin} and "
                "read-only; "
                "duplicate it to change it."
            )
        return template

    def _free_id(self, name: str, wanted: str | None = None) -> str:
        """``wanted`` when given (TemplateError if it is no valid id or is taken), else an
        id made from ``name`` that no template uses."""
        taken = {t.id for t in self.templates()}
        if wanted is not None:
            if not valid_template_id(wanted):
                raise TemplateError(f"The template id '{wanted}' must be lower-case letters, "
                                    "digits and dashes (at most 64).")
            if wanted in taken or (self.user_dir / wanted).exists():
                raise TemplateError(f"A template with the id '{wanted}' already exists; "
                                    "choose another id.")
            return wanted
        base = slug(name)
        candidate, n = base, 2
        while candidate in taken or (self.user_dir / candidate).exists():
            candidate, n = f"{base}-{n}", n + 1
        return candidate

    def _rewrite_manifest(self, folder: Path, changes: dict[str, Any],
                          defaults: dict[str, Any] | None = None) -> None:
        path = folder / MANIFEST_NAME
        with path.open("rb") as fh:
            data = tomllib.load(fh)
        data.update(changes)
        for raw in data.get("fields", []):
            if defaults and raw.get("name") in defaults:
                value = clean_value(defaults[raw["name"]])
                if value is None:
                    raw.pop("default", None)
                else:
                    raw["default"] = value
        write_text_atomically(path, dumps(data))

    def save_as(self, template_id: str, new_name: str,
                field_defaults: dict[str, Any]) -> BriefTemplate:
        """A new user template: a copy of ``template_id`` named ``new_name`` whose office
        fields default to the values in ``field_defaults`` (a brief's header fields).

        Only fields whose scope is "office" (manifest.default_scope: to, from, distribution,
        marking...) take the brief's value; a brief's own fields (subject, dates, background,
        comment, people: scope "brief") keep the source template's default, so that every
        memo started from the new template does not open with this brief's subject. Keys
        that are not fields of the template are ignored.
        """
        return self._copy(template_id, new_name, office_defaults(
            self.get(template_id), field_defaults))

    def _copy(self, template_id: str, new_name: str, field_defaults: dict[str, Any],
              new_id: str | None = None) -> BriefTemplate:
        source = self.get(template_id)
        if not new_name.strip():
            raise TemplateError("A template needs a name.")
        new_id = self._free_id(new_name, new_id)
        target = self.user_dir / new_id
        try:
            self.user_dir.mkdir(parents=True, exist_ok=True)
            shutil.copytree(source.folder, target,
                            ignore=shutil.ignore_patterns(".*", "__pycache__", "~$*"))
            self._rewrite_manifest(
                target, {"id": new_id, "name": new_name.strip()}, field_defaults
            )
        except OSError as exc:
            shutil.rmtree(target, ignore_errors=True)
            raise TemplateError(f"{target}: the template cannot be saved ({exc}).") from None
        return read_manifest(target, "user")

    def duplicate(self, template_id: str, new_name: str, *,
                  new_id: str | None = None) -> BriefTemplate:
        """A user copy of any template under a new name, with the same defaults; its id is
        ``new_id`` (TemplateError if taken) or one made from the name."""
        return self._copy(template_id, new_name, {}, new_id)

    def rename(self, template_id: str, new_name: str) -> BriefTemplate:
        """Give a user template a new display name; its id (which briefs refer to) stays."""
        template = self._own(template_id)
        if not new_name.strip():
            raise TemplateError("A template needs a name.")
        try:
            self._rewrite_manifest(template.folder, {"name": new_name.strip()})
        except (OSError, BriefgenError) as exc:
            raise TemplateError(f"{template.folder}: the template cannot be renamed ({exc}).") \
                from None
        return read_manifest(template.folder, "user")

    def delete(self, template_id: str) -> None:
        """Delete a user template's folder; built-in and office templates cannot be deleted."""
        template = self._own(template_id)
        try:
            shutil.rmtree(template.folder)
        except OSError as exc:
            raise TemplateError(f"{template.folder}: the template cannot be deleted ({exc}).") \
                from None

    def import_package(self, path: Path, *, replace: bool = False) -> BriefTemplate:
        """Install a ``.brieftemplate`` file (or a template folder) as a user template,
        after checking it.

        ``replace`` allows overwriting the user's own template with the same id; built-in
        and office ids can never be overwritten.
        """
        existing = {t.id: t for t in self.templates()}
        return package.import_package(Path(path), self.user_dir, existing, replace=replace)

    def export_package(self, template_id: str, path: Path) -> None:
        """Write the template as one ``.brieftemplate`` zip file to share."""
        package.export_package(self.get(template_id), Path(path))
