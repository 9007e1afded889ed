"""``.brieftemplate`` files: one template folder in a zip, exported and imported safely."""

from __future__ import annotations

import io
import shutil
import stat
import tempfile
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from briefgen.errors import TemplateError
from briefgen.model import write_bytes_atomically
from briefgen.model.leftovers import IMPORT_LEFTOVER, VALIDATE_LEFTOVER, remove_leftovers
from briefgen.render.templates.manifest import MANIFEST_NAME, BriefTemplate, read_manifest
from briefgen.render.templates.validate import TemplateProblem, validate_folder

PACKAGE_SUFFIX = ".brieftemplate"
MAX_ENTRIES = 200
MAX_ENTRY_BYTES = 20_000_000
MAX_TOTAL_BYTES = 50_000_000
# Longest entry name and longest single folder or file name in it (most file systems
# refuse names over 255 bytes; a template needs nothing near either).
MAX_NAME_CHARS = 240
MAX_PART_CHARS = 120
# What reading a damaged (bit-flipped, truncated, oddly encoded) zip can raise.
ZIP_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError,
              NotImplementedError, RuntimeError, UnicodeError)
_SKIPPED = ("__pycache__", ".DS_Store", "Thumbs.db")
_ORIGIN_WORDS = {"builtin": "built-in", "user": "user", "office": "office"}


def export_package(template: BriefTemplate, path: Path) -> None:
    """Zip the template folder into ``path``; TemplateError naming it if it cannot be written."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(template.folder.rglob("*")):
            relative = file.relative_to(template.folder)
            if not file.is_file() or file.is_symlink():
                continue
            if any(part.startswith((".", "~$")) or part in _SKIPPED for part in relative.parts):
                continue
            archive.write(file, relative.as_posix())
    try:
        write_bytes_atomically(path, buffer.getvalue())
    except Exception as exc:  # BriefFileError or OSError: one sentence either way
        raise TemplateError(f"{path}: the template package cannot be written ({exc}).") \
            from None


def _safe_member_path(name: str, where: Path) -> PurePosixPath:
    """The member's relative path; TemplateError if it could land outside the folder."""
    posix = PurePosixPath(name.replace("\\", "/"))
    if (posix.is_absolute() or ".." in posix.parts or ":" in name
            or any(p in ("", ".") for p in posix.parts[:-1])):
        raise TemplateError(
            f"{where}: the package is refused because the entry '{name}' points outside "
            "its folder."
        )
    return posix


def _check_names(members: list[zipfile.ZipInfo], where: Path) -> None:
    """TemplateError for an entry name too long to unpack, or one entry that is both a file
    and the folder of another (``x`` and ``x/y``), or a name given twice."""
    files: set[tuple[str, ...]] = set()
    folders: set[tuple[str, ...]] = set()
    for info in members:
        name = info.filename
        parts = tuple(p for p in name.replace("\\", "/").split("/") if p)
        if len(name) > MAX_NAME_CHARS or any(len(p) > MAX_PART_CHARS for p in parts):
            raise TemplateError(f"{where}: the package is refused because the entry "
                                f"'{name[:60]}...' has too long a name.")
        folders.update(parts[:i] for i in range(1, len(parts)))
        if info.is_dir():
            folders.add(parts)
        elif parts in files:
            raise TemplateError(f"{where}: the package is refused because it holds the entry "
                                f"'{name}' twice.")
        else:
            files.add(parts)
    clash = next(iter(sorted(files & folders)), None)
    if clash is not None:
        raise TemplateError(f"{where}: the package is refused because '{'/'.join(clash)}' "
                            "is both a file and a folder.")


def _check_members(archive: zipfile.ZipFile, where: Path) -> list[zipfile.ZipInfo]:
    members = archive.infolist()
    if len(members) > MAX_ENTRIES:
        raise TemplateError(f"{where}: the package holds more than {MAX_ENTRIES} files.")
    for info in members:
        _safe_member_path(info.filename, where)
    _check_names(members, where)
    total = 0
    for info in members:
        mode = info.external_attr >> 16
        if stat.S_ISLNK(mode):
            raise TemplateError(f"{where}: the package is refused because '{info.filename}' "
                                "is a symbolic link.")
        if info.file_size > MAX_ENTRY_BYTES:
            raise TemplateError(f"{where}: the entry '{info.filename}' is too large "
                                f"({info.file_size:,} bytes; the limit is {MAX_ENTRY_BYTES:,}).")
        total += info.file_size
    if total > MAX_TOTAL_BYTES:
        raise TemplateError(f"{where}: the package unpacks to more than {MAX_TOTAL_BYTES:,} "
                            "bytes.")
    return members


def unpack(path: Path, target: Path) -> Path:
    """Extract the package into ``target`` (which must exist) and return the template folder.

    The folder is ``target`` itself, or its single top-level folder when the archive
    wraps the template in one. TemplateError for zip-slip paths, symbolic links, oversized
    entries, corrupt archives and archives that hold no template.toml.
    """
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise TemplateError(f"{path}: the template package does not exist.") from None
    except (OSError, *ZIP_ERRORS) as exc:
        raise TemplateError(f"{path}: the file is not a template package ({exc}).") from None
    with archive:
        for info in _check_members(archive, path):
            relative = _safe_member_path(info.filename, path)
            destination = target.joinpath(*relative.parts)
            written = 0
            try:
                if info.is_dir():
                    destination.mkdir(parents=True, exist_ok=True)
                    continue
                destination.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(info) as src, destination.open("wb") as dst:
                    while chunk := src.read(65536):
                        written += len(chunk)
                        if written > info.file_size or written > MAX_ENTRY_BYTES:
                            raise TemplateError(f"{path}: the entry '{info.filename}' unpacks "
                                                "to more than it declares.")
                        dst.write(chunk)
            except (OSError, *ZIP_ERRORS) as exc:  # zlib.error: a damaged (bit-flipped) entry
                reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
                raise TemplateError(f"{path}: the entry '{info.filename[:80]}' cannot be "
                                    f"unpacked ({reason}).") from None
    if (target / MANIFEST_NAME).is_file():
        return target
    folders = [p for p in target.iterdir() if p.is_dir()]
    if len(folders) == 1 and (folders[0] / MANIFEST_NAME).is_file():
        return folders[0]
    raise TemplateError(f"{path}: the file is not a brief template (it holds no {MANIFEST_NAME}).")


def copy_folder(path: Path, target: Path) -> Path:
    """Copy the template folder ``path`` into ``target`` (which must exist) within the
    package limits, and return ``target``. TemplateError for a folder without a manifest,
    a symbolic link inside it, too many or too large files, or one that cannot be read."""
    if not (path / MANIFEST_NAME).is_file():
        raise TemplateError(f"{path}: the folder is not a brief template (it holds no "
                            f"{MANIFEST_NAME}).")
    count = total = 0
    try:
        for file in sorted(path.rglob("*")):
            relative = file.relative_to(path)
            if any(part.startswith((".", "~$")) or part in _SKIPPED
                   for part in relative.parts):
                continue
            if file.is_symlink():
                raise TemplateError(f"{path}: the folder is refused because '{relative}' is a "
                                    "symbolic link.")
            destination = target / relative
            if file.is_dir():
                destination.mkdir(parents=True, exist_ok=True)
                continue
            count += 1
            size = file.stat().st_size
            total += size
            if count > MAX_ENTRIES:
                raise TemplateError(f"{path}: the folder holds more than {MAX_ENTRIES} files.")
            if size > MAX_ENTRY_BYTES:
                raise TemplateError(f"{path}: the file '{relative}' is too large ({size:,} "
                                    f"bytes; the limit is {MAX_ENTRY_BYTES:,}).")
            if total > MAX_TOTAL_BYTES:
                raise TemplateError(f"{path}: the folder holds more than {MAX_TOTAL_BYTES:,} "
                                    "bytes.")
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, destination)
    except OSError as exc:
        raise TemplateError(f"{path}: the template folder cannot be read "
                            f"({exc.strerror or exc}).") from None
    return target


def import_package(path: Path, user_dir: Path, existing: dict[str, BriefTemplate], *,
                   replace: bool = False) -> BriefTemplate:
    """Unpack (or, for a template folder, copy), validate and install a package into
    ``user_dir``; the installed template.

    ``existing`` maps the ids already in the library to their templates. TemplateError
    (naming the file and, for template problems, the file and line inside it) otherwise.
    """
    try:
        user_dir.mkdir(parents=True, exist_ok=True)
        remove_leftovers(user_dir, IMPORT_LEFTOVER)  # of imports that were killed
        staging = Path(tempfile.mkdtemp(prefix=".import-", dir=user_dir))
    except OSError as exc:
        raise TemplateError(f"{user_dir}: the template folder cannot be written ({exc}).") \
            from None
    try:
        folder = copy_folder(path, staging) if path.is_dir() else unpack(path, staging)
        # First: its messages name files in the package. Warnings do not refuse it.
        problems = [p for p in validate_folder(folder) if not p.warning]
        if problems:
            more = f" (and {len(problems) - 1} more problems)" if len(problems) > 1 else ""
            raise TemplateError(f"{path}: the template is refused: {problems[0]}{more}.")
        template = read_manifest(folder, "user")
        clash = existing.get(template.id)
        if clash is not None and (clash.read_only or not replace):
            raise TemplateError(
                f"{path}: a {_ORIGIN_WORDS.get(clash.origin, clash.origin)} template with "
                f"the id '{template.id}' already exists."
            )
        target = user_dir / template.id
        if target.exists():
            shutil.rmtree(target)
        shutil.move(str(folder), str(target))
        return read_manifest(target, "user")
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def validate_template(path: Path) -> list[TemplateProblem]:
    """Problems in a template folder, its template.toml, or a ``.brieftemplate`` package.

    An empty list means the template is valid. File names in the problems start with
    ``path`` so that ``str(problem)`` reads ``PATH/memo.html:12: ...``.
    """
    path = Path(path)
    if path.is_file() and path.name == MANIFEST_NAME:
        path = path.parent
    if path.is_dir():
        return validate_folder(path, label=str(path))
    if not path.exists():
        return [TemplateProblem(str(path), None, "no such file or folder")]
    remove_leftovers(Path(tempfile.gettempdir()), VALIDATE_LEFTOVER)  # of killed runs
    with tempfile.TemporaryDirectory(prefix="briefgen-validate-") as tmp:
        try:
            folder = unpack(path, Path(tmp))
        except TemplateError as exc:
            return [TemplateProblem(str(path), None,
                                    str(exc).split(": ", 1)[-1].rstrip("."))]
        return validate_folder(folder, label=str(path))
