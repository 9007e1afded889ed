"""Shared fixtures: the language model (loaded once per session) and the sample article."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No test reads or writes the user's own settings file (your name, the memo's language).
# The folder is removed when the run ends (each run made one more under /tmp).
_SETTINGS_DIR = tempfile.mkdtemp(prefix="briefgen-test-settings-")
atexit.register(shutil.rmtree, _SETTINGS_DIR, ignore_errors=True)
os.environ["BRIEFGEN_SETTINGS_FILE"] = os.path.join(_SETTINGS_DIR, "settings.json")


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


@pytest.fixture(autouse=True)
def private_settings_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each test its own plain settings file (your name, the memo's language)."""
    path = tmp_path / "user-settings" / "settings.json"
    monkeypatch.setenv("BRIEFGEN_SETTINGS_FILE", str(path))
    # PDFs are drawn by fpdf2 unless a test asks for LibreOffice (tests/render/
    # test_pdf_convert.py): a conversion takes seconds, and CI machines may lack it.
    monkeypatch.setenv("BRIEFGEN_PDF_CONVERTER", "none")
    return path
