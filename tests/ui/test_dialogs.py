"""Tests for briefgen/ui/dialogs.py: the recovery and changed-on-disk questions, driven for
real (the other tests replace their ``ask``)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QListWidget, QWidget

from briefgen.ui import dialogs

# Taken before the autouse fixture replaces every ``ask`` for the other tests.
RECOVER_ASK = dialogs.RecoverDialog.ask
CHANGED_ASK = dialogs.ChangedOnDiskDialog.ask


def when_shown(act: Callable[[QWidget], None]) -> None:
    """Run ``act`` on the modal dialog once it is up."""
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, poll)
            return
        act(dialog)

    QTimer.singleShot(0, poll)


def click(dialog: QWidget, text: str) -> None:
    button = next(b for b in dialog.findChildren(QAbstractButton)
                  if b.text().replace("&", "") == text)
    button.click()


def test_the_recovery_dialog_lists_every_offer_and_discards_the_chosen_one(qapp):
    offers = ["Talks (from a.brief, autosaved 07 Dec 2026 14:05:00)",
              "Visit (never saved, autosaved 07 Dec 2026 14:06:00)"]
    seen: list[list[str]] = []

    def choose_second_and_discard(dialog: QWidget) -> None:
        box = dialog.findChild(QListWidget)
        seen.append([box.item(i).text() for i in range(box.count())])
        box.setCurrentRow(1)
        click(dialog, "Discard")

    when_shown(choose_second_and_discard)
    assert RECOVER_ASK(None, offers) == ("discard", 1)
    assert seen == [offers]


def test_the_recovery_dialog_recovers_the_first_by_default_and_later_keeps_all(qapp):
    when_shown(lambda dialog: click(dialog, "Recover"))
    assert RECOVER_ASK(None, ["Talks (never saved)"]) == ("recover", 0)
    when_shown(lambda dialog: click(dialog, "Later"))
    assert RECOVER_ASK(None, ["Talks (never saved)"]) == ("later", -1)


def test_the_changed_on_disk_question_names_the_file_and_gives_each_answer(qapp):
    for label, expected in (("Overwrite", "overwrite"), ("Save As...", "save_as"),
                            ("Reload", "reload"), ("Cancel", "cancel")):
        texts: list[str] = []

        def answer(dialog: QWidget, label: str = label, texts: list[str] = texts) -> None:
            texts.append(dialog.text())
            click(dialog, label)

        when_shown(answer)
        assert CHANGED_ASK(None, "shared.brief") == expected
        assert "shared.brief was changed on disk" in texts[0]


def test_the_recovery_dialog_is_wide_enough_to_show_each_offer_whole(qapp):
    offer = ("Norvalia and Estrava hold first direct talks in six years on reopening embassies "
             "(never saved, autosaved 07 Dec 2026 14:05:00)")
    widths: list[tuple[int, int, int, int]] = []
    tips: list[str] = []

    def measure_then_later(dialog: QWidget) -> None:
        box = dialog.findChild(QListWidget)
        room = int(dialog.screen().availableGeometry().width() * 0.8)
        widths.append((box.viewport().width(), box.fontMetrics().horizontalAdvance(offer),
                       dialog.width(), room))
        tips.append(box.item(0).toolTip())
        click(dialog, "Later")

    when_shown(measure_then_later)
    assert RECOVER_ASK(None, [offer]) == ("later", -1)
    shown, needed, width, room = widths[0]
    assert shown >= needed or width == room  # whole, or as wide as the screen allows
    assert tips == [offer]
