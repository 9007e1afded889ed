"""Tests for briefgen/ui/rendering.py: every render of the window goes through one service."""

from __future__ import annotations

import time

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
    from support.hostile_templates import template_folder

    from briefgen.render.templates.manifest import read_manifest

    mine = read_manifest(template_folder(tmp_path, "mine"), "user")
    service.set_template(mine)
    service.preview(brief)
    service.export(brief, tmp_path / "mine.html")
    assert pools[4:] == ["untrusted"] * 2
    service.runner.wait(30_000)


def _hostile(tmp_path):  # type: ignore[no-untyped-def]
    from support.hostile_templates import template_folder

    from briefgen.render.templates.manifest import read_manifest

    endless = ("{% set s = 'x' * 100000 %}{% for a in s %}{% for b in s %}{% endfor %}"
               "{% endfor %}")
    return read_manifest(template_folder(tmp_path, "hostile", body=endless), "user")


def test_export_with_a_builtin_template_finishes_while_a_hostile_preview_runs(
        qtbot, service, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    from briefgen.render import TemplateLibrary, isolation

    monkeypatch.setattr(isolation, "RENDER_SECONDS", 6.0)
    brief = Brief(template="decision-memo", fields={"subject": "Geneva talks"})
    service.set_template(_hostile(tmp_path))
    stuck = service.preview(brief)
    assert stuck is not None
    failures: list[str] = []
    ended: list[str] = []
    stuck.signals.failed.connect(failures.append)
    stuck.signals.cancelled.connect(lambda: ended.append("cancelled"))
    service.set_template(TemplateLibrary().get("decision-memo"))  # the user moves on ...
    # ... which abandons the hostile preview; and even before that, exports did not wait.
    out = tmp_path / "memo.docx"
    started = time.monotonic()
    worker = service.export(brief, out)
    assert worker is not None
    with qtbot.waitSignal(worker.signals.finished, timeout=20_000):
        pass
    assert out.stat().st_size > 0
    assert time.monotonic() - started < 6
    qtbot.waitUntil(lambda: ended == ["cancelled"], timeout=10_000)
    assert not failures  # cancelled, not failed: nothing to tell the user


def test_a_hostile_preview_ends_at_its_limit_with_one_sentence_and_exports_keep_working(
        qtbot, service, tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    from briefgen.render import TemplateLibrary, isolation

    monkeypatch.setattr(isolation, "RENDER_SECONDS", 3.0)
    brief = Brief(template="decision-memo", fields={"subject": "Geneva talks"})
    service.set_template(_hostile(tmp_path))
    stuck = service.preview(brief)
    assert stuck is not None
    exporter = RenderService(service.runner, service.templates)
    exporter.set_template(TemplateLibrary().get("information-memo"))
    out = tmp_path / "memo.html"
    worker = exporter.export(brief, out)
    assert worker is not None
    with qtbot.waitSignal(worker.signals.finished, timeout=20_000):
        pass
    assert "Geneva talks" in out.read_text(encoding="utf-8")
    with qtbot.waitSignal(stuck.signals.failed, timeout=15_000) as blocker:
        pass
    assert "hostile/memo.html: the template is refused because its render ran longer than " \
           "3 seconds." in blocker.args[0]


def test_a_quick_builtin_preview_renders_at_once_after_a_worker_has_timed_it(
    qtbot, service, monkeypatch
):
    from briefgen.render import TemplateLibrary
    from briefgen.ui import rendering

    # Timing is not under test here (a loaded machine may take longer than the limit).
    monkeypatch.setattr(rendering, "INLINE_LIMIT", 5.0)
    template = TemplateLibrary().get("information-memo")
    service.set_template(template)
    brief = Brief(fields={"subject": "Ferry talks resume"})
    assert service.preview_at_once(brief) is None  # never timed: a worker renders first
    worker = service.preview(brief)
    assert worker is not None
    with qtbot.waitSignal(worker.signals.finished, timeout=30_000) as blocker:
        pass
    brief.fields["subject"] = "Ferry talks resume on Monday"
    html = service.preview_at_once(brief)
    assert html is not None
    assert "Ferry talks resume on Monday" in html
    assert html.replace(" on Monday", "") == str(blocker.args[0])  # the same page, inline

    service.forget_render_time()  # a brief replaced whole: a worker times it again
    assert service.preview_at_once(brief) is None
    service.preview(brief)
    service.runner.wait(10_000)
    assert service.preview_at_once(brief) is not None
    monkeypatch.setattr(rendering, "INLINE_LIMIT", 0.0)  # a slow render stays on a worker
    assert service.preview_at_once(brief) is None
