"""The dialog where the user sets a source's title, publisher and publication date."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from briefgen.model.source_details import SourceDetails

DATE_HINT = (
    "Relative dates in the text (\u201cThursday\u201d, \u201clast week\u201d) are read "
    "against the publication date; changing it finds their calendar dates again, keeping "
    "the ones you set yourself."
)


class SourceDetailsDialog(QDialog):
    """Title, publisher and publication date of one source, pre-filled from ``details``.

    The date is picked from a calendar; "Date known" unticked means the text gives none.
    ``start_date`` is where the calendar opens when no date is known (the day the text
    was pasted, else today).
    """

    def __init__(
        self, details: SourceDetails, start_date: dt.date | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Source details")
        self.title = QLineEdit(details.title or "", self)
        self.title.setAccessibleName("Title")
        self.title.setPlaceholderText("The article's headline")
        self.publisher = QLineEdit(details.publisher or "", self)
        self.publisher.setAccessibleName("Publisher")
        self.publisher.setPlaceholderText("Newspaper, agency or office")
        self.known = QCheckBox("Date known", self)
        self.known.setAccessibleName("Publication date known")
        self.date = QDateEdit(self)
        self.date.setAccessibleName("Publication date")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        day = dt.date.fromisoformat(details.published) if details.published else (
            start_date or dt.date.today())
        self.date.setDate(QDate(day.year, day.month, day.day))
        self.known.setChecked(details.published is not None)
        self.date.setEnabled(details.published is not None)
        self.known.toggled.connect(self.date.setEnabled)
        date_row = QHBoxLayout()
        date_row.addWidget(self.date, 1)
        date_row.addWidget(self.known)
        hint = QLabel(DATE_HINT, self)
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Title:", self.title)
        form.addRow("&Publisher:", self.publisher)
        form.addRow("Publication &date:", date_row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(440)
        for label_of, field in ((form.labelForField(self.title), self.title),
                                (form.labelForField(self.publisher), self.publisher)):
            if isinstance(label_of, QLabel):
                label_of.setBuddy(field)
        date_label = form.labelForField(date_row)
        if isinstance(date_label, QLabel):
            date_label.setBuddy(self.date)

    def details(self) -> SourceDetails:
        """What the dialog shows now."""
        published = self.date.date().toString("yyyy-MM-dd") if self.known.isChecked() else None
        return SourceDetails(self.title.text(), self.publisher.text(), published)

    @classmethod
    def ask(
        cls, parent: QWidget | None, details: SourceDetails, start_date: dt.date | None = None,
    ) -> SourceDetails | None:
        """The details the user confirmed, ``None`` when cancelled."""
        dialog = cls(details, start_date, parent)
        return dialog.details() if dialog.exec() == QDialog.DialogCode.Accepted else None
