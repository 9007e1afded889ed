"""Tests for briefgen/ui/docx_import_dialog.py: New template from Word document in the
Templates dialog and the File menu, the import in a worker, and the mapping step."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMainWindow
from support import office_docs as od
from support.cfb_writer import build_compound_file

from briefgen.model import Brief
from briefgen.ui import dialogs
from briefgen.ui.docx_import_dialog import LEAVE, SlotMappingDialog
from briefgen.ui.menus import build_menus
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
    brief = Brief(template="information-memo", fields={"subject": "Geneva talks"})
    dialog = TemplateManagerDialog(service, brief, RenderService(runner, service))
    qtbot.addWidget(dialog)
    yield dialog
    runner.wait(10_000)


def test_new_from_word_document_makes_and_selects_the_template(qtbot, manager, tmp_path,
                                                                monkeypatch):
    source = od.logo_memo(tmp_path / "Budget memo.docx")
    asked = answer(monkeypatch, dialogs.OpenFilesDialog, [str(source)])
    manager.buttons["from_word"].click()
    qtbot.waitUntil(lambda: manager.current_id() == "budget-memo", timeout=20_000)
    assert asked[0][2] == "Word documents (*.docx *.dotx)"
    template = manager.current()
    assert template is not None
    assert template.origin == "user"
    assert (template.folder / "memo.docx").is_file()
    notice = manager.messages.text()
    assert notice.startswith("Made the template Budget memo from Budget memo.docx")
    assert "filled: to, from, date, subject" in notice


def test_unlabelled_boxes_go_through_the_mapping_step(qtbot, manager, tmp_path, monkeypatch):
    source = od.picture_label_form(tmp_path / "form.docx")
    answer(monkeypatch, dialogs.OpenFilesDialog, [str(source)])
    asked = answer(monkeypatch, SlotMappingDialog, {"to": 1, "subject": 4})
    manager.new_from_word_document()
    qtbot.waitUntil(lambda: manager.current_id() == "form", timeout=20_000)
    assert asked[0][1] == [(1, "Name of recipient"), (2, "Your office"), (3, "Date"),
                           (4, "What it is about")]
    assert "filled: to, subject" in manager.messages.text()
    assert "2 text box(es) were left as they are" in manager.messages.text()


def test_cancelling_the_mapping_makes_nothing(qtbot, manager, tmp_path, monkeypatch):
    answer(monkeypatch, dialogs.OpenFilesDialog,
           [str(od.picture_label_form(tmp_path / "form.docx"))])
    answer(monkeypatch, SlotMappingDialog, None)
    manager.new_from_word_document()
    qtbot.waitUntil(lambda: "No template was made" in manager.messages.text(),
                    timeout=20_000)
    assert not (tmp_path / "mine" / "form").exists()


def test_a_doc_file_is_one_sentence_in_the_dialog(qtbot, manager, tmp_path, monkeypatch):
    old = tmp_path / "old.doc"
    old.write_bytes(build_compound_file({"WordDocument": b"\x00" * 600}))
    answer(monkeypatch, dialogs.OpenFilesDialog, [str(old)])
    manager.new_from_word_document()
    qtbot.waitUntil(lambda: "Word 97-2003" in manager.messages.text(), timeout=20_000)
    assert manager.messages.text() == (
        f"{old}: this is an old Word 97-2003 (.doc) document; open it in Word and save it "
        "as a Word Document (.docx).")


def test_choosing_no_file_does_nothing(qtbot, manager, monkeypatch):
    answer(monkeypatch, dialogs.OpenFilesDialog, [])
    before = manager.messages.text()
    manager.new_from_word_document()
    assert manager.importer is None
    assert manager.messages.text() == before


def test_the_mapping_dialog_guesses_in_form_order_and_can_leave_a_box(qtbot, screenshots):
    dialog = SlotMappingDialog([(1, "Name of recipient"), (2, "Your office"), (3, ""),
                                (4, "What it is about"), (5, "Extra")])
    qtbot.addWidget(dialog)
    assert dialog.mapping() == {"to": 1, "from": 2, "date": 3, "subject": 4}
    assert dialog.combos[5].currentText() == LEAVE
    dialog.combos[2].setCurrentText(LEAVE)
    dialog.combos[5].setCurrentText("Cc")
    assert dialog.mapping() == {"to": 1, "date": 3, "subject": 4, "cc": 5}
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(screenshots / "docx-import-mapping.png"))


def test_the_file_menu_offers_new_template_from_word(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    called: list[bool] = []
    actions = build_menus(window, {"new_template": lambda: called.append(True)})
    action = actions["new_template"]
    assert action.text() == "New template from &Word document\u2026"
    file_menu = next(m for m in window.menuBar().actions() if m.text() == "&File").menu()
    assert action in file_menu.actions()
    action.trigger()
    assert called == [True]


def test_the_window_file_menu_makes_a_template_the_form_can_pick(qtbot, make_window, tmp_path,
                                                                 monkeypatch):
    window = make_window(nlp_factory=lambda: None)
    source = od.table_form(tmp_path / "Legal form.docx")
    answer(monkeypatch, dialogs.OpenFilesDialog, [str(source)])
    window.actions_by_key["new_template"].trigger()
    qtbot.waitUntil(lambda: "legal-form" in {t.id for t in window.templates.templates},
                    timeout=20_000)
    qtbot.waitUntil(lambda: "Made the template Legal form" in window.messages.text(),
                    timeout=10_000)
    assert "filled: subject, to, from, date, cc" in window.messages.text()
    assert (tmp_path / "user-templates" / "legal-form" / "memo.docx").is_file()
    box = window.form.template_box
    assert "Legal form (user)" in [box.itemText(i) for i in range(box.count())]
