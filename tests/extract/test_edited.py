"""Re-extraction keeps every item the user edited."""

from __future__ import annotations

from briefgen.extract.edited import keep_edits
from briefgen.model import (
    Brief,
    KeyPoint,
    Organization,
    Person,
    Quote,
    Span,
    Summary,
    key_of,
)


def fresh_brief() -> Brief:
    return Brief(
        fields={"subject": "Talks in Geneva", "date": "2026-03-12"},
        summary=Summary("Fresh summary.", [Span("a", 0, 14)]),
        key_points=[
            KeyPoint("Point one.", [Span("a", 0, 10)], 0.9),
            KeyPoint("Point two.", [Span("a", 11, 21)], 0.8),
            KeyPoint("Point three.", [Span("a", 22, 34)], 0.7),
        ],
        people=[Person("Anika Solberg", "Deputy Foreign Minister", None, [Span("a", 40, 53)])],
    )


def test_edited_items_and_user_fields_survive_re_extraction():
    previous = fresh_brief()
    previous.key_points[1].text = "Point two, reworded by the user."
    previous.people[0].role = "Deputy Minister for Foreign Affairs"
    previous.fields["subject"] = "My own subject"
    previous.fields["classification"] = "RESTRICTED"
    previous.edited = ["/key_points/1", "/people/0/role", "/fields/subject"]

    result = keep_edits(fresh_brief(), previous)
    assert [k.text for k in result.key_points] == [
        "Point one.",
        "Point two, reworded by the user.",
        "Point three.",
    ]
    assert result.people[0].role == "Deputy Minister for Foreign Affairs"
    assert len(result.people) == 1
    assert result.fields["subject"] == "My own subject"
    assert result.fields["date"] == "2026-03-12"
    assert result.fields["classification"] == "RESTRICTED"
    assert result.edited == ["/fields/subject", "/key_points/1", "/people/0"]


def test_an_edited_summary_or_whole_list_is_kept():
    previous = fresh_brief()
    previous.summary = Summary("The user's bottom line.")
    previous.key_points = [KeyPoint("Only this.")]
    previous.edited = ["/summary", "/key_points"]
    result = keep_edits(fresh_brief(), previous)
    assert result.summary.text == "The user's bottom line."
    assert [k.text for k in result.key_points] == ["Only this."]
    assert set(result.edited) == {"/summary", "/key_points"}


def test_without_a_previous_brief_nothing_changes():
    fresh = fresh_brief()
    assert keep_edits(fresh, None) is fresh
    assert fresh.edited == []


def test_an_item_the_user_removed_stays_out_of_a_fresh_extraction():
    previous = fresh_brief()
    del previous.key_points[1]
    previous.people = []
    previous.dismissed = ["key_points:point two", "people:anika solberg"]
    result = keep_edits(fresh_brief(), previous)
    assert [k.text for k in result.key_points] == ["Point one.", "Point three."]
    assert result.people == []
    assert result.dismissed == ["key_points:point two", "people:anika solberg"]


def test_dismissal_matches_the_item_whatever_its_case_spacing_and_quotation_marks():
    fresh = fresh_brief()
    fresh.quotes = [
        Quote("We agreed  to meet \u2018again\u2019.", "Anika Solberg"),
        Quote("Talks were useful.", "Anika Solberg"),
    ]
    previous = Brief(dismissed=[key_of("quotes", "we agreed to meet 'again'")])
    result = keep_edits(fresh, previous)
    assert [q.text for q in result.quotes] == ["Talks were useful."]


def test_a_dismissal_in_one_list_leaves_the_same_name_in_another_list():
    fresh = fresh_brief()
    fresh.organizations = [Organization("Anika Solberg")]
    result = keep_edits(fresh, Brief(dismissed=["people:anika solberg"]))
    assert result.people == []
    assert [o.name for o in result.organizations] == ["Anika Solberg"]


def test_an_edited_item_is_kept_even_when_its_key_was_dismissed():
    previous = fresh_brief()
    previous.people = [Person("Anika Solberg", "Minister, as the user wrote it")]
    previous.edited = ["/people/0"]
    previous.dismissed = ["people:anika solberg"]
    result = keep_edits(fresh_brief(), previous)
    assert [(p.name, p.role) for p in result.people] == [
        ("Anika Solberg", "Minister, as the user wrote it")
    ]
    assert "/people/0" in result.edited


def test_edit_marks_point_at_the_right_items_after_a_dismissal_shortens_the_list():
    previous = fresh_brief()
    previous.key_points = [previous.key_points[1], previous.key_points[2]]
    previous.key_points[1].text = "Point three, reworded."
    previous.edited = ["/key_points/1"]
    previous.dismissed = ["key_points:point one"]
    result = keep_edits(fresh_brief(), previous)
    texts = [k.text for k in result.key_points]
    assert texts == ["Point two.", "Point three, reworded."]
    assert result.edited == ["/key_points/1"]


def test_dismissed_keys_from_a_removed_source_are_kept_for_a_later_extraction():
    previous = fresh_brief()
    previous.dismissed = ["people:someone only in another article"]
    result = keep_edits(fresh_brief(), previous)
    assert result.dismissed == ["people:someone only in another article"]
    assert len(result.people) == 1
