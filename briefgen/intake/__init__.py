"""Intake: every way an article arrives (files, bytes, URLs, the clipboard) as a Source."""

from briefgen.intake.dispatch import load, load_sources, load_url
from briefgen.intake.pasted import load_pasted
from briefgen.intake.reading import MAX_FILE_BYTES, MAX_TEXT_BYTES

__all__ = ["MAX_FILE_BYTES", "MAX_TEXT_BYTES", "load", "load_pasted", "load_sources", "load_url"]
