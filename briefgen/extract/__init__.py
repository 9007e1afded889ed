"""Extraction: key points, people, quotes, dates, topics and next steps from sources."""

from briefgen.extract.merge import source_count
from briefgen.extract.nlp import load_nlp
from briefgen.extract.pipeline import extract_brief

__all__ = ["extract_brief", "load_nlp", "source_count"]
