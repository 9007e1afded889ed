"""Tests for briefgen/ui/templates.py: the library is read off the GUI thread, then looked up."""

from __future__ import annotations

from briefgen.model import DEFAULT_TEMPLATE, Brief
from briefgen.ui.templates import TemplateService
from briefgen.ui.worker import WorkRunner


def test_lookups_wait_for_loading_then_fall_back_to_the_default(qtbot, tmp_path):
    from briefgen.render import TemplateLibrary

    runner = WorkRunner()
    service = TemplateService(runner, lambda: TemplateLibrary(user_dir=tmp_path))
    assert service.get("decision-memo") is None
    assert not service.is_loaded()
    with qtbot.waitSignal(service.changed, timeout=30_000):
        service.load()
    decision = service.get("decision-memo")
    assert decision is not None
    assert decision.id == "decision-memo"
    fallback = service.get("no-such-template")
    assert fallback is not None
    assert fallback.id == DEFAULT_TEMPLATE
    brief = Brief()
    service.apply_to(brief, decision)
    assert brief.template == "decision-memo"
    runner.wait(5000)


def test_a_library_that_fails_reports_one_sentence(qtbot):
    from briefgen.errors import TemplateError

    def broken():  # type: ignore[no-untyped-def]
        raise TemplateError("Cannot read the templates in /nowhere: the folder is missing.")

    runner = WorkRunner()
    service = TemplateService(runner, broken)
    with qtbot.waitSignal(runner.failed, timeout=10_000) as blocker:
        service.load()
    assert blocker.args == ["Cannot read the templates in /nowhere: the folder is missing."]
    runner.wait(5000)
