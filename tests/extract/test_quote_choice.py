"""Which quotes the memo uses by default: substantive ones, not scare quotes."""

from __future__ import annotations

from briefgen.extract.quote_choice import choose_quotes, is_fragment
from briefgen.model import Quote


def test_short_fragments_and_unattributed_fragments_are_left_out_of_the_memo() -> None:
    quotes = [
        Quote("marathon discussion", speaker="one official"),
        Quote("constructive approach", speaker="Lena Okafor"),
        Quote("We have agreed to restore full consular services within three months.",
              speaker="Ingrid Halvorsen"),
        Quote("a process that has gone on far too long without any result", speaker=None),
        Quote("The lines of communication remain open and we expect progress.", speaker=None),
    ]
    choose_quotes(quotes)
    assert [q.include for q in quotes] == [False, False, True, False, True]


def test_a_fragment_is_words_that_do_not_read_as_a_sentence_of_their_own() -> None:
    assert is_fragment("a process that has gone on far too long")
    assert not is_fragment("We expect progress soon.")
    assert not is_fragment("Passengers should not pay more,")


def test_beyond_the_strongest_six_quotes_stay_in_the_brief_unticked() -> None:
    quotes = [Quote(" ".join(["word"] * (8 + i)) + ".", speaker=f"Speaker {i}")
              for i in range(8)]
    choose_quotes(quotes)
    assert [q.include for q in quotes] == [False, False, True, True, True, True, True, True]
