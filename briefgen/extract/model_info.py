"""The installed English pipeline (name, version, licence), read without loading spaCy."""

from __future__ import annotations

import importlib.util
import json
from dataclasses import dataclass
from pathlib import Path

from briefgen.extract.nlp import MODEL_PACKAGES


@dataclass(frozen=True)
class ModelInfo:
    """The installed English pipeline, read from its meta.json without loading spaCy."""

    package: str
    name: str
    version: str
    license: str


def installed_model() -> ModelInfo | None:
    """The model package load_nlp would use; None when none is installed."""
    for package in MODEL_PACKAGES:
        spec = importlib.util.find_spec(package)
        if spec is None or not spec.submodule_search_locations:
            continue
        for folder in spec.submodule_search_locations:
            meta_path = Path(folder) / "meta.json"
            try:
                meta = json.loads(meta_path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            return ModelInfo(
                package=package,
                name=f"{meta.get('lang', 'en')}_{meta.get('name', package)}",
                version=str(meta.get("version", "unknown")),
                license=str(meta.get("license", "unknown")),
            )
    return None
