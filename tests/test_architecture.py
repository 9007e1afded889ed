"""Layering: only briefgen/ui may import PySide6 (DESIGN.md, STYLE.md 1)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import briefgen

PACKAGE = Path(briefgen.__file__).resolve().parent


def _qt_imports(path: Path) -> list[int]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            continue
        if any(n == "PySide6" or n.startswith(("PySide6.", "shiboken6")) for n in names):
            lines.append(node.lineno)
    return lines


def test_no_module_outside_the_ui_package_imports_pyside6() -> None:
    offenders = [
        f"{path.relative_to(PACKAGE.parent)}:{line}"
        for path in sorted(PACKAGE.rglob("*.py"))
        if "ui" not in path.relative_to(PACKAGE).parts[:1]
        for line in _qt_imports(path)
    ]
    assert offenders == []


def test_the_guard_itself_sees_a_qt_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("import os\nfrom PySide6.QtCore import QObject\n", "utf-8")
    assert _qt_imports(module) == [2]


def _non_stdlib_imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module or "")
    return {n for n in names if n.split(".")[0] not in sys.stdlib_module_names}


def test_the_text_rules_package_imports_only_the_standard_library_and_errors() -> None:
    found = {
        name
        for path in sorted((PACKAGE / "text").rglob("*.py"))
        for name in _non_stdlib_imports(path)
        if not name.startswith("briefgen.text") and name != "briefgen.errors"
    }
    assert found == set()
