"""A compact, wrapping selector for the brief's lists: every list and its count at a glance."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QFontMetrics, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QToolButton,
    QWidget,
)


class FlowLayout(QLayout):
    """Lays its widgets out left to right and wraps to a new row when the width runs out."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(self._hint(item))
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def spacing_between(self) -> int:
        """The gap between two buttons, across and down."""
        return self._spacing

    def rows(self, width: int) -> list[list[int]]:
        """The indexes of the items on each row at ``width``."""
        rows: list[list[int]] = []
        x = 0
        for index, item in enumerate(self._items):
            hint = self._hint(item).width()
            if rows and x > 0 and x + hint > width:
                x = 0
            if x == 0:
                rows.append([])
            rows[-1].append(index)
            x += hint + self._spacing
        return rows

    @staticmethod
    def _hint(item: QLayoutItem) -> QSize:
        # A widget added to a shown parent is hidden until the next event-loop turn, and
        # a hidden widget's layout item claims no space: ask the widget itself.
        widget = item.widget()
        return widget.sizeHint() if widget is not None else item.sizeHint()

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        y = area.y()
        for row in self.rows(area.width()):
            x = area.x()
            height = max(self._hint(self._items[i]).height() for i in row)
            for i in row:
                hint = self._hint(self._items[i])
                if move:
                    self._items[i].setGeometry(QRect(QPoint(x, y), hint))
                x += hint.width() + self._spacing
            y += height + self._spacing
        if y > area.y():
            y -= self._spacing
        return y - rect.y() + margins.bottom()


# The most rows the full labels may take before the selector switches to the short ones.
MAX_FULL_ROWS = 2


class ListSelector(QWidget):
    """One button per list, wrapping onto a second row when narrow; one Tab stop.

    Each choice has a full label and an optional short one; when the full labels would
    take more than MAX_FULL_ROWS rows, the buttons show the short ones (the tooltip and
    the accessible name keep the full label).
    Arrow keys, Home and End move between lists when the selector has the focus.
    ``current_changed`` carries the index of the list picked.
    """

    current_changed = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("listSelector")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Lists")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.flow = FlowLayout(self)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.group.idClicked.connect(self.set_current)
        self.buttons: list[QToolButton] = []
        self._full: list[str] = []
        self._short: list[str] = []
        self._current = -1
        self.compact = False

    def count(self) -> int:
        """How many lists the selector offers."""
        return len(self.buttons)

    def add(self, text: str, tip: str = "", *, short: str = "", muted: bool = False) -> int:
        """Add a choice; ``short`` labels it when space is tight; ``muted`` greys it."""
        button = QToolButton(self)
        button.setObjectName("listChoice")
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setText(text)
        button.setToolTip(tip)
        button.setProperty("muted", muted)
        button.setProperty("focusRing", False)
        index = len(self.buttons)
        self.group.addButton(button, index)
        self.buttons.append(button)
        self._full.append(text)
        self._short.append(short or text)
        self.flow.addWidget(button)
        button.show()
        self._apply_labels()
        if self._current < 0:
            self.set_current(0)
        return index

    def clear(self) -> None:
        """Remove every choice."""
        for button in self.buttons:
            self.group.removeButton(button)
            self.flow.removeWidget(button)
            button.hide()  # deleteLater waits for the event loop; do not paint it meanwhile
            button.deleteLater()
        self.buttons = []
        self._full = []
        self._short = []
        self._current = -1
        self.updateGeometry()

    def text(self, index: int) -> str:
        """The full label of choice ``index``."""
        return self._full[index]

    def shown_text(self, index: int) -> str:
        """The label the button of choice ``index`` shows now (full or short)."""
        return self.buttons[index].text()

    def set_text(self, index: int, text: str, short: str = "") -> None:
        """Relabel choice ``index`` (its count changed)."""
        self.set_texts({index: (text, short)})

    def set_texts(self, labels: dict[int, tuple[str, str]]) -> None:
        """Relabel several choices (index: full and short label) and lay the buttons out
        once; nothing happens when no label changes (each of the form's ten lists reports
        its reset, and measuring the labels each time stalled the window ~100 ms)."""
        changed = False
        for index, (text, short) in labels.items():
            if (self._full[index], self._short[index]) != (text, short or text):
                self._full[index] = text
                self._short[index] = short or text
                changed = True
        if changed:
            self._apply_labels()

    def tool_tip(self, index: int) -> str:
        """The tooltip of choice ``index``."""
        return self.buttons[index].toolTip()

    def is_muted(self, index: int) -> bool:
        """True when choice ``index`` is greyed."""
        return bool(self.buttons[index].property("muted"))

    def current(self) -> int:
        """The index of the chosen list, -1 when there is none."""
        return self._current

    def set_current(self, index: int) -> None:
        """Choose list ``index``; emits ``current_changed`` when that changes the choice."""
        if not 0 <= index < len(self.buttons):
            return
        self.buttons[index].setChecked(True)
        if index == self._current:
            return
        self._current = index
        self._show_focus_ring()
        self.current_changed.emit(index)

    def step(self, offset: int) -> None:
        """Choose the list ``offset`` places on, wrapping around at the ends."""
        if self.buttons:
            self.set_current((self._current + offset) % len(self.buttons))

    def row_count(self) -> int:
        """How many rows the choices take at the current width."""
        return len(self.flow.rows(self.contentsRect().width()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._apply_labels()

    def _apply_labels(self) -> None:
        width = self.contentsRect().width()
        compact = self.isVisible() and self._rows_needed(self._full, width) > MAX_FULL_ROWS
        labels = self._short if compact else self._full
        self.compact = compact
        changed = False
        for button, label, full in zip(self.buttons, labels, self._full, strict=True):
            if button.text() != label:
                button.setText(label)
                changed = True
            button.setAccessibleName(full)
        if changed:
            self.updateGeometry()

    def _rows_needed(self, labels: list[str], width: int) -> int:
        """Rows the buttons would take with ``labels`` (measured in bold, as when chosen)."""
        rows, x = 0, 0
        for button, label in zip(self.buttons, labels, strict=True):
            font = QFont(button.font())
            padding = button.sizeHint().width() - QFontMetrics(font).horizontalAdvance(
                button.text()
            )
            font.setBold(True)
            hint = QFontMetrics(font).horizontalAdvance(label) + padding
            if rows == 0 or (x > 0 and x + hint > width):
                rows, x = rows + 1, 0
            x += hint + self.flow.spacing_between()
        return rows

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self.set_current(min(self._current + 1, len(self.buttons) - 1))
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self.set_current(max(self._current - 1, 0))
        elif key == Qt.Key.Key_Home:
            self.set_current(0)
        elif key == Qt.Key.Key_End:
            self.set_current(len(self.buttons) - 1)
        else:
            super().keyPressEvent(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._show_focus_ring()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._show_focus_ring()

    def _show_focus_ring(self) -> None:
        for index, button in enumerate(self.buttons):
            ring = self.hasFocus() and index == self._current
            if bool(button.property("focusRing")) != ring:
                button.setProperty("focusRing", ring)
                button.style().unpolish(button)
                button.style().polish(button)
