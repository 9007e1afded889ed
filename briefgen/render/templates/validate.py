"""Check an unpacked template folder: manifest, Jinja syntax and safety, undeclared names,
Word file."""

from __future__ import annotations

import difflib
import html
import re
from dataclasses import dataclass
from pathlib import Path

import jinja2
from docxtpl import DocxTemplate
from jinja2 import meta, nodes
from jinja2.exceptions import SecurityError
from lxml import etree

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
    # Where in a Word file, as its user finds it: "header of section 1, paragraph 2".
    where: str = ""

    def __str__(self) -> str:
        place = self.file if self.line is None else f"{self.file}:{self.line}"
        if self.where:
            place = f"{place}, {self.where}"
        return f"{place}: {'warning: ' if self.warning else ''}{self.message}"


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


def _did_you_mean(name: str, names: list[str], fields: list[str], *,
                  prefix: str = "") -> str:
    """`` (did you mean 'summary'?)`` for the name closest to ``name`` (difflib), or ``""``;
    a bare name that is one of the template's ``fields`` suggests ``fields.name``."""
    if name in fields:
        return f" (did you mean 'fields.{name}'?)"
    close = difflib.get_close_matches(name, names, n=1, cutoff=0.7)
    if close:
        return f" (did you mean '{prefix}{close[0]}'?)"
    close = difflib.get_close_matches(name, fields, n=1, cutoff=0.7)
    return f" (did you mean 'fields.{close[0]}'?)" if close else ""


_KINDS = {str: "text", int: "a number", float: "a number", bool: "yes/no", list: "a list",
          dict: "a record", type(None): "nothing"}
_VERBS = {"+": "adds", "-": "subtracts", "*": "multiplies", "/": "divides", "//": "divides",
          "%": "takes the remainder of", "**": "raises"}


def _kind(value: object) -> str:
    return _KINDS.get(type(value), type(value).__name__)


def _code(node: nodes.Node) -> str:
    """A short source text of a name, attribute, item or constant expression."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return f"{_code(node.node)}.{node.attr}"
    if isinstance(node, nodes.Getitem):
        return f"{_code(node.node)}[{_code(node.arg)}]"
    if isinstance(node, nodes.Const):
        return f'"{node.value}"' if isinstance(node.value, str) else repr(node.value)
    if isinstance(node, nodes.BinExpr):
        return f"{_code(node.left)} {node.operator} {_code(node.right)}"
    return "..."


def _sample(node: nodes.Node, context: dict[str, object]) -> object:
    """The value ``node`` has in ``context`` (a memo's context built from an empty brief),
    for constants, names and constant-keyed lookups; _NotConstant otherwise."""
    if isinstance(node, nodes.Const):
        return node.value
    if isinstance(node, nodes.Name) and node.ctx == "load" and node.name in context:
        return context[node.name]
    if isinstance(node, nodes.Getattr | nodes.Getitem):
        holder = _sample(node.node, context)
        key = node.attr if isinstance(node, nodes.Getattr) else _sample(node.arg, context)
        if isinstance(holder, dict) and isinstance(key, str) and key in holder:
            return holder[key]
    if isinstance(node, nodes.BinExpr) and node.operator in _VERBS:
        return bounds.binop(node.operator, _sample(node.left, context),
                            _sample(node.right, context))
    raise _NotConstant


def _type_problems(ast: nodes.Template, file: str,
                   template: BriefTemplate) -> list[TemplateProblem]:
    """A problem for every arithmetic on the memo's values whose types can never match,
    whatever the brief holds: ``{{ summary["text"] + 1 }}`` adds text and a number. The
    types come from the context of an empty brief (header fields keep their type)."""
    from briefgen.model import Brief
    from briefgen.render.context import build_context

    try:
        context = build_context(Brief(template=template.id), template)
    except Exception:  # noqa: BLE001 - no sample context: nothing to compare with
        return []
    # A name the template assigns ({% set %}, a loop or macro argument) is not the context's.
    for name in ast.find_all(nodes.Name):
        if name.ctx in ("store", "param"):
            context.pop(name.name, None)
    problems = []
    for node in ast.find_all(nodes.BinExpr):
        if node.operator not in _VERBS or all(
                isinstance(side, nodes.Const) for side in (node.left, node.right)):
            continue
        try:
            left, right = _sample(node.left, context), _sample(node.right, context)
        except (_NotConstant, SecurityError, ArithmeticError, ValueError, TypeError):
            continue
        if left is None or right is None or (node.operator == "%" and isinstance(left, str)):
            continue
        try:
            bounds.binop(node.operator, left, right)
        except TypeError:
            problems.append(TemplateProblem(
                file, node.lineno, f"type error: '{_code(node)}' {_VERBS[node.operator]} "
                f"{_kind(left)} and {_kind(right)}, which fails in every memo"))
        except (SecurityError, ArithmeticError, ValueError):
            continue
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
    declared = [f.name for f in template.fields] if template is not None else []
    for name in sorted(undeclared - known):
        node = next((n for n in ast.find_all(nodes.Name) if n.name == name), None)
        hint = _did_you_mean(name, sorted(CONTEXT_NAMES), declared)
        problems.append(TemplateProblem(file, node.lineno if node else None,
                                        f"unknown field '{name}'{hint}"))
    if template is not None:
        reported: set[str] = set()
        for line, name in _field_names_used(ast):
            if name not in declared and name not in reported:
                reported.add(name)
                hint = _did_you_mean(name, declared, [], prefix="fields.")
                problems.append(TemplateProblem(
                    file, line, f"unknown field 'fields.{name}': the manifest declares no "
                    f"field '{name}'{hint}"))
        problems.extend(_type_problems(ast, file, template))
    return problems


_FIELD_CODE = re.compile(r"\b(INCLUDEPICTURE|INCLUDETEXT|DDEAUTO|DDE|LINK|IMPORT)\b")
_INSTRUCTION = re.compile(r"<w:instrText[^>]*>([^<]*)|w:instr=\"([^\"]*)\"")


# External relationships a memo never needs and briefgen drops when it renders (the
# memo keeps its look): a mail-merge data source, an attached template.
_DROPPED_RELATIONSHIPS = {
    "mailMergeSource": "its mail-merge settings (data source '{target}') are removed from "
                       "every memo it renders, so Word never asks for the data source",
    "recipientData": "its mail-merge recipient list '{target}' is removed from every memo "
                     "it renders",
    "attachedTemplate": "its link to the Word template '{target}' is removed from every memo "
                        "it renders; the styles it holds itself are kept",
}


def _external_docx_content(tpl: DocxTemplate, label: str) -> list[TemplateProblem]:
    """A problem for every external image, frame or fetching field; a warning for
    mail-merge settings and an attached template (removed when a memo renders)."""
    problems = []
    for part in tpl.docx.part.package.iter_parts():
        where = _PART_PLACES.get(str(part.partname).lstrip("/"), "")
        for relationship in part.rels.values():
            if is_external_reference(relationship):
                kind = str(relationship.reltype).rsplit("/", 1)[-1]
                target = relationship.target_ref[:80]
                if kind in _DROPPED_RELATIONSHIPS:
                    problems.append(TemplateProblem(
                        label, None, _DROPPED_RELATIONSHIPS[kind].format(target=target),
                        warning=True))
                    continue
                problems.append(TemplateProblem(
                    label, None, f"refused because it refers to the external {kind} "
                    f"'{target}': a memo holds no external reference",
                    where=where or str(part.partname).lstrip("/")))
        blob = getattr(part, "blob", b"")
        if str(part.partname).endswith(".xml") and isinstance(blob, bytes) and \
                b"instr" in blob:
            for match in _INSTRUCTION.finditer(blob.decode("utf-8", "replace")):
                code = _FIELD_CODE.search(match.group(1) or match.group(2) or "")
                if code:
                    problems.append(TemplateProblem(
                        label, None, f"refused because its field {code.group(1)} fetches "
                        "content from elsewhere", where=where or str(part.partname).lstrip("/")))
    return problems


# Word parts whose place has a name of its own.
_PART_PLACES = {"word/document.xml": "body", "word/settings.xml": "document settings",
                "word/footnotes.xml": "footnotes", "word/endnotes.xml": "endnotes"}
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_CONTAINERS = {f"{_W}tc", f"{_W}txbxContent", f"{_W}footnote", f"{_W}endnote"}
_TAG_KIND = re.compile(r"\{([%{#])-?\s*(?:p|tr|tc|r)\s+")
_TRIM = re.compile(r"\{([%{#])-|-([%}#])\}")


def _normal(text: str) -> str:
    """Text as docxtpl's patch leaves it, without whitespace, to compare a source line
    with a paragraph: ``{%p if x %}`` and ``{% if x -%}`` both read ``{%ifx%}``."""
    text = _TRIM.sub(lambda m: "{" + m.group(1) if m.group(1) else m.group(2) + "}",
                     _TAG_KIND.sub(r"{\1", text))
    return "".join(text.split())


def _section_places(tpl: DocxTemplate) -> dict[str, str]:
    """Header and footer part names -> "first-page header of section 2" and the like (the
    first section that shows each)."""
    places: dict[str, str] = {}
    variants = (("header", "header"), ("first-page header", "first_page_header"),
                ("even-page header", "even_page_header"), ("footer", "footer"),
                ("first-page footer", "first_page_footer"),
                ("even-page footer", "even_page_footer"))
    for number, section in enumerate(tpl.docx.sections, 1):
        for words, attribute in variants:
            try:
                item = getattr(section, attribute)
                if item.is_linked_to_previous:
                    continue
                name = str(item.part.partname).lstrip("/")
            except Exception:  # noqa: BLE001 - a damaged reference: the part name will do
                continue
            places.setdefault(name, f"{words} of section {number}")
    return places


def _paragraph_places(root: etree._Element, prefix: str) -> list[tuple[str, str]]:
    """(Word location, normalised text) of every paragraph under ``root``, in order:
    "body, table 1, row 2, cell 1, paragraph 2", "header of section 1, text box 1"."""
    boxes: dict[etree._Element, int] = {}
    notes: dict[etree._Element, int] = {}
    counts: dict[etree._Element, int] = {}
    paragraphs = []
    for element in root.iter(f"{_W}p", f"{_W}txbxContent", f"{_W}footnote", f"{_W}endnote"):
        if any(a.tag == _MC_FALLBACK for a in element.iterancestors()):
            continue  # a text box's fallback copy: the same text again
        if element.tag == f"{_W}txbxContent":
            boxes[element] = len(boxes) + 1
        elif element.tag in (f"{_W}footnote", f"{_W}endnote"):
            notes[element] = int(element.get(f"{_W}id", "0") or 0)
        else:
            container = next((a for a in element.iterancestors() if a.tag in _CONTAINERS),
                             root)
            counts[container] = counts.get(container, 0) + 1
            paragraphs.append((element, container, counts[container]))
    found = []
    for element, container, number in paragraphs:
        steps = []
        for ancestor in reversed(list(element.iterancestors())):
            if ancestor.tag == f"{_W}tc":
                row = ancestor.getparent()
                table = row.getparent() if row is not None else None
                if row is None or table is None:
                    continue
                holder = table.getparent()
                tables = [t for t in (holder if holder is not None else [])
                          if t.tag == f"{_W}tbl"]
                rows = [r for r in table if r.tag == f"{_W}tr"]
                cells = [c for c in row if c.tag == f"{_W}tc"]
                steps.append(f"table {tables.index(table) + 1 if table in tables else 1}, "
                             f"row {rows.index(row) + 1}, cell {cells.index(ancestor) + 1}")
            elif ancestor in boxes:
                steps.append(f"text box {boxes[ancestor]}")
            elif ancestor in notes:
                steps.append(f"note {notes[ancestor]}")
        if counts[container] > 1 or not steps:
            steps.append(f"paragraph {number}")
        text = "".join(t.text or "" for t in element.iter(f"{_W}t")  # not a text box's
                       if next(t.iterancestors(f"{_W}p"), None) is element)
        found.append((", ".join([prefix, *steps]), _normal(text)))
    return found


def _word_places(tpl: DocxTemplate) -> dict[str, list[tuple[str, str]]]:
    """Each Word part docx_jinja_parts checks -> its paragraphs' locations and texts."""
    places = {**_PART_PLACES, **_section_places(tpl)}
    found: dict[str, list[tuple[str, str]]] = {}
    for part in tpl.docx.part.package.iter_parts():
        name = str(part.partname).lstrip("/")
        if not name.startswith("word/") or not name.endswith(".xml"):
            continue
        if name != "word/document.xml" and name not in places and not re.match(
                r"word/(header|footer)\d*\.xml$", name):
            continue
        try:
            root = etree.fromstring(part.blob)
        except (etree.XMLSyntaxError, ValueError, TypeError):
            continue
        prefix = places.get(name) or name.split("/")[-1].removesuffix(".xml")
        found[name] = _paragraph_places(root, prefix)
    return found


def _locate(places: list[tuple[str, str]], lines: list[str], line: int) -> tuple[str, str]:
    """(Word location, visible text) of source line ``line`` of a part whose paragraphs
    are ``places``: the paragraph with the line's text (the n-th one when n lines read
    alike), else the one holding the most of it; ("", text) when none does."""
    visible = " ".join(html.unescape(_XML_TAG.sub("", lines[line - 1])).split())
    wanted = _normal(visible)
    if not wanted:
        return "", visible
    before = sum(1 for earlier in lines[:line - 1]
                 if _normal(html.unescape(_XML_TAG.sub("", earlier))) == wanted)
    matches = [where for where, text in places if wanted in text]
    if matches:
        return matches[min(before, len(matches) - 1)], visible
    inside = [(len(text), where) for where, text in places if text and "{" in text
              and text in wanted]
    return (max(inside)[1] if inside else ""), visible


def word_place(tpl: DocxTemplate, part: str, source: str, line: int) -> str:
    """The Word location of line ``line`` of the Jinja ``source`` docx_jinja_parts gave for
    ``part``: "header of section 1, paragraph 2" (with the paragraph's text), or ""."""
    places = _word_places(tpl).get(part)
    lines = source.splitlines()
    if not places or not 1 <= line <= len(lines):
        return ""
    where, text = _locate(places, lines, line)
    return f"{where} (\u201c{text[:70]}\u201d)" if where and text else where


def _check_docx(path: Path, label: str, template: BriefTemplate) -> list[TemplateProblem]:
    try:
        tpl = open_docx_template(path)
        external = _external_docx_content(tpl, label)
        parts = docx_jinja_parts(tpl)
        places = _word_places(tpl)
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
        if part.startswith("docProps/core.xml "):
            prefix = f"document properties ({part.split(' ', 1)[1]})"
        else:
            prefix = places.get(part, [("", "")])[0][0].split(",")[0] or part
        for problem in check_jinja(source, label, template):
            line = problem.line
            if line is not None and 1 <= line <= len(lines) and part in places:
                where, text = _locate(places[part], lines, line)
                quoted = f" (in \u201c{text[:70]}\u201d)" if text else ""
                problems.append(TemplateProblem(label, None, problem.message + quoted,
                                                where=where or prefix))
            else:
                problems.append(TemplateProblem(label, None, problem.message, where=prefix))
    return _once(problems)


def _once(problems: list[TemplateProblem]) -> list[TemplateProblem]:
    """``problems`` without repeats (two relationships to one mail-merge source, a header
    shared by two sections), in their order."""
    seen: set[str] = set()
    unique = []
    for problem in problems:
        if str(problem) not in seen:
            seen.add(str(problem))
            unique.append(problem)
    return unique


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

