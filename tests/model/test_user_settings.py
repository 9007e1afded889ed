"""The plain settings file: what is written (name, office, language) read alike everywhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefgen.model import user_settings
from briefgen.model.user_settings import (
    UserSettings,
    document_language,
    load_user_settings,
    save_user_settings,
    settings_path,
)


def test_settings_survive_a_save_and_load(tmp_path: Path) -> None:
    path = tmp_path / "config" / "settings.json"
    saved = UserSettings(author_name="Ana Kovač", office="Policy Unit", language="fr-FR")
    save_user_settings(saved, path)
    assert load_user_settings(path) == saved


def test_values_left_at_their_default_are_not_stored(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    save_user_settings(UserSettings(author_name="Ana"), path)
    assert path.read_text(encoding="utf-8").count(":") == 1


@pytest.mark.parametrize("content", [b"", b"{not json", b"[1, 2]", b'{"author_name": 7}',
                                     b"\xff\xfe\x00", b'{"language": "' + b"x" * 70000 + b'"}'])
def test_a_broken_settings_file_gives_the_defaults(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    assert load_user_settings(path) == UserSettings()


def test_a_missing_file_gives_the_defaults(tmp_path: Path) -> None:
    assert load_user_settings(tmp_path / "nothing-here.json") == UserSettings()


def test_the_environment_can_name_another_file(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BRIEFGEN_SETTINGS_FILE", str(tmp_path / "office.json"))
    assert settings_path() == tmp_path / "office.json"


def test_the_language_is_the_override_then_the_setting_then_the_system_then_en_gb(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(user_settings, "system_language", lambda: "de-AT")
    assert document_language(UserSettings(language="fr-FR"), "es-ES") == "es-ES"
    assert document_language(UserSettings(language="fr-FR")) == "fr-FR"
    assert document_language(UserSettings()) == "de-AT"
    monkeypatch.setattr(user_settings, "system_language", lambda: None)
    assert document_language(UserSettings()) == "en-GB"
    assert document_language(UserSettings(language="not a tag!")) == "en-GB"


@pytest.mark.parametrize(("lang", "expected"), [
    ("en_US.UTF-8", "en-US"), ("fr_CA", "fr-CA"), ("C", None), ("POSIX", None),
    ("C.UTF-8", None),
])
def test_the_system_language_comes_from_the_locale(
    monkeypatch: pytest.MonkeyPatch, lang: str, expected: str | None,
) -> None:
    monkeypatch.setattr(user_settings.locale, "getlocale", lambda: (None, None))
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", lang)
    assert user_settings.system_language() == expected
