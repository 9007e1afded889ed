"""briefgen: turn news articles into briefing memos, offline."""

__version__ = "0.1.0"
