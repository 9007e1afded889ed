"""A key point's own words: side clauses that name nothing new are left out."""

from __future__ import annotations

import pytest

from briefgen.extract.point_text import known_words, point_text, word_count
from briefgen.extract.sentences import sentences


def _point(parse, text: str, known: str = "") -> str:  # type: ignore[no-untyped-def]
    sent = sentences(parse(text))[-1]
    return point_text(sent.span, sent.text, known_words(known))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Building on their earlier talks, the two ministers agreed to reopen the border "
            "crossing.",
            "The two ministers agreed to reopen the border crossing.",
        ),
        (
            "The minister praised the new harbour, noting its long history and the skill of "
            "its builders.",
            "The minister praised the new harbour.",
        ),
        (
            "The envoy, speaking to reporters after the long meeting, said the talks would "
            "resume soon.",
            "The envoy said the talks would resume soon.",
        ),
        (
            "The council approved the harbour plan, which critics had called far too costly.",
            "The council approved the harbour plan.",
        ),
        # a relative clause between commas goes with both commas
        (
            "The council approved the ferry plan, which many residents had opposed, after a "
            "long debate.",
            "The council approved the ferry plan after a long debate.",
        ),
        # a wire dateline run into the first sentence of a paragraph
        (
            "Port officials\n\nHAVLO The two ministers agreed on Sunday to reopen the ferry "
            "line between the islands.",
            "The two ministers agreed on Sunday to reopen the ferry line between the islands.",
        ),
        # a leading connective or adverbial, with its comma or without one
        (
            "However, the council refused to approve the new harbour budget for the coming "
            "year.",
            "The council refused to approve the new harbour budget for the coming year.",
        ),
        (
            "In a statement, the ministry said the coastal road would reopen to traffic in "
            "March.",
            "The ministry said the coastal road would reopen to traffic in March.",
        ),
        (
            "But the mayor refused to sign the harbour budget before the summer recess.",
            "The mayor refused to sign the harbour budget before the summer recess.",
        ),
        (
            "The envoy also pressed the council to reopen the ferry line before the winter.",
            "The envoy pressed the council to reopen the ferry line before the winter.",
        ),
        # an attribution frame whose speaker is not named: before or after the clause
        (
            "He said the two delegations had agreed to resume the border talks in Ostby.",
            "The two delegations had agreed to resume the border talks in Ostby.",
        ),
        (
            "The ministers agreed to reopen the ferry line between the two islands, officials "
            "said.",
            "The ministers agreed to reopen the ferry line between the two islands.",
        ),
        # a nationality names no speaker; a dateline before the clause does not hide its frame
        (
            "Danish officials said the border talks would resume in the spring after a "
            "pause.",
            "The border talks would resume in the spring after a pause.",
        ),
        (
            "Port officials\n\nHAVLO The ministers agreed to reopen the ferry line between the "
            "two islands, officials said.",
            "The ministers agreed to reopen the ferry line between the two islands.",
        ),
        (
            "The ministers agreed to reopen the ferry line between the islands, according to "
            "diplomats.",
            "The ministers agreed to reopen the ferry line between the islands.",
        ),
        # an apposition and a parenthesis that name nothing new
        (
            "The ferry operator, a small family firm, will run the new line between the "
            "islands.",
            "The ferry operator will run the new line between the islands.",
        ),
        (
            "The council approved the ferry plan (a long-debated project) for the northern "
            "islands.",
            "The council approved the ferry plan for the northern islands.",
        ),
    ],
)
def test_a_side_clause_that_names_nothing_new_is_dropped(parse, text, expected):  # type: ignore[no-untyped-def]
    assert _point(parse, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a name and a date in the clause: it carries a fact
        "The council approved the harbour plan, which Mayor Lene Holm had proposed in May.",
        "Building on talks in Ostby, the two ministers agreed to reopen the border crossing.",
        # a trailing participle that reports a claim or an act is a fact of its own
        "The minister praised the new harbour, adding that the port would hire more workers.",
        "The two envoys met for five hours, agreeing to reopen their embassies next spring.",
        # the words inside a quotation are never cut
        "The minister praised the harbour, \u201cnoting its long history and the skill of its "
        "builders.\u201d",
        # too short a clause to be worth a cut
        "The minister praised the harbour, smiling broadly.",
        # a named speaker stays: the claim is hers
        "Mayor Lene Holm said the ferry line would reopen in the spring after the repairs.",
        "The ministers agreed to reopen the ferry line between the islands, according to Havlo "
        "Radio.",
        # a figure in a parenthesis
        "The council approved the ferry plan (costing 12 million euros) for the northern "
        "islands.",
        # capitals that name a body, not a dateline
        "NATO ministers agreed on Sunday to reopen the ferry line between the islands.",
        # a frame that governs two reported clauses: without it the second one dangles
        "Both ministries said the ferry fares were not raised, and that they would stay "
        "frozen until the autumn.",
        # a reported clause whose subject points back at the speaker: "it" would dangle
        "The ministry said it was ready to appoint an independent mediator by Friday.",
        "It will reopen the ferry line between the islands in the spring, the ministry said.",
    ],
)
def test_a_clause_with_a_fact_or_a_quotation_stays(parse, text):  # type: ignore[no-untyped-def]
    assert _point(parse, text) == text


def test_a_clause_naming_only_what_earlier_points_say_is_dropped(parse):
    text = (
        "The council approved the ferry plan, which Mayor Lene Holm had proposed in May."
    )
    assert _point(parse, text) == text
    known = "Mayor Lene Holm proposed a ferry plan in May."
    assert _point(parse, text, known) == "The council approved the ferry plan."


def test_words_are_counted_as_a_reader_counts_them():
    assert word_count("The U.S.-Africa summit, in Accra.") == 6  # "U.S." one, "-Africa" one
    assert word_count("Ghana\u2019s leaders met.") == 3


def test_a_long_title_before_a_name_keeps_only_its_last_office(parse):
    text = (
        "The envoy met with Harbour Board Member, Director of the Office of Coastal Trade, "
        "and Transport Minister Liva Dorsk in Havlo."
    )
    assert _point(parse, text) == "The envoy met with Transport Minister Liva Dorsk in Havlo."


@pytest.mark.parametrize(
    "text",
    [
        # a list of people, each with a title: every one of them stays
        "The envoy met with Mayor Lene Holm, Governor Arne Vik and Transport Minister Liva "
        "Dorsk in Havlo.",
        # the capitals hang on a noun before them: not a title of the name
        "The envoy met with officials of the Harbour Board, and Transport Minister Liva Dorsk "
        "in Havlo.",
    ],
)
def test_titles_of_a_list_of_people_stay(parse, text):  # type: ignore[no-untyped-def]
    assert _point(parse, text) == text


def test_a_trailing_participle_goes_even_when_it_names_a_place(parse):
    text = (
        "The two ministers reopened the ferry line on Sunday, recalling the old trade between "
        "Havlo and Ostby."
    )
    assert _point(parse, text) == "The two ministers reopened the ferry line on Sunday."


def test_a_trailing_amid_goes_unless_it_gives_a_figure(parse):
    text = "The two ministers reopened the ferry line on Sunday, amid the long storms in Havlo."
    assert _point(parse, text) == "The two ministers reopened the ferry line on Sunday."
    text = "The two ministers reopened the ferry line on Sunday, amid a strike of 300 sailors."
    assert _point(parse, text) == text


def test_a_trailing_participle_with_a_figure_stays(parse):
    text = (
        "The two ministers reopened the ferry line on Sunday, recalling the 40 crossings a "
        "week it once ran."
    )
    assert _point(parse, text) == text


def test_the_breakdown_of_a_figure_the_sentence_gives_goes(parse):
    text = (
        "The council will provide $40 million to the islands, including at least $12 million "
        "over two years for a harbour the mayor proposed in May."
    )
    assert _point(parse, text) == "The council will provide $40 million to the islands."


@pytest.mark.parametrize(
    "text",
    [
        # the figure of the tail is the only one: it is the fact
        "The council approved the ferry plan for the islands, including at least $12 million "
        "over two years for a harbour the mayor proposed in May.",
        # a short tail: too short to be worth a cut
        "The council will provide $40 million to the islands, including $12 million for "
        "schools.",
    ],
)
def test_an_including_tail_that_carries_the_figure_stays(parse, text):  # type: ignore[no-untyped-def]
    assert _point(parse, text) == text


def test_a_title_before_a_name_an_earlier_point_gives_is_left_out(parse):
    text = "Deputy Mayor Lene Holm urged Transport Minister Dorsk to reopen the ferry line."
    assert _point(parse, text) == text
    known = "Deputy Mayor Lene Holm met Transport Minister Liva Dorsk in Havlo."
    assert _point(parse, text, known) == (
        "Lene Holm urged Transport Minister Dorsk to reopen the ferry line."
    )
    text = "The envoy met with Mayor Lene Holm in Havlo on the ferry line."
    assert _point(parse, text, known) == "The envoy met with Lene Holm in Havlo on the ferry line."


@pytest.mark.parametrize(
    "text",
    [
        # only a whole title goes: after an article, a possessive, "of" or a capitalised word
        # what is left would be part of a title
        "The talks were led by the Deputy Mayor Lene Holm in the harbour office.",
        "The ferry line was reopened by Havlo's Mayor Lene Holm on Sunday.",
        "The ferry line was reopened by the Secretary of State Lene Holm on Sunday.",
    ],
)
def test_part_of_a_title_stays_with_its_name(parse, text):  # type: ignore[no-untyped-def]
    known = "Deputy Mayor Lene Holm met the envoy."
    assert _point(parse, text, known) == text
