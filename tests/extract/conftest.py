"""Fixtures for the extraction tests: parse a short text written for the test."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from briefgen.extract.parse import Parsed, parse_sources
from briefgen.model import Source


@pytest.fixture
def parse(nlp) -> Callable[..., Parsed]:  # type: ignore[no-untyped-def]
    """Parse one text as a source (id "t", optional publication date)."""

    def run(text: str, published: str | None = None) -> Parsed:
        return parse_sources([Source(id="t", text=text, published=published)], nlp)[0]

    return run


@pytest.fixture(scope="session")
def sample_source(sample_article_path):  # type: ignore[no-untyped-def]
    """The sample article as a Source: its three header lines moved into metadata."""
    raw = sample_article_path.read_text(encoding="utf-8")
    head, body = raw.split("\n\n", 1)
    title, byline, published = head.split("\n")
    return Source(
        id="src-sample",
        text=body.strip("\n"),
        title=title.strip(),
        author=byline.removeprefix("By ").strip(),
        published=published.removeprefix("Published:").strip(),
    )
