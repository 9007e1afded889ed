"""Tests for briefgen/ui/brief_form.py: the form is generated from the template manifest."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QTableView

from briefgen.model import Brief, Outcome, Place, Source, Span, Summary
from briefgen.ui.brief_form import DEFAULT_LISTS as DEFAULT_ORDER
from briefgen.ui.brief_form import BriefForm
from briefgen.ui.document import BriefDocument
from briefgen.ui.field_editors import RowsTable
from briefgen.ui.models import LIST_SPECS, CheckRole


@pytest.fixture(scope="module")
def library():  # type: ignore[no-untyped-def]
    from briefgen.render import TemplateLibrary

    return TemplateLibrary()


def test_every_manifest_field_gets_an_editor_of_its_type(qtbot, library):
    form = BriefForm(BriefDocument(Brief()))
    qtbot.addWidget(form)
    template = library.get("meeting-readout")
    form.set_template(template)
    kinds = {"text": QLineEdit, "date": QLineEdit, "multiline": QPlainTextEdit,
             "list": QPlainTextEdit, "people": RowsTable, "quotes": RowsTable,
             "choice": QComboBox, "bool": QCheckBox}
    assert list(form.field_editors) == [f.name for f in template.fields]
    for spec in template.fields:
        assert isinstance(form.field_editors[spec.name], kinds[spec.type]), spec.name


def test_the_template_lists_come_first_and_the_others_stay_editable(qtbot, library):
    form = BriefForm(BriefDocument(Brief()))
    qtbot.addWidget(form)
    template = library.get("decision-memo")
    form.set_template(template)
    own = [n for n in template.lists if n in LIST_SPECS]
    assert list(form.editors)[: len(own)] == own
    assert set(form.editors) == set(LIST_SPECS)
    extra = list(form.editors).index("places")
    assert "does not print" in form.selector.tool_tip(extra)
    assert form.selector.is_muted(extra)
    assert not form.selector.is_muted(0)


def test_typing_the_subject_edits_the_brief_and_tabs_count_items(qtbot, library):
    doc = BriefDocument(Brief(sources=[Source(id="s", text="They met.")],
                              summary=Summary("They met.", [Span("s", 0, 9)])))
    form = BriefForm(doc)
    qtbot.addWidget(form)
    form.set_template(library.get("information-memo"))
    subject = form.field_editors["subject"]
    assert isinstance(subject, QLineEdit)
    qtbot.keyClicks(subject, "Talks")
    assert doc.brief.fields["subject"] == "Talks"
    assert form.summary.toPlainText() == "They met."
    form.models["people"].add_item()
    index = list(form.editors).index("people")
    assert form.selector.text(index) == "People (1)"


def test_the_outcomes_list_has_its_own_tab_with_a_use_box_in_both_memos(qtbot, library):
    doc = BriefDocument(Brief(outcomes=[Outcome("The sides agreed to a truce.", confidence=0.9),
                                        Outcome("The plan was welcomed.", confidence=0.6)]))
    form = BriefForm(doc)
    qtbot.addWidget(form)
    for template_id in ("meeting-readout", "information-memo"):
        template = library.get(template_id)
        form.set_template(template)
        index = list(form.editors).index("outcomes")
        assert form.selector.text(index) == "Outcomes (2)"
        assert not form.selector.is_muted(index)
    model = form.models["outcomes"]
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(2)] == ["Use", "Outcome"]
    assert not model.data(model.index(0, 1), CheckRole)
    assert model.data(model.index(1, 1), CheckRole)  # 0.6: "check this"
    use = model.index(0, 0)
    model.setData(use, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert doc.brief.outcomes[0].include is False
    assert "/outcomes/0" in doc.brief.edited
    model.add_item()
    assert doc.brief.outcomes[-1].text == "New outcome"


@pytest.mark.slow
def test_the_readouts_empty_location_and_participants_say_where_the_memo_takes_them_from(
    qtbot, make_window, sample_article_path
):
    window = make_window()
    with qtbot.waitSignal(window.extraction.extracted, timeout=120_000):
        window.extraction.add_files([str(sample_article_path)])
    window.switch_template("meeting-readout")
    form = window.form
    qtbot.waitUntil(lambda: "participants" in form.source_hints, timeout=5000)
    location, _help = form.source_hints["location"]
    assert window.document.brief.sources[0].venue == "Geneva"
    participants, _help = form.source_hints["participants"]
    people = [p.participant for p in window.document.brief.people]
    assert location.text() == "Empty: the memo shows \u201cGeneva\u201d, from the dateline."
    taking_part = sum(people)
    noun = "person" if taking_part == 1 else "people"
    assert taking_part == 2  # both delegation leads (the one the other side sent, too)
    assert participants.text().startswith(
        f"Empty: the memo lists the {taking_part} {noun} marked \u201cTook part\u201d in People")
    assert location.isVisibleTo(form)
    # the empty meeting date: the event date the memo prints
    date, _help = form.source_hints["date"]
    event = window.document.brief.fields["event_date"]
    assert date.text().startswith(f"Empty: the memo shows {event}, the date of the event")
    assert date.isVisibleTo(form)
    qtbot.waitUntil(lambda: "Geneva" in window.preview.html, timeout=10_000)
    # Typing a location: the memo shows it, and the hint goes.
    window.document.set_value(("fields", "location"), "Palais des Nations")
    assert location.text() == ""
    assert not location.isVisibleTo(form)
    # Fields without such a rule have no hint.
    assert "from" not in form.source_hints


def test_the_date_field_takes_only_dates_and_says_in_one_line_what_is_wrong(qtbot, library):
    doc = BriefDocument(Brief(fields={"date": "2026-03-12"}))
    form = BriefForm(doc)
    qtbot.addWidget(form)
    form.set_template(library.get("information-memo"))
    form.show()
    date = form.field_editors["date"]
    assert isinstance(date, QLineEdit)
    problem = form.field_problems["date"]
    assert not problem.isVisibleTo(form)
    date.setFocus()
    date.selectAll()
    qtbot.keyClicks(date, "next Tuesday")
    date.editingFinished.emit()
    assert doc.brief.fields["date"] == "2026-03-12"  # the brief keeps its date
    assert problem.isVisibleTo(form)
    assert problem.text() == (
        "\u201cnext Tuesday\u201d is not a date: write it as YYYY-MM-DD, for example 2026-03-12.")
    date.selectAll()
    qtbot.keyClicks(date, "2026-02-30")
    date.editingFinished.emit()
    assert problem.text() == "2026-02-30 is not a day of the calendar: check the month and the day."
    date.selectAll()
    qtbot.keyClicks(date, "2026-04-02")
    assert doc.brief.fields["date"] == "2026-04-02"
    assert not problem.isVisibleTo(form)


def test_every_header_field_is_shown_at_full_height_without_a_box_of_its_own(qtbot, library):
    from PySide6.QtWidgets import QScrollArea

    form = BriefForm(BriefDocument(Brief()))
    qtbot.addWidget(form)
    form.set_template(library.get("decision-memo"))
    form.resize(600, 1200)
    form.show()
    assert not [area for area in form.findChildren(QScrollArea)
                if area.isAncestorOf(form.header) or area.widget() is form.header]
    for name, editor in form.field_editors.items():
        assert editor.isVisibleTo(form), name
        lines = 2 if isinstance(editor, QPlainTextEdit) else 1
        assert editor.height() >= editor.fontMetrics().lineSpacing() * lines, name
    assert form.header.height() >= form.header_layout.sizeHint().height() - 2


def test_the_yes_no_fields_share_one_row_each_named_by_its_own_text(qtbot, library):
    form = BriefForm(BriefDocument(Brief()))
    qtbot.addWidget(form)
    form.set_template(library.get("information-memo"))
    boxes = [e for e in form.field_editors.values() if isinstance(e, QCheckBox)]
    assert len(boxes) >= 2
    assert all(box.text().strip() for box in boxes)
    assert len({box.parentWidget() for box in boxes}) == 1  # one "Options" row
    label = form.header_layout.labelForField(boxes[0].parentWidget())
    assert label is not None
    assert label.text() == "Options"


def test_the_header_fields_hide_and_show_all_at_once(qtbot, library):
    doc = BriefDocument(Brief(fields={"subject": "Ferry talks", "to": "The director"}))
    form = BriefForm(doc)
    qtbot.addWidget(form)
    form.set_template(library.get("information-memo"))
    form.resize(600, 900)
    form.show()
    assert all(editor.isVisible() for editor in form.field_editors.values())
    assert not form.header_summary.isVisible()
    tall = form.minimumSizeHint().height()
    header = form.header.height()
    assert header > 100

    form.header_toggle.click()
    assert not any(editor.isVisible() for editor in form.field_editors.values())
    assert form.header_summary.isVisible()
    assert "To: The director" in form.header_summary.toolTip()
    assert "Subject: Ferry talks" in form.header_summary.toolTip()
    # The lists get the header's height, less the one line that sums it up.
    assert form.minimumSizeHint().height() <= tall - header + form.header_summary.height()
    doc.set_value(("fields", "subject"), "Ferry talks resume")
    assert "Subject: Ferry talks resume" in form.header_summary.toolTip()

    form.header_toggle.click()
    assert all(editor.isVisible() for editor in form.field_editors.values())
    assert form.header_toggle.text() == "Hide fields"


def test_an_empty_field_shows_what_the_memo_prints_and_leaves_the_brief_as_it_was(
        qtbot, library):
    # A saved brief without a marking: the memo prints the template's default, so the form
    # shows it too (it once showed an empty box), and the memo date says it is today's.
    import datetime as dt

    doc = BriefDocument(Brief())
    form = BriefForm(doc)
    qtbot.addWidget(form)
    template = library.get("information-memo")
    form.set_template(template)
    marking = form.field_editors["classification"]
    assert isinstance(marking, QComboBox)
    default = next(f.default for f in template.fields if f.name == "classification")
    assert default
    assert marking.currentText() == default
    assert "classification" not in doc.brief.fields
    date = form.field_editors["date"]
    assert isinstance(date, QLineEdit)
    assert date.text() == ""
    assert dt.date.today().isoformat() in date.placeholderText()
    marking.setCurrentIndex(marking.count() - 1)
    assert doc.brief.fields["classification"] == marking.currentText() != default


def _row_of(form: BriefForm, name: str) -> int:
    """The vertical middle of header field ``name``, in the form's coordinates."""
    editor = form.field_editors[name]
    return editor.mapTo(form, editor.rect().center()).y()


def _left_of(form: BriefForm, name: str) -> int:
    editor = form.field_editors[name]
    return editor.mapTo(form, editor.rect().topLeft()).x()


def test_a_wide_form_puts_two_short_fields_to_a_row_and_the_subject_on_its_own(qtbot, library):
    from briefgen.ui.brief_form import PAIRED_WIDTH

    form = BriefForm(BriefDocument(Brief()))
    qtbot.addWidget(form)
    form.set_template(library.get("information-memo"))
    form.resize(PAIRED_WIDTH + 60, 900)
    form.show()
    qtbot.waitExposed(form)
    assert _row_of(form, "to") == _row_of(form, "from")
    assert _left_of(form, "from") > _left_of(form, "to") + 100
    assert _row_of(form, "date") == _row_of(form, "classification")  # moved up beside it
    assert _row_of(form, "background") == _row_of(form, "comment")
    subject = form.field_editors["subject"]
    rows = sorted({_row_of(form, n) for n in form.field_editors if n != "subject"})
    assert _row_of(form, "subject") not in rows  # a row of its own...
    assert subject.width() > form.field_editors["to"].width() * 2 - 10  # ...its full width
    # Every field keeps its label, also the second one of a row.
    assert form.field_labels["from"].text() == "From *"
    assert form.field_labels["from"].buddy() is form.field_editors["from"]
    assert form.field_labels["from"].isVisible()
    # Tab walks the rows as they are read: To, From, Date, Marking, Subject...
    chain = [w for w in form.focus_chain() if w in form.field_editors.values()]
    names = {editor: name for name, editor in form.field_editors.items()}
    assert [names[w] for w in chain][:7] == [
        "to", "from", "date", "classification", "subject", "background", "comment"]


def test_a_narrow_form_has_one_field_a_row_and_keeps_the_field_being_typed_in(qtbot, library):
    from briefgen.ui.brief_form import PAIRED_WIDTH

    doc = BriefDocument(Brief())
    form = BriefForm(doc)
    qtbot.addWidget(form)
    form.set_template(library.get("information-memo"))
    form.resize(PAIRED_WIDTH + 60, 900)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    to = form.field_editors["to"]
    to.setFocus()
    qtbot.keyClicks(to, "The dir")
    assert to.hasFocus()
    form.resize(PAIRED_WIDTH - 30, 900)
    qtbot.waitUntil(lambda: _row_of(form, "to") < _row_of(form, "from"))
    assert _left_of(form, "to") == _left_of(form, "from")
    assert _row_of(form, "date") < _row_of(form, "subject") < _row_of(form, "classification")
    assert to.hasFocus()
    qtbot.keyClicks(to, "ector")
    assert doc.brief.fields["to"] == "The director"
    assert form.header_layout.labelForField(to).text() == "To *"


def test_a_date_problem_shows_under_its_own_field_beside_another(qtbot, library):
    from briefgen.ui.brief_form import PAIRED_WIDTH

    form = BriefForm(BriefDocument(Brief()))
    qtbot.addWidget(form)
    form.set_template(library.get("information-memo"))
    form.resize(PAIRED_WIDTH + 100, 900)
    form.show()
    qtbot.waitExposed(form)
    date = form.field_editors["date"]
    marking = form.field_editors["classification"]
    problem = form.field_problems["date"]
    assert not problem.isVisibleTo(form)
    date.setFocus()
    qtbot.keyClicks(date, "2026-02-30")
    date.editingFinished.emit()
    assert problem.isVisibleTo(form)
    below = date.mapTo(form, date.rect().bottomLeft()).y()
    qtbot.waitUntil(lambda: problem.mapTo(form, problem.rect().topLeft()).y() >= below)
    top = problem.mapTo(form, problem.rect().topLeft())
    assert top.x() == _left_of(form, "date")  # it starts under the date
    assert problem.height() >= problem.fontMetrics().lineSpacing()
    # The marking has no line of its own: the problem takes the row's whole width.
    qtbot.waitUntil(lambda: problem.mapTo(form, problem.rect().topRight()).x()
                    > _left_of(form, "classification"))
    assert marking.isVisible()


def test_the_hints_of_two_fields_in_a_row_sit_side_by_side_each_under_its_field(
        qtbot, library):
    from briefgen.ui.brief_form import PAIRED_WIDTH

    doc = BriefDocument(Brief(sources=[Source(id="s1", text="GENEVA - Talks.", venue="Geneva")],
                              places=[Place(name="Geneva")],
                              fields={"event_date": "2026-03-12"}))
    form = BriefForm(doc)
    qtbot.addWidget(form)
    form.set_template(library.get("meeting-readout"))
    form.resize(PAIRED_WIDTH + 100, 900)
    form.show()
    qtbot.waitExposed(form)
    assert _row_of(form, "date") == _row_of(form, "location")
    location_hint = form.source_hints["location"][0]
    date_hint = form.source_hints["date"][0]
    assert "Geneva" in location_hint.text()
    assert "2026-03-12" in date_hint.text()

    def top_left(widget):  # type: ignore[no-untyped-def]
        return widget.mapTo(form, widget.rect().topLeft())

    location = form.field_editors["location"]
    date = form.field_editors["date"]

    def side_by_side() -> bool:
        # each starts under its own field, both on the line below the fields: two hints
        # take the height of the longer one, not of both
        below = max(top_left(location).y() + location.height(),
                    top_left(date).y() + date.height())
        return (top_left(location_hint).x() == top_left(location).x()
                and top_left(date_hint).x() == top_left(date).x()
                and top_left(location_hint).y() == top_left(date_hint).y() >= below)

    qtbot.waitUntil(side_by_side)
    assert location_hint.isVisible()
    assert date_hint.isVisible()


def test_two_hints_side_by_side_keep_every_line_when_the_form_narrows(qtbot, library):
    from briefgen.ui.brief_form import PAIRED_WIDTH

    source = Source(id="s1", text="Envoys met in Tallorn.", venue="Tallorn")
    doc = BriefDocument(Brief(sources=[source], places=[Place(name="Tallorn")],
                              fields={"event_date": "2026-03-12"}))
    form = BriefForm(doc)
    qtbot.addWidget(form)
    form.set_template(library.get("meeting-readout"))
    form.resize(PAIRED_WIDTH + 400, 900)  # laid out wide first, as a window that shrinks
    form.show()
    qtbot.waitExposed(form)
    hints = [form.source_hints[name][0] for name in ("date", "location")]
    assert "where the text says" in hints[1].text()
    form.resize(PAIRED_WIDTH + 20, 900)

    def whole(hint) -> bool:  # type: ignore[no-untyped-def]
        return hint.height() >= hint.heightForWidth(hint.width())

    qtbot.waitUntil(lambda: all(whole(hint) for hint in hints))
    lines = [hint.heightForWidth(hint.width()) // hint.fontMetrics().lineSpacing()
             for hint in hints]
    assert max(lines) >= 3  # narrow enough for the hints to need more lines than wide


def test_the_list_editors_wait_for_their_first_use(qtbot):
    form = BriefForm(BriefDocument(Brief()))
    qtbot.addWidget(form)
    built = []
    form.lists_built.connect(lambda: built.append(1))
    assert not form.findChildren(QTableView)  # nothing built yet
    assert list(form.editors) == list(DEFAULT_ORDER) + [
        n for n in LIST_SPECS if n not in DEFAULT_ORDER]
    assert built == [1]
    assert form.tabs.count() == len(LIST_SPECS)
    assert len(form.findChildren(QTableView)) >= len(LIST_SPECS)
    form.build_lists()
    assert built == [1]  # once
