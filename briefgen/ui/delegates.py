"""A multi-line cell editor for the long text columns of the lists (key points, quotes...)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QKeyEvent, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QFrame,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

AnyIndex = QModelIndex | QPersistentModelIndex
# Lines an open editor may grow to before it scrolls instead.
MAX_EDITOR_LINES = 8
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CellTextEdit(QPlainTextEdit):
    """The editor the delegate opens: word-wrapped, frameless, as tall as its text needs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cellEditor")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTabChangesFocus(True)
        self.document().setDocumentMargin(3)
        self.setToolTip("Enter keeps the text, Shift+Enter starts a new line, Esc cancels.")
        self.cell_height = 0
        self.document().contentsChanged.connect(self.fit_height)

    def needed_height(self) -> int:
        """The height that shows all the text (at most MAX_EDITOR_LINES lines)."""
        margin = int(self.document().documentMargin())
        width = max(20, self.width() - 2 * self.frameWidth() - 2 * margin - 4)
        metrics = self.fontMetrics()
        lines = 0
        for paragraph in self.toPlainText().split("\n"):
            bounds = metrics.boundingRect(
                QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), paragraph or " "
            )
            lines += max(1, round(bounds.height() / metrics.lineSpacing()))
        fits = lines <= MAX_EDITOR_LINES
        self.setVerticalScrollBarPolicy(
            Qt.ScrollBarPolicy.ScrollBarAlwaysOff if fits else Qt.ScrollBarPolicy.ScrollBarAsNeeded
        )
        lines = min(lines, MAX_EDITOR_LINES)
        # QPlainTextEdit scrolls unless a little more than the lines' height is free.
        slack = metrics.lineSpacing() // 2
        return lines * metrics.lineSpacing() + 2 * margin + 2 * self.frameWidth() + slack

    def fit_height(self) -> None:
        """Grow past the cell when the text needs more lines; never shrink below the cell."""
        height = max(self.cell_height, self.needed_height())
        parent = self.parentWidget()
        if parent is not None:
            # Stay inside the table's viewport: grow upwards when there is no room below.
            room_below = parent.height() - self.y()
            if height > room_below:
                top = max(0, parent.height() - height)
                self.move(self.x(), top)
            height = min(height, parent.height())
        if height != self.height():
            self.resize(self.width(), height)


class MultilineDelegate(QStyledItemDelegate):
    """Edits a cell in a word-wrapped text box; Enter commits, Shift+Enter breaks, Esc cancels."""

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> QWidget:
        editor = CellTextEdit(parent)
        editor.setFont(option.font)
        return editor

    def setEditorData(self, editor: QWidget, index: AnyIndex) -> None:
        if not isinstance(editor, CellTextEdit):
            super().setEditorData(editor, index)
            return
        text = index.data(Qt.ItemDataRole.EditRole)
        editor.setPlainText("" if text is None else str(text))
        # As in a one-line cell editor: all selected, so typing replaces and arrows keep it.
        editor.selectAll()

    def setModelData(
        self, editor: QWidget, model: QAbstractItemModel, index: AnyIndex
    ) -> None:
        if not isinstance(editor, CellTextEdit):
            super().setModelData(editor, model, index)
            return
        model.setData(index, editor.toPlainText().strip(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(
        self, editor: QWidget, option: QStyleOptionViewItem, index: AnyIndex
    ) -> None:
        rect = option.rect
        editor.setGeometry(rect)
        if isinstance(editor, CellTextEdit):
            editor.cell_height = rect.height()
            editor.fit_height()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, CellTextEdit) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            modifiers = event.modifiers()
            breaks_line = modifiers & (
                Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier
            )
            if key in ENTER_KEYS and not breaks_line:
                # Enter and Ctrl+Enter keep the text, as in a spreadsheet cell.
                self.commitData.emit(watched)
                self.closeEditor.emit(watched, QAbstractItemDelegate.EndEditHint.NoHint)
                return True
            if key in ENTER_KEYS:
                watched.insertPlainText("\n")
                return True
        return super().eventFilter(watched, event)
