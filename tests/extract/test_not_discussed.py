"""Not discussed: the issues a text says were explicitly left off the agenda."""

from __future__ import annotations

import pytest

from briefgen.extract.not_discussed import find_not_discussed
from briefgen.extract.sentences import sentences
from briefgen.model import CHECK_THRESHOLD


def _items(parse, text: str) -> list[tuple[str, str]]:
    found = find_not_discussed(sentences(parse(text)))
    for item in found:
        (span,) = item.spans
        assert text[span.start : span.end] == item.text
    return [(item.text, text[item.spans[0].start : item.spans[0].end]) for item in found]


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        ("The talks went well. The war in Karelia was not part of the agenda.",
         "The war in Karelia"),
        ("Both delegations said the maritime boundary dispute was not discussed.",
         "the maritime boundary dispute"),
        ("The question of reparations was not raised at the meeting.",
         "The question of reparations"),
        ("The ministers did not discuss the fishing quotas.", "the fishing quotas"),
    ],
)
def test_an_issue_explicitly_left_off_is_listed_by_its_own_words(parse, text, issue):
    assert [t for t, _ in _items(parse, text)] == [issue]


def test_an_issue_named_before_which_is_listed(parse):
    text = "Business groups pressed for direct flights, which were not on the agenda."
    assert [t for t, _ in _items(parse, text)] == ["direct flights"]


def test_sentences_without_such_a_statement_list_nothing(parse):
    text = (
        "The envoys discussed visas and staffing. It was not a long meeting. "
        "They did not say when they would meet again."
    )
    assert _items(parse, text) == []


def test_an_explicit_subject_is_sure_enough_not_to_be_checked(parse):
    (item,) = find_not_discussed(
        sentences(parse("The border dispute was not discussed at the talks."))
    )
    assert item.confidence is not None
    assert item.confidence >= CHECK_THRESHOLD
