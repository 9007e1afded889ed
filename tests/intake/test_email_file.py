"""Tests for briefgen/intake/email_file.py: headers, body, HTML part and attachments."""

from __future__ import annotations

import tracemalloc
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from support.builders import BODY, HEADLINE, docx_bytes, eml_bytes, png_bytes

from briefgen.errors import IntakeError
from briefgen.intake import load, load_sources
from briefgen.intake.email_file import (
    MAX_HEADER_CHARS,
    bounded_header,
    clean_subject,
    read_email,
    strip_forward_header,
)


def test_email_subject_sender_and_date_become_metadata(tmp_path: Path) -> None:
    path = tmp_path / "forwarded.eml"
    path.write_bytes(eml_bytes())
    source = load(path)
    assert source.title == HEADLINE
    assert source.author == "Jonas Whitfield"
    assert source.published == "2026-02-05"
    assert source.text == BODY


def test_forwarded_message_header_is_not_part_of_the_text() -> None:
    source = load(eml_bytes(), name="fwd.eml")
    assert "Forwarded message" not in source.text
    assert "news@example.com" not in source.text


def test_html_only_email_goes_through_the_html_path() -> None:
    source = load(eml_bytes(html=True), name="page.eml")
    assert source.text.startswith("PORT ELLIS, Feb. 4")
    assert "We use cookies" not in source.text
    assert source.title == HEADLINE


def test_attached_articles_are_further_sources_after_the_message() -> None:
    docx_mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    data = eml_bytes(
        body="Please see the attached story for Thursday's brief.\n\nJonas",
        attachments=[("story.docx", docx_mime, docx_bytes())],
    )
    sources = load_sources(data, name="mail.eml")
    assert len(sources) == 2
    assert sources[0].text.startswith("Please see the attached story")
    assert sources[1].title == HEADLINE
    assert sources[1].id != sources[0].id


def test_attachment_that_is_not_an_article_is_skipped_with_a_warning() -> None:
    data = eml_bytes(attachments=[("logo.png", "image/png", png_bytes())])
    sources = load_sources(data, name="mail.eml")
    assert len(sources) == 1
    assert sources[0].warnings == [
        "The attachment logo.png was skipped: it is an image, not an article "
        "(images would need OCR)."
    ]


def test_email_with_no_text_and_no_attachment_is_refused() -> None:
    with pytest.raises(IntakeError, match=r'"blank\.eml": the e-mail has no article text'):
        load(eml_bytes(body="   \n"), name="blank.eml")


def test_reply_and_forward_prefixes_are_removed_from_the_subject() -> None:
    assert clean_subject("Re: FW: Fwd: Ferry plan") == "Ferry plan"
    assert clean_subject("Fwd:   ") is None


def test_forward_header_is_only_stripped_at_the_top() -> None:
    text = "My notes.\n---------- Forwarded message ---------\nFrom: A\n\nBody"
    assert strip_forward_header(text) == text


def test_message_body_is_read_as_text() -> None:
    message = read_email(eml_bytes(), "fwd.eml")
    assert message.text is not None
    assert "Council chair Miriam Odell" in message.text
    assert message.attachments == []


def test_message_forwarded_as_an_attachment_is_a_further_source() -> None:
    from email import message_from_bytes

    inner = message_from_bytes(eml_bytes(), policy=policy.default)
    outer = EmailMessage()
    outer["Subject"] = "FW: ferry story"
    outer["From"] = "desk@example.org"
    outer["Date"] = "Thu, 05 Feb 2026 10:00:00 +0000"
    outer.set_content("See the forwarded message.")
    outer.add_attachment(inner)
    sources = load_sources(outer.as_bytes(), name="outer.eml")
    assert [source.title for source in sources] == ["ferry story", HEADLINE]
    assert sources[1].text == BODY


def _message_with_encoded_subject(subject_chars: int) -> bytes:
    word = "=?utf-8?q?Caf=C3=A9?="
    subject = " ".join([word] * (subject_chars // (len(word) + 1)))
    return (
        "From: Desk <desk@example.org>\nSubject: " + subject
        + "\nDate: Thu, 5 Feb 2026 09:00:00 +0000\n\nThe harbour board met on Tuesday.\n"
    ).encode()


def _peak_bytes(data: bytes) -> int:
    tracemalloc.start()
    try:
        read_email(data, "many-words.eml")
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_for_a_subject_of_encoded_words_does_not_grow_with_its_square() -> None:
    small = _peak_bytes(_message_with_encoded_subject(10_000))
    large = _peak_bytes(_message_with_encoded_subject(40_000))
    # four times the subject: the old parse needed about thirteen times the memory
    assert large < 2 * small


def test_a_very_long_encoded_subject_is_decoded_up_to_the_header_bound() -> None:
    article = read_email(_message_with_encoded_subject(100_000), "many-words.eml")
    assert article.subject is not None
    # the space between two encoded words is not text (RFC 2047)
    assert article.subject.replace("Caf\u00e9", "") == ""
    assert len(article.subject) < MAX_HEADER_CHARS
    assert article.text is not None
    assert article.text.strip() == "The harbour board met on Tuesday."


def test_bounded_header_cuts_at_a_space_before_the_limit() -> None:
    assert bounded_header("alpha beta gamma", limit=12) == "alpha beta"
    assert bounded_header("alphabetagamma", limit=5) == "alpha"
    assert bounded_header("short", limit=12) == "short"
