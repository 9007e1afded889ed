"""Renders of untrusted templates run in a child process with a time and memory limit."""

from __future__ import annotations

import operator
import time
from pathlib import Path

import pytest
from support.hostile_templates import template_folder
from support.sample_briefs import sample_brief

from briefgen.cancellation import cancellable
from briefgen.errors import Cancelled, TemplateError
from briefgen.render import TemplateLibrary, isolation, render_docx, render_html
from briefgen.render.templates.manifest import read_manifest

# A loop the sandbox cannot see into: no call, no operator, no range, only two texts of
# 100,000 characters walked one inside the other (10**10 steps).
ENDLESS = ("{% set s = 'x' * 100000 %}{% for a in s %}{% for b in s %}{% endfor %}"
           "{% endfor %}")


def test_a_child_returns_its_result() -> None:
    assert isolation.run_isolated("sum", operator.add, 2, 3) == 5


def test_a_child_past_its_time_limit_is_killed_with_a_sentence() -> None:
    started = time.monotonic()
    with pytest.raises(TemplateError, match="slow: the template is refused because its "
                                            "render ran longer than 1 seconds"):
        isolation.run_isolated("slow", time.sleep, 30, seconds=1)
    assert time.monotonic() - started < 5


def test_a_child_past_its_memory_limit_is_refused_with_a_sentence() -> None:
    with pytest.raises(TemplateError, match="needs more than 300 MB of memory"):
        isolation.run_isolated("big", bytearray, 2_000_000_000, memory=300_000_000)


def test_a_cancelled_render_stops_its_child_at_once() -> None:
    started = time.monotonic()
    with cancellable(lambda: time.monotonic() - started > 0.3), \
            pytest.raises(Cancelled):
        isolation.run_isolated("slow", time.sleep, 30)
    assert time.monotonic() - started < 3


@pytest.mark.parametrize("writer", [render_html, render_docx])
def test_an_untrusted_template_that_never_ends_stops_at_its_limit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, writer: object) -> None:
    from support.hostile_templates import in_document, paragraph

    folder = template_folder(tmp_path, "endless", body=ENDLESS,
                             docx_edit=in_document(paragraph(ENDLESS.replace("'", "&apos;"))))
    template = read_manifest(folder, "user")
    monkeypatch.setattr(isolation, "RENDER_SECONDS", 2.0)
    started = time.monotonic()
    with pytest.raises(TemplateError, match="ran longer than 2 seconds"):
        writer(sample_brief(), template)  # type: ignore[operator]
    assert time.monotonic() - started < 8


def test_an_untrusted_template_renders_the_same_memo_in_its_child(tmp_path: Path) -> None:
    folder = template_folder(tmp_path, "copy")
    mine = read_manifest(folder, "user")
    builtin = TemplateLibrary(user_dir=tmp_path / "none").get("information-memo")
    assert isolation.needs_isolation(mine)
    assert not isolation.needs_isolation(builtin)
    assert render_html(sample_brief(), mine) == render_html(sample_brief(), builtin)
