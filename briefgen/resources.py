"""Where the shipped data lives: built-in templates and resources, in a wheel or a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _data_dir(name: str) -> Path:
    """The folder ``name`` inside an installed wheel, else the checkout's top-level one."""
    installed = _PACKAGE_DIR / "_data" / name
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent / name


def builtin_templates_dir() -> Path:
    """The folder of the built-in brief templates (``templates/`` in the repository)."""
    return _data_dir("templates")


def resources_dir() -> Path:
    """The folder of icons, the style sheet and the sample article."""
    return _data_dir("resources")


def sample_article_path() -> Path:
    """The sample article written for the project: a wire story about a diplomatic meeting."""
    return resources_dir() / "sample_article.txt"
