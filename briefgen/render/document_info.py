"""What every memo says about itself: its title, author and language (document properties)."""

from __future__ import annotations

from dataclasses import dataclass

from briefgen.model import Brief
from briefgen.model.user_settings import document_language, load_user_settings


@dataclass(frozen=True)
class DocumentInfo:
    """The author and language a memo is written with; never the template's own."""

    author: str
    language: str


def document_info(author: str | None = None, language: str | None = None) -> DocumentInfo:
    """The user's settings file, with ``author`` and ``language`` (the CLI's --author and
    --lang) taking precedence when given."""
    settings = load_user_settings()
    name = settings.author_name.strip() if author is None else author.strip()
    return DocumentInfo(author=name, language=document_language(settings, language))


def document_title(brief: Brief) -> str:
    """The memo's title for its document properties: the subject, else the first source's
    title, else empty."""
    subject = brief.fields.get("subject")
    if isinstance(subject, str) and subject.strip():
        return " ".join(subject.split())
    for source in brief.sources:
        if source.title and source.title.strip():
            return " ".join(source.title.split())
    return ""
