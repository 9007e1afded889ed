"""Small modal questions, each behind a classmethod ``ask`` that tests replace."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

ARTICLE_FILTER = (
    "Articles (*.txt *.md *.html *.htm *.docx *.pdf *.eml *.msg *.rtf *.odt);;All files (*)"
)
BRIEF_FILTER = "Briefs (*.brief)"
OPEN_FILTER = f"{BRIEF_FILTER};;{ARTICLE_FILTER}"
# Each export format, and all of them: a second export sees the files the first one wrote.
EXPORT_FILTERS = {
    ".docx": "Word document (*.docx)", ".html": "Web page (*.html)", ".pdf": "PDF (*.pdf)",
}
ALL_MEMOS_FILTER = "All memo formats (*.docx *.html *.pdf)"
EXPORT_FILTER = ";;".join([*EXPORT_FILTERS.values(), ALL_MEMOS_FILTER])
TEMPLATE_PACKAGE_FILTER = "Brief templates (*.brieftemplate)"


class ConfirmDialog:
    """A yes/no question with a named action button."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, question: str, action: str) -> bool:
        """True when the user chose ``action``."""
        box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
        confirm = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is confirm


class UnsavedChangesDialog:
    """Save, discard or cancel before the brief is closed or replaced."""

    @classmethod
    def ask(cls, parent: QWidget | None, name: str) -> str:
        """``"save"``, ``"discard"`` or ``"cancel"``."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, "Unsaved changes",
            f"Save the changes to {name} before closing it?", parent=parent,
        )
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return "save"
        if answer == QMessageBox.StandardButton.Discard:
            return "discard"
        return "cancel"


class RecoverDialog:
    """Offer the autosaved brief left by a session that ended without closing."""

    @classmethod
    def ask(cls, parent: QWidget | None, description: str) -> bool:
        """True to recover, False to discard the autosave."""
        box = QMessageBox(
            QMessageBox.Icon.Question, "Recover unsaved work",
            f"briefgen did not close normally last time. Recover the unsaved brief "
            f"({description})?", parent=parent,
        )
        recover = box.addButton("Recover", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(recover)
        box.exec()
        return box.clickedButton() is recover


class OpenFilesDialog:
    """Choose one or several existing files."""

    @classmethod
    def ask(
        cls, parent: QWidget | None, title: str, file_filter: str, start: str = "",
    ) -> list[str]:
        """The chosen paths (empty when cancelled); the dialog opens in folder ``start``
        ("" : Qt's choice, the program's working folder)."""
        paths, _ = QFileDialog.getOpenFileNames(parent, title, start, file_filter)
        return list(paths)


class SaveFileDialog:
    """Choose where to write a file."""

    @classmethod
    def ask(
        cls, parent: QWidget | None, title: str, suggested: str, file_filter: str,
        selected_filter: str = "",
    ) -> str | None:
        """The chosen path, ``None`` when cancelled. ``suggested`` may include the folder to
        start in; ``selected_filter`` is the filter shown first ("": the first one)."""
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, file_filter,
                                              selected_filter)
        return path or None


class TextDialog:
    """Ask for one line of text (a web address, a template name)."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
        """The stripped text, ``None`` when cancelled or empty."""
        value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
        value = value.strip()
        return value if ok and value else None
