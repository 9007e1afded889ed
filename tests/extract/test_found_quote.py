"""Found quotes: a quotation's extent across its pieces, and the scale of speaker sureness."""

from __future__ import annotations

from briefgen.extract.found_quote import (
    SURE_GUESS,
    SURE_NAMED,
    SURE_NONE,
    SURE_PRONOUN_FAR,
    SURE_PRONOUN_NEAR,
    FoundQuote,
)


def test_a_quote_split_in_pieces_starts_at_the_first_and_ends_at_the_last():
    quote = FoundQuote([(5, 12), (30, 41)], "first part second part")
    assert (quote.start, quote.end) == (5, 41)
    assert quote.speaker is None
    assert quote.quoted == []


def test_a_name_is_surer_than_a_pronoun_and_a_pronoun_than_a_guess():
    assert SURE_NAMED > SURE_PRONOUN_NEAR > SURE_PRONOUN_FAR > SURE_GUESS > SURE_NONE
