"""Tests for briefgen/ui/field_editors.py: header editors read and write the brief's fields."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QWidget

from briefgen.model import Brief
from briefgen.ui.document import BriefDocument
from briefgen.ui.field_editors import FieldBinding, make_editor

_PARENTS: list[QWidget] = []


def bind(qtbot, doc: BriefDocument, name: str, kind: str, choices=()):  # type: ignore[no-untyped-def]
    parent = QWidget()
    qtbot.addWidget(parent)
    _PARENTS.append(parent)  # keep the editor's parent alive for the test
    editor = make_editor(kind, list(choices), parent)
    FieldBinding(doc, ("fields", name), kind, editor)
    return editor


def test_people_lines_become_rows_with_name_role_and_organisation(qtbot):
    doc = BriefDocument(Brief())
    editor = bind(qtbot, doc, "participants", "people")
    assert isinstance(editor, QPlainTextEdit)
    editor.setPlainText("Anika Solberg | Deputy Foreign Minister | Norvalia\nTomas Reyhan")
    assert doc.brief.fields["participants"] == [
        {"name": "Anika Solberg", "role": "Deputy Foreign Minister", "organization": "Norvalia"},
        {"name": "Tomas Reyhan", "role": None, "organization": None},
    ]
    assert doc.undo_stack.count() == 1


def test_rows_in_the_brief_show_one_per_line(qtbot):
    doc = BriefDocument(Brief(fields={"quotes_board": [
        {"text": "A first step", "speaker": "Reyhan", "speaker_role": None}]}))
    editor = bind(qtbot, doc, "quotes_board", "quotes")
    assert isinstance(editor, QPlainTextEdit)
    assert editor.toPlainText() == "A first step | Reyhan"


def test_a_list_field_is_one_entry_per_line(qtbot):
    doc = BriefDocument(Brief())
    editor = bind(qtbot, doc, "outcomes", "list")
    assert isinstance(editor, QPlainTextEdit)
    editor.setPlainText("Working group\n\nVisa sections by April 30")
    assert doc.brief.fields["outcomes"] == ["Working group", "Visa sections by April 30"]


def test_text_choice_and_bool_editors_follow_undo(qtbot):
    doc = BriefDocument(Brief(fields={"to": "Director"}))
    line = bind(qtbot, doc, "to", "text")
    combo = bind(qtbot, doc, "classification", "choice", ["UNCLASSIFIED", "OFFICIAL"])
    box = bind(qtbot, doc, "citations", "bool")
    assert isinstance(line, QLineEdit)
    assert isinstance(combo, QComboBox)
    assert isinstance(box, QCheckBox)
    assert line.text() == "Director"
    line.end(False)
    qtbot.keyClicks(line, ", Europe")
    combo.setCurrentText("OFFICIAL")
    box.setChecked(True)
    assert doc.brief.fields == {"to": "Director, Europe", "classification": "OFFICIAL",
                                "citations": True}
    doc.undo_stack.undo()
    assert not box.isChecked()
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert line.text() == "Director"
