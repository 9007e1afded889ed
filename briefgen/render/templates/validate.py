"""Check an unpacked template folder: manifest, Jinja syntax and safety, undeclared names,
Word file."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
from jinja2 import meta, nodes

from briefgen.errors import BriefgenError, TemplateError
from briefgen.render.context import CONTEXT_NAMES
from briefgen.render.docx_writer import docx_jinja_parts, open_docx_template
from briefgen.render.jinja_env import FORBIDDEN_NAMES, sandbox, unsafe_constructs
from briefgen.render.templates.manifest import MANIFEST_NAME, BriefTemplate, read_manifest

_XML_TAG = re.compile(r"<[^>]+>")
_LOCATION = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<message>.*)$")


@dataclass(frozen=True)
class TemplateProblem:
    """One problem in a template; ``line`` is ``None`` when it concerns the whole file."""

    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"


def _walk(node: nodes.Node) -> list[nodes.Node]:
    found = [node]
    for child in node.iter_child_nodes():
        found.extend(_walk(child))
    return found


def _field_names_used(ast: nodes.Template) -> list[tuple[int, str]]:
    """(line, name) of every ``fields.name`` and ``fields['name']`` in the template."""
    used = []
    for node in _walk(ast):
        target = None
        if isinstance(node, nodes.Getattr):
            target = node.attr
        elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
            target = node.arg.value if isinstance(node.arg.value, str) else None
        if (target is not None and isinstance(node.node, nodes.Name)  # type: ignore[attr-defined]
                and node.node.name == "fields"):  # type: ignore[attr-defined]
            used.append((node.lineno, target))
    return used


def check_jinja(source: str, file: str, template: BriefTemplate | None) -> list[TemplateProblem]:
    """Syntax errors, unsafe constructs, names outside the context and undeclared fields."""
    try:
        ast = sandbox(strict=False).parse(source)
    except jinja2.TemplateSyntaxError as exc:
        return [TemplateProblem(file, exc.lineno, f"syntax error: {exc.message}")]
    problems = [TemplateProblem(file, line, f"refused because {reason}")
                for line, reason in unsafe_constructs(ast)]
    known = CONTEXT_NAMES | FORBIDDEN_NAMES | {m.name for m in ast.find_all(nodes.Macro)}
    for name in sorted(meta.find_undeclared_variables(ast) - known):
        node = next((n for n in ast.find_all(nodes.Name) if n.name == name), None)
        problems.append(TemplateProblem(
            file, node.lineno if node else None,
            f"the template uses '{name}', which briefgen does not provide"))
    if template is not None:
        declared = {f.name for f in template.fields}
        reported: set[str] = set()
        for line, name in _field_names_used(ast):
            if name not in declared and name not in reported:
                reported.add(name)
                problems.append(TemplateProblem(
                    file, line, f"the template uses the field '{name}', which its manifest "
                    "does not declare"))
    return problems


def _check_docx(path: Path, label: str, template: BriefTemplate) -> list[TemplateProblem]:
    try:
        tpl = open_docx_template(path)
        parts = docx_jinja_parts(tpl)
    except TemplateError:
        return [TemplateProblem(label, None, "the Word template is not a valid .docx file")]
    except Exception as exc:  # noqa: BLE001 - a damaged .docx can fail in many ways
        return [TemplateProblem(label, None, f"the Word template cannot be read ({exc})")]
    problems = []
    for part, source in parts:
        lines = source.splitlines()
        for problem in check_jinja(source, f"{label} ({part})", template):
            line = problem.line
            if line is not None and 1 < line <= len(lines):
                text = " ".join(_XML_TAG.sub("", lines[line - 1]).split())[:70]
                problems.append(TemplateProblem(
                    problem.file, line,
                    f"{problem.message} (in \u201c{html.unescape(text)}\u201d)"))
            else:
                problems.append(problem)
    return problems


def validate_folder(folder: Path, *, label: str | None = None) -> list[TemplateProblem]:
    """Every problem in the template folder; file names start with ``label`` (default: none,
    so they read ``memo.html:12``)."""
    prefix = f"{label}/" if label else ""
    try:
        template = read_manifest(folder, "user")
    except BriefgenError as exc:
        message = str(exc)
        match = _LOCATION.match(message)
        text = match.group("message") if match else message.split(": ", 1)[-1]
        return [TemplateProblem(prefix + MANIFEST_NAME, None, text.rstrip("."))]
    problems: list[TemplateProblem] = []
    html_label = prefix + template.html_file.name
    try:
        source = template.html_file.read_text(encoding="utf-8")
    except FileNotFoundError:
        problems.append(TemplateProblem(html_label, None, "the HTML template file is missing"))
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(TemplateProblem(html_label, None, f"cannot be read as UTF-8 ({exc})"))
    else:
        problems.extend(check_jinja(source, html_label, template))
    if not template.docx_file.is_file():
        problems.append(TemplateProblem(prefix + template.docx_file.name, None,
                                        "the Word template file is missing"))
    else:
        problems.extend(_check_docx(template.docx_file, prefix + template.docx_file.name,
                                    template))
    return problems

