"""Tests for briefgen/intake/dispatch.py: load/load_sources on every input, good and bad."""

from __future__ import annotations

import codecs
import io
import os
import sys
import time
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest
from support.builders import (
    AUTHOR,
    BODY,
    FRENCH_TEXT,
    HEADLINE,
    PLAIN_ARTICLE,
    PUBLISHED,
    PUBLISHER,
    docx_bytes,
    eml_bytes,
    odt_bytes,
    pdf_bytes,
    png_bytes,
    rtf_bytes,
)

from briefgen.errors import IntakeError
from briefgen.intake import MAX_FILE_BYTES, load, load_sources
from briefgen.intake.dispatch import MAX_ATTACHED_DEPTH, MAX_ATTACHED_SOURCES
from briefgen.model import text_sha256


def test_sample_article_header_becomes_metadata_and_body_keeps_the_dateline(
    sample_article_path: Path,
) -> None:
    source = load(sample_article_path)
    assert source.title == (
        "Norvalia and Estrava hold first direct talks in six years on reopening embassies"
    )
    assert source.author == "Helena Marsh"
    assert source.publisher == "Meridian Wire Service"
    assert source.published == "2026-03-13"
    assert source.text.startswith("GENEVA, March 13 (Meridian Wire) - Senior diplomats")
    assert source.path == str(sample_article_path.resolve())
    assert source.warnings == []


def test_source_id_and_sha256_come_from_the_text() -> None:
    source = load(PLAIN_ARTICLE.encode(), name="story.txt")
    assert source.sha256 == text_sha256(source.text)
    assert source.id == "src-" + source.sha256[:10]
    assert load(PLAIN_ARTICLE.encode("utf-16"), name="other.txt").id == source.id


ACCENTED = PLAIN_ARTICLE.replace("the autumn.", "the autumn, said café owner Zoë Müller.")


@pytest.mark.parametrize(
    "encoded",
    [
        ACCENTED.encode("utf-8"),
        codecs.BOM_UTF8 + ACCENTED.encode("utf-8"),
        ACCENTED.encode("utf-16"),
        ACCENTED.encode("utf-16-le"),
        ACCENTED.replace("\n", "\r\n").encode("cp1252"),
        ACCENTED.encode("latin-1"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "utf-16-le", "cp1252-crlf", "latin-1"],
)
def test_plain_text_loads_alike_in_every_encoding(tmp_path: Path, encoded: bytes) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes(encoded)
    source = load(path)
    assert (source.title, source.author, source.publisher, source.published) == (
        HEADLINE, AUTHOR, PUBLISHER, PUBLISHED
    )
    assert source.text == BODY.replace("the autumn.", "the autumn, said café owner Zoë Müller.")


def test_markdown_file_loads_without_its_marks(tmp_path: Path) -> None:
    path = tmp_path / "story.md"
    path.write_text(f"# {HEADLINE}\n\n*By {AUTHOR}*\n\n{BODY}\n", encoding="utf-8")
    source = load(path)
    assert source.title == HEADLINE
    assert source.author == AUTHOR
    assert source.text == BODY


def test_several_articles_become_separate_sources_with_stable_ids(tmp_path: Path) -> None:
    first = tmp_path / "one.txt"
    second = tmp_path / "two.docx"
    first.write_text(PLAIN_ARTICLE, encoding="utf-8")
    second.write_bytes(docx_bytes())
    sources = [load(first), load(second)]
    assert len({source.id for source in sources}) == 2
    assert [load(first).id, load(second).id] == [source.id for source in sources]


def test_load_sources_of_a_plain_file_is_just_the_article() -> None:
    assert len(load_sources(PLAIN_ARTICLE.encode(), name="story.txt")) == 1


def test_text_that_is_not_english_is_accepted_with_a_warning() -> None:
    source = load(FRENCH_TEXT.encode("utf-8"), name="article.txt")
    assert source.text == FRENCH_TEXT
    assert len(source.warnings) == 1
    assert "does not look like English" in source.warnings[0]


# Bad input: one IntakeError, one sentence naming the file and the reason.


def _assert_one_sentence_naming(error: IntakeError, name: str, reason: str) -> None:
    message = str(error)
    assert message.startswith(f'Cannot load "{name}": ')
    assert reason in message
    assert message.endswith(".")
    assert "\n" not in message


def test_empty_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(IntakeError) as caught:
        load(path)
    _assert_one_sentence_naming(caught.value, str(path), "the file is empty")


def test_whitespace_only_file_is_refused() -> None:
    with pytest.raises(IntakeError, match="empty"):
        load(b"  \n\r\n\t  ", name="blank.txt")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (png_bytes(), "it is an image"),
        (b"\x7fELF\x02\x01\x01\x00" + bytes(200), "it is a program"),
        (b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(200), "it is a program"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00" + os.urandom(200), "compressed archive"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(200), "old binary Office file"),
        (bytes(range(256)) * 8, "binary file"),
    ],
    ids=["png", "elf", "exe", "gzip", "doc", "binary"],
)
def test_binary_files_are_refused_by_what_they_are(data: bytes, reason: str) -> None:
    with pytest.raises(IntakeError) as caught:
        load(data, name="article.txt")
    _assert_one_sentence_naming(caught.value, "article.txt", reason)


def test_zip_archive_renamed_docx_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("photo.jpg", b"not really")
    with pytest.raises(IntakeError) as caught:
        load(out.getvalue(), name="report.docx")
    _assert_one_sentence_naming(caught.value, "report.docx", "zip archive")


def test_broken_outlook_msg_is_named_as_such() -> None:
    with pytest.raises(IntakeError, match=r"corrupt or truncated Outlook message\.$"):
        load(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), name="note.msg")


def test_missing_path_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.txt"
    with pytest.raises(IntakeError) as caught:
        load(path)
    _assert_one_sentence_naming(caught.value, str(path), "there is no such file")


def test_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(IntakeError) as caught:
        load(tmp_path)
    _assert_one_sentence_naming(caught.value, str(tmp_path), "it is a folder")


@pytest.mark.skipif(
    sys.platform == "win32" or (hasattr(os, "geteuid") and os.geteuid() == 0),
    reason="file permissions do not bind this user",
)
def test_unreadable_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(PLAIN_ARTICLE, encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(IntakeError) as caught:
            load(path)
    finally:
        path.chmod(0o600)
    _assert_one_sentence_naming(caught.value, str(path), "permission to read it was denied")


def test_fifty_megabyte_text_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50_000_000)  # sparse: 50 MB without writing 50 MB
    with pytest.raises(IntakeError) as caught:
        load(path)
    _assert_one_sentence_naming(caught.value, str(path), "50.0 MB, more than the 30 MB")


def test_oversized_text_under_the_file_cap_is_refused() -> None:
    data = (PLAIN_ARTICLE + "\n").encode() * (4_000_000 // len(PLAIN_ARTICLE))
    assert len(data) < MAX_FILE_BYTES
    with pytest.raises(IntakeError, match="more than the 3 MB an article can be; split it "
                                          "into smaller files"):
        load(data, name="long.txt")


def test_html_with_no_article_is_refused() -> None:
    page = b"<!DOCTYPE html><html><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(IntakeError) as caught:
        load(page, name="index.html")
    _assert_one_sentence_naming(caught.value, "index.html", "no article text")


def test_bytes_without_a_name_are_named_as_pasted_content() -> None:
    with pytest.raises(IntakeError, match='^Cannot load "the pasted content": the file is empty'):
        load(b"")


def test_repeated_headline_and_kicker_above_it_are_dropped_from_page_text() -> None:
    from briefgen.intake.dispatch import drop_repeated_headline

    text = f"Transport\n\n{HEADLINE.upper()}\n\n{BODY}"
    assert drop_repeated_headline(text, HEADLINE) == BODY
    assert drop_repeated_headline(BODY, HEADLINE) == BODY
    assert drop_repeated_headline(HEADLINE, HEADLINE) == HEADLINE


def test_a_repeated_headline_with_other_punctuation_and_quote_marks_is_dropped() -> None:
    from briefgen.intake.dispatch import drop_repeated_headline

    repeated = "\u201c" + HEADLINE.replace(" after", ", after") + ".\u201d"
    assert drop_repeated_headline(f"{repeated}\n\n{BODY}", HEADLINE) == BODY


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("story.pdf", PLAIN_ARTICLE.encode()),
        ("story.docx", pdf_bytes()),
        ("story.html", rtf_bytes()),
        ("story.txt", eml_bytes()),
        ("story", odt_bytes()),
    ],
    ids=["text-as-pdf", "pdf-as-docx", "rtf-as-html", "eml-as-txt", "odt-no-extension"],
)
def test_wrong_or_missing_extension_does_not_matter(
    tmp_path: Path, name: str, data: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    source = load(path)
    assert source.title == HEADLINE
    assert "ferry" in source.text


def test_saved_brief_is_refused_as_an_article(tmp_path: Path) -> None:
    from briefgen.model import Brief, save_brief

    path = tmp_path / "memo.brief"
    save_brief(Brief(), path)
    with pytest.raises(IntakeError) as caught:
        load(path)
    _assert_one_sentence_naming(caught.value, str(path), "it is a saved brief, not an article")


def _forwards(depth: int, fan: int) -> EmailMessage:
    """An e-mail whose article is forwarded ``fan`` times at each of ``depth`` levels."""
    message = EmailMessage()
    message["Subject"] = f"Fwd: level {depth}"
    message["From"] = "Ann Lee <ann@example.org>"
    message.set_content(f"Level {depth}: the harbour council met on Monday to agree the "
                        "ferry timetable for the winter, the minister said.\n" * 40)
    if depth:
        for _ in range(fan):
            message.add_attachment(_forwards(depth - 1, fan))
    return message


def test_forwards_nested_in_forwards_are_read_three_levels_deep_and_the_rest_named() -> None:
    data = _forwards(8, 1).as_bytes()
    sources = load_sources(data, name="chain.eml")
    assert len(sources) == 1 + MAX_ATTACHED_DEPTH
    assert any("nested more than 3 messages deep" in w for s in sources for w in s.warnings)


def test_an_email_fanning_out_to_many_forwards_is_read_in_bounded_time() -> None:
    data = _forwards(4, 4).as_bytes()  # 341 messages
    started = time.monotonic()
    sources = load_sources(data, name="fan.eml")
    assert time.monotonic() - started < 15  # every message read took minutes
    assert len(sources) <= 1 + MAX_ATTACHED_SOURCES * 2
    assert any("was skipped" in w for s in sources for w in s.warnings)
