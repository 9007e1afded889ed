"""Re-extraction keeps every item the user edited."""

from __future__ import annotations

from briefgen.extract.edited import keep_edits
from briefgen.model import Brief, KeyPoint, Person, Span, Summary


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
