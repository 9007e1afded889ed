"""Bounds on what one template render may compute: operators, ranges, formats, output, time.

The sandbox (briefgen.render.jinja_env) routes ``**``, ``*``, ``+`` and ``%``, every call,
``range``, the ``format``-like filters and the joined output through these checks, so that
``{{ 9**(9**9) }}``, ``'a'*10**9`` or ``'%0999999999d'|format(1)`` are refused in a sentence
instead of hanging or filling memory. A refusal is a ``SecurityError`` (the writers turn it
into "the template is refused because ..."). The check of the deadline is cooperative: a
render of an untrusted template is also run in a separate, killable process
(briefgen.render.isolation).
"""

from __future__ import annotations

import operator
import re
import string
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from jinja2.exceptions import SecurityError

# The longest text or list one operation may make, and the longest output of a render.
MAX_TEXT = 1_000_000
MAX_OUTPUT = 20_000_000
# The most numbers one range() may hold (Jinja's own limit is 100,000).
MAX_RANGE = 10_000
# The largest integer an operator may make, in bits (about 3,000 decimal digits).
MAX_INT_BITS = 10_000
# The widest field or precision a format may ask for.
MAX_FORMAT_WIDTH = 1_000
# How long one render may run, in seconds, unless render_deadline says otherwise.
DEFAULT_SECONDS = 30.0

_SEQUENCES = (str, list, tuple)
_PRINTF_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+))?")
_NUMBER = re.compile(r"\d+")
_BINOPS: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
    "//": operator.floordiv, "**": operator.pow, "%": operator.mod,
}
_STATE = threading.local()


def refuse(reason: str) -> SecurityError:
    """The error a bound raises: the writers print "... is refused because {reason}."."""
    return SecurityError(reason)


@contextmanager
def render_deadline(seconds: float = DEFAULT_SECONDS) -> Iterator[None]:
    """Renders on this thread inside the block must finish within ``seconds``."""
    previous = getattr(_STATE, "deadline", None)
    _STATE.deadline = time.monotonic() + seconds
    _STATE.seconds = seconds
    try:
        yield
    finally:
        _STATE.deadline = previous


def check_time() -> None:
    """Refuse the render if this thread's deadline (see render_deadline) has passed."""
    deadline = getattr(_STATE, "deadline", None)
    if deadline is not None and time.monotonic() > deadline:
        raise refuse(f"it ran longer than {_STATE.seconds:g} seconds")


def _too_long(length: int) -> SecurityError:
    return refuse(f"it makes a text or list longer than {MAX_TEXT:,} items ({length:,})")


def check_size(value: Any) -> None:
    """Refuse a text or list longer than MAX_TEXT (also the items of a list or tuple)."""
    if isinstance(value, _SEQUENCES):
        if len(value) > MAX_TEXT:
            raise _too_long(len(value))
        if not isinstance(value, str):
            for item in value[:100]:
                if isinstance(item, _SEQUENCES) and len(item) > MAX_TEXT:
                    raise _too_long(len(item))


def check_printf(fmt: str) -> None:
    """Refuse a ``%`` format whose width or precision is ``*`` or over MAX_FORMAT_WIDTH."""
    for spec in _PRINTF_SPEC.finditer(fmt):
        for number in spec.groups():
            if number == "*" or (number and int(number) > MAX_FORMAT_WIDTH):
                raise refuse(f"its format '{spec.group()[:20]}' asks for a width or "
                             f"precision over {MAX_FORMAT_WIDTH:,}")


def check_format_string(fmt: str) -> None:
    """Refuse a ``str.format`` string whose fields ask for a width over MAX_FORMAT_WIDTH
    or nest a field inside a format spec."""
    try:
        fields = list(string.Formatter().parse(fmt))
    except ValueError:
        return  # str.format itself refuses it, with its own message
    for _literal, _name, spec, _conversion in fields:
        if not spec:
            continue
        if "{" in spec or any(int(n) > MAX_FORMAT_WIDTH for n in _NUMBER.findall(spec)):
            raise refuse(f"its format '{{:{spec[:20]}}}' asks for a width or precision "
                         f"over {MAX_FORMAT_WIDTH:,}")


def _int_bits(value: Any) -> int:
    return value.bit_length() if isinstance(value, int) else 0


def check_binop(op: str, left: Any, right: Any) -> None:
    """Refuse ``left op right`` if its result would exceed the bounds above."""
    check_time()
    if op == "**" and isinstance(left, int) and isinstance(right, int) and right > 0:
        if abs(left) > 1 and max(left.bit_length(), 1) * right > MAX_INT_BITS:
            raise refuse(f"it raises a number to a power whose result has more than "
                         f"{MAX_INT_BITS:,} bits")
    elif op == "*":
        for seq, times in ((left, right), (right, left)):
            if isinstance(seq, _SEQUENCES) and isinstance(times, int) \
                    and len(seq) * max(times, 0) > MAX_TEXT:
                raise _too_long(len(seq) * times)
        if _int_bits(left) + _int_bits(right) > MAX_INT_BITS:
            raise refuse(f"it multiplies numbers into more than {MAX_INT_BITS:,} bits")
    elif op == "+" and isinstance(left, _SEQUENCES) and isinstance(right, _SEQUENCES):
        if len(left) + len(right) > MAX_TEXT:
            raise _too_long(len(left) + len(right))
    elif op == "%" and isinstance(left, str):
        check_printf(left)


def binop(op: str, left: Any, right: Any) -> Any:
    """``left op right`` for the sandbox's intercepted operators, within the bounds."""
    check_binop(op, left, right)
    return _BINOPS[op](left, right)


class BoundedRange:
    """A ``range`` of at most MAX_RANGE numbers that checks the deadline as it is walked."""

    def __init__(self, *args: int) -> None:
        self._range = range(*args)
        if len(self._range) > MAX_RANGE:
            raise refuse(f"it asks for a range of {len(self._range):,} numbers (the limit "
                         f"is {MAX_RANGE:,})")

    def __len__(self) -> int:
        return len(self._range)

    def __iter__(self) -> Iterator[int]:
        for index, number in enumerate(self._range):
            if index % 256 == 0:
                check_time()
            yield number

    def __getitem__(self, index: Any) -> Any:
        return self._range[index]

    def __contains__(self, number: object) -> bool:
        return number in self._range


def bounded_join(chunks: Iterable[Any]) -> str:
    """The render's output joined, refused past MAX_OUTPUT characters or the deadline."""
    parts: list[str] = []
    total = 0
    for chunk in chunks:
        text = str(chunk)
        total += len(text)
        if total > MAX_OUTPUT:
            raise refuse(f"its output is longer than {MAX_OUTPUT:,} characters")
        parts.append(text)
        check_time()
    return "".join(parts)


# str methods whose first argument is the length of their result.
_WIDTH_METHODS = frozenset({"center", "ljust", "rjust", "zfill"})


def check_call(obj: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """Refuse a call from a template whose arguments or result would exceed the bounds:
    ``'x'.center(10**9)``, ``'x'.expandtabs(10**6)``, doubling a list with ``extend``,
    a macro handed a text over MAX_TEXT."""
    check_time()
    for value in (*args, *kwargs.values()):
        check_size(value)
    owner = getattr(obj, "__self__", None)
    name = getattr(obj, "__name__", "")
    if isinstance(owner, str):
        if name in _WIDTH_METHODS and args and isinstance(args[0], int) \
                and args[0] > MAX_TEXT:
            raise _too_long(args[0])
        if name == "expandtabs" and args and isinstance(args[0], int) \
                and args[0] > MAX_FORMAT_WIDTH:
            raise refuse(f"it expands tabs wider than {MAX_FORMAT_WIDTH:,}")
        if name == "replace" and len(args) >= 2:
            check_replace(owner, args[0], args[1])
        if name in ("format", "format_map"):
            check_format_string(owner)
    elif isinstance(owner, list) and name == "extend" and args:
        extra = args[0]
        if isinstance(extra, _SEQUENCES) and len(owner) + len(extra) > MAX_TEXT:
            raise _too_long(len(owner) + len(extra))


def check_replace(text: Any, old: Any, new: Any) -> None:
    """Refuse ``text.replace(old, new)`` if its result would be longer than MAX_TEXT."""
    if isinstance(text, str) and isinstance(old, str) and isinstance(new, str):
        count = len(text) + 1 if old == "" else text.count(old)
        if len(text) + count * max(len(new) - len(old), 0) > MAX_TEXT:
            raise _too_long(len(text) + count * len(new))
