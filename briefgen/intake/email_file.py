"""E-mail (.eml) articles: subject, sender and date, the body, and attachments to load."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage, Message
from email.parser import BytesParser
from email.policy import EmailPolicy
from email.utils import getaddresses, parsedate_to_datetime

from briefgen.intake.reading import intake_error

_SUBJECT_PREFIX = re.compile(r"^\s*(?:(?:re|fwd?|aw|wg|tr)\s*(?:\[\d+\])?\s*:\s*)+", re.I)
_FORWARD_MARKER = re.compile(
    r"^[-\s]*(?:forwarded message|begin forwarded message|original message)[-:\s]*$",
    re.IGNORECASE | re.MULTILINE,
)
_FORWARD_HEADER = re.compile(r"^(?:from|date|sent|subject|to|cc)\s*:", re.IGNORECASE)


# The longest header value parsed (a subject, a sender, a content type): the e-mail
# package's parser of encoded words (RFC 2047) needs memory growing with the square of
# a value's length (a 280 KB subject took 2.9 GB); the rest of a longer value is dropped.
MAX_HEADER_CHARS = 4_000


def bounded_header(value: str, limit: int = MAX_HEADER_CHARS) -> str:
    """``value`` cut to at most ``limit`` characters, at its last space or tab before the
    limit when it has one (so that no encoded word is cut in two)."""
    if len(value) <= limit:
        return value
    cut = max(value.rfind(" ", 0, limit + 1), value.rfind("\t", 0, limit + 1))
    return value[: cut if cut > 0 else limit].rstrip()


class _BoundedPolicy(EmailPolicy):
    """The default e-mail policy, but a header is parsed only up to MAX_HEADER_CHARS."""

    def header_fetch_parse(self, name: str, value: str) -> str:
        return super().header_fetch_parse(name, bounded_header(value))  # type: ignore[no-any-return]


_POLICY = _BoundedPolicy()


@dataclass
class Attachment:
    """A file attached to the message: its name and bytes."""

    filename: str
    data: bytes


@dataclass
class EmailArticle:
    """A message: its body as text or HTML, its header metadata and its attachments."""

    subject: str | None
    sender: str | None
    date: str | None
    text: str | None
    html: str | None
    attachments: list[Attachment] = field(default_factory=list)


def clean_subject(subject: str | None) -> str | None:
    """The subject without ``Re:``/``Fwd:``/``FW:`` prefixes; None when nothing remains."""
    if not subject:
        return None
    return _SUBJECT_PREFIX.sub("", " ".join(subject.split())) or None


def strip_forward_header(text: str) -> str:
    """The body without a "Forwarded message" line and the header lines under it."""
    match = _FORWARD_MARKER.search(text)
    if match is None or text[: match.start()].strip():
        return text
    lines = text[match.end() :].split("\n")
    index = 0
    while index < len(lines) and (not lines[index].strip() or _FORWARD_HEADER.match(lines[index])):
        index += 1
    return "\n".join(lines[index:])


def _sender(message: Message) -> str | None:
    raw = message.get("From")
    if raw is None:
        return None
    addresses = getaddresses([str(raw)])
    if not addresses:
        return None
    display, address = addresses[0]
    return display.strip() or address.strip() or None


def _date(message: Message) -> str | None:
    raw = message.get("Date")
    if raw is None:
        return None
    try:
        return parsedate_to_datetime(str(raw)).date().isoformat()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _part_text(part: Message) -> str | None:
    try:
        content = part.get_content() if isinstance(part, EmailMessage) else None
    except (LookupError, ValueError, AssertionError):
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else None
    return content if isinstance(content, str) and content.strip() else None


def _attachments(message: EmailMessage) -> list[Attachment]:
    found = []
    for part in message.iter_attachments():
        filename = part.get_filename()
        if isinstance(part, EmailMessage) and part.get_content_type() == "message/rfc822":
            inner = part.get_payload()
            data = (
                inner[0].as_bytes(policy=policy.default)
                if isinstance(inner, list) and inner and isinstance(inner[0], Message)
                else None
            )
            if data:
                found.append(Attachment(filename or "attached message.eml", data))
            continue
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes) and payload:
            found.append(Attachment(filename or "attachment", payload))
    return found


def read_email(data: bytes, name: str) -> EmailArticle:
    """The message in ``data``; IntakeError naming ``name`` when it cannot be parsed."""
    try:
        message = BytesParser(policy=_POLICY).parsebytes(data)
        assert isinstance(message, EmailMessage)
        text_part = message.get_body(preferencelist=("plain",))
        html_part = message.get_body(preferencelist=("html",))
        text = _part_text(text_part) if text_part is not None else None
        html = _part_text(html_part) if html_part is not None else None
        raw_subject = message.get("Subject")
        article = EmailArticle(
            subject=clean_subject(str(raw_subject) if raw_subject is not None else None),
            sender=_sender(message),
            date=_date(message),
            text=strip_forward_header(text.replace("\r\n", "\n")) if text else None,
            html=html,
            attachments=_attachments(message),
        )
    except Exception:  # noqa: BLE001 - the email package raises many kinds on broken input
        raise intake_error(name, "it is a corrupt e-mail message") from None
    return article
