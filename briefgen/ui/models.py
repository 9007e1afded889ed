"""Qt item models over the Brief's plain dataclasses: one table model per list, and sources."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from briefgen.model import BRIEF_LISTS, BriefList, Span, dismissal_keys, needs_check
from briefgen.model.edits import item_pointer
from briefgen.ui.document import BriefDocument

AnyIndex = QModelIndex | QPersistentModelIndex
ROWS_MIME = "application/x-briefgen-rows"
SpansRole = Qt.ItemDataRole.UserRole + 1
EditedRole = Qt.ItemDataRole.UserRole + 2
# True for an extracted item whose confidence is below briefgen.model.CHECK_THRESHOLD and
# that the user has not edited: the form marks it "check this" (the memo never does).
CheckRole = Qt.ItemDataRole.UserRole + 3
EDITED_COLOUR = QColor("#8a5a00")
CHECK_COLOUR = QColor("#fff1c2")
# The ink on a "check this" row: the row's own light background needs dark text whatever
# the palette (a dark or high-contrast one gives white text).
CHECK_INK = QColor("#1f2933")
# The words that go with the "check this" icon and colour (a screen reader says them; the
# icon's tooltip shows them).
CHECK_TEXT = "Check this"


def _light_palette() -> bool:
    """True when the application's text fields are light (the usual palette)."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() >= 128


@dataclass(frozen=True)
class Column:
    """One column of a list: the dataclass attribute it shows and how."""

    attr: str
    header: str
    kind: str = "text"  # "text", "optional" (empty means None), "check", "score"
    width: int = 0  # preferred width in pixels; 0 stretches


@dataclass(frozen=True)
class ListSpec:
    """How the form shows one of the Brief's lists."""

    name: str
    title: str
    columns: tuple[Column, ...]
    new_item: Callable[[], Any]
    noun: str


# How the form shows each list; a list without an entry gets one column, its name or text.
_COLUMNS: dict[str, tuple[Column, ...]] = {
    "key_points": (Column("include", "Use", "check", 44), Column("text", "Key point"),
                   Column("score", "Score", "score", 56)),
    "people": (Column("name", "Name", width=170), Column("role", "Role", "optional"),
               Column("organization", "Organisation", "optional"),
               Column("participant", "Took part", "check", 72)),
    "quotes": (Column("include", "Use", "check", 44), Column("text", "Quote"),
               Column("speaker", "Speaker", "optional", 140),
               Column("speaker_role", "Role", "optional", 160)),
    "dates": (Column("text", "As written"), Column("date", "Date", "optional", 110)),
    "topics": (Column("text", "Topic"), Column("score", "Score", "score", 56)),
    "outcomes": (Column("include", "Use", "check", 44), Column("text", "Outcome")),
}


def _list_spec(kind: BriefList) -> ListSpec:
    attrs = {f.name for f in fields(kind.item_class)}
    attr = "name" if "name" in attrs else "text"
    columns = _COLUMNS.get(kind.name, (Column(attr, kind.noun.capitalize()),))
    return ListSpec(kind.name, kind.title, columns,
                    partial(_new_item, kind.item_class, attr, kind.noun), kind.noun)


def _new_item(cls: type, attr: str, noun: str) -> Any:
    return cls(**{attr: f"New {noun}"})


# One spec per list of the Brief, in the order of briefgen.model.lists.
LIST_SPECS: dict[str, ListSpec] = {kind.name: _list_spec(kind) for kind in BRIEF_LISTS}


class BriefListModel(QAbstractTableModel):
    """A table over one list of the brief; edits, moves and drops go through the undo stack."""

    def __init__(self, document: BriefDocument, spec: ListSpec) -> None:
        super().__init__(document)
        self.document = document
        self.spec = spec
        document.reset.connect(self._on_reset)
        document.list_changed.connect(self._on_list_changed)
        document.value_changed.connect(self._on_value_changed)

    # Reading ----------------------------------------------------------------------------

    def items(self) -> list[Any]:
        """The live list this model shows."""
        items: list[Any] = getattr(self.document.brief, self.spec.name)
        return items

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items())

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.spec.columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.spec.columns):
            return self.spec.columns[section].header
        if orientation == Qt.Orientation.Vertical and 0 <= section < self.rowCount():
            return str(section + 1)
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        item = self.items()[index.row()]
        column = self.spec.columns[index.column()]
        value = getattr(item, column.attr)
        edited = self.is_edited(index.row())
        if role == Qt.ItemDataRole.CheckStateRole and column.kind == "check":
            return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if column.kind == "check":
                return None
            if column.kind == "score":
                return f"{float(value):.2f}" if role == Qt.ItemDataRole.DisplayRole else value
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind == "score":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(item, edited)
        if role == Qt.ItemDataRole.FontRole and edited:
            font = QFont()
            font.setItalic(True)
            return font
        check = not edited and needs_check(getattr(item, "confidence", None))
        if role == Qt.ItemDataRole.ForegroundRole and check:
            return QBrush(CHECK_INK)
        if role == Qt.ItemDataRole.ForegroundRole and edited and column.kind != "score" \
                and _light_palette():
            return QBrush(EDITED_COLOUR)  # italics say it too, on any palette
        if role == Qt.ItemDataRole.BackgroundRole and check:
            return QBrush(CHECK_COLOUR)
        # Not colour alone: the first text column carries a named warning icon, and the
        # words "Check this" for screen readers.
        first_text = index.column() == self._first_text_column()
        if role == Qt.ItemDataRole.DecorationRole and check and first_text:
            return check_icon()
        if role == Qt.ItemDataRole.AccessibleTextRole and check and first_text:
            return f"{CHECK_TEXT}: {'' if value is None else value}"
        if role == Qt.ItemDataRole.AccessibleTextRole and edited and first_text:
            return f"Edited: {'' if value is None else value}"
        if role == SpansRole:
            return list(getattr(item, "spans", []))
        if role == EditedRole:
            return edited
        if role == CheckRole:
            return check
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not self._valid(index):
            return base
        flags = base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        flags |= Qt.ItemFlag.ItemIsDragEnabled
        kind = self.spec.columns[index.column()].kind
        if kind == "check":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        elif kind != "score":
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _first_text_column(self) -> int:
        kinds = [c.kind for c in self.spec.columns]
        return next((i for i, k in enumerate(kinds) if k in ("text", "optional")), 0)

    def is_edited(self, row: int) -> bool:
        """True when the user changed the item in ``row`` by hand."""
        return self.document.mark_edited(item_pointer(self.spec.name, row))

    # Writing ----------------------------------------------------------------------------

    def setData(self, index: AnyIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not self._valid(index):
            return False
        column = self.spec.columns[index.column()]
        path = (self.spec.name, index.row(), column.attr)
        if column.kind == "check" and role == Qt.ItemDataRole.CheckStateRole:
            checked = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
            self.document.set_value(path, checked)
            return True
        if role != Qt.ItemDataRole.EditRole or column.kind in ("check", "score"):
            return False
        text = str(value).strip()
        if column.kind == "optional":
            new_value: str | None = text or None
        elif text:
            new_value = text
        else:
            return False
        followers = self._quote_followers(index.row(), column.attr, new_value)
        if not followers:
            self.document.set_value(path, new_value)
            return True
        stack = self.document.undo_stack
        stack.beginMacro(f"Edit {self.spec.noun} and their quotes")
        self.document.set_value(path, new_value)
        for follower_path in followers:
            self.document.set_value(follower_path, new_value)
        stack.endMacro()
        return True

    def _quote_followers(self, row: int, attr: str, value: str | None) -> list[tuple[Any, ...]]:
        """The quote values that follow an edit of a person's name or role: each quote of
        that person still showing the person's old value. A quote whose speaker or role
        differs (edited on the quote itself, or extracted so) keeps its own."""
        if self.spec.name != "people" or attr not in ("name", "role"):
            return []
        brief = self.document.brief
        person = brief.people[row]
        old = getattr(person, attr)
        if old == value:
            return []
        quote_attr = "speaker" if attr == "name" else "speaker_role"
        return [("quotes", i, quote_attr) for i, quote in enumerate(brief.quotes)
                if quote.speaker == person.name and getattr(quote, quote_attr) == old]

    def add_item(self, row: int | None = None) -> int:
        """Insert a new item at ``row`` (default: the end); returns its row."""
        items = list(self.items())
        row = len(items) if row is None else max(0, min(row, len(items)))
        items.insert(row, self.spec.new_item())
        self.document.set_list(self.spec.name, items, f"Add {self.spec.noun}")
        self._mark_new(row)
        return row

    def remove_rows(self, rows: list[int]) -> None:
        """Remove the items in ``rows`` as one undoable step.

        Removed items that came from extraction are dismissed in the same step: their keys
        go to ``Brief.dismissed``, so extracting again does not bring them back (undo
        restores them and forgets the dismissal). Items the user added need no key.
        """
        drop = set(rows)
        items = [item for row, item in enumerate(self.items()) if row not in drop]
        removed = [item for row, item in enumerate(self.items()) if row in drop]
        if removed:
            brief = self.document.brief
            keys = [key for item in removed for key in dismissal_keys(brief, self.spec.name, item)]
            noun = self.spec.noun if len(removed) == 1 else self.spec.title.lower()
            self.document.set_list(self.spec.name, items, f"Remove {noun}", dismiss=keys)

    def move_row(self, source: int, target: int) -> int:
        """Move the item at ``source`` so that it ends at row ``target``; returns that row."""
        items = list(self.items())
        if not 0 <= source < len(items):
            return source
        target = max(0, min(target, len(items) - 1))
        if target == source:
            return source
        item = items.pop(source)
        items.insert(target, item)
        self.document.set_list(self.spec.name, items, f"Move {self.spec.noun}")
        return target

    # Drag and drop within the list ------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROWS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        mime = QMimeData()
        rows = sorted({index.row() for index in indexes if index.isValid()})
        mime.setData(ROWS_MIME, json.dumps({"list": self.spec.name, "rows": rows}).encode())
        return mime

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        return data.hasFormat(ROWS_MIME) and self._dragged_rows(data) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: AnyIndex
    ) -> bool:
        """Reorder: the model moves the rows itself, so the view must not remove them."""
        rows = self._dragged_rows(data)
        if not rows:
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else self.rowCount())
        source = rows[0]
        self.move_row(source, target - 1 if target > source else target)
        return True

    def _dragged_rows(self, data: QMimeData) -> list[int] | None:
        try:
            payload = json.loads(bytes(data.data(ROWS_MIME).data()).decode())
        except (ValueError, UnicodeDecodeError):
            return None
        if payload.get("list") != self.spec.name:
            return None
        return [int(r) for r in payload.get("rows", [])]

    # Keeping in step with the document --------------------------------------------------

    def _on_reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _on_list_changed(self, name: str) -> None:
        if name == self.spec.name:
            self._on_reset()

    def _on_value_changed(self, path: tuple[Any, ...]) -> None:
        if path[0] == self.spec.name and isinstance(path[1], int) and path[1] < self.rowCount():
            row = path[1]
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def _mark_new(self, row: int) -> None:
        pointer = item_pointer(self.spec.name, row)
        if pointer not in self.document.brief.edited:
            self.document.brief.edited.append(pointer)

    def _valid(self, index: AnyIndex) -> bool:
        return (
            index.isValid()
            and not index.parent().isValid()
            and 0 <= index.row() < self.rowCount()
            and 0 <= index.column() < self.columnCount()
        )

    def _tooltip(self, item: Any, edited: bool) -> str:
        spans: list[Span] = getattr(item, "spans", [])
        lines = []
        if spans:
            evidence = self.document.brief.evidence(spans[0])
            if evidence:
                short = evidence if len(evidence) < 300 else evidence[:297] + "..."
                lines.append(f"Source: \u201c{short}\u201d")
        if edited:
            lines.append("Edited by you: kept when extraction runs again.")
        elif needs_check(getattr(item, "confidence", None)):
            lines.append(
                f"Check this: extraction is not sure of it (confidence {item.confidence:.2f})."
            )
        return "\n".join(lines)


class SourcesModel(QAbstractListModel):
    """The brief's sources: title, then publisher and date on a second line."""

    def __init__(self, document: BriefDocument) -> None:
        super().__init__(document)
        self.document = document
        document.reset.connect(self._on_reset)
        document.list_changed.connect(lambda name: self._on_reset() if name == "sources" else None)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.document.brief.sources)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        source = self.document.brief.sources[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            # A source without a date says so: its relative dates wait for one (Details).
            published = source.published[:10] if source.published else "date not known"
            details = " \u00b7 ".join(p for p in (source.publisher, published) if p)
            title = source.title or _first_words(source.text)
            return f"{title}\n{details}"
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [source.title or "Untitled source"]
            lines += [p for p in (source.author, source.url or source.path) if p]
            lines += source.warnings
            return "\n".join(lines)
        if role == Qt.ItemDataRole.UserRole:
            return source.id
        return None

    def source_id(self, row: int) -> str | None:
        """The id of the source in ``row``, or ``None`` when out of range."""
        sources = self.document.brief.sources
        return sources[row].id if 0 <= row < len(sources) else None

    def _on_reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()


def check_icon() -> QIcon:
    """The "check this" mark: the platform's warning icon, named for screen readers."""
    from PySide6.QtWidgets import QStyle  # its enums cost ~10 ms: not before the first paint

    return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)


def _first_words(text: str, limit: int = 60) -> str:
    line = text.strip().split("\n", 1)[0]
    return line if len(line) <= limit else line[: limit - 3].rstrip() + "..."
