"""The one sandboxed Jinja environment every brief template renders in, and its errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, MutableMapping
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from briefgen.errors import TemplateError

# Names a template may never reach for, even though none of them is in the context:
# refusing them up front gives a clear message instead of a puzzling "undefined".
FORBIDDEN_NAMES = frozenset(
    {
        "os", "sys", "open", "eval", "exec", "compile", "__import__", "__builtins__",
        "globals", "locals", "vars", "getattr", "setattr", "delattr", "subprocess",
        "importlib", "builtins", "self", "lipsum", "config", "request",
    }
)

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December",
)


def long_date(value: Any) -> str:
    """An ISO date (``YYYY-MM-DD``, a date-time, or a date) as ``13 March 2026``.

    Anything that is not a recognisable date is returned as it was, as text; ``None``
    and empty values give an empty string.
    """
    if value is None or value == "":
        return ""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"
    text = str(value).strip()
    try:
        day = dt.date.fromisoformat(text[:10])
    except ValueError:
        return text
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def _initials(value: Any) -> str:
    """The upper-case initials of the words in ``value`` (``Anika Solberg`` gives ``AS``)."""
    return "".join(w[0] for w in str(value or "").split() if w[:1].isalpha()).upper()


def paragraphs(value: Any) -> list[str]:
    """Multi-line text split into its non-empty lines, one per paragraph of the memo."""
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if str(v).strip()]
    return [line.strip() for line in str(value).splitlines() if line.strip()]


FILTERS = {"long_date": long_date, "initials": _initials, "paragraphs": paragraphs}


class BriefSandbox(SandboxedEnvironment):
    """A sandbox that also refuses any attribute or key that starts with an underscore.

    With ``cache_size`` > 0, ``from_string`` keeps that many compiled templates keyed by
    their source text: docxtpl hands the whole document XML to ``from_string`` on every
    render, and compiling it is most of the cost of a .docx.
    """

    def __init__(self, *args: Any, cache_size: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cache_size = cache_size
        self.compiled: dict[str, jinja2.Template] = {}

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr.startswith("_"):
            return False
        return bool(super().is_safe_attribute(obj, attr, value))

    def from_string(
        self,
        source: str | nodes.Template,
        globals: MutableMapping[str, Any] | None = None,
        template_class: type[jinja2.Template] | None = None,
    ) -> jinja2.Template:
        if not self.cache_size or globals or template_class or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compiled = self.compiled.get(source)
        if compiled is None:
            compiled = super().from_string(source)
            while len(self.compiled) >= self.cache_size:
                self.compiled.pop(next(iter(self.compiled)), None)
            self.compiled[source] = compiled
        return compiled


def make_environment(*, autoescape: bool, strict: bool, cache_size: int = 0) -> BriefSandbox:
    """A fresh sandboxed environment with no loader (templates cannot include others).

    ``strict`` selects ``StrictUndefined`` (built-in templates: a misspelt name fails
    loudly); otherwise undefined names render as empty text (users' own templates, which
    ``validate_template`` checks instead). ``cache_size``: see BriefSandbox.
    """
    env = BriefSandbox(
        cache_size=cache_size,
        autoescape=autoescape,
        undefined=jinja2.StrictUndefined if strict else jinja2.ChainableUndefined,
        trim_blocks=False,
        lstrip_blocks=False,
        keep_trailing_newline=True,
    )
    env.filters.update(FILTERS)
    env.globals.pop("lipsum", None)
    return env


def _walk(node: nodes.Node) -> Iterator[nodes.Node]:
    yield node
    for child in node.iter_child_nodes():
        yield from _walk(child)


def unsafe_constructs(ast: nodes.Template) -> list[tuple[int, str]]:
    """(line, reason) for every forbidden name or private attribute the template reaches for."""
    found: list[tuple[int, str]] = []
    for node in _walk(ast):
        if isinstance(node, nodes.Name) and node.name in FORBIDDEN_NAMES:
            found.append((node.lineno, f"it uses the forbidden name '{node.name}'"))
        elif isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
            found.append((node.lineno, f"it reaches for the private attribute '{node.attr}'"))
        elif (
            isinstance(node, nodes.Getitem)
            and isinstance(node.arg, nodes.Const)
            and isinstance(node.arg.value, str)
            and node.arg.value.startswith("_")
        ):
            found.append((node.lineno, f"it reaches for the private key '{node.arg.value}'"))
        elif isinstance(node, nodes.Import | nodes.FromImport | nodes.Include | nodes.Extends):
            found.append((node.lineno, "it includes or imports another template"))
    return found


def check_source(env: SandboxedEnvironment, source: str, where: str) -> nodes.Template:
    """The parsed template, or TemplateError naming ``where`` and the line of the problem.

    Syntax errors and unsafe constructs (see ``unsafe_constructs``) are both refused.
    """
    try:
        ast = env.parse(source)
    except jinja2.TemplateSyntaxError as exc:
        raise TemplateError(
            f"{where}:{exc.lineno}: the template has a syntax error: {exc.message}."
        ) from None
    problems = unsafe_constructs(ast)
    if problems:
        line, reason = problems[0]
        raise TemplateError(f"{where}:{line}: the template is refused because {reason}.")
    return ast


def render_string(
    env: SandboxedEnvironment, template: jinja2.Template, context: dict[str, Any], where: str
) -> str:
    """Render a compiled template; sandbox and undefined-name failures become TemplateError."""
    try:
        return template.render(context)
    except SecurityError as exc:
        raise TemplateError(f"{where}: the template is refused because {exc}.") from None
    except jinja2.UndefinedError as exc:
        raise TemplateError(f"{where}: the template uses an unknown name: {exc}.") from None
    except jinja2.TemplateError as exc:
        raise TemplateError(f"{where}: the template failed to render: {exc}.") from None
    except (TypeError, ValueError, AttributeError, KeyError, IndexError) as exc:
        raise TemplateError(f"{where}: the template failed to render: {exc}.") from None
