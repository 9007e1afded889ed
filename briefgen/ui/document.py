"""The open brief: the Brief being edited, its file, and undoable changes through QUndoStack."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from briefgen.model import Brief, is_list_name
from briefgen.model.edits import Path, pointer_of, remap_edited

_TYPING_COMMAND_ID = 1001


def get_value(brief: Brief, path: Path) -> Any:
    """The value at ``path`` inside ``brief``; a header field the brief lacks is ``None``."""
    node: Any = brief
    for key in path:
        if isinstance(node, dict):
            node = node.get(key)
        elif isinstance(key, int):
            node = node[key]
        else:
            node = getattr(node, key)
    return node


def set_value(brief: Brief, path: Path, value: Any) -> None:
    """Put ``value`` at ``path`` inside ``brief``; ``None`` removes a header field."""
    parent = get_value(brief, path[:-1])
    key = path[-1]
    if isinstance(parent, dict) and value is None:
        parent.pop(key, None)
    elif isinstance(parent, dict | list):
        parent[key] = value  # type: ignore[index]
    else:
        setattr(parent, str(key), value)


class BriefDocument(QObject):
    """The brief in the window. Every change goes through ``undo_stack``.

    Signals: ``reset`` when the whole brief is replaced (open, extraction, source
    removal), ``list_changed(name)`` when a list gains, loses or reorders items,
    ``value_changed(path)`` for one value, and ``changed`` after any of them.
    ``path`` is the .brief file, ``None`` until it is first saved.
    """

    reset = Signal()
    list_changed = Signal(str)
    value_changed = Signal(object)
    changed = Signal()
    path_changed = Signal()

    def __init__(self, brief: Brief | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._brief = brief if brief is not None else Brief()
        self._path: str | None = None
        self.revision = 0
        self.undo_stack = QUndoStack(self)

    @property
    def brief(self) -> Brief:
        """The live Brief (read it freely; change it only through this class)."""
        return self._brief

    @property
    def path(self) -> str | None:
        """The .brief file this brief was opened from or saved to."""
        return self._path

    def set_path(self, path: str | None) -> None:
        """Record the file the brief now belongs to."""
        self._path = path
        self.path_changed.emit()

    def snapshot(self) -> Brief:
        """A deep copy safe to hand to a worker thread."""
        return copy.deepcopy(self._brief)

    def is_modified(self) -> bool:
        """True when there are changes since the last save (or since opening)."""
        return not self.undo_stack.isClean()

    def mark_saved(self) -> None:
        """The brief on screen now equals the file."""
        self.undo_stack.setClean()

    def load(self, brief: Brief, path: str | None) -> None:
        """Show another brief (New, Open, Recover): not undoable, clears the history."""
        self.undo_stack.clear()
        self._brief = brief
        self._path = path
        self._announce_reset()
        self.path_changed.emit()

    # Undoable edits -------------------------------------------------------------------

    def set_value(self, path: Path, value: Any, *, typing: bool = False) -> None:
        """Change one value; ``typing`` merges consecutive edits of the same value."""
        if get_value(self._brief, path) == value:
            return
        self.undo_stack.push(_SetValueCommand(self, path, value, typing))

    def set_list(
        self, name: str, items: list[Any], text: str, *, dismiss: Sequence[str] = ()
    ) -> None:
        """Replace list ``name`` by ``items`` (add, remove, reorder), keeping edit marks.

        ``dismiss``: item keys to add to ``Brief.dismissed`` in the same undoable step
        (the user removed those extracted items; extraction must not bring them back).
        """
        self.undo_stack.push(_SetListCommand(self, name, items, text, dismiss))

    def replace(self, brief: Brief, text: str) -> QUndoCommand:
        """Replace the whole brief (extraction, source removal, template switch); returns
        the undo step, which ``amend`` can later complete."""
        step = _ReplaceCommand(self, brief, text)
        self.undo_stack.push(step)
        return step

    def amend(self, step: QUndoCommand, brief: Brief) -> bool:
        """Make ``brief`` the result of ``step`` (from ``replace``) when it is still the last
        change applied, so that one undo takes the whole of it back (adding a source and
        extracting from it); False, and nothing changed, otherwise."""
        stack = self.undo_stack
        top = stack.index() - 1
        if top < 0 or stack.command(top) is not step or not isinstance(step, _ReplaceCommand):
            return False
        was_clean = stack.isClean()
        step.new = brief
        self._apply_brief(brief)
        if was_clean:
            stack.resetClean()  # saved before the step was complete: the file is behind
        return True

    def is_applied(self, step: QUndoCommand) -> bool:
        """True while ``step`` is on the undo stack and not undone."""
        stack = self.undo_stack
        return any(stack.command(index) is step for index in range(stack.index()))

    def mark_edited(self, pointer: str) -> bool:
        """True when the user edited the item or field at ``pointer``."""
        return pointer in self._brief.edited

    # Used by the commands --------------------------------------------------------------

    def _apply_value(self, path: Path, value: Any, edited: list[str]) -> None:
        set_value(self._brief, path, value)
        self._brief.edited = edited
        self.revision += 1
        self.value_changed.emit(path)
        self.changed.emit()

    def _apply_list(
        self, name: str, items: list[Any], edited: list[str], dismissed: list[str]
    ) -> None:
        setattr(self._brief, name, items)
        self._brief.edited = edited
        self._brief.dismissed = dismissed
        self.revision += 1
        self.list_changed.emit(name)
        self.changed.emit()

    def _apply_brief(self, brief: Brief) -> None:
        self._brief = brief
        self._announce_reset()

    def _announce_reset(self) -> None:
        self.revision += 1
        self.reset.emit()
        self.changed.emit()


class _SetValueCommand(QUndoCommand):
    def __init__(self, doc: BriefDocument, path: Path, value: Any, typing: bool) -> None:
        super().__init__(f"Edit {_describe(path)}")
        self.doc = doc
        self.path = path
        self.old = get_value(doc.brief, path)
        self.new = value
        self.typing = typing
        self.old_edited = list(doc.brief.edited)
        pointer = pointer_of(path)
        self.new_edited = self.old_edited + ([] if pointer in self.old_edited else [pointer])

    def id(self) -> int:
        return _TYPING_COMMAND_ID if self.typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _SetValueCommand) or other.path != self.path:
            return False
        self.new = other.new
        return True

    def redo(self) -> None:
        self.doc._apply_value(self.path, self.new, self.new_edited)

    def undo(self) -> None:
        self.doc._apply_value(self.path, self.old, self.old_edited)


class _SetListCommand(QUndoCommand):
    def __init__(
        self, doc: BriefDocument, name: str, items: list[Any], text: str, dismiss: Sequence[str]
    ) -> None:
        super().__init__(text)
        self.doc = doc
        self.name = name
        self.old: list[Any] = getattr(doc.brief, name)
        self.new = items
        self.old_edited = list(doc.brief.edited)
        self.new_edited = remap_edited(self.old_edited, name, self.old, items)
        self.old_dismissed = list(doc.brief.dismissed)
        self.new_dismissed = list(dict.fromkeys([*self.old_dismissed, *dismiss]))

    def redo(self) -> None:
        self.doc._apply_list(self.name, self.new, self.new_edited, self.new_dismissed)

    def undo(self) -> None:
        self.doc._apply_list(self.name, self.old, self.old_edited, self.old_dismissed)


class _ReplaceCommand(QUndoCommand):
    def __init__(self, doc: BriefDocument, brief: Brief, text: str) -> None:
        super().__init__(text)
        self.doc = doc
        self.old = doc.brief
        self.new = brief

    def redo(self) -> None:
        self.doc._apply_brief(self.new)

    def undo(self) -> None:
        self.doc._apply_brief(self.old)


def _describe(path: Path) -> str:
    if path[0] == "fields":
        return str(path[1]).replace("_", " ")
    if is_list_name(path[0]):
        return f"{str(path[0]).replace('_', ' ')} {path[-1]}".replace("_", " ")
    return str(path[0])
