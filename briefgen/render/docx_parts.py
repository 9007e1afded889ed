"""Bounded access to the parts of an untrusted Word package: XML without entities, DTDs or
network, internal relationships only.

The package bounds are those briefgen.intake.archive_limits sets for articles (render may
not import intake: tests/test_architecture.py), checked from the zip's directory before any
part is read; a part that inflates past what its entry says is cut by ``zipfile``, which
then reports it as damaged.
"""

from __future__ import annotations

import posixpath
import zipfile

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"

MAX_PART_XML_BYTES = 4_000_000
"""The most a header, footer, theme or relationships part may be."""
MAX_PART_BYTES = 32_000_000
MAX_PACKAGE_BYTES = 128_000_000
MAX_PARTS = 5_000


def within_bounds(archive: zipfile.ZipFile) -> bool:
    """Whether no part of ``archive`` inflates past MAX_PART_BYTES, all together past
    MAX_PACKAGE_BYTES, and it has no more than MAX_PARTS parts."""
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        return False
    if any(info.file_size > MAX_PART_BYTES for info in infos):
        return False
    return sum(info.file_size for info in infos) <= MAX_PACKAGE_BYTES


def _parser() -> etree.XMLParser:
    """A parser that loads no DTD, expands no entity and opens no address (one per call:
    lxml parsers are not shared between threads)."""
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           huge_tree=False, remove_comments=True, remove_pis=True)


def parse_part(archive: zipfile.ZipFile, name: str, limit: int) -> etree._Element | None:
    """The XML of part ``name`` (``None`` when missing or larger than ``limit`` bytes)."""
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > limit:
        return None
    with archive.open(name) as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        return None
    return etree.fromstring(data, parser=_parser())


def relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Relationship id -> (type, part name in the package) of ``part``'s internal
    relationships; external ones (web addresses, linked files) are left out."""
    folder, base = posixpath.split(part)
    root = parse_part(archive, posixpath.join(folder, "_rels", base + ".rels"),
                      MAX_PART_XML_BYTES)
    found: dict[str, tuple[str, str]] = {}
    if root is None:
        return found
    for rel in root.iter(f"{{{PACKAGE_RELS}}}Relationship"):
        if (rel.get("TargetMode") or "").lower() == "external":
            continue
        rel_id, target = rel.get("Id"), rel.get("Target")
        if not rel_id or not target:
            continue
        if target.startswith("/"):
            resolved = posixpath.normpath(target.lstrip("/"))
        else:
            resolved = posixpath.normpath(posixpath.join(folder, target))
        if resolved.startswith("..") or resolved.startswith("/"):
            continue
        found[rel_id] = (rel.get("Type") or "", resolved)
    return found
