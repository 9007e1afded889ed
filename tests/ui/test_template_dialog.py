"""Tests for briefgen/ui/template_dialog.py: the template manager's operations and preview."""

from __future__ import annotations

import pytest

from briefgen.model import Brief
from briefgen.ui import dialogs
from briefgen.ui.rendering import RenderService
from briefgen.ui.template_dialog import TemplateManagerDialog
from briefgen.ui.templates import TemplateService
from briefgen.ui.worker import WorkRunner

from .conftest import answer


@pytest.fixture
def manager(qtbot, tmp_path):  # type: ignore[no-untyped-def]
    from briefgen.render import TemplateLibrary

    runner = WorkRunner()
    service = TemplateService(runner, lambda: TemplateLibrary(user_dir=tmp_path / "mine"))
    with qtbot.waitSignal(service.changed, timeout=30_000):
        service.load()
    brief = Brief(template="information-memo",
                  fields={"to": "Director, Europe", "subject": "Geneva talks"})
    dialog = TemplateManagerDialog(service, brief, RenderService(runner, service))
    qtbot.addWidget(dialog)
    yield dialog
    runner.wait(10_000)


def names(dialog: TemplateManagerDialog) -> list[str]:
    return [t.name for t in dialog.service.templates]


def select(dialog: TemplateManagerDialog, template_id: str) -> None:
    for row in range(dialog.list.count()):
        if dialog.current_id() == template_id:
            return
        dialog.list.setCurrentRow(row)
    assert dialog.current_id() == template_id


def test_the_manager_lists_the_built_in_templates_and_previews_the_brief(
    qtbot, manager, screenshots
):
    assert {t.id for t in manager.service.templates} >= {
        "meeting-readout", "information-memo", "decision-memo", "media-digest",
    }
    assert manager.current_id() == "information-memo"
    qtbot.waitUntil(lambda: "Geneva talks" in manager.preview.toPlainText(), timeout=10_000)
    assert not manager.buttons["delete"].isEnabled(), "built-in templates are read-only"
    manager.show()
    qtbot.waitExposed(manager)
    assert manager.grab().save(str(screenshots / "10-template-manager.png"))


def test_save_as_duplicate_rename_and_delete_a_user_template(qtbot, manager, monkeypatch):
    answer(monkeypatch, dialogs.TextDialog, "Europe desk memo")
    manager.save_current_as()
    assert "Europe desk memo" in names(manager)
    saved = manager.current()
    assert saved is not None
    assert saved.origin == "user"
    assert manager.buttons["delete"].isEnabled()
    assert not manager.messages.text().startswith("Cannot")

    answer(monkeypatch, dialogs.TextDialog, "Europe desk memo v2")
    manager.duplicate()
    assert "Europe desk memo v2" in names(manager)

    answer(monkeypatch, dialogs.TextDialog, "Europe readout")
    manager.rename()
    assert "Europe readout" in names(manager)
    assert "Europe desk memo v2" not in names(manager)

    asked = answer(monkeypatch, dialogs.ConfirmDialog, True)
    manager.delete()
    assert asked
    assert "Europe readout" not in names(manager)


def test_save_as_template_keeps_the_office_values_not_the_subject(qtbot, manager, monkeypatch):
    manager.brief.fields.update({"date": "2026-03-12", "classification": "OFFICIAL",
                                 "background": "Talks resumed after a year."})
    answer(monkeypatch, dialogs.TextDialog, "Europe desk memo")
    manager.save_current_as()
    saved = manager.current()
    assert saved is not None
    defaults = {f.name: f.default for f in saved.fields}
    assert (defaults["to"], defaults["classification"]) == ("Director, Europe", "OFFICIAL")
    assert "Geneva" not in str(defaults["subject"])
    assert defaults["date"] is None
    assert "Talks resumed" not in str(defaults["background"])
    assert manager.messages.text() == (
        "Saved the template Europe desk memo with this brief's To and Marking as "
        "defaults; its subject, dates and text are never kept.")


def test_a_template_exported_and_imported_comes_back(qtbot, manager, monkeypatch, tmp_path):
    answer(monkeypatch, dialogs.TextDialog, "Shared memo")
    manager.save_current_as()
    package = tmp_path / "shared.brieftemplate"
    answer(monkeypatch, dialogs.SaveFileDialog, str(package))
    manager.export_package()
    assert package.is_file()
    answer(monkeypatch, dialogs.ConfirmDialog, True)
    manager.delete()
    assert "Shared memo" not in names(manager)
    answer(monkeypatch, dialogs.OpenFilesDialog, [str(package)])
    manager.import_package()
    assert "Shared memo" in names(manager), manager.messages.text()


def test_a_broken_package_is_one_sentence_in_the_dialog(qtbot, manager, monkeypatch, tmp_path):
    bad = tmp_path / "bad.brieftemplate"
    bad.write_bytes(b"not a zip file")
    answer(monkeypatch, dialogs.OpenFilesDialog, [str(bad)])
    manager.import_package()
    message = manager.messages.text()
    assert "bad.brieftemplate" in message
    assert "\n" not in message


def test_use_returns_the_selected_template(qtbot, manager):
    select(manager, "decision-memo")
    manager._use()
    assert manager.chosen == "decision-memo"


def test_the_template_preview_writes_dates_in_the_chosen_format(qtbot, manager):
    brief = Brief(template="decision-memo", fields={"date": "2026-03-05"})
    rendering = RenderService(manager.rendering.runner, manager.service, date_format="%d/%m/%Y")
    dialog = TemplateManagerDialog(manager.service, brief, rendering)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: "05/03/2026" in dialog.preview.toPlainText(), timeout=10_000)
    assert "5 March 2026" not in dialog.preview.toPlainText()


def test_previewing_a_template_leaves_the_brief_without_its_defaults(qtbot, manager):
    qtbot.waitUntil(lambda: "Geneva talks" in manager.preview.toPlainText(), timeout=10_000)
    select(manager, "decision-memo")
    qtbot.waitUntil(lambda: "UNCLASSIFIED" in manager.preview.toPlainText(), timeout=10_000)
    assert "classification" not in manager.brief.fields
    assert manager.brief.template == "information-memo"


def test_open_word_file_that_fails_says_why_in_one_line(qtbot, manager, monkeypatch):
    from PySide6.QtGui import QDesktopServices

    answer(monkeypatch, dialogs.TextDialog, "Desk memo")
    manager.save_current_as()
    template = manager.current()
    assert template is not None
    opened: list[str] = []

    def refuse(url):  # type: ignore[no-untyped-def]
        opened.append(url.toLocalFile())
        return False  # as on a machine with no program for .docx files

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(refuse))
    manager.open_word_file()
    assert opened == [str(template.docx_file)]
    message = manager.messages.text()
    assert message.startswith(f"Cannot open {template.docx_file.name}: no program")
    assert "\n" not in message

    template.docx_file.unlink()
    manager.open_word_file()
    assert manager.messages.text() == (
        f"Cannot open {template.docx_file.name}: the file is no longer in "
        f"{template.docx_file.parent}.")
    assert len(opened) == 1
