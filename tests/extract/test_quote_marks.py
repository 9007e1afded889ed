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


def _texts(text):
    return [[text[a:b] for a, b in pieces] for pieces in quoted_stretches(text)]


def test_a_quote_closed_with_two_single_marks_ends_there():
    text = (
        "\u201cIt was an attempt to mislead voters,\u2019\u2019 Will Moy told the BBC. "
        "\u201cAnd it is misleading.\u201d"
    )
    assert _texts(text) == [["It was an attempt to mislead voters,"], ["And it is misleading."]]


def test_a_quote_that_opens_with_a_doubled_mark_is_found():
    text = "He wrote: \u2018\u2018We will not give up the port,\u2019\u2019 and left."
    assert _texts(text) == [["We will not give up the port,"]]


def test_a_straight_opening_mark_may_close_with_a_curly_one():
    text = '"And I asked, on whose authority?\u201d said Hill. "And he said, the boss."'
    assert _texts(text) == [["And I asked, on whose authority?"], ["And he said, the boss."]]


def test_a_quote_continuing_in_a_paragraph_without_an_opening_mark_is_one_quote():
    text = (
        '"Brett Marlow, whom I do not know, was appointed in 2015.\n\n'
        'He was supposed to leave in February," the president tweeted.\n\n'
        '"Grandstander?"'
    )
    assert _texts(text) == [
        ["Brett Marlow, whom I do not know, was appointed in 2015.",
         "He was supposed to leave in February,"],
        ["Grandstander?"],
    ]


def test_two_straight_single_marks_open_and_close_a_quote_as_archives_type_it():
    text = "''This isn't tax reform,'' said Douglas Holt. He was ''taking a close look'' at it."
    assert _texts(text) == [["This isn't tax reform,"], ["taking a close look"]]


def test_a_curly_title_inside_a_straight_quote_does_not_close_it():
    turn = "PENCE: Well, Clinton thinks this is an episode of \u201cShark Tank.\u201d But no."
    text = f'"{turn}" he said.'
    assert _texts(text) == [[turn]]
