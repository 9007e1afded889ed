"""The sandboxed Jinja environment: escapes refused, undefined names loud, HTML escaped."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.errors import TemplateError
from briefgen.render.jinja_env import (
    check_source,
    long_date,
    make_environment,
    paragraphs,
    render_string,
)


def _render(source: str, context: dict[str, object], *, strict: bool = True) -> str:
    env = make_environment(autoescape=True, strict=strict)
    check_source(env, source, "memo.html")
    return render_string(env, env.from_string(source), context, "memo.html")


@pytest.mark.parametrize(
    "source",
    [
        "{{ ''.__class__.__mro__ }}",
        "{{ cycler.__init__.__globals__ }}",
        "{{ x.__globals__ }}",
        "{{ os.system('id') }}",
        "{{ open('/etc/passwd').read() }}",
        "{{ x['__class__'] }}",
        "{% include '/etc/passwd' %}",
        "{% import 'other.html' as o %}",
    ],
)
def test_template_reaching_outside_the_sandbox_is_refused_with_file_and_line(source: str) -> None:
    with pytest.raises(TemplateError, match=r"^memo\.html:1: the template is refused"):
        _render(source, {"x": "y"})


def test_runtime_attribute_escape_is_refused_by_the_sandbox() -> None:
    env = make_environment(autoescape=True, strict=True)
    compiled = env.from_string("{{ x|attr('__class__') }}")
    with pytest.raises(TemplateError, match="refused"):
        render_string(env, compiled, {"x": "y"}, "memo.html")


def test_syntax_error_names_file_and_line() -> None:
    with pytest.raises(TemplateError, match=r"^memo\.html:3: the template has a syntax error"):
        _render("<p>\n<p>\n{% if x %}\n", {"x": 1})


def test_strict_templates_fail_loudly_on_an_undefined_name() -> None:
    with pytest.raises(TemplateError, match="unknown name"):
        _render("{{ missing.name }}", {})


def test_lenient_templates_render_an_undefined_name_as_nothing() -> None:
    assert _render("[{{ missing.name }}]", {}, strict=False) == "[]"


def test_markup_in_values_is_escaped() -> None:
    out = _render("<p>{{ v }}</p>", {"v": "<script>&\"'"})
    assert out == "<p>&lt;script&gt;&amp;&#34;&#39;</p>"


def test_long_date_formats_iso_dates_and_keeps_other_text() -> None:
    assert long_date("2026-03-13") == "13 March 2026"
    assert long_date("2026-03-13T10:00:00+01:00") == "13 March 2026"
    assert long_date(dt.date(2026, 4, 30)) == "30 April 2026"
    assert long_date("next Tuesday") == "next Tuesday"
    assert long_date(None) == ""


def test_paragraphs_splits_lines_and_drops_blank_ones() -> None:
    assert paragraphs("First.\n\n  Second.  \n") == ["First.", "Second."]
    assert paragraphs(None) == []


def test_compiled_templates_are_reused_by_source_and_the_cache_stays_bounded() -> None:
    env = make_environment(autoescape=True, strict=True, cache_size=2)
    first = env.from_string("<p>{{ a }}</p>")
    assert env.from_string("<p>{{ a }}</p>") is first
    env.from_string("two")
    env.from_string("three")
    assert len(env.compiled) == 2
    assert env.from_string("<p>{{ a }}</p>") is not first
    uncached = make_environment(autoescape=True, strict=True)
    assert uncached.from_string("x") is not uncached.from_string("x")
