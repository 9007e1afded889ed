"""Extraction: key points, people, quotes, dates, topics and next steps from sources."""

from briefgen.extract.merge import source_count
from briefgen.extract.nlp import load_nlp
from briefgen.extract.pipeline import extract_brief, extract_briefs

__all__ = ["extract_brief", "extract_briefs", "load_nlp", "source_count"]
