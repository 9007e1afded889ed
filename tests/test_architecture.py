"""Layering: each package imports only the layers below it (DESIGN.md, STYLE.md 1).

From the top: the entry points (``__main__``, ``cli``, which starts ``ui``) and ``ui``; then
``batch`` (many articles at once, used by both); then ``intake``, ``extract`` and ``render``,
which know nothing of each other; then ``model``; then ``text`` (pure text rules); then
``errors`` and ``resources``. Only ``ui`` imports PySide6.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

import briefgen

PACKAGE = Path(briefgen.__file__).resolve().parent

# Layer of each top-level part of the package: a part may import parts of a lower layer only,
# plus the exceptions in ALLOWED (an entry point starting the window).
LAYERS: dict[str, int] = {
    "__main__": 6, "cli": 6,
    "ui": 5, "template_commands": 5,  # the CLI's ``templates`` actions, below cli
    "batch": 4,
    "intake": 3, "extract": 3, "render": 3,
    "model": 2,
    "text": 1,
    "errors": 0, "resources": 0, "cancellation": 0, "__init__": 0,
}
ALLOWED = {("cli", "ui"), ("__main__", "cli")}
QT_PARTS = {"ui"}


def part_of(module: str) -> str:
    """The top-level part of ``briefgen`` that dotted ``module`` names (``"__init__"`` for the
    package itself)."""
    pieces = module.split(".")
    return pieces[1] if len(pieces) > 1 else "__init__"


def module_name(path: Path, root: Path) -> str:
    """The dotted name of the module at ``path`` inside the package folder ``root``."""
    relative = path.relative_to(root.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(path: Path, name: str, root: Path) -> list[tuple[int, str]]:
    """Every module ``path`` (named ``name``, in package folder ``root``) imports, with the
    line: relative imports made absolute."""
    tree = ast.parse(path.read_text("utf-8"), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.append((node.lineno, base))
            # "from briefgen import render" imports the part render itself.
            if base == root.name:
                found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names
                          if (root / alias.name).is_dir() or (root / f"{alias.name}.py").is_file()]
    return found


def layer_violations(root: Path) -> list[str]:
    """``file:line: a -> b`` for every import that breaks the layering, in package ``root``."""
    offenders = []
    for path in sorted(root.rglob("*.py")):
        name = module_name(path, root)
        here = part_of(name)
        for line, target in imported_modules(path, name, root):
            where = f"{path.relative_to(root.parent)}:{line}"
            if target.split(".")[0] in {"PySide6", "shiboken6"} and here not in QT_PARTS:
                offenders.append(f"{where}: {here} -> {target}")
            if not target.startswith(root.name + ".") and target != root.name:
                continue
            there = part_of(target)
            if there == here or there == "__init__" or (here, there) in ALLOWED:
                continue
            if LAYERS.get(there, 99) >= LAYERS.get(here, -1):
                offenders.append(f"{where}: {here} -> {there}")
    return offenders


def test_every_part_of_the_package_has_a_layer() -> None:
    parts = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()
             if (p.suffix == ".py" or (p / "__init__.py").exists())}
    assert parts - set(LAYERS) == set()


def test_the_package_imports_only_downwards() -> None:
    assert layer_violations(PACKAGE) == []


def _plant(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "briefgen"
    for relative, text in {"__init__.py": "", **files}.items():
        target = root / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, "utf-8")
    return root


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"model/__init__.py": "from briefgen.render import render_html\n"},
         "briefgen/model/__init__.py:1: model -> render"),
        ({"extract/__init__.py": "", "extract/step.py": "from briefgen.intake import load\n"},
         "briefgen/extract/step.py:1: extract -> intake"),
        ({"render/__init__.py": "", "render/w.py": "from ..ui import app\n"},
         "briefgen/render/w.py:1: render -> ui"),
        ({"model/__init__.py": "", "text/__init__.py": "from briefgen import model\n"},
         "briefgen/text/__init__.py:1: text -> model"),
        ({"intake/__init__.py": "import PySide6.QtCore\n"},
         "briefgen/intake/__init__.py:1: intake -> PySide6.QtCore"),
    ],
)
def test_a_planted_cross_layer_import_is_reported(
    tmp_path: Path, files: dict[str, str], expected: str
) -> None:
    assert layer_violations(_plant(tmp_path, files)) == [expected]


def test_downward_and_same_part_imports_are_allowed(tmp_path: Path) -> None:
    root = _plant(tmp_path, {
        "render/__init__.py": "from briefgen.model import Brief\nfrom .context import x\n",
        "render/context.py": "from briefgen.text.datelines import parse\nimport re\n",
        "cli.py": "from briefgen.ui.app import run_gui\n",
    })
    assert layer_violations(root) == []


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
