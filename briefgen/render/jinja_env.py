"""The one sandboxed Jinja environment every brief template renders in, and its errors."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, MutableMapping
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.runtime import Context
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
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
DEFAULT_DATE_FORMAT = "%d %B %Y"
# strftime codes that depend only on the date (never on the locale), delegated as they are.
_NUMERIC_CODES = frozenset("dmyYjUWuwGV")
_NAME_CODES = frozenset("aAbBh")
_UNPADDED_CODES = frozenset("dme")
DATE_FORMAT_CODES = _NUMERIC_CODES | _NAME_CODES | {"e", "%"}


def _directives(date_format: str) -> list[str] | None:
    """The format split into literal text and ``%X`` / ``%-X`` directives, or ``None`` if it
    holds a code outside DATE_FORMAT_CODES, a lone ``%`` at the end, or no date code at all."""
    parts: list[str] = []
    has_code = False
    i = 0
    while i < len(date_format):
        char = date_format[i]
        if char != "%":
            parts.append(char)
            i += 1
            continue
        code = date_format[i + 1 : i + 2]
        if code == "-":
            code = date_format[i + 2 : i + 3]
            if code not in _UNPADDED_CODES:
                return None
            parts.append("%-" + code)
            i += 3
        elif code in DATE_FORMAT_CODES and code:
            parts.append("%" + code)
            i += 2
        else:
            return None
        has_code = has_code or code != "%"
    return parts if has_code else None


def valid_date_format(date_format: Any) -> str:
    """``date_format`` if briefgen can write dates with it, else DEFAULT_DATE_FORMAT.

    Supported: the strftime date codes ``%d %m %y %Y %j %U %W %u %w %G %V %%``, the
    names ``%B %b %h %A %a`` (always English), ``%e`` and the unpadded ``%-d %-m %-e``.
    Time and locale codes (``%H``, ``%c``, ``%x`` ...) are refused, as is a format with
    no date code in it.
    """
    if isinstance(date_format, str) and _directives(date_format) is not None:
        return date_format
    return DEFAULT_DATE_FORMAT


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def format_date(day: dt.date, date_format: str = DEFAULT_DATE_FORMAT) -> str:
    """``day`` written with ``date_format`` (see valid_date_format; an invalid format gives
    the default), with English month and day names whatever the process locale.

    Next to a month name (``%B``, ``%b``), ``%d`` is written without its leading zero, so
    the default gives ``3 March 2026`` and ``%B %d, %Y`` gives ``March 3, 2026``; numeric
    formats keep it (``03/03/2026``).
    """
    parts = _directives(date_format)
    if parts is None:
        parts = _directives(DEFAULT_DATE_FORMAT) or []
    named_month = any(p in ("%B", "%b", "%h") for p in parts)
    out: list[str] = []
    for part in parts:
        if len(part) == 1 or part == "%%":
            out.append(part[-1])
        elif part in ("%B", "%b", "%h"):
            month = _MONTHS[day.month - 1]
            out.append(month if part == "%B" else month[:3])
        elif part in ("%A", "%a"):
            weekday = _WEEKDAYS[day.weekday()]
            out.append(weekday if part == "%A" else weekday[:3])
        elif part in ("%-d", "%-e") or (part == "%d" and named_month):
            out.append(str(day.day))
        elif part == "%e":
            out.append(f"{day.day:2d}")
        elif part == "%-m":
            out.append(str(day.month))
        elif part == "%Y":
            out.append(str(day.year))
        else:
            out.append(day.strftime(part))
    return "".join(out)


def long_date(value: Any, date_format: str = DEFAULT_DATE_FORMAT) -> str:
    """An ISO date (``YYYY-MM-DD``, a date-time, or a date) written with ``date_format``
    (the default gives ``13 March 2026``; see format_date).

    Anything that is not a recognisable date is returned as it was, as text; ``None``
    and empty values give an empty string.
    """
    if value is None or value == "":
        return ""
    day = _as_date(value)
    if day is None:
        return str(value).strip()
    return format_date(day, date_format)


@jinja2.pass_context
def long_date_filter(context: Context, value: Any, date_format: str | None = None) -> str:
    """The ``long_date`` filter: the format given as its argument, else the render's
    ``date_format`` (from the context), else the default."""
    chosen = date_format if date_format is not None else context.get("date_format")
    return long_date(value, valid_date_format(chosen))


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


FILTERS = {"long_date": long_date_filter, "initials": _initials, "paragraphs": paragraphs}


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
