"""Fuzzing briefgen/intake/dispatch.py: random and mutated bytes of every format never
raise anything but IntakeError."""

from __future__ import annotations

from functools import cache

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import builders

from briefgen.errors import IntakeError
from briefgen.intake import load_sources


@cache
def seeds() -> dict[str, bytes]:
    """One real file of each format, to mutate."""
    return {
        "story.pdf": builders.pdf_bytes(),
        "story.docx": builders.docx_bytes(with_table=False),
        "story.odt": builders.odt_bytes(),
        "story.rtf": builders.rtf_bytes(),
        "story.eml": builders.eml_bytes(),
        "story.html": builders.html_page().encode(),
        "story.txt": builders.PLAIN_ARTICLE.encode("utf-16"),
        "story.msg": builders.msg_bytes(),
    }


def _load_or_intake_error(data: bytes, name: str) -> None:
    try:
        sources = load_sources(data, name=name)
    except IntakeError as error:
        message = str(error)
        assert message.startswith(f'Cannot load "{name}"'), message
        assert "\n" not in message
        # The loaders name what is wrong; the catch-all sentence means one of them missed it.
        assert "the file may be damaged" not in message, message
        return
    assert sources
    assert all(source.text.strip() for source in sources)


@st.composite
def mutated(draw: st.DrawFn) -> tuple[bytes, str]:
    """A real file with bytes flipped, a slice cut out, or its tail truncated."""
    name = draw(st.sampled_from(sorted(seeds())))
    data = bytearray(seeds()[name])
    kind = draw(st.sampled_from(["flip", "cut", "truncate"]))
    if kind == "flip":
        for _ in range(draw(st.integers(1, 20))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    elif kind == "cut":
        start = draw(st.integers(0, len(data) - 1))
        del data[start : start + draw(st.integers(1, 2000))]
    else:
        data = data[: draw(st.integers(0, len(data)))]
    return bytes(data), name


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_mutated_files_of_every_format_load_or_raise_intake_error(
    case: tuple[bytes, str],
) -> None:
    data, name = case
    _load_or_intake_error(data, name)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=4000), st.sampled_from(["a.txt", "a.pdf", "a.docx", "a.eml", "x"]))
def test_random_bytes_load_or_raise_intake_error(data: bytes, name: str) -> None:
    _load_or_intake_error(data, name)


@settings(max_examples=80, deadline=None)
@given(
    st.sampled_from([b"%PDF-1.7\n", b"PK\x03\x04", b"{\\rtf1 ", b"<html><body>", b"From: a@b\n"]),
    st.binary(max_size=3000),
)
def test_random_bytes_behind_a_format_signature_raise_only_intake_error(
    magic: bytes, tail: bytes
) -> None:
    _load_or_intake_error(magic + tail, "signed.bin")
