"""The sandboxed Jinja environment: escapes refused, undefined names loud, HTML escaped."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.errors import TemplateError
from briefgen.render.jinja_env import (
    DEFAULT_DATE_FORMAT,
    check_source,
    long_date,
    make_environment,
    paragraphs,
    render_string,
    valid_date_format,
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


@pytest.mark.parametrize(
    ("date_format", "third", "thirtieth"),
    [
        ("%d %B %Y", "3 March 2026", "30 April 2026"),
        ("%B %d, %Y", "March 3, 2026", "April 30, 2026"),
        ("%Y-%m-%d", "2026-03-03", "2026-04-30"),
        ("%d/%m/%Y", "03/03/2026", "30/04/2026"),
        ("%a %-d %b %y", "Tue 3 Mar 26", "Thu 30 Apr 26"),
        ("%A %e.%-m. (%j) 100%%", "Tuesday  3.3. (062) 100%", "Thursday 30.4. (120) 100%"),
    ],
)
def test_long_date_writes_each_format(date_format: str, third: str, thirtieth: str) -> None:
    assert long_date("2026-03-03", date_format) == third
    assert long_date(dt.date(2026, 4, 30), date_format) == thirtieth
    assert long_date("2026-04-30T23:30:00-05:00", date_format) == thirtieth
    assert long_date("in the spring", date_format) == "in the spring"


class _NoLocaleNames(dt.date):
    """A date whose strftime refuses the locale-dependent name codes."""

    def strftime(self, fmt: str) -> str:
        assert not any(code in fmt for code in ("%a", "%A", "%b", "%B", "%h")), fmt
        return super().strftime(fmt)


def test_month_and_day_names_are_english_and_never_asked_of_the_locale() -> None:
    day = _NoLocaleNames(2026, 12, 6)
    assert long_date(day, "%A %d %B %Y") == "Sunday 6 December 2026"
    assert long_date(day, "%a, %b %d, %Y") == "Sun, Dec 6, 2026"
    assert long_date(day, "%d/%m/%Y") == "06/12/2026"


@pytest.mark.parametrize(
    "date_format", ["%H:%M", "%d %B %Y %c", "%x", "", "no codes here", "100%", "%-y", "%Q", "%%"]
)
def test_an_unusable_format_falls_back_to_the_default(date_format: str) -> None:
    assert valid_date_format(date_format) == DEFAULT_DATE_FORMAT
    assert long_date("2026-03-13", date_format) == "13 March 2026"


def test_valid_formats_are_kept_and_non_text_is_refused() -> None:
    assert valid_date_format("%Y-%m-%d") == "%Y-%m-%d"
    assert valid_date_format(None) == DEFAULT_DATE_FORMAT
    assert valid_date_format(20260313) == DEFAULT_DATE_FORMAT


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
