"""Stripping the characters XML forbids, so a stray control character cannot corrupt a file."""

from __future__ import annotations

from briefgen.render.textclean import clean_value, one_line, strip_forbidden


def test_control_characters_are_removed_but_tabs_and_newlines_stay() -> None:
    assert strip_forbidden("a\x00b\x07c\x1b\td\ne\rf\x0b\x0c") == "abc\td\ne\rf"


def test_non_characters_and_lone_surrogates_are_removed() -> None:
    assert strip_forbidden("x\ufffey\uffffz\ud800") == "xyz"


def test_emoji_and_non_latin_text_are_kept() -> None:
    text = "Geneva 🇨🇭 日内瓦 جنيف ז'נבה"
    assert strip_forbidden(text) == text


def test_clean_value_cleans_nested_lists_and_tables() -> None:
    value = {"rows": [{"name": "A\x01"}, "b\x02"], "n": 3, "flag": True}
    assert clean_value(value) == {"rows": [{"name": "A"}, "b"], "n": 3, "flag": True}


def test_one_line_folds_whitespace() -> None:
    assert one_line("  a\n b\t\tc ") == "a b c"
