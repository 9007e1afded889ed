"""Shared text helpers: canonical names, name keys."""

from __future__ import annotations

from briefgen.extract.lexicon import canonical_name, name_key


def test_canonical_name_drops_articles_possessives_and_spacing():
    assert canonical_name("the Foreign Ministry's") == "Foreign Ministry"
    assert canonical_name("  the  World\nBank\u2019s ") == "World Bank"
    assert canonical_name("Geneva,") == "Geneva"


def test_name_key_ignores_case_honorifics_and_dots():
    assert name_key("Mr. Barack Obama") == "barack obama"
    assert name_key("Dr Ilse  VARGA") == "ilse varga"
