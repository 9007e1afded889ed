"""Outlook (.msg) messages: subject, sender, date, body and attachments, through olefile."""

from __future__ import annotations

import datetime as dt
import io
import struct

import olefile

from briefgen.errors import IntakeError
from briefgen.intake.email_file import Attachment, EmailArticle, clean_subject
from briefgen.intake.quiet import QuietLogger
from briefgen.intake.reading import intake_error

# MAPI property ids (MS-OXPROPS) and types (MS-OXCDATA).
_SUBJECT = 0x0037
_BODY = 0x1000
_HTML = 0x1013
_SENDER_NAME = 0x0C1A
_SENDER_EMAIL = 0x0C1F
_SUBMIT_TIME = 0x0039
_DELIVERY_TIME = 0x0E06
_ATTACH_DATA = 0x3701
_ATTACH_LONG_NAME = 0x3707
_ATTACH_NAME = 0x3704
_UNICODE, _STRING8, _BINARY, _SYSTIME = 0x001F, 0x001E, 0x0102, 0x0040

_MESSAGE_PROPERTIES_HEADER = 32  # the top-level property stream's header size
_ATTACHMENT_PROPERTIES_HEADER = 8
_FILETIME_EPOCH = dt.datetime(1601, 1, 1, tzinfo=dt.UTC)


def _stream(ole: olefile.OleFileIO, path: list[str]) -> bytes | None:
    if not ole.exists("/".join(path)):
        return None
    data: bytes = ole.openstream(path).read()
    return data


def _string(ole: olefile.OleFileIO, storage: list[str], prop: int) -> str | None:
    """A string property, stored as UTF-16 (001F) or 8-bit (001E) text."""
    unicode = _stream(ole, [*storage, f"__substg1.0_{prop:04X}{_UNICODE:04X}"])
    if unicode is not None:
        text = unicode.decode("utf-16-le", errors="replace").rstrip("\x00")
    else:
        raw = _stream(ole, [*storage, f"__substg1.0_{prop:04X}{_STRING8:04X}"])
        if raw is None:
            return None
        text = raw.decode("cp1252", errors="replace").rstrip("\x00")
    return text.strip() or None


def _html(ole: olefile.OleFileIO) -> str | None:
    raw = _stream(ole, [f"__substg1.0_{_HTML:04X}{_BINARY:04X}"])
    if raw is not None:
        return raw.decode("utf-8", errors="replace").strip() or None
    return _string(ole, [], _HTML)


def _date(ole: olefile.OleFileIO) -> str | None:
    """The submit (else delivery) time from the top-level property stream, as ISO date."""
    data = _stream(ole, ["__properties_version1.0"])
    if data is None:
        return None
    found: dict[int, int] = {}
    for offset in range(_MESSAGE_PROPERTIES_HEADER, len(data) - 15, 16):
        tag, _flags, value = struct.unpack_from("<IIQ", data, offset)
        if tag & 0xFFFF == _SYSTIME:
            found[tag >> 16] = value
    for prop in (_SUBMIT_TIME, _DELIVERY_TIME):
        if prop in found and found[prop]:
            try:
                when = _FILETIME_EPOCH + dt.timedelta(microseconds=found[prop] // 10)
            except OverflowError:
                continue
            return when.date().isoformat()
    return None


def _attachments(ole: olefile.OleFileIO) -> list[Attachment]:
    storages = sorted(
        {entry[0] for entry in ole.listdir() if entry[0].startswith("__attach_version1.0_")}
    )
    found = []
    for storage in storages:
        data = _stream(ole, [storage, f"__substg1.0_{_ATTACH_DATA:04X}{_BINARY:04X}"])
        if not data:
            continue  # an embedded message or OLE object, not a file
        filename = (
            _string(ole, [storage], _ATTACH_LONG_NAME)
            or _string(ole, [storage], _ATTACH_NAME)
            or "attachment"
        )
        found.append(Attachment(filename, data))
    return found


def read_msg(data: bytes, name: str) -> EmailArticle:
    """The Outlook message in ``data``; IntakeError naming ``name`` when it is not one."""
    try:
        with QuietLogger("olefile"), olefile.OleFileIO(io.BytesIO(data)) as ole:
            if not any(entry[0].startswith("__substg1.0_") for entry in ole.listdir()):
                raise intake_error(name, "it is an Office file but not an Outlook message")
            article = EmailArticle(
                subject=clean_subject(_string(ole, [], _SUBJECT)),
                sender=_string(ole, [], _SENDER_NAME) or _string(ole, [], _SENDER_EMAIL),
                date=_date(ole),
                text=_string(ole, [], _BODY),
                html=_html(ole),
                attachments=_attachments(ole),
            )
    except IntakeError:
        raise
    except Exception:  # noqa: BLE001 - olefile raises many kinds on broken files
        raise intake_error(name, "it is a corrupt or truncated Outlook message") from None
    return article
