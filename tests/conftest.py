"""Shared fixtures: the language model (loaded once per session) and the sample article."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    """The English spaCy pipeline, loaded once for the whole test session."""
    from briefgen.extract.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def sample_article_path() -> Path:
    """The sample article shipped in resources/."""
    from briefgen.resources import sample_article_path

    return sample_article_path()
