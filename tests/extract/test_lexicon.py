"""Shared text helpers: datelines, canonical names, name keys."""

from __future__ import annotations

import pytest

from briefgen.extract.lexicon import canonical_name, dateline_length, name_key


@pytest.mark.parametrize(
    ("text", "dateline"),
    [
        (
            "GENEVA, March 13 (Meridian Wire) - Senior diplomats met.",
            "GENEVA, March 13 (Meridian Wire) - ",
        ),
        ("WASHINGTON (AP) \u2014 The Senate voted.", "WASHINGTON (AP) \u2014 "),
        ("NEW YORK - Stocks fell.", "NEW YORK - "),
        ("The Senate voted - narrowly.", ""),
        ("Senior diplomats met in Geneva.", ""),
    ],
)
def test_dateline_length(text, dateline):
    assert text[: dateline_length(text)] == dateline


def test_canonical_name_drops_articles_possessives_and_spacing():
    assert canonical_name("the Foreign Ministry's") == "Foreign Ministry"
    assert canonical_name("  the  World\nBank\u2019s ") == "World Bank"
    assert canonical_name("Geneva,") == "Geneva"


def test_name_key_ignores_case_honorifics_and_dots():
    assert name_key("Mr. Barack Obama") == "barack obama"
    assert name_key("Dr Ilse  VARGA") == "ilse varga"
