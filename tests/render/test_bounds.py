"""The render bounds: operators, ranges, formats, calls and output of a template stay small."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jinja2.exceptions import SecurityError

from briefgen.errors import TemplateError
from briefgen.render import bounds
from briefgen.render.jinja_env import make_environment, render_string


def _render(source: str, **context: object) -> str:
    env = make_environment(autoescape=True, strict=False)
    return render_string(env.from_string(source), dict(context), "memo.html")


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("{{ 9**(9**9) }}", "power"),
        ("{{ 'a'*10**9 }}", "longer than 1,000,000"),
        ("{{ 'ab'*10**8 }}", "longer than 1,000,000"),
        ("{{ [1]*10**7 }}", "longer than 1,000,000"),
        ("{{ '%0999999999d'|format(1) }}", "width or precision"),
        ("{{ '%0999999999d' % 1 }}", "width or precision"),
        ("{{ '%*d' % (10, 1) }}", "width or precision"),
        ("{{ '{:0999999999}'.format(1) }}", "width or precision"),
        ("{{ '{:{w}}'.format(1, w=10) }}", "width or precision"),
        ("{% for i in range(100000) %}{% endfor %}", "range of 100,000"),
        ("{{ 'x'.center(10**9) }}", "longer than 1,000,000"),
        ("{{ 'x'|center(10**9) }}", "width over"),
        ("{{ 'x'.ljust(10**9) }}", "longer than 1,000,000"),
        ("{{ 'aaaa'|replace('', 'b'*1000000) }}", "longer than 1,000,000"),
        ("{{ ('x\n'*1000)|indent(100000) }}", "indents"),
        ("{% set ns = namespace(s='ab') %}{% for i in range(40) %}"
         "{% set ns.s = ns.s ~ ns.s %}{% endfor %}", "longer than 1,000,000"),
        ("{% macro grow(s, n) %}{{ grow(s ~ s, n - 1) if n else s|length }}{% endmacro %}"
         "{{ grow('ab', 60) }}", "longer than 1,000,000"),
        ("{% set l = [1] %}{% for i in range(40) %}{{ l.extend(l) }}{% endfor %}",
         "longer than 1,000,000"),
        ("{% for i in range(9000) %}{{ 'x'*9000 }}{% endfor %}", "output is longer"),
    ],
)
def test_a_template_past_a_bound_is_refused_in_a_sentence_at_once(source: str,
                                                                  reason: str) -> None:
    started = time.monotonic()
    with pytest.raises(TemplateError, match=r"memo.html(:\d+)?: the template is refused because") \
            as caught:
        _render(source)
    assert reason in str(caught.value)
    assert time.monotonic() - started < 5


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("{{ 2**10 }}", "1024"),
        ("{{ 'ab'*3 }}", "ababab"),
        ("{{ '%05.1f'|format(3.14159) }}", "003.1"),
        ("{{ '{:>6}'.format('x') }}", "     x"),
        ("{{ range(3)|list }}", "[0, 1, 2]"),
        ("{% for i in range(1, 4) %}{{ loop.index }}{{ i }}{% endfor %}", "112233"),
        ("{% set ns = namespace(n=0) %}{% for i in range(5) %}{% set ns.n = ns.n + i %}"
         "{% endfor %}{{ ns.n }}", "10"),
        ("{{ 'a-b'|replace('-', ' & ') }}", "a &amp; b"),
        ("{{ 'x'|center(5) }}", "  x  "),
    ],
)
def test_ordinary_template_arithmetic_and_text_still_work(source: str, expected: str) -> None:
    assert _render(source) == expected


def test_a_render_past_its_deadline_is_refused() -> None:
    env = make_environment(autoescape=True, strict=False)
    compiled = env.from_string(
        "{% for a in range(10000) %}{% for b in range(10000) %}{% endfor %}{% endfor %}")
    started = time.monotonic()
    with bounds.render_deadline(0.5), pytest.raises(SecurityError, match="longer than 0.5"):
        compiled.render()
    assert time.monotonic() - started < 3


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{ 1 // (fields|length - fields|length) }}", "divides by zero"),
        ("{{ 10.0 ** (400 + fields|length) }}", "too large"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "calls itself too deeply"),
    ],
)
def test_arithmetic_and_recursion_failures_are_one_sentence(source: str, message: str) -> None:
    with pytest.raises(TemplateError, match=message):
        _render(source, fields={})


_VALUES = st.one_of(
    st.integers(min_value=-(10**6), max_value=10**6),
    st.integers(min_value=-3, max_value=10**12),
    st.text(max_size=50),
    st.lists(st.integers(), max_size=5),
    st.floats(allow_nan=False),
)


@settings(max_examples=300, deadline=2000)
@given(op=st.sampled_from(["+", "-", "*", "/", "//", "**", "%"]), left=_VALUES,
       right=_VALUES)
def test_any_operator_either_is_refused_or_stays_within_the_bounds(
        op: str, left: object, right: object) -> None:
    try:
        result = bounds.binop(op, left, right)
    except SecurityError:
        return
    except (ArithmeticError, TypeError, ValueError):
        return  # Python's own refusal: the writers turn it into a sentence too
    if isinstance(result, str | list | tuple):
        assert len(result) <= bounds.MAX_TEXT
    if isinstance(result, int):
        assert result.bit_length() <= bounds.MAX_INT_BITS * 2


@settings(max_examples=200, deadline=2000)
@given(width=st.integers(min_value=0, max_value=10**10),
       precision=st.integers(min_value=0, max_value=10**10),
       kind=st.sampled_from("dfsx"))
def test_any_format_width_either_is_refused_or_gives_a_short_text(
        width: int, precision: int, kind: str) -> None:
    fmt = f"%{width}.{precision}{kind}" if kind != "x" else f"%{width}x"
    refused = width > bounds.MAX_FORMAT_WIDTH or (
        kind != "x" and precision > bounds.MAX_FORMAT_WIDTH)
    if refused:
        with pytest.raises(TemplateError, match="width or precision"):
            _render("{{ fmt|format(42) }}{{ fmt % 42 }}", fmt=fmt)
    else:
        text = _render("{{ fmt|format(42) }}{{ fmt % 42 }}", fmt=fmt)
        assert len(text) <= 2 * 2 * (bounds.MAX_FORMAT_WIDTH + 10)
