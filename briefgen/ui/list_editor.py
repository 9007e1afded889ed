"""An editable list of the brief (key points, people, quotes...): table, buttons, shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from briefgen.model import Span
from briefgen.ui.delegates import MultilineDelegate
from briefgen.ui.list_menu import list_menu
from briefgen.ui.models import BriefListModel, SpansRole

# The columns whose text runs to sentences: edited in a word-wrapped, multi-line box.
MULTILINE_COLUMNS = {
    "key_points": ("text",),
    "quotes": ("text",),
    "next_steps": ("text",),
    "outcomes": ("text",),
    "not_discussed": ("text",),
}


class ReorderTableView(QTableView):
    """A table whose rows move by drag within it; the model moves them, the view never deletes."""

    def dropEvent(self, event: QDropEvent) -> None:
        model = self.model()
        if event.source() is not self or not isinstance(model, BriefListModel):
            event.ignore()
            return
        index = self.indexAt(event.position().toPoint())
        position = self.dropIndicatorPosition()
        row = model.rowCount() if not index.isValid() else index.row()
        if index.isValid() and position == QAbstractItemView.DropIndicatorPosition.BelowItem:
            row += 1
        model.dropMimeData(event.mimeData(), Qt.DropAction.MoveAction, row, 0, QModelIndex())
        # Accept as a copy so that the drag source does not remove the "moved" rows.
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()


class ListEditor(QWidget):
    """Edits one list: inline editing, Add / Remove / Up / Down, and keyboard shortcuts.

    ``selected`` carries the spans of the current item for the source view;
    ``show_in_source`` the same when the user asks to see them (right-click menu).
    """

    selected = Signal(list)
    show_in_source = Signal(list)

    def __init__(self, model: BriefListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.view = ReorderTableView(self)
        self.view.setObjectName(f"list_{model.spec.name}")
        self.view.setModel(model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setWordWrap(True)
        self.view.setAlternatingRowColors(True)
        self.view.setTabKeyNavigation(False)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        for column, spec in enumerate(model.spec.columns):
            if spec.width:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                self.view.setColumnWidth(column, spec.width)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.multiline_delegate = MultilineDelegate(self.view)
        for column, spec in enumerate(model.spec.columns):
            if spec.attr in MULTILINE_COLUMNS.get(model.spec.name, ()):
                self.view.setItemDelegateForColumn(column, self.multiline_delegate)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_row)
        self.view.setAccessibleName(model.spec.title)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._show_menu)

        noun = model.spec.noun
        self.add_button = self._button("Add", f"Add a {noun} (Insert)", self.add_item)
        self.remove_button = self._button("Remove", f"Remove the {noun} (Delete)", self.remove)
        self.up_button = self._button("Move up", "Move up (Ctrl+Up)", self.move_up)
        self.down_button = self._button("Move down", "Move down (Ctrl+Down)", self.move_down)
        for button, name in ((self.add_button, "Add"), (self.remove_button, "Remove"),
                             (self.up_button, "Move up"), (self.down_button, "Move down")):
            button.setAccessibleName(f"{name}: {model.spec.title.lower()}")
        self._shortcut("Insert", self.add_item)
        self._shortcut(QKeySequence.StandardKey.Delete, self.remove)
        self._shortcut("Ctrl+Up", self.move_up)
        self._shortcut("Ctrl+Down", self.move_down)

        self.empty_label = QLabel(f"No {model.spec.title.lower()} yet.", self)
        self.empty_label.setObjectName("hint")
        # Its text changes after the first edit: it must not widen the form (and move the
        # panes) when it does; cut on a narrow pane, the tooltip holds the whole sentence.
        self.empty_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        # The note takes most of the free width (and only that); shown or hidden, the
        # buttons keep their place at the right.
        buttons.addWidget(self.empty_label, 3)
        buttons.addStretch(1)
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        model.modelReset.connect(self._update_buttons)
        model.rowsInserted.connect(self._update_buttons)
        model.dataChanged.connect(self._update_buttons)
        self._update_buttons()

    def current_row(self) -> int:
        """The row of the current item, -1 when none."""
        return self.view.currentIndex().row()

    def select_row(self, row: int) -> None:
        """Make ``row`` current and selected, and show it."""
        if not 0 <= row < self.model.rowCount():
            return
        index = self.model.index(row, self._first_text_column())
        self.view.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)

    def add_item(self) -> None:
        """Add an item after the current one and start editing its text."""
        current = self.current_row()
        row = self.model.add_item(current + 1 if current >= 0 else None)
        self.select_row(row)
        self.view.setFocus()
        self.view.edit(self.model.index(row, self._first_text_column()))

    def edit_row(self, row: int) -> None:
        """Select ``row`` and open its first text cell for editing."""
        self.select_row(row)
        self.view.setFocus()
        self.view.edit(self.model.index(row, self._first_text_column()))

    def set_flag(self, row: int, column: int, value: bool) -> None:
        """Tick (or untick) the yes/no box in ``column`` of ``row`` (one undo step)."""
        state = Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        self.model.setData(self.model.index(row, column), state, Qt.ItemDataRole.CheckStateRole)

    def context_menu(self, row: int) -> QMenu:
        """The right-click menu for ``row`` (-1: the empty part of the list)."""
        return list_menu(self, row)

    def _show_menu(self, position: QPoint) -> None:
        row = self.view.indexAt(position).row()
        self.context_menu(row).exec(self.view.viewport().mapToGlobal(position))

    def remove(self) -> None:
        """Remove the selected items."""
        rows = sorted({index.row() for index in self.view.selectionModel().selectedRows()})
        if not rows and self.current_row() >= 0:
            rows = [self.current_row()]
        if rows:
            self.model.remove_rows(rows)
            self.select_row(min(rows[0], self.model.rowCount() - 1))

    def move_up(self) -> None:
        """Move the current item one row up."""
        self.move_current(-1)

    def move_down(self) -> None:
        """Move the current item one row down."""
        self.move_current(1)

    def move_current(self, step: int) -> None:
        """Move the current item up (-1) or down (+1), keeping it selected."""
        row = self.current_row()
        if row < 0:
            return
        self.select_row(self.model.move_row(row, row + step))

    def _first_text_column(self) -> int:
        kinds = [c.kind for c in self.model.spec.columns]
        return next((i for i, k in enumerate(kinds) if k in ("text", "optional")), 0)

    def _button(self, text: str, tip: str, slot: object) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.clicked.connect(slot)
        return button

    def _shortcut(self, keys: str | QKeySequence.StandardKey, slot: object) -> None:
        action = QAction(self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(slot)
        self.view.addAction(action)

    def _on_current_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        spans: list[Span] = current.data(SpansRole) or [] if current.isValid() else []
        self.selected.emit(spans)
        self._update_buttons()

    def _update_buttons(self, *_args: object) -> None:
        rows = self.model.rowCount()
        row = self.current_row()
        edited = any(self.model.is_edited(r) for r in range(rows))
        if rows == 0:
            self.empty_label.setText(f"No {self.model.spec.title.lower()} yet.")
        elif edited:
            self.empty_label.setText("Italics: edited by you, kept when extraction reruns.")
        self.empty_label.setToolTip(self.empty_label.text())
        self.empty_label.setVisible(rows == 0 or edited)
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < rows - 1)
