"""The settings dialog: one editor per option of the typed settings list."""

from __future__ import annotations

import datetime
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from briefgen.ui.settings import OPTIONS, Settings

EDITABLE = ("author_name", "office", "default_template", "date_format", "default_marking")


class SettingsDialog(QDialog):
    """Edits the user's options; ``values()`` returns what the form holds."""

    def __init__(
        self, settings: Settings, templates: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setMinimumWidth(440)
        self.editors: dict[str, QWidget] = {}
        form = QFormLayout()
        for option in OPTIONS:
            if option.key not in EDITABLE:
                continue
            value = settings.get(option.key)
            editor: QWidget
            if option.key == "default_template":
                combo = QComboBox(self)
                for template_id, name in templates:
                    combo.addItem(name, template_id)
                if combo.findData(value) < 0:
                    combo.addItem(value, value)
                combo.setCurrentIndex(combo.findData(value))
                editor = combo
            elif option.key == "date_format":
                from briefgen.render import long_date  # memos write dates this way

                combo = QComboBox(self)
                example = datetime.date(2026, 3, 13)
                for pattern in option.choices:
                    combo.addItem(long_date(example, pattern), pattern)
                if combo.findData(value) < 0:
                    combo.addItem(long_date(example, value), value)
                combo.setCurrentIndex(combo.findData(value))
                editor = combo
            elif option.choices:
                combo = QComboBox(self)
                combo.addItems([c or "(none)" for c in option.choices])
                combo.setCurrentText(value or "(none)")
                editor = combo
            else:
                line = QLineEdit(value, self)
                editor = line
            editor.setToolTip(option.doc)
            editor.setObjectName(f"setting_{option.key}")
            form.addRow(option.label, editor)
            self.editors[option.key] = editor
        note = QLabel("New briefs start with these values.", self)
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

    def values(self) -> dict[str, Any]:
        """The option values in the form, by key."""
        result: dict[str, Any] = {}
        for key, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                data = editor.currentData() if key in ("default_template", "date_format") else None
                text = editor.currentText()
                result[key] = data if data is not None else ("" if text == "(none)" else text)
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


def apply_settings(settings: Settings, values: dict[str, Any]) -> None:
    """Store the values the dialog returned."""
    for key, value in values.items():
        settings.set(key, value)
