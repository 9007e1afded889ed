"""Fixtures for the render tests: the built-in library and a private user folder."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from support.sample_briefs import (
    empty_brief,
    long_names_brief,
    many_points_brief,
    markup_brief,
    multilingual_brief,
    sample_brief,
)

from briefgen.model import Brief
from briefgen.render import BUILTIN_TEMPLATE_IDS, BriefTemplate, TemplateLibrary

BRIEF_VARIANTS: dict[str, Callable[[], Brief]] = {
    "sample": sample_brief,
    "empty": empty_brief,
    "hundred_points": many_points_brief,
    "long_names": long_names_brief,
    "rtl_cjk": multilingual_brief,
    "markup": markup_brief,
}


@pytest.fixture
def library(tmp_path: Path) -> TemplateLibrary:
    """The shipped templates plus an empty user folder of the test's own."""
    return TemplateLibrary(user_dir=tmp_path / "user-templates")


@pytest.fixture(params=BUILTIN_TEMPLATE_IDS)
def builtin(request: pytest.FixtureRequest) -> BriefTemplate:
    """Each built-in template in turn."""
    return TemplateLibrary(user_dir=Path("/nonexistent-briefgen-user")).get(request.param)


@pytest.fixture(params=sorted(BRIEF_VARIANTS))
def variant(request: pytest.FixtureRequest) -> tuple[str, Brief]:
    """(name, brief) for the sample brief and each awkward variant."""
    return request.param, BRIEF_VARIANTS[request.param]()
