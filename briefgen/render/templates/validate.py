"""Check an unpacked template folder: manifest, Jinja syntax and safety, undeclared names,
Word file."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate
from jinja2 import meta, nodes
from jinja2.exceptions import SecurityError

from briefgen.errors import BriefgenError, TemplateError
from briefgen.render import bounds
from briefgen.render.active_content import active_html, is_external_reference
from briefgen.render.context import CONTEXT_NAMES
from briefgen.render.docx_writer import docx_jinja_parts, open_docx_template
from briefgen.render.jinja_env import FORBIDDEN_NAMES, sandbox, unsafe_constructs
from briefgen.render.templates.manifest import MANIFEST_NAME, BriefTemplate, read_manifest

_XML_TAG = re.compile(r"<[^>]+>")
_LOCATION = re.compile(r"^(?P<file>.+?):(?P<line>\d+): (?P<message>.*)$")


@dataclass(frozen=True)
class TemplateProblem:
    """One problem in a template; ``line`` is ``None`` when it concerns the whole file.

    ``warning``: the template still works (it is imported and renders); the message says
    what briefgen does about it.
    """

    file: str
    line: int | None
    message: str
    warning: bool = False

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {'warning: ' if self.warning else ''}{self.message}"


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


class _NotConstant(Exception):
    """The expression depends on the brief (or uses something _fold does not evaluate)."""


_PRINTF_FILTERS = {"format"}


def _fold(node: nodes.Node) -> object:
    """The value of a constant expression, computed within the render bounds (a bound
    raises SecurityError); _NotConstant when it is not constant."""
    if isinstance(node, nodes.Const):
        return node.value
    if isinstance(node, nodes.List | nodes.Tuple):
        return [_fold(item) for item in node.items]
    if isinstance(node, nodes.Neg):
        return bounds.binop("-", 0, _fold(node.node))
    if isinstance(node, nodes.BinExpr) and node.operator in ("+", "-", "*", "/", "//", "**",
                                                               "%"):
        return bounds.binop(node.operator, _fold(node.left), _fold(node.right))
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) \
            and node.node.name == "range" and not node.kwargs:
        return list(bounds.BoundedRange(*(int(str(_fold(a))) for a in node.args)))
    if isinstance(node, nodes.Filter) and node.node is not None \
            and node.name in _PRINTF_FILTERS:
        value = _fold(node.node)
        bounds.check_printf(str(value))
        return str(value) % tuple(_fold(a) for a in node.args)
    raise _NotConstant


def _constant_problems(ast: nodes.Template, file: str) -> list[TemplateProblem]:
    """A problem for every constant expression a render would refuse or fail on:
    ``{{ 9**(9**9) }}``, ``'a'*10**9``, ``range(100000)``, ``'%0999999999d'|format(1)``.
    Only the outermost constant expressions are computed, each within the render bounds."""
    problems: list[TemplateProblem] = []
    pending: list[nodes.Node] = [ast]
    while pending:
        node = pending.pop()
        if isinstance(node, nodes.BinExpr | nodes.Call | nodes.Filter | nodes.Neg):
            try:
                _fold(node)
                continue
            except _NotConstant:
                pass
            except SecurityError as exc:
                problems.append(TemplateProblem(file, node.lineno, f"refused because {exc}"))
                continue
            except (ArithmeticError, ValueError, TypeError) as exc:
                problems.append(TemplateProblem(file, node.lineno, "refused because a "
                                                f"constant expression fails ({exc})"))
                continue
        pending.extend(node.iter_child_nodes())
    return sorted(problems, key=lambda p: p.line or 0)


def _active_content(ast: nodes.Template, file: str) -> list[TemplateProblem]:
    """A problem for every script, handler or external reference in the template's text."""
    problems = []
    for data in ast.find_all(nodes.TemplateData):
        for offset, reason in active_html(data.data):
            line = data.lineno + data.data.count("\n", 0, offset)
            problems.append(TemplateProblem(file, line, f"refused because {reason}: a memo "
                                            "holds no script or external reference"))
    return problems


def check_jinja(source: str, file: str, template: BriefTemplate | None, *,
                html: bool = False) -> list[TemplateProblem]:
    """Syntax errors, unsafe constructs, names outside the context and undeclared fields;
    with ``html``, also scripts and external references in the template's own text."""
    try:
        ast = sandbox(strict=False).parse(source)
    except jinja2.TemplateSyntaxError as exc:
        return [TemplateProblem(file, exc.lineno, f"syntax error: {exc.message}")]
    except RecursionError:
        return [TemplateProblem(file, None, "refused because it nests blocks too deeply")]
    problems = [TemplateProblem(file, line, f"refused because {reason}")
                for line, reason in unsafe_constructs(ast)]
    problems.extend(_constant_problems(ast, file))
    if html:
        problems.extend(_active_content(ast, file))
    known = CONTEXT_NAMES | FORBIDDEN_NAMES | {m.name for m in ast.find_all(nodes.Macro)}
    known |= {"range", "namespace", "dict", "cycler", "joiner"}
    try:
        undeclared = meta.find_undeclared_variables(ast)
    except RecursionError:
        return [*problems, TemplateProblem(file, None, "refused because it nests blocks too "
                                           "deeply")]
    except jinja2.TemplateError as exc:  # an unknown filter or test: found while compiling
        line = getattr(exc, "lineno", None)
        return [*problems, TemplateProblem(file, line, f"{exc.message}".rstrip("."))]
    for name in sorted(undeclared - known):
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


_FIELD_CODE = re.compile(r"\b(INCLUDEPICTURE|INCLUDETEXT|DDEAUTO|DDE|LINK|IMPORT)\b")
_INSTRUCTION = re.compile(r"<w:instrText[^>]*>([^<]*)|w:instr=\"([^\"]*)\"")


def _external_docx_content(tpl: DocxTemplate, label: str) -> list[TemplateProblem]:
    """A problem for every external image, attached template, frame or fetching field."""
    problems = []
    for part in tpl.docx.part.package.iter_parts():
        for relationship in part.rels.values():
            if is_external_reference(relationship):
                problems.append(TemplateProblem(
                    f"{label} ({str(part.partname).lstrip('/')})", None,
                    f"refused because it refers to the external "
                    f"{str(relationship.reltype).rsplit('/', 1)[-1]} "
                    f"'{relationship.target_ref[:80]}': a memo holds no external reference"))
        blob = getattr(part, "blob", b"")
        if str(part.partname).endswith(".xml") and isinstance(blob, bytes) and \
                b"instr" in blob:
            for match in _INSTRUCTION.finditer(blob.decode("utf-8", "replace")):
                code = _FIELD_CODE.search(match.group(1) or match.group(2) or "")
                if code:
                    problems.append(TemplateProblem(
                        f"{label} ({str(part.partname).lstrip('/')})", None,
                        f"refused because its field {code.group(1)} fetches content from "
                        "elsewhere"))
    return problems


def _check_docx(path: Path, label: str, template: BriefTemplate) -> list[TemplateProblem]:
    try:
        tpl = open_docx_template(path)
        external = _external_docx_content(tpl, label)
        parts = docx_jinja_parts(tpl)
    except TemplateError as exc:
        reason = str(exc).split(": ", 1)[-1].rstrip(".")
        if reason.startswith("the Word template is not a valid .docx file"):
            reason = "the Word template is not a valid .docx file"
        return [TemplateProblem(label, None, reason)]
    except Exception as exc:  # noqa: BLE001 - a damaged .docx can fail in many ways
        return [TemplateProblem(label, None, f"the Word template cannot be read ({exc})")]
    problems = list(external)
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
        problems.extend(check_jinja(source, html_label, template, html=True))
    if not template.docx_file.is_file():
        problems.append(TemplateProblem(prefix + template.docx_file.name, None,
                                        "the Word template file is missing"))
    else:
        problems.extend(_check_docx(template.docx_file, prefix + template.docx_file.name,
                                    template))
    return problems

