"""Bounds on what a Word or OpenDocument package (a zip) may inflate to, checked before
any part is read: a zip bomb is refused with a sentence instead of filling the memory."""

from __future__ import annotations

import io
import zipfile

from briefgen.intake.reading import intake_error

MAX_PART_BYTES = 32_000_000
"""The most any one part may inflate to (an article's document.xml is well under 1 MB)."""

MAX_PACKAGE_BYTES = 128_000_000
"""The most all parts together may inflate to (pictures included)."""

MAX_PARTS = 5_000


def check_package(data: bytes, name: str, kind: str) -> None:
    """Raise IntakeError naming ``name`` when the zip in ``data`` would inflate past the
    bounds above. ``kind`` names the format in the sentence ("Word document").

    The sizes come from the zip's directory; a part that inflates to more than its entry
    says is cut there by ``zipfile``, which then reports it as damaged, so the bounds hold
    for lying entries too. A package that is not a readable zip is left to its reader.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError, EOFError):
        return
    if len(infos) > MAX_PARTS:
        raise intake_error(name, f"the {kind} holds {len(infos):,} parts, more than the "
                                 f"{MAX_PARTS:,} an article can have")
    total = 0
    for info in infos:
        if info.file_size > MAX_PART_BYTES:
            raise intake_error(name, f"a part of the {kind} inflates to "
                                     f"{info.file_size / 1_000_000:,.0f} MB, more than the "
                                     f"{MAX_PART_BYTES // 1_000_000} MB an article's part can be")
        total += info.file_size
    if total > MAX_PACKAGE_BYTES:
        raise intake_error(name, f"the {kind} inflates to {total / 1_000_000:,.0f} MB, more "
                                 f"than the {MAX_PACKAGE_BYTES // 1_000_000} MB an article can be")


def read_part_head(archive: zipfile.ZipFile, part: str, size: int) -> bytes:
    """The first ``size`` bytes of ``part``, inflating no more than that."""
    with archive.open(part) as handle:
        return handle.read(size)
