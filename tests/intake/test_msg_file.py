"""Tests for briefgen/intake/msg_file.py: Outlook messages built as real compound files."""

from __future__ import annotations

from pathlib import Path

import pytest
from support.builders import BODY, HEADLINE, docx_bytes, html_page, msg_bytes, png_bytes
from support.cfb_writer import build_compound_file

from briefgen.errors import IntakeError
from briefgen.intake import load, load_sources
from briefgen.intake.msg_file import read_msg


def test_outlook_message_loads_with_subject_sender_and_date(tmp_path: Path) -> None:
    path = tmp_path / "forwarded.msg"
    path.write_bytes(msg_bytes())
    source = load(path)
    assert source.title == HEADLINE
    assert source.author == "Jonas Whitfield"
    assert source.published == "2026-02-05"
    assert source.text == BODY


def test_html_only_message_goes_through_the_html_path() -> None:
    source = load(msg_bytes(html=html_page()), name="page.msg")
    assert source.text.startswith("PORT ELLIS, Feb. 4")
    assert "We use cookies" not in source.text


def test_attachments_of_an_outlook_message_are_further_sources() -> None:
    data = msg_bytes(
        body="Story attached for the morning brief.",
        attachments=[("story.docx", docx_bytes()), ("logo.png", png_bytes())],
    )
    sources = load_sources(data, name="mail.msg")
    assert [source.title for source in sources] == [HEADLINE, HEADLINE]
    assert sources[0].text == "Story attached for the morning brief."
    assert "ferry" in sources[1].text
    assert any("logo.png was skipped" in warning for warning in sources[0].warnings)


def test_large_attachment_outside_the_mini_stream_is_read() -> None:
    big = docx_bytes()
    assert len(big) > 4096
    message = read_msg(msg_bytes(attachments=[("story.docx", big)]), "mail.msg")
    assert message.attachments[0].filename == "story.docx"
    assert message.attachments[0].data == big


def test_message_named_msg_but_renamed_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "mail.dat"
    path.write_bytes(msg_bytes())
    assert load(path).title == HEADLINE


def test_office_file_that_is_not_a_message_is_refused_as_old_office() -> None:
    document = build_compound_file({"WordDocument": b"\0" * 600, "1Table": b"\0" * 100})
    with pytest.raises(IntakeError, match=r'"old\.doc": it is an old binary Office file'):
        load(document, name="old.doc")


def test_truncated_outlook_message_gets_a_clear_error() -> None:
    data = msg_bytes()
    for cut in (1200, len(data) - 100):
        with pytest.raises(IntakeError, match=r'^Cannot load "cut\.msg": it is a corrupt or trunc'):
            load(data[:cut], name="cut.msg")
