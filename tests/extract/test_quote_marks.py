"""Finding quotations by their marks: straight, curly, across paragraphs, typed wrongly."""

from __future__ import annotations

from briefgen.extract.quote_marks import quoted_stretches


def test_straight_and_curly_marks_and_a_quote_running_into_the_next_paragraph():
    text = (
        'He said "one two" and \u201cthree four\u201d.\n\n'
        "\u201cFirst paragraph of a long quote.\n\n"
        "\u201cSecond paragraph,\u201d she said."
    )
    found = quoted_stretches(text)
    assert [[text[a:b] for a, b in pieces] for pieces in found] == [
        ["one two"],
        ["three four"],
        ["First paragraph of a long quote.", "Second paragraph,"],
    ]


def test_a_quote_opened_with_a_closing_mark_is_still_found():
    text = "Readers wrote:\n\n\u201dFear is what I feel about this election.\u201d"
    found = quoted_stretches(text)
    assert [[text[a:b] for a, b in pieces] for pieces in found] == [
        ["Fear is what I feel about this election."]
    ]


def test_a_transcript_turn_starts_a_new_quote():
    text = '"WALLACE: Governor, a question for you.\n\n"PENCE: Well, look, here is my answer."'
    found = quoted_stretches(text)
    assert [[text[a:b] for a, b in pieces] for pieces in found] == [
        ["WALLACE: Governor, a question for you."],
        ["PENCE: Well, look, here is my answer."],
    ]


def test_a_straight_mark_inside_a_word_does_not_open_a_quote():
    text = 'The 12" pipe and the 6" valve were "replaced last week" by crews.'
    found = quoted_stretches(text)
    assert [[text[a:b] for a, b in pieces] for pieces in found] == [["replaced last week"]]
