"""Tests for briefgen/ui/rendering.py: every render of the window goes through one service."""

from __future__ import annotations

import pytest

from briefgen.model import Brief
from briefgen.ui.rendering import NOT_LOADED, RenderService
from briefgen.ui.templates import TemplateService
from briefgen.ui.worker import WorkRunner


@pytest.fixture
def service(qtbot):  # type: ignore[no-untyped-def]
    runner = WorkRunner()
    service = RenderService(runner, TemplateService(runner), date_format="%d/%m/%Y")
    yield service
    runner.wait(10_000)


def test_before_a_template_is_set_nothing_renders_and_export_says_why(qtbot, service, tmp_path):
    brief = Brief(fields={"subject": "Geneva talks"})
    assert service.preview(brief) is None
    with qtbot.waitSignal(service.error, timeout=1000) as blocker:
        assert service.export(brief, tmp_path / "memo.html") is None
    assert blocker.args == [NOT_LOADED]
    assert not (tmp_path / "memo.html").exists()


def test_export_and_copy_use_the_current_template_and_date_format(qtbot, service, tmp_path):
    from briefgen.render import TemplateLibrary

    service.set_template(TemplateLibrary().get("decision-memo"))
    brief = Brief(template="decision-memo", fields={"date": "2026-03-05"})
    out = tmp_path / "memo.html"
    worker = service.export(brief, out)
    assert worker is not None
    with qtbot.waitSignal(worker.signals.finished, timeout=30_000) as blocker:
        pass
    assert blocker.args == [out]
    assert "05/03/2026" in out.read_text(encoding="utf-8")
    copied = service.memo_html(brief)
    assert copied is not None
    with qtbot.waitSignal(copied.signals.finished, timeout=30_000) as blocker:
        pass
    assert "05/03/2026" in str(blocker.args[0])


def test_a_new_date_format_is_announced_once(qtbot, service):
    seen: list[int] = []
    service.changed.connect(lambda: seen.append(1))
    service.set_date_format("%Y-%m-%d")
    service.set_date_format("%Y-%m-%d")
    assert seen == [1]
    assert service.date_format == "%Y-%m-%d"


def test_the_template_preview_draws_a_copy_with_that_templates_defaults(qtbot, service):
    from briefgen.render import TemplateLibrary

    brief = Brief(template="information-memo", fields={"subject": "Geneva talks"})
    worker = service.template_preview(brief, TemplateLibrary().get("decision-memo"))
    with qtbot.waitSignal(worker.signals.finished, timeout=30_000) as blocker:
        pass
    assert "UNCLASSIFIED" in str(blocker.args[0])
    assert brief.fields == {"subject": "Geneva talks"}
    assert brief.template == "information-memo"


def test_every_render_runs_on_the_render_pool(qtbot, service, monkeypatch, tmp_path):
    from briefgen.render import TemplateLibrary

    pools: list[str] = []
    submit = service.runner.submit

    def record(pool, job, description):  # type: ignore[no-untyped-def]
        pools.append(pool)
        return submit(pool, job, description)

    monkeypatch.setattr(service.runner, "submit", record)
    template = TemplateLibrary().get("information-memo")
    service.set_template(template)
    brief = Brief()
    service.preview(brief)
    service.memo_html(brief)
    service.export(brief, tmp_path / "memo.html")
    service.template_preview(brief, template)
    assert pools == ["render"] * 4
