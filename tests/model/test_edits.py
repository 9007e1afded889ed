"""Tests for briefgen/model/edits.py: pointers, re-extraction that keeps every item the user
edited, moving edit marks, and removing a source."""

from __future__ import annotations

from briefgen.model import (
    Brief,
    KeyPoint,
    Organization,
    Person,
    Quote,
    Source,
    Span,
    Summary,
    Topic,
    key_of,
)
from briefgen.model.edits import (
    format_pointer,
    keep_edits,
    parse_pointer,
    pointer_of,
    remap_edited,
    remove_source,
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


def test_remap_edited_drops_marks_of_removed_items_and_keeps_others():
    old = [KeyPoint("a"), KeyPoint("b"), KeyPoint("c")]
    edited = ["/fields/to", "/key_points/0", "/key_points/2"]
    assert remap_edited(edited, "key_points", old, [old[1], old[2]]) == [
        "/fields/to", "/key_points/1",
    ]


def test_removing_a_source_removes_items_only_from_it_and_keeps_shared_and_typed_ones():
    a, b = Source(id="src-a", text="A text."), Source(id="src-b", text="B text.")
    brief = Brief(
        sources=[a, b],
        summary=Summary("From A.", [Span("src-a", 0, 2)]),
        key_points=[
            KeyPoint("only a", [Span("src-a", 0, 1)]),
            KeyPoint("both", [Span("src-a", 0, 1), Span("src-b", 0, 1)]),
            KeyPoint("typed by the user"),
            KeyPoint("only b", [Span("src-b", 0, 1)]),
        ],
        people=[Person("Ada", spans=[Span("src-a", 0, 1)])],
        edited=["/key_points/2", "/fields/to"],
    )
    result = remove_source(brief, "src-a")
    assert [s.id for s in result.sources] == ["src-b"]
    assert [k.text for k in result.key_points] == ["both", "typed by the user", "only b"]
    assert result.people == []
    assert result.summary.text == ""
    assert sorted(result.edited) == ["/fields/to", "/key_points/1"]
    assert len(brief.key_points) == 4, "the original brief must not change"


def test_removing_a_source_removes_the_topics_found_only_in_it():
    a = Source(id="src-a", text="Visa processing and staffing levels were discussed.")
    b = Source(id="src-b", text="The staffing  Levels of both embassies will grow.")
    brief = Brief(
        sources=[a, b],
        topics=[
            Topic("visa processing", 0.9),
            Topic("staffing levels", 0.8),
            Topic("consular access, as the user named it", 0.7),
            Topic("a topic the user added"),
        ],
        edited=["/topics/2"],
    )
    result = remove_source(brief, "src-a")
    assert [t.text for t in result.topics] == [
        "staffing levels", "consular access, as the user named it", "a topic the user added",
    ]
    assert result.edited == ["/topics/1"]


def test_removing_the_only_source_leaves_only_the_topics_the_user_added_or_edited():
    brief = Brief(
        sources=[Source(id="src-a", text="Visa processing was discussed.")],
        topics=[Topic("visa processing", 0.9), Topic("mine")],
    )
    assert [t.text for t in remove_source(brief, "src-a").topics] == ["mine"]


def test_a_pointer_round_trips_through_format_and_parse_with_escapes():
    assert format_pointer("people", 2, "role") == "/people/2/role"
    assert format_pointer("fields", "a/b~c") == "/fields/a~1b~0c"
    assert parse_pointer("/fields/a~1b~0c") == ["fields", "a/b~c"]
    assert parse_pointer("people/2") == ["people", "2"]


def test_an_edit_inside_an_item_marks_the_item_and_an_edit_of_the_summary_marks_it_whole():
    assert pointer_of(("people", 2, "role")) == "/people/2"
    assert pointer_of(("topics", 0, "text")) == "/topics/0"
    assert pointer_of(("fields", "subject")) == "/fields/subject"
    assert pointer_of(("summary", "text")) == "/summary"


def test_an_edited_header_field_whose_name_holds_a_slash_is_kept_on_re_extraction():
    previous = fresh_brief()
    previous.fields["date"] = "2026-03-01"
    previous.fields["to/from"] = "Desk"
    previous.edited = [pointer_of(("fields", "date")), pointer_of(("fields", "to/from"))]
    result = keep_edits(fresh_brief(), previous)
    assert result.fields["date"] == "2026-03-01"
    assert result.fields["to/from"] == "Desk"
    assert set(result.edited) == {"/fields/date", "/fields/to~1from"}
