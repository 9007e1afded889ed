"""Tests for briefgen/intake/decoding.py: every common encoding, and binary refused."""

from __future__ import annotations

import codecs

import pytest

from briefgen.errors import IntakeError
from briefgen.intake.decoding import decode_text

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
