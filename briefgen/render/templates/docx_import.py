"""A brief template from an office's own Word memo form or letterhead, in one step.

``import_docx`` reads the document (never changing it), fills the form's slots with the
brief's fields (labelled lines, layout tables, content controls, merge fields, and the
floating text boxes the caller names), puts the memo body where the document's sample text
is, in its own styles, adds the handling marking to every header and footer, removes what
links outside the file, and saves a template folder (template.toml, memo.docx, memo.html)
in the user's library. Everything else (page size and margins, every header and footer
with its pictures, text boxes and fields, styles, theme fonts, numbering) stays, because the
document is edited in place rather than rebuilt.
"""

from __future__ import annotations

import html
import io
import shutil
import tempfile
import tomllib
import zipfile
import zlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from briefgen.errors import TemplateError
from briefgen.render.docx_writer import MAX_DOCX_BYTES, MAX_DOCX_ENTRIES, MAX_DOCX_PART_BYTES
from briefgen.render.templates.docx_body import (
    add_marking,
    clear_core_properties,
    insert_body,
    remove_outside_links,
    replace_sample_lines,
)
from briefgen.render.templates.docx_slots import (
    SLOT_LABELS,
    SlotFinding,
    TextBox,
    fill_content_controls,
    fill_merge_fields,
    fill_paragraph_slots,
    fill_table_slots,
    fill_text_box,
    text_boxes,
)
from briefgen.render.templates.docx_xml import escape_jinja_text, sync_fallback_copies
from briefgen.render.templates.library import TemplateLibrary, slug
from briefgen.render.templates.manifest import (
    MANIFEST_NAME,
    BriefTemplate,
    read_manifest,
    valid_template_id,
)
from briefgen.render.templates.toml_write import dumps

# The built-in template whose manifest, HTML layout and memo body an import starts from.
BASE_TEMPLATE = "information-memo"
MAX_SOURCE_BYTES = 50_000_000
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_WORD_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
)
_MACRO_TYPES = (
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
_DOCX_TYPE = _WORD_TYPES[0]


class DocxImportError(TemplateError):
    """A Word document cannot become a template (one sentence naming the file)."""


@dataclass
class ImportResult:
    """What an import made, or what it needs to know first.

    ``template`` is None when the document has text boxes no label names and the caller
    gave no ``slots``: ``boxes`` lists them (number, current text) and the caller imports
    again with a mapping such as ``{"to": 1, "from": 2}`` (``{}`` keeps them as they are).
    ``slots`` says where each field was found; ``notes`` holds one line per thing the
    importer removed or chose.
    """

    template: BriefTemplate | None
    boxes: list[TextBox] = field(default_factory=list)
    slots: dict[str, list[str]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def needs_mapping(self) -> bool:
        return self.template is None and bool(self.boxes)


def _fail(path: Path, reason: str) -> DocxImportError:
    return DocxImportError(f"{path}: {reason}.")


def read_source(path: Path) -> bytes:
    """The bytes of a Word .docx at ``path``, checked: not a .doc, not encrypted, not
    macro-enabled, a zip within the Word template bounds. DocxImportError otherwise."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise _fail(path, f"the document is larger than {MAX_SOURCE_BYTES // 1_000_000} MB")
        data = path.read_bytes()
    except FileNotFoundError:
        raise _fail(path, "there is no such file") from None
    except IsADirectoryError:
        raise _fail(path, "this is a folder, not a Word document") from None
    except OSError as exc:
        raise _fail(path, f"the document cannot be read ({exc.strerror or exc})") from None
    if data.startswith(_OLE_MAGIC):
        if _encrypted(data):
            raise _fail(path, "the document is protected with a password; open it in Word, "
                              "remove the password (File > Info > Protect Document) and save "
                              "it again")
        raise _fail(path, "this is an old Word 97-2003 (.doc) document; open it in Word and "
                          "save it as a Word Document (.docx)")
    if suffix == ".doc":
        raise _fail(path, "only Word .docx documents can become templates; open it in Word "
                          "and save it as a Word Document (.docx)")
    if not data.startswith(b"PK"):
        raise _fail(path, "this is not a Word document (.docx)")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
            if len(members) > MAX_DOCX_ENTRIES:
                raise _fail(path, f"the document holds more than {MAX_DOCX_ENTRIES:,} parts")
            big = next((m for m in members if m.file_size > MAX_DOCX_PART_BYTES), None)
            if big is not None:
                raise _fail(path, f"its part '{big.filename[:60]}' inflates to "
                                  f"{big.file_size:,} bytes, more than the "
                                  f"{MAX_DOCX_PART_BYTES:,} a template may hold")
            if sum(m.file_size for m in members) > MAX_DOCX_BYTES:
                raise _fail(path, f"the document inflates to more than {MAX_DOCX_BYTES:,} "
                                  "bytes")
            if "[Content_Types].xml" not in names:
                raise _fail(path, "this is a zip file but not a Word document (.docx)")
            types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, zlib.error, ValueError,
            NotImplementedError, RuntimeError) as exc:
        raise _fail(path, f"the document is damaged and cannot be read as a .docx ({exc})") \
            from None
    if any(t in types for t in _MACRO_TYPES) or any(n.lower().endswith("vbaproject.bin")
                                                       for n in names):
        raise _fail(path, "the document holds macros, which a template may not run; open it "
                          "in Word and save it as a Word Document (.docx)")
    if not any(t in types for t in _WORD_TYPES):
        raise _fail(path, "this is an Office file but not a Word document (.docx)")
    return data


def _encrypted(data: bytes) -> bool:
    try:
        import olefile

        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            return bool(ole.exists("EncryptionInfo") or ole.exists("EncryptedPackage"))
    except Exception:  # noqa: BLE001 - an unreadable container is reported as a .doc
        return False


# LibreOffice names the core properties with an older relationship type that python-docx
# does not know: it would add a second docProps/core.xml (a duplicate zip entry).
_OLD_CORE = (b"http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/"
             b"core-properties")
_CORE = b"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"


def _as_docx_package(data: bytes) -> bytes:
    """The package as python-docx reads it: a .dotx (Word template) with the main part's
    content type of a .docx, and LibreOffice's core-properties relationship renamed."""
    fixes = {"[Content_Types].xml": (_WORD_TYPES[1].encode(), _DOCX_TYPE.encode()),
             "_rels/.rels": (_OLD_CORE, _CORE)}
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        names = set(source.namelist())
        needed = {name: fix for name, fix in fixes.items()
                  if name in names and fix[0] in source.read(name)}
        if not needed:
            return data
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                content = source.read(info.filename)
                if info.filename in needed:
                    content = content.replace(*needed[info.filename])
                target.writestr(info, content)
    return buffer.getvalue()


@dataclass
class _Converted:
    docx_bytes: bytes
    found: SlotFinding
    boxes: list[TextBox]
    notes: list[str]


def convert(path: Path, slots: Mapping[str, int] | None) -> _Converted:
    """The document at ``path`` turned into a docxtpl template (bytes), what was filled,
    the text boxes still unnamed and the notes; the file itself is only read."""
    data = read_source(path)
    try:
        return _convert(Path(path), _as_docx_package(data), slots)
    except (PackageNotFoundError, KeyError, IndexError, ValueError, zipfile.BadZipFile,
            zlib.error, etree.XMLSyntaxError) as exc:
        detail = f"a part it refers to is missing: {exc}" if isinstance(exc, KeyError) \
            else str(exc)
        raise _fail(Path(path), "the document is damaged and cannot be read as a .docx "
                                f"({detail[:120]})") from None


def _convert(path: Path, data: bytes, slots: Mapping[str, int] | None) -> _Converted:
    document = docx.Document(io.BytesIO(data))
    found = SlotFinding()
    notes = remove_outside_links(document)
    roots = [document.element.body]
    for section in document.sections:
        for part in (section.header, section.first_page_header, section.even_page_header,
                     section.footer, section.first_page_footer, section.even_page_footer):
            if not part.is_linked_to_previous and part._element not in roots:
                roots.append(part._element)
    done: set[etree._Element] = set()
    escaped = sum(escape_jinja_text(root) for root in roots)
    if escaped:
        notes.append(f"{escaped} brace(s) that look like template syntax will print as "
                     "they are.")
    for root in roots:
        fill_merge_fields(root, found)
        fill_content_controls(root, found)
    body = document.element.body
    fill_table_slots(body, found, done)
    fill_paragraph_slots(body, found, done)
    boxes = text_boxes(body)
    if slots:
        by_number = {box.number: box for box in boxes}
        for name, number in slots.items():
            box = by_number.get(number)
            if box is None:
                raise _fail(path, f"there is no text box {number} to hold '{name}' "
                                        f"(the document has {len(boxes)})")
            fill_text_box(box, name, found)
        boxes = [b for b in boxes if b.number not in set(slots.values())]
    for root in roots:
        sync_fallback_copies(root)
    replace_sample_lines(body, found)
    where = insert_body(document, found)
    notes.append(f"The memo body was placed {where}.")
    add_marking(document)
    clear_core_properties(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return _Converted(buffer.getvalue(), found, boxes, notes)


def import_docx(path: Path, library: TemplateLibrary, *, template_id: str | None = None,
                name: str | None = None,
                slots: Mapping[str, int] | None = None) -> ImportResult:
    """Make a user template from the Word document at ``path`` (see the module doc).

    ``slots`` maps field names to the numbers of text boxes no label names (``{"to": 1}``);
    with text boxes and ``slots`` None nothing is created and the result lists the boxes.
    The mapping is kept in the template: the boxes of its memo.docx show those fields.
    """
    path = Path(path)
    display = (name or "").strip() or path.stem.replace("_", " ").strip() or "Office memo"
    if template_id is not None and not valid_template_id(template_id):
        raise DocxImportError(f"The template id '{template_id}' must be lower-case letters, "
                              "digits and dashes.")
    new_id = template_id or slug(display)
    taken = {t.id for t in library.templates()}
    if new_id in taken or (library.user_dir / new_id).exists():
        if template_id is not None:
            raise DocxImportError(f"A template with the id '{new_id}' already exists; choose "
                                  "another id.")
        new_id = _free(new_id, taken, library.user_dir)
    unknown = [n for n in (slots or {}) if not n.isidentifier()]
    if unknown:
        raise DocxImportError(f"'{unknown[0]}' cannot name a field (use letters, digits and "
                              "underscores, such as to, from, date or subject).")
    converted = convert(path, slots)
    if converted.boxes and slots is None:
        return ImportResult(None, converted.boxes, converted.found.filled, converted.notes)
    base = library.get(BASE_TEMPLATE) if BASE_TEMPLATE in taken else None
    manifest = _manifest(new_id, display, path, converted.found, base)
    template = _write_folder(library, new_id, manifest, converted.docx_bytes, base)
    notes = list(converted.notes)
    if converted.boxes:
        notes.append(f"{len(converted.boxes)} text box(es) were left as they are.")
    return ImportResult(template, converted.boxes, converted.found.filled, notes)


def _free(base: str, taken: set[str], folder: Path) -> str:
    candidate, n = base, 2
    while candidate in taken or (folder / candidate).exists():
        candidate, n = f"{base}-{n}", n + 1
    return candidate


def _manifest(template_id: str, name: str, source: Path, found: SlotFinding,
              base: BriefTemplate | None) -> dict[str, object]:
    """The information memo's manifest with this id and name, plus a text field for each
    slot of the form that the information memo does not have (cc, reference...)."""
    if base is not None:
        with (base.folder / MANIFEST_NAME).open("rb") as fh:
            data = tomllib.load(fh)
    else:  # pragma: no cover - the built-in templates always ship
        data = {"lists": ["summary", "key_points", "outcomes", "people", "quotes",
                          "next_steps", "not_discussed", "sources"], "fields": []}
    data["id"] = template_id
    data["name"] = name
    data["description"] = f"Made from the Word document {source.name}."
    data["version"] = "1.0"
    data["files"] = {"html": "memo.html", "docx": "memo.docx"}
    fields = list(data.get("fields", []))
    declared = {f["name"] for f in fields}
    for field_name, places in found.filled.items():
        if field_name in declared or not field_name:
            continue
        title = found.titles.get(field_name, field_name)
        fields.insert(len([f for f in fields if f["name"] in SLOT_LABELS]), {
            "name": field_name, "type": "text", "label": title, "default": "",
            "help": f"Printed where the Word document had its {title} ({places[0]}).",
        })
        declared.add(field_name)
    data["fields"] = fields
    return data


def _html_layout(base_html: str, manifest: dict[str, object]) -> str:
    """The information memo's HTML layout with the template's name as its title and a
    header row for each field the Word document added (CC, reference...)."""
    base_fields = {"to", "from", "date", "subject", "background", "comment",
                   "classification", "portion_marks", "citations"}
    rows = []
    for spec in manifest.get("fields", []):  # type: ignore[attr-defined]
        if spec["name"] in base_fields:
            continue
        label = html.escape(str(spec["label"]).upper())
        rows.append(f'  <tr><th scope="row">{label}:</th><td dir="auto">'
                    f'{{{{ fields.{spec["name"]} }}}}</td></tr>\n')
    text = base_html.replace('<h1 class="doc-title">Information memorandum</h1>',
                             '<h1 class="doc-title">{{ template.name }}</h1>', 1)
    return text.replace('  <tr class="last">', "".join(rows) + '  <tr class="last">', 1)


def _write_folder(library: TemplateLibrary, template_id: str, manifest: dict[str, object],
                  docx_bytes: bytes, base: BriefTemplate | None) -> BriefTemplate:
    target = library.user_dir / template_id
    try:
        library.user_dir.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{template_id}-", dir=library.user_dir))
    except OSError as exc:
        raise DocxImportError(f"{library.user_dir}: the template folder cannot be created "
                              f"({exc.strerror or exc}).") from None
    try:
        (staging / "memo.docx").write_bytes(docx_bytes)
        if base is not None:
            (staging / "memo.html").write_text(
                _html_layout(base.html_file.read_text(encoding="utf-8"), manifest),
                encoding="utf-8")
        (staging / MANIFEST_NAME).write_text(dumps(manifest), encoding="utf-8")
        staging.rename(target)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise DocxImportError(f"{target}: the template cannot be saved "
                              f"({exc.strerror or exc}).") from None
    return read_manifest(target, "user")


def slot_options(values: Sequence[str] | None) -> dict[str, int] | None:
    """``--slot to=1 --slot from=2`` as {"to": 1, "from": 2}; ``--slot none`` as {} (keep
    the boxes as they are); no option as None (ask)."""
    if values is None:
        return None
    mapping: dict[str, int] = {}
    for value in values:
        if value.strip().lower() == "none":
            continue
        name, _, number = value.partition("=")
        if not name.strip().isidentifier() or not number.strip().isdigit():
            raise DocxImportError(f"--slot {value!r} must be NAME=N, such as to=1.")
        mapping[name.strip()] = int(number)
    return mapping


def report_lines(result: ImportResult, source: Path) -> tuple[list[str], list[str]]:
    """What the command line prints (standard output, standard error): the new template's
    id, folder, filled slots and notes, one line each; or the unnamed boxes and how to map
    them."""
    if result.template is None:
        out = [f"{source}: these text boxes hold no label, so briefgen cannot tell what "
               "they are for:"]
        out += [f"{box.number}: {box.text or '(empty)'}" for box in result.boxes]
        return out, ["Say which box holds what with --slot NAME=N (for example --slot to=1 "
                     "--slot from=2 --slot date=3 --slot subject=4), or --slot none to keep "
                     "the boxes as they are."]
    out = [f"id: {result.template.id}", f"folder: {result.template.folder}",
           "filled: " + (", ".join(f"{name} ({', '.join(places)})"
                                   for name, places in result.slots.items()) or "nothing")]
    out += [f"note: {note}" for note in result.notes]
    return out, []
