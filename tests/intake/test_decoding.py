"""Tests for briefgen/intake/decoding.py: every common encoding, and binary refused."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from briefgen.errors import IntakeError
from briefgen.intake.decoding import decode_text
from briefgen.intake.html_page import decode_html

TEXT = (
    "Le café de la gare reste ouvert: the mayor’s “résumé” of the plan costs €12 "
    "and was written in Zürich.\n"
) * 3


@pytest.mark.parametrize(
    ("encoded", "label"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8 with BOM"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le with BOM"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be with BOM"),
        (TEXT.encode("utf-16-le"), "utf-16-le without BOM"),
        (TEXT.encode("utf-16-be"), "utf-16-be without BOM"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_text_is_decoded_in_every_common_encoding(encoded: bytes, label: str) -> None:
    assert decode_text(encoded, label) == TEXT


def test_latin1_text_is_decoded() -> None:
    text = "Le conseil a voté à Genève; les élèves étaient très contents. " * 4
    assert decode_text(text.encode("latin-1"), "latin.txt") == text


def test_declared_charset_is_tried_before_guessing() -> None:
    text = "Ça coûte très cher, dit-il. " * 3
    assert decode_text(text.encode("iso-8859-15"), "page.html", "iso-8859-15") == text


def test_binary_bytes_are_refused_with_the_file_name() -> None:
    with pytest.raises(IntakeError, match=r'"blob\.txt": it is a binary file'):
        decode_text(bytes(range(256)) * 20, "blob.txt")


MOSTLY_ASCII = (
    "The council approved the plan on Tuesday, said the café owner Zoë Müller, who "
    "called it “a fair deal” worth €5 million. Ferries will run later on Fridays.\n"
) * 4


@pytest.mark.parametrize("codec", ["cp1252", "latin-1"])
def test_mostly_ascii_text_with_a_few_accents_is_not_misread(codec: str) -> None:
    text = MOSTLY_ASCII if codec == "cp1252" else MOSTLY_ASCII.replace("“", '"').replace(
        "”", '"').replace("€", "EUR ")
    assert decode_text(text.encode(codec), "story.txt") == text


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Совет порта во вторник утвердил новое расписание паромов на острова. " * 3, "cp1251"),
        ("Το λιμενικό συμβούλιο ενέκρινε την Τρίτη νέο πρόγραμμα δρομολογίων. " * 3, "cp1253"),
        ("Rada portu zatwierdziła we wtorek nowy rozkład promów. Żółć gęślą jaźń. " * 3,
         "cp1250"),
    ],
    ids=["russian-cp1251", "greek-cp1253", "polish-cp1250"],
)
def test_other_code_pages_are_left_to_the_charset_detector(text: str, codec: str) -> None:
    assert decode_text(text.encode(codec), "story.txt") == text


@pytest.mark.parametrize("declared", ["iso-8859-1", "ISO_8859-1", "latin1", "us-ascii"])
def test_a_declared_latin1_is_read_as_windows_1252_like_browsers_do(declared: str) -> None:
    data = "The minister said \u201cwe will sign\u201d \u2013 for \u20ac5.".encode("cp1252")
    text = decode_text(data + b" \x81", "page.html", declared)
    assert text == "The minister said \u201cwe will sign\u201d \u2013 for \u20ac5. \x81"


def test_a_page_declaring_latin1_keeps_its_curly_quotes_and_its_quote() -> None:
    page = ('<html><head><meta charset="iso-8859-1"><title>Talks</title></head><body>'
            "<article><p>\u201cWe will sign the agreement next week,\u201d the minister "
            "said on Monday.</p></article></body></html>").encode("cp1252")
    assert "\u201cWe will sign the agreement next week,\u201d" in decode_html(page, "p.html")


def test_a_file_mixing_utf8_and_cp1252_lines_is_decoded_line_by_line() -> None:
    data = ("Caf\u00e9 du port: first line.\n".encode()
            + "Caf\u00e9 \u201cgare\u201d: second line.\n".encode("cp1252")
            + "Z\u00fcrich \u2013 third.\n".encode())
    assert decode_text(data, "mixed.txt") == (
        "Caf\u00e9 du port: first line.\nCaf\u00e9 \u201cgare\u201d: second line.\n"
        "Z\u00fcrich \u2013 third.\n")


WESTERN_LINE = st.lists(st.sampled_from(["caf\u00e9", "Z\u00fcrich", "the", "mayor\u2019s",
                                         "\u201cplan\u201d", "\u20ac12", "report", "said", "to",
                                         "river", "open", "and", "costs", "r\u00e9sum\u00e9"]),
                        min_size=3, max_size=10).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(st.tuples(WESTERN_LINE, st.booleans()), min_size=2, max_size=8))
def test_mixed_lines_of_western_text_decode_to_what_was_written(
    lines: list[tuple[str, bool]]
) -> None:
    encoded = [line.encode("utf-8" if as_utf8 else "cp1252") for line, as_utf8 in lines]
    cp1252_lines = [e for e, (_, as_utf8) in zip(encoded, lines, strict=True) if not as_utf8]
    assume(any(not line.isascii() and as_utf8 for line, as_utf8 in lines))
    assume(any(not e.isascii() for e in cp1252_lines))
    for line in cp1252_lines:  # a cp1252 line that happens to be valid UTF-8 is ambiguous
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            continue
        assume(line.isascii())
    text = "\n".join(line for line, _ in lines)
    assert decode_text(b"\n".join(encoded), "mixed.txt") == text
