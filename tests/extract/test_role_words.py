"""Title words, including a one-letter slip of one written after another title word."""

from __future__ import annotations

from briefgen.extract.entities import PERSON, find_mentions
from briefgen.extract.role_words import is_title_word


def test_a_misspelt_title_after_a_title_word_is_a_title_and_not_a_person(parse):
    parsed = parse("He held talks with the Crown Prince and Prime Minster of Norland.")
    minster = next(t for _, t in parsed.tokens() if t.text == "Minster")
    assert is_title_word(minster)
    assert [m.text for m in find_mentions(parsed) if m.kind == PERSON] == []


def test_a_surname_close_to_a_title_word_without_a_title_before_it_is_not_a_title(parse):
    parsed = parse("Anna Mayer said the plan was sound.")
    mayer = next(t for _, t in parsed.tokens() if t.text == "Mayer")
    assert not is_title_word(mayer)
