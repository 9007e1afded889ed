"""Item keys: the same extracted item gets the same key, whatever its position or spelling."""

from __future__ import annotations

from briefgen.model import (
    Brief,
    DateMention,
    KeyPoint,
    Person,
    Place,
    Quote,
    Source,
    Span,
    Topic,
    dismissal_keys,
    is_extracted,
    item_key,
    key_of,
)

TEXT = "Deputy Foreign Minister Anika Solberg met Tomas Reyhan in Geneva on Thursday."


def test_a_key_names_the_list_and_the_normalised_name_or_text() -> None:
    assert item_key("people", Person("  Anika   SOLBERG ")) == "people:anika solberg"
    assert item_key("key_points", KeyPoint("Talks resumed.")) == "key_points:talks resumed"
    assert item_key("dates", DateMention("Thursday", "2026-03-12")) == "dates:thursday"
    assert item_key("topics", Topic("Embassy operations", 0.8)) == "topics:embassy operations"


def test_typographic_quotes_dashes_and_surrounding_marks_do_not_change_a_key() -> None:
    curly = Quote("\u201cWe will meet again \u2013 soon,\u201d", "Anika Solberg")
    plain = Quote('we will meet again - soon', "Someone else")
    assert item_key("quotes", curly) == item_key("quotes", plain) == (
        "quotes:we will meet again - soon"
    )


def test_different_items_and_different_lists_get_different_keys() -> None:
    assert item_key("people", Person("Anika Solberg")) != item_key("people", Person("Solberg"))
    assert key_of("people", "Geneva") != key_of("places", "Geneva")


def test_an_empty_name_has_no_key() -> None:
    assert key_of("people", " ... ") is None
    assert item_key("people", Person("")) is None


def test_items_with_evidence_or_a_topic_score_are_extracted_and_new_blank_items_are_not() -> None:
    assert is_extracted(Person("Anika Solberg", spans=[Span("src-a", 24, 37)]))
    assert not is_extracted(Person("New person"))
    assert not is_extracted(KeyPoint("New key point", score=0.0))
    assert is_extracted(Topic("Embassy operations", 0.4))
    assert not is_extracted(Topic("New topic"))


def test_removing_an_edited_item_dismisses_its_text_and_what_extraction_found() -> None:
    brief = Brief(sources=[Source(id="src-a", text=TEXT)])
    person = Person("Anika Solberg-Berg", spans=[Span("src-a", 24, 37)])
    assert dismissal_keys(brief, "people", person) == [
        "people:anika solberg-berg", "people:anika solberg",
    ]


def test_removing_an_unedited_item_dismisses_one_key_and_a_user_added_item_none() -> None:
    brief = Brief(sources=[Source(id="src-a", text=TEXT)])
    geneva = Place("Geneva", [Span("src-a", 58, 64)])
    assert dismissal_keys(brief, "places", geneva) == ["places:geneva"]
    assert dismissal_keys(brief, "people", Person("New person")) == []

