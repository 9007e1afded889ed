"""The one "same text" rule and its named variant for organisation and place names."""

from __future__ import annotations

import pytest

from briefgen.text.normalise import entity_key, same_text, text_key


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("  Talks   will resume\nin May. ", "talks will resume in may"),
        ("\u201cWe made real progress today,\u201d", "we made real progress today"),
        ("Anika Solberg\u2019s", "anika solberg's"),
        ("Franco\u2013German talks", "franco-german talks"),
        ("\uff21nika", "anika"),  # full-width letters fold (NFKC)
        ("...", ""),
    ],
)
def test_the_key_folds_case_spacing_marks_and_edge_punctuation(text: str, key: str) -> None:
    assert text_key(text) == key


def test_same_text_ignores_case_spacing_and_punctuation_but_not_words() -> None:
    summary = "Senior diplomats met in Geneva, agreeing to meet again."
    assert same_text(summary, "SENIOR DIPLOMATS MET IN GENEVA AGREEING TO MEET AGAIN")
    assert same_text("Talks resume", "\u201cTalks  resume.\u201d")
    assert not same_text(summary, "Senior diplomats met in Geneva.")
    assert not same_text("", "")
    assert not same_text("--", "")


def test_an_entity_key_ignores_full_stops_in_abbreviations() -> None:
    assert entity_key("U.S.") == entity_key("US") == "us"
    assert entity_key("the U.N. Security Council") == "the un security council"
    assert text_key("U.S.") != text_key("US")


def test_same_text_keeps_the_words_of_short_texts_only() -> None:
    from briefgen.text import normalise

    short = "The two sides will meet again in May."
    long = "The talks went on. " * 200  # longer than what is kept
    assert normalise.same_text(short, "the two sides WILL meet again in May")
    assert normalise.same_text(long, long.upper())
    assert not normalise.same_text(long, short)
    info = normalise._cached_words.cache_info
    hits = info().hits
    normalise._words(short)
    assert info().hits == hits + 1  # worked out once, then kept
    normalise._words(long)
    normalise._words(long)
    assert info().hits == hits + 1  # never kept
