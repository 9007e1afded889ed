"""Items the user removes from the form stay removed when extraction runs again (until undone)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence

from briefgen.model import Brief, KeyPoint, Organization, Person, Source, Span
from briefgen.model.edits import keep_edits
from briefgen.ui import dialogs
from briefgen.ui.document import BriefDocument
from briefgen.ui.list_editor import ListEditor
from briefgen.ui.main_window import MainWindow
from briefgen.ui.models import LIST_SPECS, BriefListModel

from .conftest import answer

EXTRACTION_TIMEOUT = 120_000

ARTICLE_A = """Ministers agree to reopen consulates
By Staff Reporter
Published: 2026-04-02

OSLO, April 2 (Meridian Wire) - Foreign Minister Ingrid Halvorsen met Trade Secretary \
Marcus Delacroix in Oslo on Wednesday to discuss reopening the two countries' consulates. \
"We made real progress today," Halvorsen told reporters after the meeting. Delacroix said \
both sides would meet again next month to settle the remaining details. The talks did not \
cover fishing rights.
"""

ARTICLE_B = """Consulate talks to resume in May
By Staff Reporter
Published: 2026-04-03

BERGEN, April 3 (Meridian Wire) - Trade Secretary Marcus Delacroix said on Thursday that \
officials would draft a timetable for the consulates before the May meeting. Foreign \
Minister Ingrid Halvorsen welcomed the plan in a statement.
"""

TEXT = "Talks resumed in Oslo. Both sides will meet again in May. Trade was not discussed."


def _extracted_brief() -> Brief:
    """A brief as extraction leaves it: every item carries its evidence."""
    return Brief(
        sources=[Source(id="src-a", text=TEXT)],
        key_points=[
            KeyPoint("Talks resumed in Oslo.", [Span("src-a", 0, 22)], 0.9),
            KeyPoint("Both sides will meet again in May.", [Span("src-a", 23, 57)], 0.7),
            KeyPoint("Trade was not discussed.", [Span("src-a", 58, 82)], 0.4),
        ],
        organizations=[Organization("Trade", [Span("src-a", 58, 63)])],
    )


def _editor(qtbot, doc: BriefDocument, name: str) -> ListEditor:  # type: ignore[no-untyped-def]
    editor = ListEditor(BriefListModel(doc, LIST_SPECS[name]))
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    qtbot.waitActive(editor)
    return editor


def _names(window: MainWindow) -> list[str]:
    return [p.name for p in window.document.brief.people]


def _select_person(window: MainWindow, name: str) -> None:
    editor = window.form.editor("people")
    window.form.tabs.setCurrentWidget(editor)
    editor.select_row(_names(window).index(name))
    editor.view.setFocus()


def _paste(qtbot, window: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    QGuiApplication.clipboard().setText(text)
    window.sources.list.setFocus()
    with qtbot.waitSignal(window.extraction.extracted, timeout=EXTRACTION_TIMEOUT):
        qtbot.keyClick(window.sources.list, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def _extract_again(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    action = window.actions_by_key["extract"]
    assert action.shortcut() == QKeySequence("Ctrl+R")
    with qtbot.waitSignal(window.extraction.extracted, timeout=EXTRACTION_TIMEOUT):
        action.trigger()


@pytest.mark.slow
def test_a_removed_person_stays_gone_through_re_extraction_and_a_new_source_until_undone(
    qtbot, make_window
):
    window = make_window()
    _paste(qtbot, window, ARTICLE_A)
    assert _names(window) == ["Ingrid Halvorsen", "Marcus Delacroix"]

    _select_person(window, "Marcus Delacroix")
    qtbot.keyClick(window.form.editor("people").view, Qt.Key.Key_Delete)
    assert _names(window) == ["Ingrid Halvorsen"]
    assert "people:marcus delacroix" in window.document.brief.dismissed

    _extract_again(qtbot, window)
    assert _names(window) == ["Ingrid Halvorsen"]
    assert window.form.editor("people").model.rowCount() == 1

    _paste(qtbot, window, ARTICLE_B)  # a second source: everything is extracted again
    assert len(window.document.brief.sources) == 2
    assert "Marcus Delacroix" in window.document.brief.sources[1].text
    assert _names(window) == ["Ingrid Halvorsen"]
    assert any(q.speaker == "Ingrid Halvorsen" for q in window.document.brief.quotes)

    undo = window.actions_by_key["undo"]
    while "Marcus Delacroix" not in _names(window):
        assert window.document.undo_stack.canUndo()
        undo.trigger()
    assert window.document.undo_stack.redoText() == "Remove person"
    assert window.document.brief.dismissed == []
    _extract_again(qtbot, window)
    assert _names(window) == ["Ingrid Halvorsen", "Marcus Delacroix"]


def test_the_remove_button_dismisses_the_selected_items_in_one_undo_step(qtbot):
    doc = BriefDocument(_extracted_brief())
    editor = _editor(qtbot, doc, "key_points")
    editor.select_row(0)
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    editor.view.selectionModel().select(editor.model.index(2, 1), flags)
    assert editor.remove_button.isEnabled()
    steps = doc.undo_stack.count()
    editor.remove_button.click()
    assert [k.text for k in doc.brief.key_points] == ["Both sides will meet again in May."]
    assert doc.brief.dismissed == [
        "key_points:talks resumed in oslo", "key_points:trade was not discussed",
    ]
    assert doc.undo_stack.count() == steps + 1

    fresh = keep_edits(_extracted_brief(), doc.snapshot())
    assert [k.text for k in fresh.key_points] == ["Both sides will meet again in May."]

    doc.undo_stack.undo()
    assert len(doc.brief.key_points) == 3
    assert doc.brief.dismissed == []
    assert len(keep_edits(_extracted_brief(), doc.snapshot()).key_points) == 3
    doc.undo_stack.redo()
    assert len(doc.brief.dismissed) == 2


def test_removing_an_edited_item_dismisses_what_extraction_found_as_well(qtbot):
    doc = BriefDocument(_extracted_brief())
    editor = _editor(qtbot, doc, "organizations")
    doc.set_value(("organizations", 0, "name"), "Trade Ministry")
    editor.select_row(0)
    editor.view.setFocus()
    qtbot.waitUntil(editor.view.hasFocus, timeout=2000)
    qtbot.keyClick(editor.view, Qt.Key.Key_Delete)
    assert doc.brief.organizations == []
    assert doc.brief.edited == []
    assert doc.brief.dismissed == ["organizations:trade ministry", "organizations:trade"]
    assert keep_edits(_extracted_brief(), doc.snapshot()).organizations == []


def test_removing_an_item_the_user_added_dismisses_nothing(qtbot):
    doc = BriefDocument(_extracted_brief())
    editor = _editor(qtbot, doc, "people")
    row = editor.model.add_item()
    doc.set_value(("people", row, "name"), "Ingrid Halvorsen")
    editor.model.remove_rows([row])
    assert doc.brief.people == []
    assert doc.brief.dismissed == []
    fresh = _extracted_brief()
    fresh.people = [Person("Ingrid Halvorsen", spans=[Span("src-a", 0, 5)])]
    assert [p.name for p in keep_edits(fresh, doc.snapshot()).people] == ["Ingrid Halvorsen"]


def test_removing_a_source_is_not_a_dismissal(qtbot, make_window, monkeypatch):
    window = make_window(start=False)
    brief = _extracted_brief()
    brief.sources.append(Source(id="src-b", text="Other talks."))
    brief.dismissed = ["people:someone removed earlier"]
    window.document.load(brief, None)
    answer(monkeypatch, dialogs.ConfirmDialog, True)
    window.extraction.remove_source("src-a")
    assert [s.id for s in window.document.brief.sources] == ["src-b"]
    assert window.document.brief.key_points == []
    assert window.document.brief.dismissed == ["people:someone removed earlier"]
