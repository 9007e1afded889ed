"""Brief JSON: the dictionary form round-trips and bad data is named precisely."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefgen.model import (
    CHECK_THRESHOLD,
    FORMAT_NAME,
    FORMAT_VERSION,
    Brief,
    BriefJSONError,
    DateMention,
    KeyPoint,
    NextStep,
    NotDiscussed,
    Organization,
    Outcome,
    Person,
    Place,
    Quote,
    Source,
    Span,
    Summary,
    Topic,
    brief_from_dict,
    brief_to_dict,
    needs_check,
    text_sha256,
)
from briefgen.text.datelines import Dateline

texts = st.text(max_size=40)
optional_texts = st.none() | texts
spans = st.lists(
    st.builds(
        Span,
        source=texts,
        start=st.integers(0, 10_000),
        end=st.integers(0, 10_000),
    ).filter(lambda s: s.end >= s.start),
    max_size=3,
)
scores = st.floats(allow_nan=False, allow_infinity=False, width=32)
confidences = st.none() | st.floats(min_value=0.0, max_value=1.0, width=32)
json_scalars = st.none() | st.booleans() | st.integers(-1000, 1000) | texts
field_values = json_scalars | st.lists(texts, max_size=3)

briefs = st.builds(
    Brief,
    template=texts,
    fields=st.dictionaries(texts, field_values, max_size=4),
    sources=st.lists(
        st.builds(
            Source,
            id=texts,
            text=st.text(max_size=200),
            title=optional_texts,
            publisher=optional_texts,
            author=optional_texts,
            url=optional_texts,
            published=optional_texts,
            path=optional_texts,
            sha256=texts,
            warnings=st.lists(texts, max_size=2),
            dateline=st.none() | st.builds(
                Dateline, place=optional_texts, date_text=optional_texts,
                agency=optional_texts, end=st.integers(0, 200),
            ),
            lead=optional_texts,
            venue=optional_texts,
        ),
        max_size=2,
    ),
    summary=st.builds(Summary, text=texts, spans=spans),
    key_points=st.lists(
        st.builds(KeyPoint, text=texts, spans=spans, score=scores, include=st.booleans()),
        max_size=3,
    ),
    people=st.lists(
        st.builds(Person, name=texts, role=optional_texts, organization=optional_texts,
                  spans=spans, confidence=confidences),
        max_size=3,
    ),
    organizations=st.lists(st.builds(Organization, name=texts, spans=spans), max_size=2),
    places=st.lists(st.builds(Place, name=texts, spans=spans), max_size=2),
    dates=st.lists(st.builds(DateMention, text=texts, date=optional_texts, spans=spans),
                   max_size=2),
    quotes=st.lists(
        st.builds(Quote, text=texts, speaker=optional_texts, speaker_role=optional_texts,
                  spans=spans, confidence=confidences),
        max_size=3,
    ),
    topics=st.lists(st.builds(Topic, text=texts, score=scores), max_size=3),
    next_steps=st.lists(st.builds(NextStep, text=texts, spans=spans), max_size=2),
    outcomes=st.lists(
        st.builds(Outcome, text=texts, spans=spans, confidence=confidences,
                  include=st.booleans()),
        max_size=2,
    ),
    edited=st.lists(texts, max_size=3),
    dismissed=st.lists(texts, max_size=3),
)


@given(briefs)
def test_a_brief_survives_the_round_trip_through_its_dictionary(brief: Brief) -> None:
    assert brief_from_dict(brief_to_dict(brief)) == brief


def test_the_dictionary_carries_the_format_name_version_and_every_contract_list() -> None:
    data = brief_to_dict(Brief())
    assert data["format"] == FORMAT_NAME
    assert data["version"] == FORMAT_VERSION
    for key in ("template", "fields", "sources", "summary", "key_points", "people",
                "organizations", "places", "dates", "quotes", "topics", "next_steps",
                "outcomes", "edited", "dismissed"):
        assert key in data


def test_a_span_is_written_with_source_start_and_end() -> None:
    brief = Brief(key_points=[KeyPoint("x", spans=[Span("src-1", 3, 9)])])
    assert brief_to_dict(brief)["key_points"][0]["spans"] == [
        {"source": "src-1", "start": 3, "end": 9}
    ]


def test_unknown_keys_from_a_later_minor_change_are_ignored() -> None:
    data = brief_to_dict(Brief(people=[Person("Anika Solberg")]))
    data["people"][0]["nickname"] = "A."
    data["extra_list"] = []
    assert brief_from_dict(data).people == [Person("Anika Solberg")]


def test_a_file_written_before_participants_and_quote_choice_loads_them_all_in() -> None:
    data = brief_to_dict(Brief(sources=[Source("s", "Text.")], people=[Person("Anika Solberg")],
                               quotes=[Quote("real progress", "Anika Solberg")]))
    for key, items in (("participant", data["people"]), ("include", data["quotes"])):
        del items[0][key]
    del data["sources"][0]["pasted"]
    brief = brief_from_dict(data)
    assert brief.people[0].participant
    assert brief.quotes[0].include
    assert brief.sources[0].pasted is None


def test_participant_include_and_pasted_are_written_and_read_back() -> None:
    brief = Brief(sources=[Source("s", "Text.", pasted="2026-03-14")],
                  people=[Person("Lena Okafor", participant=False)],
                  quotes=[Quote("fresh concerns", include=False)])
    data = brief_to_dict(brief)
    assert data["people"][0]["participant"] is False
    assert data["quotes"][0]["include"] is False
    assert data["sources"][0]["pasted"] == "2026-03-14"
    assert brief_from_dict(data) == brief


def test_a_file_written_before_dismissals_existed_loads_with_none() -> None:
    data = brief_to_dict(Brief(people=[Person("Anika Solberg")], edited=["/people/0"]))
    del data["dismissed"]
    brief = brief_from_dict(data)
    assert brief.dismissed == []
    assert brief.people == [Person("Anika Solberg")]
    assert brief.edited == ["/people/0"]


def test_dismissed_keys_are_written_and_read_back_in_order() -> None:
    brief = Brief(dismissed=["people:anika solberg", "key_points:talks resumed"])
    data = brief_to_dict(brief)
    assert data["dismissed"] == ["people:anika solberg", "key_points:talks resumed"]
    assert data["version"] == 1
    assert brief_from_dict(data).dismissed == brief.dismissed


GENEVA_TEXT = "GENEVA, March 13 (Meridian Wire) - Senior diplomats met."


def test_a_source_is_written_with_its_dateline_lead_and_venue() -> None:
    dateline = Dateline("GENEVA", "March 13", "Meridian Wire", 35)
    source = Source("s", GENEVA_TEXT, dateline=dateline, lead="Senior diplomats met.",
                    venue="Geneva")
    data = brief_to_dict(Brief(sources=[source]))["sources"][0]
    assert data["dateline"] == {"place": "GENEVA", "date_text": "March 13",
                                "agency": "Meridian Wire", "end": 35}
    assert (data["lead"], data["venue"]) == ("Senior diplomats met.", "Geneva")
    assert brief_from_dict(brief_to_dict(Brief(sources=[source]))).sources == [source]


def test_a_source_from_a_file_without_datelines_gets_its_dateline_parsed_once() -> None:
    data = brief_to_dict(Brief(sources=[Source("s", GENEVA_TEXT)]))
    for key in ("dateline", "lead", "venue"):
        del data["sources"][0][key]
    source = brief_from_dict(data).sources[0]
    assert source.dateline == Dateline("GENEVA", "March 13", "Meridian Wire", 35)
    assert (source.lead, source.venue) == (None, None)


def test_a_recorded_absence_of_a_dateline_is_kept() -> None:
    data = brief_to_dict(Brief(sources=[Source("s", GENEVA_TEXT)]))
    assert data["sources"][0]["dateline"] is None
    assert brief_from_dict(data).sources[0].dateline is None


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"format": "something.else"}, '"format"'),
        ({"version": FORMAT_VERSION + 1}, "newer briefgen"),
        ({"version": "1"}, '"version"'),
        ({"key_points": {}}, '"key_points" is not a list'),
        ({"people": [{"role": "Ambassador"}]}, "people[0] lacks"),
        ({"quotes": [{"text": "Hi", "speaker": 3}]}, "quotes[0].speaker"),
        ({"dates": [{"text": "x", "spans": [{"source": "s", "start": 5, "end": 2}]}]},
         "ends before it starts"),
        ({"key_points": [{"text": "x", "score": "high"}]}, "key_points[0].score"),
        ({"people": [{"name": "A", "confidence": "high"}]}, "people[0].confidence"),
        ({"quotes": [{"text": "Hi", "confidence": 1.5}]}, "between 0 and 1"),
        ({"dismissed": "people:anika solberg"}, '"dismissed" is not a list'),
        ({"dismissed": ["people:anika solberg", 3]}, '"dismissed" holds something'),
        ({"sources": [{"id": "s", "text": "x", "dateline": "GENEVA"}]},
         "sources[0].dateline is not an object"),
        ({"sources": [{"id": "s", "text": "x", "dateline": {"place": 3, "end": 1}}]},
         "sources[0].dateline.place"),
        ({"sources": [{"id": "s", "text": "x", "dateline": {"place": "X"}}]},
         "sources[0].dateline.end"),
    ],
)
def test_bad_data_is_rejected_with_the_place_it_goes_wrong(
    change: dict[str, object], message: str
) -> None:
    data = brief_to_dict(Brief())
    data.update(change)
    with pytest.raises(BriefJSONError, match=message.replace("[", r"\[").replace("]", r"\]")):
        brief_from_dict(data)


def test_role_and_speaker_confidence_are_written_and_read_back() -> None:
    brief = Brief(people=[Person("Anika Solberg", role="Deputy Foreign Minister", confidence=0.9)],
                  quotes=[Quote("We made progress.", speaker="Anika Solberg", confidence=0.55)])
    data = brief_to_dict(brief)
    assert data["people"][0]["confidence"] == 0.9
    assert data["quotes"][0]["confidence"] == 0.55
    assert brief_from_dict(data) == brief


def test_people_and_quotes_without_confidence_read_it_as_none() -> None:
    data = {"format": FORMAT_NAME, "version": 1,
            "people": [{"name": "Tomas Reyhan", "role": None, "organization": None, "spans": []}],
            "quotes": [{"text": "We came to listen.", "speaker": "Tomas Reyhan",
                        "speaker_role": None, "spans": []}]}
    brief = brief_from_dict(data)
    assert brief.people[0].confidence is None
    assert brief.quotes[0].confidence is None


def test_evidence_is_the_source_text_under_the_span() -> None:
    text = "Solberg met Reyhan in Geneva."
    brief = Brief(sources=[Source(id="src-a", text=text, sha256=text_sha256(text))])
    assert brief.evidence(Span("src-a", 22, 28)) == "Geneva"
    assert brief.evidence(Span("src-gone", 0, 3)) is None


def test_confidence_and_the_not_discussed_list_round_trip() -> None:
    brief = Brief(
        dates=[DateMention("Thursday", "2026-03-12", [Span("s", 0, 8)], confidence=0.85)],
        next_steps=[NextStep("Talks resume in May.", confidence=0.9)],
        not_discussed=[NotDiscussed("the boundary dispute", [Span("s", 9, 29)], 0.9)],
    )
    data = brief_to_dict(brief)
    assert data["not_discussed"] == [
        {"text": "the boundary dispute", "spans": [{"source": "s", "start": 9, "end": 29}],
         "confidence": 0.9}
    ]
    assert data["dates"][0]["confidence"] == 0.85
    assert brief_from_dict(data) == brief


def test_a_file_written_before_confidence_and_not_discussed_still_opens() -> None:
    data = brief_to_dict(Brief(dates=[DateMention("Thursday", "2026-03-12")],
                               next_steps=[NextStep("Talks resume in May.")]))
    del data["not_discussed"]
    del data["dates"][0]["confidence"]
    del data["next_steps"][0]["confidence"]
    brief = brief_from_dict(data)
    assert brief.not_discussed == []
    assert brief.dates[0].confidence is None
    assert brief.next_steps[0].confidence is None


def test_a_whole_number_confidence_is_read_as_a_float_and_text_is_refused() -> None:
    data = brief_to_dict(Brief(next_steps=[NextStep("Talks resume in May.")]))
    data["next_steps"][0]["confidence"] = 1
    assert brief_from_dict(data).next_steps[0].confidence == 1.0
    data["next_steps"][0]["confidence"] = "high"
    with pytest.raises(BriefJSONError, match=r"next_steps\[0\]\.confidence"):
        brief_from_dict(data)


def test_items_below_the_check_threshold_need_checking() -> None:
    assert needs_check(CHECK_THRESHOLD - 0.01)
    assert not needs_check(CHECK_THRESHOLD)
    assert not needs_check(None)


def test_a_control_character_in_a_member_name_is_escaped_in_the_message() -> None:
    data = {"format": "briefgen.brief", "version": 1, "fields": {"a\nb": float("inf")}}
    with pytest.raises(BriefJSONError) as caught:
        brief_from_dict(data)
    assert str(caught.value) == "fields.a\\nb holds a number that is not finite"


def test_outcomes_are_written_with_text_spans_confidence_and_include() -> None:
    brief = Brief(outcomes=[Outcome("The sides agreed to a ceasefire.", [Span("s", 4, 36)],
                                    0.9, include=False)])
    data = brief_to_dict(brief)
    assert data["outcomes"] == [
        {"text": "The sides agreed to a ceasefire.",
         "spans": [{"source": "s", "start": 4, "end": 36}], "confidence": 0.9,
         "include": False}
    ]
    assert brief_from_dict(data) == brief


def test_an_older_readouts_typed_outcomes_field_moves_into_the_outcomes_list() -> None:
    data = brief_to_dict(Brief(template="meeting-readout"))
    del data["outcomes"]
    data["fields"] = {"outcomes": ["Both sides agreed to meet again.", "  ", "Fees frozen."],
                      "to": "Director"}
    data["edited"] = ["/fields/outcomes", "/fields/to"]
    brief = brief_from_dict(data)
    assert [o.text for o in brief.outcomes] == ["Both sides agreed to meet again.",
                                                "Fees frozen."]
    assert all(o.include and o.confidence is None and not o.spans for o in brief.outcomes)
    assert "outcomes" not in brief.fields
    assert brief.fields["to"] == "Director"
    assert sorted(brief.edited) == ["/fields/to", "/outcomes/0", "/outcomes/1"]


def test_an_older_outcomes_field_typed_as_one_text_gives_an_item_per_line() -> None:
    data = brief_to_dict(Brief())
    del data["outcomes"]
    data["fields"] = {"outcomes": "Deal signed.\n\nTariffs cut by half."}
    assert [o.text for o in brief_from_dict(data).outcomes] == ["Deal signed.",
                                                                "Tariffs cut by half."]


def test_a_file_without_outcomes_or_the_field_opens_with_an_empty_list() -> None:
    data = brief_to_dict(Brief(fields={"subject": "Talks"}))
    del data["outcomes"]
    brief = brief_from_dict(data)
    assert brief.outcomes == []
    assert brief.fields == {"subject": "Talks"}


def test_a_new_file_keeps_an_outcomes_field_a_user_template_still_has() -> None:
    data = brief_to_dict(Brief(fields={"outcomes": ["typed"]}, outcomes=[Outcome("found")]))
    brief = brief_from_dict(data)
    assert brief.fields == {"outcomes": ["typed"]}
    assert [o.text for o in brief.outcomes] == ["found"]
