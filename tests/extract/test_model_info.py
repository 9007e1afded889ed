"""installed_model reads the English pipeline's name, version and licence without spaCy."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from briefgen.extract import model_info


def test_the_installed_model_is_described_from_its_meta_json() -> None:
    model = model_info.installed_model()
    assert model is not None
    assert model.package in model_info.MODEL_PACKAGES
    assert model.name.startswith("en_core_web_sm")
    assert model.license == "MIT"


def test_a_model_package_is_read_from_its_own_meta_json(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    package = tmp_path / "en_core_web_sm"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "meta.json").write_text(
        json.dumps({"lang": "en", "name": "core_web_sm", "version": "9.9.9", "license": "X"}),
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "en_core_web_sm", raising=False)
    model = model_info.installed_model()
    assert model == model_info.ModelInfo("en_core_web_sm", "en_core_web_sm", "9.9.9", "X")


def test_no_model_package_gives_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(model_info, "MODEL_PACKAGES", ("no_such_model_package",))
    assert model_info.installed_model() is None
