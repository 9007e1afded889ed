"""The wheel: templates and resources ship inside it, and a clean install runs the demo."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest

import briefgen

REPO = Path(briefgen.__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(
    not (REPO / "pyproject.toml").is_file(), reason="needs the source checkout"
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(dist),
         str(REPO)],
        check=True, timeout=600,
    )
    (built,) = dist.glob("briefgen-*.whl")
    return built


def test_the_wheel_ships_the_builtin_templates_and_the_sample_article(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "briefgen/_data/resources/sample_article.txt" in names
    manifests = {n for n in names if n.startswith("briefgen/_data/templates/")
                 and n.endswith("/template.toml")}
    assert len(manifests) >= 4
    assert not any(n.startswith(("tests/", "benchmarks/")) for n in names)


@pytest.mark.slow
def test_a_clean_virtual_environment_installs_the_wheel_and_runs_the_demo(
    wheel: Path, tmp_path: Path
) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=300)
    bindir = venv / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run(
        [str(bindir / "python"), "-m", "pip", "install", "--quiet",
         "--disable-pip-version-check", str(wheel)],
        check=True, timeout=900,
    )
    out = tmp_path / "out"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [str(bindir / "briefgen"), "demo", "-o", str(out)],
        capture_output=True, text=True, timeout=600, env=env, cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    docx_files = sorted(out.glob("*.docx"))
    assert len(docx_files) >= 4
    for path in docx_files:
        document = docx.Document(str(path))
        body = "\n".join(p.text for p in document.paragraphs)
        body += "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        assert "Solberg" in body, path.name
        assert "{{" not in body, path.name
        assert "{%" not in body, path.name
        html = path.with_suffix(".html").read_text("utf-8")
        assert "Solberg" in html
