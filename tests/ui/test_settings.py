"""Tests for briefgen/ui/settings.py: typed options, defaults not stored, recent files."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from briefgen.model import DEFAULT_TEMPLATE
from briefgen.model.user_settings import UserSettings, load_user_settings
from briefgen.ui import settings as settings_module
from briefgen.ui.settings import MAX_RECENT_FILES, OPTIONS, Option, Settings


@pytest.fixture
def store(tmp_path):  # type: ignore[no-untyped-def]
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_every_option_is_documented_and_unset_options_read_their_default(store):
    settings = Settings(store)
    for option in OPTIONS:
        assert option.doc.endswith("."), option.key
        assert settings.get(option.key) == option.default
    assert settings.get("default_template") == DEFAULT_TEMPLATE


def test_a_value_equal_to_the_default_is_not_stored(store):
    settings = Settings(store)
    settings.set("export_format", ".pdf")
    assert store.contains("export_format")
    settings.set("export_format", ".docx")
    assert not store.contains("export_format")


def test_what_changes_the_written_memo_is_kept_in_the_plain_settings_file(store, tmp_path):
    user_file = tmp_path / "config" / "settings.json"
    settings = Settings(store, user_file)
    settings.set("author_name", "Ada Lane")
    settings.set("language", "en-US")
    assert not store.contains("author_name")
    assert load_user_settings(user_file) == UserSettings(author_name="Ada Lane",
                                                         language="en-US")
    settings.set("author_name", "")
    assert "author_name" not in user_file.read_text(encoding="utf-8")


def test_a_name_an_earlier_version_kept_in_qsettings_moves_to_the_file(store, tmp_path):
    store.setValue("author_name", "Ada Lane")
    user_file = tmp_path / "settings.json"
    settings = Settings(store, user_file)
    assert settings.get("author_name") == "Ada Lane"
    assert not store.contains("author_name")
    assert load_user_settings(user_file).author_name == "Ada Lane"


def test_values_survive_a_new_store_on_the_same_file(tmp_path, store):
    Settings(store).set("office", "Europe Desk")
    again = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    assert again.get("office") == "Europe Desk"


def test_a_value_of_the_wrong_type_is_refused(store):
    with pytest.raises(TypeError):
        Settings(store).set("office", 3)


def test_recent_files_put_the_newest_first_without_duplicates_and_are_capped(store):
    settings = Settings(store)
    for number in range(MAX_RECENT_FILES + 2):
        settings.add_recent_file(f"/briefs/{number}.brief")
    recent = settings.add_recent_file("/briefs/4.brief")
    assert recent[0] == "/briefs/4.brief"
    assert len(recent) == MAX_RECENT_FILES
    assert recent.count("/briefs/4.brief") == 1
    assert settings.get("recent_files") == recent


def test_the_from_line_joins_name_and_office(store):
    settings = Settings(store)
    assert settings.from_line() == ""
    settings.set("office", "Europe Desk")
    assert settings.from_line() == "Europe Desk"
    settings.set("author_name", "Ada Lane")
    assert settings.from_line() == "Ada Lane, Europe Desk"


def test_an_option_that_is_not_persisted_lasts_only_as_long_as_the_app(store, monkeypatch):
    scratch = Option("scratch", str, "", "Scratch", "A value for this run only.", persisted=False)
    monkeypatch.setitem(settings_module.OPTIONS_BY_KEY, "scratch", scratch)
    settings = Settings(store)
    settings.set("scratch", "kept for now")
    assert settings.get("scratch") == "kept for now"
    assert not store.contains("scratch")
    assert Settings(store).get("scratch") == ""


def test_only_what_the_user_sets_is_editable():
    editable = {option.key for option in OPTIONS if option.editable}
    assert editable == {"author_name", "office", "language", "default_template",
                        "date_format", "default_marking", "office_templates"}
