"""Tests for briefgen/ui/settings_dialog.py: the form edits the typed options."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QLineEdit

from briefgen.ui.settings import DATE_FORMATS, OPTIONS, Settings
from briefgen.ui.settings_dialog import SettingsDialog, apply_settings

TEMPLATES = [("information-memo", "Information memo"), ("decision-memo", "Decision memo")]


def test_the_dialog_shows_current_values_and_returns_the_edited_ones(qtbot, tmp_path, screenshots):
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    settings.set("office", "Europe Desk")
    dialog = SettingsDialog(settings, TEMPLATES)
    qtbot.addWidget(dialog)
    office = dialog.editors["office"]
    assert isinstance(office, QLineEdit)
    assert office.text() == "Europe Desk"
    name = dialog.editors["author_name"]
    assert isinstance(name, QLineEdit)
    qtbot.keyClicks(name, "Ada Lane")
    template = dialog.editors["default_template"]
    assert isinstance(template, QComboBox)
    template.setCurrentIndex(template.findData("decision-memo"))
    marking = dialog.editors["default_marking"]
    assert isinstance(marking, QComboBox)
    marking.setCurrentText("OFFICIAL")
    date_format = dialog.editors["date_format"]
    assert isinstance(date_format, QComboBox)
    assert date_format.currentText() == "13 March 2026"
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(screenshots / "11-settings.png"))
    values = dialog.values()
    assert values["author_name"] == "Ada Lane"
    assert values["default_template"] == "decision-memo"
    assert values["default_marking"] == "OFFICIAL"
    assert values["date_format"] == "%d %B %Y"
    apply_settings(settings, values)
    assert settings.from_line() == "Ada Lane, Europe Desk"
    assert settings.get("default_template") == "decision-memo"


def test_no_marking_is_stored_as_the_empty_default(qtbot, tmp_path):
    store = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(Settings(store), TEMPLATES)
    qtbot.addWidget(dialog)
    assert dialog.values()["default_marking"] == ""
    apply_settings(Settings(store), dialog.values())
    assert not store.contains("default_marking")


def test_each_date_format_is_offered_as_the_memo_writes_it(qtbot, tmp_path):
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    settings.set("date_format", "%Y-%m-%d")
    dialog = SettingsDialog(settings, TEMPLATES)
    qtbot.addWidget(dialog)
    combo = dialog.editors["date_format"]
    assert isinstance(combo, QComboBox)
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels == ["13 March 2026", "March 13, 2026", "2026-03-13", "13/03/2026"]
    assert [combo.itemData(i) for i in range(combo.count())] == list(DATE_FORMATS)
    assert combo.currentText() == "2026-03-13"
    combo.setCurrentIndex(combo.findData("%B %d, %Y"))
    apply_settings(settings, dialog.values())
    assert settings.get("date_format") == "%B %d, %Y"


def test_the_dialog_has_one_editor_per_editable_option_and_keeps_an_unknown_value(
    qtbot, tmp_path
):
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    settings.set("default_marking", "SECRET//REL")
    dialog = SettingsDialog(settings, TEMPLATES)
    qtbot.addWidget(dialog)
    assert list(dialog.editors) == [o.key for o in OPTIONS if o.editable]
    marking = dialog.editors["default_marking"]
    assert isinstance(marking, QComboBox)
    assert marking.itemText(0) == "(none)"
    assert dialog.values()["default_marking"] == "SECRET//REL"


def test_the_office_folder_is_chosen_with_a_browse_button(qtbot, tmp_path, monkeypatch):
    from briefgen.ui import settings_dialog

    from .conftest import answer

    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    dialog = SettingsDialog(settings, TEMPLATES)
    qtbot.addWidget(dialog)
    asked = answer(monkeypatch, settings_dialog.FolderDialog, str(tmp_path / "office"))
    dialog.browse_buttons["office_templates"].click()
    assert len(asked) == 1
    assert dialog.values()["office_templates"] == str(tmp_path / "office")
    answer(monkeypatch, settings_dialog.FolderDialog, None)  # cancelled: the folder stays
    dialog.browse_buttons["office_templates"].click()
    assert dialog.values()["office_templates"] == str(tmp_path / "office")
