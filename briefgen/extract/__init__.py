"""Extraction: key points, people, quotes, dates, topics and next steps from sources."""
