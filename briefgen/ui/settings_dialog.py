"""The settings dialog: one editor per option of the typed settings list."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from briefgen.model.user_settings import settings_path
from briefgen.ui.settings import OPTIONS, Option, Settings

# The options whose value is a folder: a Browse button beside them picks one.
FOLDER_OPTIONS = frozenset({"office_templates"})


class FolderDialog:
    """Asks for a folder (Qt's folder dialog); tests monkeypatch ``ask``."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, start: str) -> str | None:
        """The chosen folder, ``None`` when cancelled."""
        folder = QFileDialog.getExistingDirectory(parent, title, start)
        return folder or None


class SettingsDialog(QDialog):
    """Edits the options marked ``editable``; ``values()`` returns what the form holds.

    ``templates``: (id, name) of each template, the choices of options whose
    ``choices_from`` is ``"templates"``.
    """

    def __init__(
        self, settings: Settings, templates: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.setMinimumWidth(440)
        self.editors: dict[str, QWidget] = {}
        self.browse_buttons: dict[str, QPushButton] = {}
        given = {"templates": templates}
        form = QFormLayout()
        for option in OPTIONS:
            if not option.editable:
                continue
            editor = self._editor(option, settings.get(option.key), given)
            editor.setToolTip(option.doc)
            editor.setObjectName(f"setting_{option.key}")
            self.editors[option.key] = editor
            if option.key in FOLDER_OPTIONS and isinstance(editor, QLineEdit):
                label = QLabel(option.label, self)
                label.setBuddy(editor)
                form.addRow(label, self._with_browse(option, editor))
            else:
                form.addRow(option.label, editor)
        note = QLabel("New briefs start with these values; an empty From in the open brief "
                      "is filled too.", self)
        note.setObjectName("hint")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _editor(
        self, option: Option, value: Any, given: dict[str, list[tuple[str, str]]]
    ) -> QWidget:
        """A combo box of the option's choices (with the current value even if it is not
        one of them), or a line of text when it has none."""
        if option.choices_from:
            choices = given.get(option.choices_from, [])
        else:
            choices = [(choice, option.choice_label(choice)) for choice in option.choices]
        if not choices:
            return QLineEdit(value, self)
        combo = QComboBox(self)
        for choice, label in choices:
            combo.addItem(label, choice)
        if combo.findData(value) < 0:
            combo.addItem(option.choice_label(value), value)
        combo.setCurrentIndex(combo.findData(value))
        return combo

    def _with_browse(self, option: Option, editor: QLineEdit) -> QWidget:
        """``editor`` with a Browse button that fills it with a chosen folder."""
        row = QWidget(self)
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        editor.setParent(row)
        editor.setPlaceholderText("None")
        button = QPushButton("&Browse\u2026", row)
        button.setObjectName(f"browse_{option.key}")
        button.setAccessibleName(f"Browse for the {option.label.lower()}")
        button.setToolTip(f"Choose the {option.label.lower()}")
        button.clicked.connect(lambda: self._browse(option, editor))
        layout.addWidget(editor, 1)
        layout.addWidget(button)
        self.browse_buttons[option.key] = button
        return row

    def _browse(self, option: Option, editor: QLineEdit) -> None:
        folder = FolderDialog.ask(self, option.label, editor.text())
        if folder:
            editor.setText(folder)

    def values(self) -> dict[str, Any]:
        """The option values in the form, by key."""
        result: dict[str, Any] = {}
        for key, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                result[key] = editor.currentData()
            elif isinstance(editor, QLineEdit):
                result[key] = editor.text().strip()
        return result

    @classmethod
    def ask(
        cls, parent: QWidget | None, settings: Settings, templates: list[tuple[str, str]]
    ) -> dict[str, Any] | None:
        """Show the dialog; the new values, or ``None`` when cancelled."""
        dialog = cls(settings, templates, parent)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None


def apply_settings(settings: Settings, values: dict[str, Any]) -> str | None:
    """Store the values the dialog returned; a sentence saying what could not be stored (the
    settings file's folder not writable), else None."""
    failed: list[str] = []
    for key, value in values.items():
        try:
            settings.set(key, value)
        except OSError as exc:
            failed.append(f"{key} ({exc.strerror or exc})")
    if failed:
        return (f"These settings could not be saved in {settings_path()}: "
                f"{', '.join(failed)}.")
    return None
