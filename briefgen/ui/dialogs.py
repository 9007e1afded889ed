"""Small modal questions, each behind a classmethod ``ask`` that tests replace."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

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
    """Offer the autosaved briefs left by windows that closed without saving (a crash)."""

    @classmethod
    def ask(cls, parent: QWidget | None, offers: list[str]) -> tuple[str, int]:
        """``("recover", i)`` or ``("discard", i)`` for the ``i``-th of ``offers`` (one line
        each: subject, file, time), or ``("later", -1)`` to keep them all for the next start.
        """
        dialog = QDialog(parent)
        dialog.setWindowTitle("Recover unsaved work")
        layout = QVBoxLayout(dialog)
        count = "a brief" if len(offers) == 1 else f"{len(offers)} briefs"
        label = QLabel(f"briefgen did not close normally and left {count} unsaved. Recover "
                       "one into this window, or discard it; the others stay to be offered "
                       "at the next start.", dialog)
        label.setWordWrap(True)
        layout.addWidget(label)
        choices = QListWidget(dialog)
        choices.setAccessibleName("Unsaved briefs")
        choices.addItems(offers)
        for row, offer in enumerate(offers):
            choices.item(row).setToolTip(offer)
        choices.setCurrentRow(0)
        label.setBuddy(choices)
        layout.addWidget(choices)
        buttons = QDialogButtonBox(dialog)
        recover = buttons.addButton("&Recover", QDialogButtonBox.ButtonRole.AcceptRole)
        discard = buttons.addButton("&Discard", QDialogButtonBox.ButtonRole.DestructiveRole)
        later = buttons.addButton("&Later", QDialogButtonBox.ButtonRole.RejectRole)
        recover.setDefault(True)
        layout.addWidget(buttons)
        chosen: list[str] = []

        def choose(name: str) -> None:
            chosen.append(name)
            dialog.done(0)

        for button, name in ((recover, "recover"), (discard, "discard"), (later, "later")):
            button.clicked.connect(lambda _=False, n=name: choose(n))
        _fit_lines(dialog, choices, offers)
        dialog.exec()
        if not chosen or chosen[0] == "later" or choices.currentRow() < 0:
            return ("later", -1)
        return (chosen[0], choices.currentRow())


def _fit_lines(dialog: QDialog, choices: QListWidget, lines: list[str]) -> None:
    """Widen ``dialog`` so that each of ``lines`` shows whole in ``choices``, within 80% of
    the screen's width (a longer line keeps its tooltip)."""
    widest = max((choices.fontMetrics().horizontalAdvance(line) for line in lines), default=0)
    screen = dialog.screen()
    room = int(screen.availableGeometry().width() * 0.8) if screen is not None else 900
    frame = dialog.sizeHint().width() - choices.sizeHint().width()
    needed = widest + 2 * choices.frameWidth() + 24 + max(frame, 24)
    dialog.resize(max(dialog.sizeHint().width(), min(needed, room)), dialog.sizeHint().height())


class ChangedOnDiskDialog:
    """The brief's file changed on disk since this window opened it: what to do on Save."""

    @classmethod
    def ask(cls, parent: QWidget | None, name: str) -> str:
        """``"overwrite"``, ``"save_as"``, ``"reload"`` (drop the edits here) or
        ``"cancel"``."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, "File changed on disk",
            f"{name} was changed on disk (by another window or program) since you opened "
            "it. Overwrite it with this window's brief, save this brief as another file, "
            "or reload the file and drop the changes made here?", parent=parent,
        )
        overwrite = box.addButton("&Overwrite", QMessageBox.ButtonRole.DestructiveRole)
        save_as = box.addButton("Save &As...", QMessageBox.ButtonRole.AcceptRole)
        reload = box.addButton("&Reload", QMessageBox.ButtonRole.ResetRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.exec()
        clicked = box.clickedButton()
        answers = {overwrite: "overwrite", save_as: "save_as", reload: "reload"}
        return next((a for b, a in answers.items() if b is clicked), "cancel")


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
