"""Zip bombs in Word and OpenDocument articles: refused by their inflated size, unread."""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.builders import docx_bytes, odt_bytes

from briefgen.errors import IntakeError
from briefgen.intake import archive_limits, load
from briefgen.intake.sniffing import sniff_format


def _with_part(package: bytes, part: str, payload: bytes) -> bytes:
    """``package`` with ``part`` replaced by ``payload`` (deflated)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename != part:
                target.writestr(info, source.read(info.filename))
        target.writestr(part, payload)
    return out.getvalue()


def _bomb(part_bytes: int) -> bytes:
    """A Word document whose document.xml inflates to ``part_bytes`` (a few KB on disk)."""
    body = b"<w:p><w:r><w:t>" + b" " * part_bytes + b"</w:t></w:r></w:p>"
    return _with_part(docx_bytes(), "word/document.xml", body)


def test_a_word_document_inflating_to_gigabytes_is_refused_without_reading_it() -> None:
    bomb = _bomb(40_000_000)
    assert len(bomb) < 200_000
    tracemalloc.start()
    started = time.monotonic()
    with pytest.raises(IntakeError, match=r'^Cannot load "bomb.docx": a part of the Word '
                                          r"document inflates to 40 MB, more than the 32 MB"):
        load(bomb, name="bomb.docx")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert time.monotonic() - started < 2.0
    assert peak < 10_000_000


def test_an_opendocument_mimetype_entry_is_sniffed_from_its_first_bytes_only() -> None:
    huge = _with_part(odt_bytes(), "mimetype",
                      b"application/vnd.oasis.opendocument.text" + b" " * 40_000_000)
    tracemalloc.start()
    kind = sniff_format(huge, "huge.odt")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert kind == "odt"
    assert peak < 5_000_000
    with pytest.raises(IntakeError, match="OpenDocument file inflates to|part of the OpenDocument"):
        load(huge, name="huge.odt")


def test_a_part_inflating_past_what_its_entry_says_is_cut_there_and_called_damaged() -> None:
    package = _bomb(2_000_000)
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        real = archive.getinfo("word/document.xml").file_size.to_bytes(4, "little")
    lying = package.replace(real, (1024).to_bytes(4, "little"))  # its entries say 1 KB
    assert lying != package
    with pytest.raises(IntakeError, match="corrupt or truncated Word document"):
        load(lying, name="liar.docx")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sizes=st.lists(st.integers(0, 3_000), min_size=1, max_size=6),
       kind=st.sampled_from(["docx", "odt"]))
def test_any_package_loads_or_is_refused_by_its_inflated_size(sizes: list[int], kind: str) -> None:
    base = docx_bytes() if kind == "docx" else odt_bytes()
    package = base
    for number, size in enumerate(sizes):
        package = _with_part(package, f"media/extra{number}.bin", b"\0" * size)
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        infos = archive.infolist()
    largest = max(i.file_size for i in infos)
    total = sum(i.file_size for i in infos)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(archive_limits, "MAX_PART_BYTES", 2_500)
        patch.setattr(archive_limits, "MAX_PACKAGE_BYTES", 9_000)
        try:
            load(package, name=f"any.{kind}")
        except IntakeError as exc:
            refusal = str(exc)
        else:
            refusal = ""
    too_big = largest > 2_500 or total > 9_000
    assert ("inflates to" in refusal) is too_big
    assert refusal == "" or too_big
