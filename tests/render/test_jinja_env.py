"""The sandboxed Jinja environment: escapes refused, undefined names loud, HTML escaped."""

from __future__ import annotations

import pytest

from briefgen.errors import TemplateError
from briefgen.render.jinja_env import (
    check_source,
    make_environment,
    paragraphs,
    render_string,
    sandbox,
    template_errors,
)


def _render(source: str, context: dict[str, object], *, strict: bool = True) -> str:
    env = sandbox(strict=strict)
    check_source(env, source, "memo.html")
    return render_string(env.from_string(source), context, "memo.html")


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
    compiled = sandbox(strict=True).from_string("{{ x|attr('__class__') }}")
    with pytest.raises(TemplateError, match="refused"):
        render_string(compiled, {"x": "y"}, "memo.html")


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


def test_the_filter_uses_the_render_date_format_unless_given_its_own() -> None:
    source = "{{ d | long_date }} / {{ d | long_date('%B %d, %Y') }}"
    assert _render(source, {"d": "2026-03-05"}) == "5 March 2026 / March 5, 2026"
    assert _render(source, {"d": "2026-03-05", "date_format": "%d/%m/%Y"}) == (
        "05/03/2026 / March 5, 2026"
    )
    assert _render(source, {"d": "2026-03-05", "date_format": "%H:%M"}, strict=False) == (
        "5 March 2026 / March 5, 2026"
    )
    assert _render("{{ d | long_date('%c') }}", {"d": "2026-03-05"}) == "5 March 2026"


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


def test_each_strictness_has_one_shared_sandbox() -> None:
    assert sandbox(strict=True) is sandbox(strict=True)
    assert sandbox(strict=False) is not sandbox(strict=True)
    assert sandbox(strict=False).undefined is not sandbox(strict=True).undefined


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{{ x|attr('__class__') }}", "memo.docx: the Word template is refused because"),
        ("{{ missing.name }}", "memo.docx: the Word template uses an unknown name"),
        ("{{ 1 // 0 }}", "memo.docx: the Word template failed to render: "),
    ],
)
def test_the_error_translator_names_the_file_and_the_kind_of_template(
    source: str, message: str
) -> None:
    compiled = sandbox(strict=True).from_string(source)
    with pytest.raises(TemplateError) as caught, template_errors("memo.docx", "Word template"):
        compiled.render({"x": "y"})
    assert str(caught.value).startswith(message)
