"""The PyInstaller bundle's inputs (`make dist` builds it; too slow for CI): the entry point
runs the command line, and the spec collects what the program loads by name at run time."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

import briefgen

REPO = Path(briefgen.__file__).resolve().parents[1]
PACKAGING = REPO / "packaging"

pytestmark = pytest.mark.skipif(not PACKAGING.is_dir(), reason="needs the source checkout")


def test_the_bundle_entry_point_runs_the_command_line() -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run([sys.executable, str(PACKAGING / "entry.py"), "--version"],
                            capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"briefgen {briefgen.__version__}")
    assert "language model en_core_web_sm" in result.stdout


def test_the_spec_collects_the_model_the_templates_and_the_resources() -> None:
    spec = (PACKAGING / "briefgen.spec").read_text(encoding="utf-8")
    ast.parse(spec)  # a spec is Python
    assert "collect_data_files(MODEL" in spec  # without it spaCy fails with E050
    assert "copy_metadata(MODEL" in spec
    assert '"briefgen/_data/templates"' in spec
    assert '"briefgen/_data/resources"' in spec
    assert "hiddenimports = [MODEL]" in spec


def test_the_shipped_data_folders_the_spec_names_exist() -> None:
    assert (REPO / "templates" / "information-memo" / "template.toml").is_file()
    assert (REPO / "resources" / "sample_article.txt").is_file()
    assert (PACKAGING / "briefgen.png").is_file()
