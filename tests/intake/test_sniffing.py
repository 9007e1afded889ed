"""Tests for briefgen/intake/sniffing.py: formats told by content, not by file name."""

from __future__ import annotations

import io
import zipfile

import pytest
from support import builders

from briefgen.intake.sniffing import sniff_format


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (builders.pdf_bytes(), "pdf"),
        (builders.docx_bytes(), "docx"),
        (builders.odt_bytes(), "odt"),
        (builders.rtf_bytes(), "rtf"),
        (builders.eml_bytes(), "email"),
        (builders.msg_bytes(), "msg"),
        (builders.html_page().encode(), "html"),
        (builders.PLAIN_ARTICLE.encode(), "text"),
        (builders.png_bytes(), "image"),
        (b"\x7fELF\x02\x01\x01\x00" + bytes(64), "executable"),
        (b"MZ\x90\x00\x03\x00\x00\x00" + bytes(64), "executable"),
        (b"\x1f\x8b\x08\x00" + bytes(32), "archive"),
        (b"   \n\t ", "empty"),
    ],
)
def test_format_is_told_by_content_under_a_misleading_name(data: bytes, expected: str) -> None:
    assert sniff_format(data, "misleading.txt") == expected


def test_plain_zip_is_not_taken_for_a_word_file() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert sniff_format(out.getvalue(), "report.docx") == "zip"


def test_truncated_word_file_is_still_recognised_by_its_name() -> None:
    data = builders.docx_bytes()
    assert sniff_format(data[: len(data) // 2], "report.docx") == "docx"


def test_utf16_html_is_recognised_as_html() -> None:
    data = "\ufeff" + builders.html_page()
    assert sniff_format(data.encode("utf-16"), "page") == "html"


def test_headline_starting_with_bm_is_text_not_a_bitmap() -> None:
    assert sniff_format(b"BMW opens a new plant in Leipzig\n\nThe carmaker said...") == "text"


def test_markdown_is_recognised_by_its_headings() -> None:
    assert sniff_format(b"# Ferry plan\n\nThe **council** voted.", "notes") == "markdown"


def test_text_with_a_colon_in_its_first_line_is_not_an_email() -> None:
    data = b"Update: council approves ferry plan\nBy Ann Lee\n\nThe council voted."
    assert sniff_format(data) == "text"


def test_email_with_a_long_stack_of_server_headers_is_recognised() -> None:
    received = b"".join(
        b"Received: from relay%d.example.net (relay%d.example.net [192.0.2.%d])\r\n"
        b"\tby mx.example.org with ESMTPS id abc%d\r\n" % (i, i, i % 250, i)
        for i in range(150)
    )
    long_name = b"X-Microsoft-Antispam-Message-Info-Original-Extended: yes\r\n"
    data = received + long_name + builders.eml_bytes()
    assert len(received) > 8192
    assert sniff_format(data, "mail.txt") == "email"
