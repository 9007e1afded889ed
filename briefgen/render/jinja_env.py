"""The one sandboxed Jinja environment every brief template renders in, and its errors."""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator, MutableMapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2 import nodes
from jinja2.exceptions import SecurityError
from jinja2.filters import do_center, do_format, do_indent, do_replace
from jinja2.runtime import Context
from jinja2.sandbox import SandboxedEnvironment
from jinja2.utils import Namespace

from briefgen.errors import TemplateError
from briefgen.render import bounds
from briefgen.render.dates import long_date, valid_date_format

if TYPE_CHECKING:
    from briefgen.render.templates.manifest import BriefTemplate

# Names a template may never reach for, even though none of them is in the context:
# refusing them up front gives a clear message instead of a puzzling "undefined".
FORBIDDEN_NAMES = frozenset(
    {
        "os", "sys", "open", "eval", "exec", "compile", "__import__", "__builtins__",
        "globals", "locals", "vars", "getattr", "setattr", "delattr", "subprocess",
        "importlib", "builtins", "self", "lipsum", "config", "request",
    }
)


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


def _format(value: Any, *args: Any, **kwargs: Any) -> str:
    """Jinja's ``format`` filter, refusing widths over bounds.MAX_FORMAT_WIDTH."""
    bounds.check_printf(str(value))
    return do_format(value, *args, **kwargs)


def _center(value: Any, width: int = 80) -> str:
    """Jinja's ``center`` filter, refusing a width over bounds.MAX_TEXT."""
    if isinstance(width, int) and width > bounds.MAX_TEXT:
        raise bounds.refuse(f"it centers text in a width over {bounds.MAX_TEXT:,}")
    return do_center(value, width)


def _indent(value: Any, width: int | str = 4, first: bool = False, blank: bool = False) -> str:
    """Jinja's ``indent`` filter, refusing a result longer than bounds.MAX_TEXT."""
    size = len(width) if isinstance(width, str) else int(width)
    if size * (str(value).count("\n") + 1) > bounds.MAX_TEXT:
        raise bounds.refuse(f"it indents text past {bounds.MAX_TEXT:,} characters")
    return do_indent(value, width, first, blank)


@jinja2.pass_eval_context
def _replace(eval_ctx: Any, value: Any, old: Any, new: Any, count: int | None = None) -> str:
    """Jinja's ``replace`` filter, refusing a result longer than bounds.MAX_TEXT."""
    bounds.check_replace(str(value), str(old), str(new))
    return do_replace(eval_ctx, value, old, new, count)


class BoundedNamespace(Namespace):
    """``namespace()`` whose attributes can hold no text or list over bounds.MAX_TEXT (a
    loop that doubles ``ns.text`` is refused at the first assignment past the bound)."""

    def __setitem__(self, name: str, value: Any) -> None:
        bounds.check_size(value)
        super().__setitem__(name, value)


FILTERS = {"long_date": long_date_filter, "initials": _initials, "paragraphs": paragraphs,
           "format": _format, "center": _center, "indent": _indent, "replace": _replace}
# Filters a template may not use: ``safe`` would put article text into the memo unescaped.
REMOVED_FILTERS = ("safe",)


class BriefSandbox(SandboxedEnvironment):
    """A sandbox that also refuses any attribute or key that starts with an underscore, and
    bounds what a template computes (briefgen.render.bounds): the operators ``**``, ``*``,
    ``+`` and ``%`` (intercepted, so never folded while compiling), every call, ``range``,
    ``str.format`` and the size of the output.

    With ``cache_size`` > 0, ``from_string`` keeps that many compiled templates keyed by
    their source text: docxtpl hands the whole document XML to ``from_string`` on every
    render, and compiling it is most of the cost of a .docx.
    """

    def __init__(self, *args: Any, cache_size: int = 0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.cache_size = cache_size
        self.compiled: dict[str, jinja2.Template] = {}
        self._compiled_lock = threading.Lock()

    intercepted_binops = frozenset({"**", "*", "+", "%"})
    concat = staticmethod(bounds.bounded_join)

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        if attr.startswith("_"):
            return False
        return bool(super().is_safe_attribute(obj, attr, value))

    def call_binop(self, context: Context, operator: str, left: Any, right: Any) -> Any:
        return bounds.binop(operator, left, right)

    def call(__self, __context: Context, __obj: Any, *args: Any,  # noqa: N805
             **kwargs: Any) -> Any:
        bounds.check_call(__obj, args, kwargs)
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        bounds.check_time()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        bounds.check_time()
        return super().getitem(obj, argument)

    def wrap_str_format(self, value: Any) -> Any:
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        fmt = value.__self__

        def checked(*args: Any, **kwargs: Any) -> str:
            bounds.check_format_string(str(fmt))
            return str(wrapped(*args, **kwargs))

        return checked

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
            with self._compiled_lock:  # one environment serves every render thread
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
    for name in REMOVED_FILTERS:
        env.filters.pop(name, None)
    env.globals.pop("lipsum", None)
    env.globals.update(range=bounds.BoundedRange, namespace=BoundedNamespace)
    return env


# How many compiled templates (mostly whole Word documents) each shared sandbox keeps.
COMPILED_CACHE_SIZE = 16


@functools.cache
def sandbox(*, strict: bool) -> BriefSandbox:
    """The shared sandbox for one strictness, built once: every HTML and Word render, and
    every check, uses one of these two (see make_environment for ``strict``)."""
    return make_environment(autoescape=True, strict=strict, cache_size=COMPILED_CACHE_SIZE)


def sandbox_for(template: BriefTemplate) -> BriefSandbox:
    """The sandbox ``template`` renders in: strict for built-in templates, lenient for the
    user's own (an undefined name renders as empty text)."""
    return sandbox(strict=template.origin == "builtin")


def clear_compiled_cache() -> None:
    """Forget every compiled template of the shared sandboxes (the next render compiles)."""
    for strict in (True, False):
        sandbox(strict=strict).compiled.clear()


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
        elif isinstance(node, nodes.Filter) and node.name in REMOVED_FILTERS:
            found.append((node.lineno, f"it uses the filter '{node.name}', which would put "
                          "text into the memo unescaped"))
        elif isinstance(node, nodes.ScopedEvalContextModifier | nodes.EvalContextModifier) \
                and any(k.key == "autoescape" for k in node.options):
            found.append((node.lineno, "it turns autoescaping off or on"))
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
    except RecursionError:
        raise TemplateError(f"{where}: the template is refused because it nests blocks too "
                            "deeply.") from None
    problems = unsafe_constructs(ast)
    if problems:
        line, reason = problems[0]
        raise TemplateError(f"{where}:{line}: the template is refused because {reason}.")
    return ast


def template_line(exc: BaseException) -> int | None:
    """The line of the template source a render failure happened on (Jinja puts the
    template's lines into the traceback under the file name ``<template>``), or None."""
    line = None
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == "<template>":
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


@contextmanager
def template_errors(where: str, kind: str = "template", *,
                    with_line: bool = False) -> Iterator[None]:
    """Turn what a render of the ``kind`` at ``where`` can raise into one TemplateError.

    The one error translator of the HTML and Word writers: sandbox refusals, syntax errors
    (docxtpl compiles while it renders), unknown names and failures inside the template.
    ``with_line``: a failure inside the template names its line (``memo.html:12``).
    """
    try:
        with bounds.render_deadline():
            yield
    except (SecurityError, RecursionError, MemoryError, ArithmeticError, jinja2.TemplateError,
            TypeError, ValueError, AttributeError, LookupError) as exc:
        line = template_line(exc) if with_line else None
        raise translated_error(exc, f"{where}:{line}" if line else where, kind) from None


def translated_error(exc: BaseException, where: str, kind: str) -> TemplateError:
    """The one sentence template_errors makes of a render failure ``exc``."""
    if isinstance(exc, SecurityError):
        return TemplateError(f"{where}: the {kind} is refused because {exc}.")
    if isinstance(exc, RecursionError):
        return TemplateError(f"{where}: the {kind} is refused because a macro or loop calls "
                             "itself too deeply.")
    if isinstance(exc, MemoryError):
        return TemplateError(f"{where}: the {kind} is refused because it needs more memory "
                             "than briefgen allows a render.")
    if isinstance(exc, ZeroDivisionError):
        return TemplateError(f"{where}: the {kind} failed to render: it divides by zero.")
    if isinstance(exc, OverflowError):
        return TemplateError(f"{where}: the {kind} failed to render: a number is too large "
                             f"({exc}).")
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return TemplateError(f"{where}: the {kind} has a syntax error near line "
                             f"{exc.lineno}: {exc.message}.")
    if isinstance(exc, jinja2.UndefinedError):
        return TemplateError(f"{where}: the {kind} uses an unknown name: {exc}.")
    return TemplateError(f"{where}: the {kind} failed to render: {exc}.")


def render_string(template: jinja2.Template, context: dict[str, Any], where: str,
                  kind: str = "template") -> str:
    """Render a compiled template; its failures become TemplateError (template_errors),
    naming the line of the template they happened on."""
    with template_errors(where, kind, with_line=True):
        return template.render(context)
