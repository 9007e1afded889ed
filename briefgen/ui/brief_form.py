"""The brief form, generated from the template manifest: header fields, summary and lists."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from briefgen.ui.document import BriefDocument
from briefgen.ui.field_editors import DateLineEdit, FieldBinding, lines_height, make_editor
from briefgen.ui.list_selector import ListSelector
from briefgen.ui.models import LIST_SPECS, BriefListModel, SpansRole
from briefgen.ui.source_relations import unrelated_sources

if TYPE_CHECKING:
    from briefgen.render import BriefTemplate
    from briefgen.ui.list_editor import ListEditor

LIST_MINIMUM_HEIGHT = 200
# The tabs shown when no template is chosen: a subset of briefgen.model's lists, deliberately
# without organisations and places, in the form's own order.
DEFAULT_LISTS = ("key_points", "people", "quotes", "dates", "topics", "next_steps")
# Labels for the list selector when the full titles do not fit in two rows.
SHORT_TITLES = {"key_points": "Points", "next_steps": "Steps", "organizations": "Orgs",
                "not_discussed": "Not disc."}


# From this width of the form on, two short header fields share a row (To | From...).
PAIRED_WIDTH = 400
# Header fields that always take a row of their own (the memo's title line is long).
WIDE_FIELDS = frozenset({"subject"})


@dataclass
class HeaderRow:
    """One header field as the form lays it out: its label, its editor and the lines
    under it (a date's problem, where the memo takes an empty field from). ``kind`` says
    which fields may share a row: ``"line"`` with ``"line"``, ``"text"`` (two lines)
    with ``"text"``; ``"wide"`` never shares."""

    label: QLabel
    editor: QWidget
    kind: str
    lines: list[QLabel] = field(default_factory=list)


def header_layout_rows(
    rows: list[HeaderRow], paired: bool,
) -> list[tuple[HeaderRow, HeaderRow | None]]:
    """The header's rows on screen: each field with the next one of its kind beside it
    when ``paired`` (a short field may move up past fields of another kind, never past
    one of its own: To | From, Date | Marking, then Subject), else one field a row."""
    placed: set[int] = set()
    out: list[tuple[HeaderRow, HeaderRow | None]] = []
    for index, row in enumerate(rows):
        if index in placed:
            continue
        placed.add(index)
        partner = None
        if paired and row.kind != "wide":
            partner = next((i for i in range(index + 1, len(rows))
                            if i not in placed and rows[i].kind == row.kind), None)
        if partner is not None:
            placed.add(partner)
        out.append((row, rows[partner] if partner is not None else None))
    return out


class UnrelatedSourcesNote(QFrame):
    """Says that the sources share no person, organisation, place or topic, and offers the
    two ways out: a memo per source, or one memo whose bottom line has a line per source."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unrelatedSources")
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.memo_per_source = QPushButton("A &memo per source\u2026", self)
        self.memo_per_source.setToolTip("Export one memo for each source into a folder")
        self.line_per_source = QPushButton("A &line per source", self)
        self.line_per_source.setToolTip(
            "One memo, its bottom line made of each source's first sentence (undoable)")
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.memo_per_source)
        buttons.addWidget(self.line_per_source)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.label)
        layout.addLayout(buttons)
        self.hide()

    def set_count(self, count: int) -> None:
        """Word the note for ``count`` sources."""
        self.label.setText(
            f"These {count} sources share no person, organisation, place or topic: they may "
            "be separate stories. The memo's bottom line covers only what is written below.")


class BriefForm(QWidget):
    """Header fields from the manifest, the summary, and every list, the template's first.

    A wrapping selector above the lists shows each with its count; Ctrl+PgDown and
    Ctrl+PgUp step through them from anywhere in the form.

    ``item_selected`` carries the spans of the item selected in any list;
    ``template_chosen`` the id picked in the template box.
    """

    item_selected = Signal(list)
    show_in_source = Signal(list)
    # The list editors are built (see build_lists): the window puts them in the Tab order.
    lists_built = Signal()
    template_chosen = Signal(str)
    # When the sources share nothing: the user's choice of a memo per source, or a bottom
    # line with a line per source.
    memo_per_source_requested = Signal()
    line_per_source_requested = Signal()

    def __init__(self, document: BriefDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.models: dict[str, BriefListModel] = {
            name: BriefListModel(document, spec) for name, spec in LIST_SPECS.items()
        }
        self._editors: dict[str, ListEditor] = {}
        # The lists (shown, extra) whose editors __init__ leaves to build_lists.
        self._pending_lists: tuple[list[str], list[str]] | None = None
        self._lists_later = True
        self.field_editors: dict[str, QWidget] = {}
        # Each header field's label (the yes/no boxes have none: their own text names them).
        self.field_labels: dict[str, QLabel] = {}
        # The header in rows, in the template's order, and how they are laid out now.
        self._header_rows: list[HeaderRow] = []
        self._pair_boxes: list[QWidget] = []
        self._line_shown: dict[QLabel, bool] = {}
        self._paired = False
        # The header's editors in the order they are laid out (the Tab order follows it).
        self._field_order: list[QWidget] = []
        # Under a field the memo fills from elsewhere when it is empty: where from.
        self.source_hints: dict[str, tuple[QLabel, str]] = {}
        # Under a date field whose text is not a date: what is wrong.
        self.field_problems: dict[str, QLabel] = {}
        self._template_ids: list[str] = []
        self._extra_lists: set[str] = set()

        self.template_box = QComboBox(self)
        self.template_box.setObjectName("templateBox")
        self.template_box.setToolTip("The memo layout (Ctrl+T opens the template manager)")
        self.template_box.activated.connect(self._on_template_activated)
        label = QLabel("&Template", self)
        label.setBuddy(self.template_box)
        # Hides the header fields (all of them, or none) to give the lists the height of a
        # short screen; collapsed, one line says what they hold.
        self.header_toggle = QToolButton(self)
        self.header_toggle.setObjectName("headerToggle")
        self.header_toggle.setCheckable(True)
        self.header_toggle.setChecked(True)
        self.header_toggle.setAccessibleName("Show the header fields")
        self.header_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.header_toggle.toggled.connect(self.show_header)
        self.header_summary = QLabel(self)
        self.header_summary.setObjectName("headerSummary")
        self.header_summary.setAccessibleName("Header fields, hidden")
        self.header_summary.hide()

        self.header = QWidget(self)
        self.header.setObjectName("headerFields")
        self.header_layout = QFormLayout(self.header)
        self.header_layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.header_layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.header_layout.setContentsMargins(0, 0, 4, 0)
        self.header_layout.setVerticalSpacing(3)
        # All the fields at their full height, never in a box of their own that scrolls by
        # itself: when the pane is shorter than the form, the whole form scrolls (the
        # window's FitScrollArea) and the lists below keep their minimum height.
        self.header.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # Its preferred height is for its preferred width; at a narrower one its wrapping
        # hint lines need more (_fit_header_height).
        self.header.installEventFilter(self)

        self.summary = QPlainTextEdit(self)
        self.summary.setObjectName("summaryEdit")
        self.summary.setTabChangesFocus(True)
        self.summary.setFixedHeight(lines_height(self.summary, 3))
        self.summary.setPlaceholderText("The bottom line up front, in one or two sentences.")
        FieldBinding(document, ("summary", "text"), "multiline", self.summary)
        self.summary.installEventFilter(self)
        self.unrelated = UnrelatedSourcesNote(self)
        self.unrelated.memo_per_source.clicked.connect(self.memo_per_source_requested)
        self.unrelated.line_per_source.clicked.connect(self.line_per_source_requested)
        document.reset.connect(self._update_unrelated)
        document.list_changed.connect(lambda _name: self._update_unrelated())
        summary_label = QLabel("&Bottom line", self)
        summary_label.setObjectName("sectionLabel")
        summary_label.setBuddy(self.summary)
        summary_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.summary_label = summary_label
        # The label beside the box, in the header's label column: a line of its own above
        # it took height the lists need on a laptop screen.
        summary_row = QHBoxLayout()
        summary_row.setSpacing(6)
        summary_row.addWidget(summary_label, 0, Qt.AlignmentFlag.AlignTop)
        summary_row.addWidget(self.summary, 1)

        # The selector picks the list; the stack (still called ``tabs``) shows its editor.
        self._selector = ListSelector(self)
        self._tabs = QStackedWidget(self)
        self._tabs.setObjectName("listPages")
        # The list shown keeps room for several rows (and an open multi-line cell editor);
        # on a short screen the form scrolls as a whole instead of squeezing it.
        self._tabs.setMinimumHeight(max(LIST_MINIMUM_HEIGHT, self.fontMetrics().lineSpacing() * 11))
        self._selector.current_changed.connect(self._tabs.setCurrentIndex)
        self._tabs.currentChanged.connect(self._selector.set_current)
        self._tabs.currentChanged.connect(self._on_tab_changed)
        for keys, step in (("Ctrl+PgDown", 1), ("Ctrl+PgUp", -1)):
            action = QAction(self)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, s=step: self._selector.step(s))
            self.addAction(action)

        title = QLabel("Brief", self)
        title.setObjectName("panelTitle")
        top = QHBoxLayout()
        top.addWidget(title)
        top.addSpacing(4)
        label.setMinimumWidth(label.sizeHint().width())
        top.addWidget(label)
        top.addWidget(self.template_box, 1)
        top.addWidget(self.header_toggle)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.header)
        layout.addWidget(self.header_summary)
        layout.addWidget(self.unrelated)
        layout.addLayout(summary_row)
        layout.addWidget(self._selector)
        layout.addWidget(self._tabs, 2)
        for model in self.models.values():
            model.modelReset.connect(self._update_tab_titles)
        document.changed.connect(self._update_source_hints)
        document.changed.connect(self._update_header_summary)
        self.set_template(None)
        self._lists_later = False
        self.show_header(True)

    def build_lists(self) -> None:
        """Build the list editors (ten tables with their buttons), which a new form leaves
        until the window's first paint or the first use of ``editors``, ``tabs`` or
        ``selector``, whichever comes first; no effect once built."""
        pending, self._pending_lists = self._pending_lists, None
        if pending is not None:
            self._build_tabs(*pending)
            self.lists_built.emit()

    @property
    def editors(self) -> dict[str, ListEditor]:
        """Each list's editor, by list name, in the selector's order."""
        self.build_lists()
        return self._editors

    @property
    def tabs(self) -> QStackedWidget:
        """The stack of list editors (one shown at a time)."""
        self.build_lists()
        return self._tabs

    @property
    def selector(self) -> ListSelector:
        """The wrapping row of list names above the stack."""
        self.build_lists()
        return self._selector

    def show_header(self, shown: bool) -> None:
        """Show every header field, or none and one line summing them up (the toggle's
        state follows)."""
        self.header_toggle.setChecked(shown)
        self.header_toggle.setText("Hide fields" if shown else "Show fields")
        self.header_toggle.setArrowType(
            Qt.ArrowType.UpArrow if shown else Qt.ArrowType.DownArrow)
        self.header_toggle.setToolTip(
            "Hide the header fields to give the lists more room" if shown
            else "Show the header fields (To, From, Date, Subject and the rest)")
        self.header.setVisible(shown)
        self.header_summary.setVisible(not shown)
        self._update_header_summary()

    def _update_header_summary(self) -> None:
        if self.header.isVisibleTo(self):
            return
        fields = self.document.brief.fields
        parts = []
        for name, editor in self.field_editors.items():
            value = fields.get(name)
            if isinstance(value, str) and value.strip() and "\n" not in value.strip():
                parts.append(f"{_field_label(self, name, editor)}: {value.strip()}")
        text = " \u00b7 ".join(parts) or "No header field filled in yet."
        self.header_summary.setToolTip(text)
        width = max(100, self.width() - 10)
        self.header_summary.setText(
            self.header_summary.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, width))

    def set_templates(self, templates: list[BriefTemplate]) -> None:
        """Fill the template box (built-in first, then the user's)."""
        self._template_ids = [t.id for t in templates]
        self.template_box.clear()
        for template in templates:
            suffix = "" if template.origin == "builtin" else f" ({template.origin})"
            self.template_box.addItem(f"{template.name}{suffix}", template.id)
        self._select_template_id(self.document.brief.template)

    def set_template(self, template: BriefTemplate | None) -> None:
        """Rebuild the header fields and list tabs for ``template`` (``None``: lists only)."""
        while self.header_layout.rowCount():
            self.header_layout.takeRow(0)
        for widget in [*self._pair_boxes, *(w for row in self._header_rows
                                             for w in (row.label, row.editor, *row.lines))]:
            widget.hide()
            widget.deleteLater()
        self._pair_boxes = []
        self._header_rows = []
        self._line_shown = {}
        self.field_editors.clear()
        self.field_labels.clear()
        self.source_hints.clear()
        self.field_problems.clear()
        if template is not None:
            options: HeaderRow | None = None
            for spec in template.fields:
                editor = make_editor(spec.type, list(spec.choices), self.header)
                editor.setObjectName(f"field_{spec.name}")
                editor.setToolTip(spec.help)
                editor.setProperty("help", spec.help)
                FieldBinding(self.document, ("fields", spec.name), spec.type, editor,
                             spec.default)
                if isinstance(editor, DateLineEdit) and spec.meaning == "memo-date":
                    # The memo prints the drafting day while the field is empty: say so.
                    editor.setPlaceholderText(f"today ({dt.date.today().isoformat()})")
                label = (spec.label or spec.name.replace("_", " ").capitalize())
                label += " *" if spec.required else ""
                self.field_editors[spec.name] = editor
                if isinstance(editor, QCheckBox):
                    # The yes/no fields side by side in one row, each box named by its
                    # own text: a row each took the lists' height on a laptop screen.
                    editor.setText(label)
                    if options is None:
                        box = QWidget(self.header)
                        box_layout = QHBoxLayout(box)
                        box_layout.setContentsMargins(0, 0, 0, 0)
                        box_layout.addStretch(1)
                        options = HeaderRow(QLabel("Options", self.header), box, "wide")
                        self._header_rows.append(options)
                    box_layout.insertWidget(box_layout.count() - 1, editor)
                    continue
                if isinstance(editor, QPlainTextEdit):
                    # Two lines (it scrolls beyond): the header stays whole on a laptop.
                    editor.setFixedHeight(lines_height(editor, 2))
                kind = ("wide" if spec.name in WIDE_FIELDS or not isinstance(
                            editor, (QLineEdit, QComboBox, QPlainTextEdit))
                        else "text" if isinstance(editor, QPlainTextEdit) else "line")
                label_widget = QLabel(label, self.header)
                label_widget.setBuddy(editor)
                self.field_labels[spec.name] = label_widget
                row = HeaderRow(label_widget, editor, kind)
                self._header_rows.append(row)
                if isinstance(editor, DateLineEdit):
                    row.lines.append(self._add_problem_line(spec.name, editor))
                if "when empty" in spec.help.lower() and spec.meaning != "memo-date":
                    hint = QLabel(self.header)
                    hint.setObjectName("fieldSource")
                    hint.setWordWrap(True)
                    row.lines.append(hint)
                    self.source_hints[spec.name] = (hint, spec.help)
            self._select_template_id(template.id)
        self._paired = self._pairs_fit()
        self._arrange_header()
        self._update_header_summary()
        shown = list(template.lists) if template is not None else list(DEFAULT_LISTS)
        shown = [n for n in shown if n in LIST_SPECS]
        # The lists this template leaves out stay editable, after its own.
        extra = [n for n in LIST_SPECS if n not in shown]
        if self._lists_later:
            self._pending_lists = (shown, extra)
        else:
            self._build_tabs(shown, extra)
        self._update_source_hints()

    def _pairs_fit(self) -> bool:
        """Whether the form is wide enough for two header fields side by side."""
        return self.width() >= PAIRED_WIDTH

    def _arrange_header(self) -> None:
        """Lay the header rows out: two short fields of the same height to a row when
        ``_paired`` (To | From, Date | Marking, Background | Comment), else one a row;
        the subject, tables and the yes/no options always take a row of their own. Each
        field's problem or hint line stays under it. The widgets are kept, only moved."""
        focused = QApplication.focusWidget()
        while self.header_layout.rowCount():
            self.header_layout.takeRow(0)
        for pair in self._pair_boxes:
            pair.hide()
            pair.deleteLater()
        self._pair_boxes = []
        rows = self._header_rows
        second_labels: list[QLabel] = []
        self._field_order = []
        for first, second in header_layout_rows(rows, self._paired):
            if second is not None:
                second_labels.append(self._add_pair(first, second))
            else:
                self.header_layout.addRow(first.label, first.editor)
                for line in first.lines:
                    self.header_layout.addRow("", line)
            self._field_order += [first.editor] + ([second.editor] if second else [])
        # The bottom line's label lines up with the header's labels (the form layout's
        # label column is as wide as its widest label).
        firsts = [row.label for row in rows]
        self.summary_label.setMinimumWidth(
            max((label.sizeHint().width() for label in firsts), default=0))
        # The second column's labels share one width, so that its fields line up.
        width = max((label.sizeHint().width() for label in second_labels), default=0)
        for label in second_labels:
            label.setMinimumWidth(width)
        for row in rows:
            for widget in (row.label, row.editor):
                widget.show()
        for line, shown in list(self._line_shown.items()):
            self._show_line(line, shown)
        for row in rows:
            for line in row.lines:
                if line not in self._line_shown:
                    self._show_line(line, False)
        if focused is not None and self.header.isAncestorOf(focused):
            focused.setFocus()  # moving it into or out of a pair box took its focus

    def _add_pair(self, first: HeaderRow, second: HeaderRow) -> QLabel:
        """One form row holding two fields side by side; returns the second one's label."""
        box = QWidget(self.header)
        grid = QGridLayout(box)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(self.header_layout.verticalSpacing())
        grid.addWidget(first.editor, 0, 0)
        grid.addWidget(second.label, 0, 1,
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(second.editor, 0, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)
        for editor in (first.editor, second.editor):
            if isinstance(editor, QComboBox):
                # Its longest choice must not take the width of the field beside it.
                editor.setSizeAdjustPolicy(
                    QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
                editor.setMinimumContentsLength(8)
            elif isinstance(editor, DateLineEdit):
                # A whole date stays readable, whatever the font size.
                editor.setMinimumWidth(
                    editor.fontMetrics().horizontalAdvance("0000-00-00") + 16)
        self.header_layout.addRow(first.label, box)
        if first.lines and not second.lines:
            # The first field's lines alone: rows of the form, as wide as the pair, so a
            # short problem or hint takes one line, not three.
            for line in first.lines:
                self.header_layout.addRow("", line)
        else:
            # Lines under both fields sit side by side, each under its own field, so that
            # two hints take the height of the longer one, not of both.
            for column, lines in ((0, first.lines), (2, second.lines)):
                if lines:
                    grid.addLayout(self._line_stack(lines, grid.verticalSpacing()), 1, column)
        self._pair_boxes.append(box)
        box.show()
        return second.label

    def _line_stack(self, lines: list[QLabel], spacing: int) -> QVBoxLayout:
        """The lines under one field of a pair, top-aligned in their grid cell."""
        stack = QVBoxLayout()
        stack.setContentsMargins(0, 0, 0, 0)
        stack.setSpacing(spacing)
        for line in lines:
            line.setVisible(self._line_shown.get(line, False))  # before the box shows
            stack.addWidget(line)
        stack.addStretch(1)
        return stack

    def _show_line(self, line: QLabel, shown: bool) -> None:
        """Show or hide a problem or hint line (and its row, when it has one)."""
        self._line_shown[line] = shown
        row, _role = cast(tuple[int, object], self.header_layout.getWidgetPosition(line))
        if row >= 0:
            self.header_layout.setRowVisible(row, shown)
        else:
            line.setVisible(shown)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._header_rows and self._pairs_fit() != self._paired:
            self._paired = self._pairs_fit()
            self._arrange_header()

    def _add_problem_line(self, name: str, editor: DateLineEdit) -> QLabel:
        """A line under a date field saying what is wrong with its text, shown only then."""
        line = QLabel(self.header)
        line.setObjectName("fieldProblem")
        line.setWordWrap(True)
        line.setAccessibleName(f"Problem with {name.replace('_', ' ')}")
        self.field_problems[name] = line

        def show(problem: str) -> None:
            line.setText(problem)
            self._show_line(line, bool(problem))
            editor.setProperty("invalid", bool(problem))
            editor.setToolTip(problem or editor.property("help") or "")
            editor.style().unpolish(editor)
            editor.style().polish(editor)

        editor.problem.connect(show)
        return line

    def _update_unrelated(self) -> None:
        brief = self.document.brief
        self.unrelated.setVisible(unrelated_sources(brief))
        self.unrelated.set_count(len(brief.sources))

    def _update_source_hints(self) -> None:
        if not self.source_hints:
            return
        from briefgen.ui.field_sources import source_hint

        brief = self.document.brief
        for name, (hint, help_text) in self.source_hints.items():
            text = source_hint(name, help_text, brief)
            hint.setText(text)
            self._show_line(hint, bool(text))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Entering the summary shows its evidence, like selecting a list item does; the
        header keeps the height its lines need at its width."""
        if watched is self.summary and event.type() == QEvent.Type.FocusIn:
            self.item_selected.emit(list(self.document.brief.summary.spans))
        if watched is self.header and event.type() in {
            QEvent.Type.Resize, QEvent.Type.LayoutRequest
        }:
            self._fit_header_height()
        return super().eventFilter(watched, event)

    def _fit_header_height(self) -> None:
        """At least the height the header's rows need at its present width: a fixed-height
        widget takes the height of its preferred width, and at a narrower one (a laptop
        screen) two hints side by side wrap onto more lines and were cut off."""
        layout = self.header_layout
        if not layout.hasHeightForWidth():
            return
        needed = layout.heightForWidth(self.header.width())
        if needed != self.header.minimumHeight():
            self.header.setMinimumHeight(needed)

    def focus_chain(self) -> list[QWidget]:
        """The form's widgets in keyboard (Tab) order: template, fields, summary, lists."""
        laid_out = [w for editor in self._field_order
                    for w in ([editor] if editor in self.field_editors.values()
                              else [e for e in self.field_editors.values()
                                    if editor.isAncestorOf(e)])]
        chain: list[QWidget] = [self.template_box, self.header_toggle, *laid_out,
                                self.unrelated.memo_per_source, self.unrelated.line_per_source,
                                self.summary]
        chain.append(self._selector)
        for editor in self._editors.values():
            chain += [editor.view, editor.add_button, editor.remove_button, editor.up_button,
                      editor.down_button]
        return chain

    def current_list(self) -> str | None:
        """The name of the list shown now (``None`` before any is built)."""
        self.build_lists()
        order = list(self._editors)
        index = self._tabs.currentIndex()
        return order[index] if 0 <= index < len(order) else None

    def editor(self, name: str) -> ListEditor:
        """The editor of list ``name`` (KeyError when the template does not show it)."""
        return self.editors[name]

    def _build_tabs(self, names: list[str], extra: list[str]) -> None:
        from briefgen.ui.list_editor import ListEditor  # not needed before the first paint

        self._pending_lists = None
        # The user stays on the list they were on, wherever the new template puts it.
        current_name = self.current_list()
        self._tabs.blockSignals(True)
        self._selector.blockSignals(True)
        self._selector.clear()
        for editor in self._editors.values():
            self._tabs.removeWidget(editor)
            editor.hide()
            editor.deleteLater()
        self._editors = {}
        self._extra_lists = set(extra)
        for name in names + extra:
            editor = ListEditor(self.models[name], self._tabs)
            editor.selected.connect(self.item_selected)
            editor.show_in_source.connect(self.show_in_source)
            self._editors[name] = editor
            self._tabs.addWidget(editor)
            title = LIST_SPECS[name].title
            keys = "Ctrl+PgDown / Ctrl+PgUp: next / previous list"
            if name in self._extra_lists:
                tip = f"{title}: this template does not print this list. ({keys})"
            else:
                tip = f"{title} ({keys})"
            self._selector.add(title, tip, short=SHORT_TITLES.get(name, title),
                              muted=name in self._extra_lists)
        order = list(self._editors)
        index = order.index(current_name) if current_name in order else 0
        self._tabs.setCurrentIndex(index)
        self._selector.set_current(index)
        self._selector.blockSignals(False)
        self._tabs.blockSignals(False)
        self._update_tab_titles()

    def _update_tab_titles(self) -> None:
        labels = {}
        for index, name in enumerate(self._editors):
            count = self.models[name].rowCount()
            title = LIST_SPECS[name].title
            short = SHORT_TITLES.get(name, title)
            labels[index] = (f"{title} ({count})", f"{short} ({count})")
        self._selector.set_texts(labels)

    def _select_template_id(self, template_id: str) -> None:
        index = self.template_box.findData(template_id)
        if index >= 0:
            self.template_box.setCurrentIndex(index)

    def _on_template_activated(self, index: int) -> None:
        template_id = self.template_box.itemData(index)
        if template_id and template_id != self.document.brief.template:
            self.template_chosen.emit(template_id)

    def _on_tab_changed(self, index: int) -> None:
        from briefgen.ui.list_editor import ListEditor  # loaded with the lists

        editor = self._tabs.widget(index)
        if isinstance(editor, ListEditor):
            row = editor.current_row()
            spans = editor.model.data(editor.model.index(row, 0), SpansRole) if row >= 0 else []
            self.item_selected.emit(spans or [])


def _field_label(form: BriefForm, name: str, editor: QWidget) -> str:
    """The label the form shows for header field ``name`` (without its "required" star)."""
    if isinstance(editor, QCheckBox):
        return editor.text().rstrip(" *")
    label = form.field_labels.get(name)
    text = label.text() if label is not None else name
    return text.replace("&", "").rstrip(" *") or name
