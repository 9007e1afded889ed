"""The credit line closing a wire story."""

from __future__ import annotations

import pytest

from briefgen.text.wire_credits import credit_line

STORY = "Envoys met in Oslo on Monday to discuss the ferry line.\n\n"


@pytest.mark.parametrize(
    "credit",
    [
        "(Reporting by Ana Lind and Per Holm; Editing by Jo Park)",
        "(Additional reporting by Ola Berg in Bergen and Kim Dahl in Tromso)",
        "Reporting by Ana Lind in Oslo; Writing by Per Holm; Editing by Jo Park",
        "(Writing by Per Holm)",
    ],
)
def test_the_credit_line_closing_a_story_is_found(credit):
    text = STORY + credit + "\n"
    span = credit_line(text)
    assert span is not None
    assert text[span[0] : span[1]] == credit


@pytest.mark.parametrize(
    "text",
    [
        STORY + "He said the reporting by the press was unfair.",
        STORY + "(Reporting by Ana",  # cut off: no closing bracket
        STORY + "editing by hand is slow, he said.",
        "Editing by Jo Park is slow, the minister said.",  # no story before it
        STORY + "(Reporting by Ana Lind)\n\nThe talks resume on Friday.",  # not the last
    ],
)
def test_a_sentence_about_reporting_or_editing_is_no_credit_line(text):
    assert credit_line(text) is None
