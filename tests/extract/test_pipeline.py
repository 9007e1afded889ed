"""extract_brief on the sample article, item by item, and its contract (progress, cancel,
edits kept, several sources)."""

from __future__ import annotations

import datetime as dt

import pytest

from briefgen.errors import Cancelled, ExtractionError
from briefgen.extract import extract_brief, extract_briefs, source_count
from briefgen.model import Source


@pytest.fixture(scope="module")
def brief(nlp, sample_source):  # type: ignore[no-untyped-def]
    return extract_brief([sample_source], nlp)


def test_header_fields_and_summary(brief, sample_source):
    assert brief.fields["subject"] == sample_source.title
    assert brief.fields["event_date"] == "2026-03-12"
    assert brief.summary.text.startswith("Senior diplomats from Norvalia and Estrava met in Geneva")
    assert brief.summary.text.endswith("at a date still to be determined.")
    assert brief.evidence(brief.summary.spans[0]) == brief.summary.text


def test_people_with_roles_and_organisations(brief):
    found = {p.name: (p.role, p.organization) for p in brief.people}
    assert found == {
        "Anika Solberg": ("Deputy Foreign Minister, head of the Norvalian delegation", None),
        "Tomas Reyhan": (
            "Ambassador, head of the Estravan Foreign Ministry's European department",
            "Estravan Foreign Ministry",
        ),
        "Marta Lindqvist": ("spokesperson", "Norvalian Foreign Ministry"),
        "Daniel Brunner": ("Swiss State Secretary", None),
        "Ilse Varga": ("Professor", "University of Vienna"),
        "Leona Castel": ("foreign minister", "Estrava"),
    }
    solberg = next(p for p in brief.people if p.name == "Anika Solberg")
    assert [brief.evidence(s) for s in solberg.spans] == ["Anika Solberg", "Solberg", "Solberg"]


def test_organisations_and_places(brief):
    assert [o.name for o in brief.organizations] == [
        "Estravan Foreign Ministry",
        "Swiss Federal Department of Foreign Affairs",
        "Norvalian Foreign Ministry",
        "University of Vienna",
    ]
    assert [p.name for p in brief.places] == [
        "Norvalia",
        "Estrava",
        "Geneva",
        "Kettle Strait",
        "Switzerland",
    ]
    for item in brief.organizations + brief.places:
        assert all(brief.evidence(s) == item.name for s in item.spans)


def test_dates_resolved_against_the_publication_date(brief):
    assert [(d.text, d.date) for d in brief.dates] == [
        ("March 13", "2026-03-13"),
        ("Thursday", "2026-03-12"),
        ("2020", None),
        ("2021", None),
        ("April 30", "2026-04-30"),
        ("last year", None),
        ("next week", "2026-03-16"),
    ]


def test_quotes_with_speakers(brief):
    found = [(q.text[:40], q.speaker) for q in brief.quotes]
    assert found == [
        ("We came here to listen as much as to spe", "Anika Solberg"),
        ("Nobody should expect every problem to be", "Anika Solberg"),
        ("This is a first step, but it is a real o", "Tomas Reyhan"),
        ("every question has its season.", "Anika Solberg"),
        ("Our citizens remain our first concern, a", "Marta Lindqvist"),
        ("Switzerland is glad to offer its good of", "Daniel Brunner"),
        ("Neither capital can be seen to travel to", "Ilse Varga"),
        ("A third country lets them both arrive as", "Ilse Varga"),
    ]
    reyhan = brief.quotes[2]
    assert [brief.evidence(s) for s in reyhan.spans] == [
        "This is a first step,",
        "but it is a real one, and my government intends to keep walking.",
    ]
    assert brief.quotes[4].speaker_role == "spokesperson"


def test_topics_name_the_agenda(brief):
    texts = [t.text for t in brief.topics]
    for topic in ("consular access", "visa processing", "staffing levels"):
        assert any(topic in t for t in texts)
    # "the maritime boundary dispute ... was not discussed": left off the agenda
    assert not any("maritime boundary" in t for t in texts)


def test_next_steps(brief):
    steps = [s.text for s in brief.next_steps]
    assert len(steps) == 4
    assert steps[0].startswith("The statement said the two sides had agreed to set up")
    assert steps[1].startswith("The delegations agreed to hold a second round of talks")
    assert steps[2] == "Officials said the next meeting would be led at the same level."
    assert steps[3].startswith("Estrava's foreign minister, Leona Castel, is expected to brief")
    # the lead (a meeting that took place) and background are not next steps
    assert not any(s.startswith("Senior diplomats") for s in steps)
    assert not any("downgraded relations" in s or "maritime boundary" in s for s in steps)


def test_outcomes_are_the_agreements_the_article_states(brief):
    agreed = [o.text for o in brief.outcomes if "agreed" in o.text or "agreeing" in o.text]
    assert len(agreed) == 3
    assert any("second round of talks" in text for text in agreed)
    assert not any("no commitment had been made" in o.text for o in brief.outcomes)
    for outcome in brief.outcomes:
        assert brief.evidence(outcome.spans[0]) == outcome.text
        assert outcome.include
        assert outcome.confidence is not None


def test_key_points_ranked_with_evidence(brief):
    assert 3 <= sum(k.include for k in brief.key_points) <= 10  # the memo prints these
    assert brief.key_points[0].text == brief.summary.text
    scores = [k.score for k in brief.key_points]
    assert scores == sorted(scores, reverse=True)
    for item in brief.next_steps:
        assert brief.evidence(item.spans[0]) == item.text
    # a key point is its sentence's words in order, a side clause naming nothing new left out
    for point in brief.key_points:
        words = iter(w.strip(".,").lower() for w in brief.evidence(point.spans[0]).split())
        assert all(w.strip(".,").lower() in words for w in point.text.split()), point.text


def test_progress_is_reported_and_cancel_stops_between_steps(nlp, sample_source):
    calls: list[tuple[int, int]] = []
    extract_brief([sample_source], nlp, progress=lambda done, total: calls.append((done, total)))
    assert calls[-1][0] == calls[-1][1]
    assert [c[0] for c in calls] == list(range(1, len(calls) + 1))
    with pytest.raises(Cancelled):
        extract_brief([sample_source], nlp, is_cancelled=lambda: True)
    seen: list[int] = []
    with pytest.raises(Cancelled):
        extract_brief(
            [sample_source],
            nlp,
            progress=lambda d, t: seen.append(d),
            is_cancelled=lambda: len(seen) >= 2,
        )
    assert len(seen) == 2


def test_the_reference_date_overrides_the_publication_date(nlp, sample_source):
    brief = extract_brief([sample_source], nlp, reference_date=dt.date(2026, 3, 20))
    assert brief.fields["event_date"] == "2026-03-19"


def test_no_source_is_an_extraction_error(nlp):
    with pytest.raises(ExtractionError, match="no article"):
        extract_brief([], nlp)


def test_the_pipeline_is_left_unchanged(nlp, sample_source):
    before = list(nlp.pipe_names)
    extract_brief([sample_source], nlp)
    assert nlp.pipe_names == before


def test_re_extraction_keeps_what_the_user_edited(nlp, sample_source, brief):
    previous = extract_brief([sample_source], nlp)
    previous.quotes[0].speaker = "Norvalian delegation"
    previous.fields["to"] = "Head of Division"
    previous.edited = ["/quotes/0/speaker"]
    again = extract_brief([sample_source], nlp, previous=previous)
    assert again.quotes[0].speaker == "Norvalian delegation"
    assert again.fields["to"] == "Head of Division"
    assert len(again.quotes) == len(brief.quotes)
    assert again.edited == ["/quotes/0"]


def test_several_sources_merge_and_count_sources(nlp, sample_source):
    second = Source(
        id="src-second",
        published="2026-03-13",
        text=(
            "Senior diplomats from Norvalia and Estrava met in Geneva on Thursday for their "
            "first direct talks in six years and agreed to work toward restoring normal "
            "embassy operations.\n\nDeputy Foreign Minister Anika Solberg led the Norvalian "
            "side. A working group will report by April 30."
        ),
    )
    brief = extract_brief([sample_source, second], nlp)
    lead = brief.key_points[0]
    assert source_count(lead.spans) == 2
    solberg = next(p for p in brief.people if p.name == "Anika Solberg")
    assert {s.source for s in solberg.spans} == {"src-sample", "src-second"}
    assert len([p for p in brief.people if "Solberg" in p.name]) == 1
    assert [s.id for s in brief.sources] == ["src-sample", "src-second"]


def test_extract_briefs_batches_articles(nlp, sample_source):
    other = Source(id="o", text="The port of Varna reopened on Monday after a strike.")
    briefs = extract_briefs([[sample_source], [other]], nlp)
    assert [b.sources[0].id for b in briefs] == ["src-sample", "o"]
    assert briefs[1].places[0].name == "Varna"


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n  ", "Hello.", 'He said "never closed', '\u2014 \u2015 "x" \u2015', "word " * 80],
)
def test_odd_texts_give_a_brief_without_failing(nlp, text):
    brief = extract_brief([Source(id="odd", text=text, published="2026-13-45")], nlp)
    assert brief.fields["event_date"] is None
    for point in brief.key_points:
        assert brief.evidence(point.spans[0]) == point.text


def test_each_source_gets_its_dateline_lead_and_venue(brief):
    (source,) = brief.sources
    assert source.dateline is not None
    assert (source.dateline.place, source.dateline.date_text, source.dateline.agency) == (
        "GENEVA", "March 13", "Meridian Wire"
    )
    assert source.lead is not None
    assert source.lead.startswith("Senior diplomats from Norvalia and Estrava met in Geneva")
    assert source.lead.endswith("at a date still to be determined.")
    assert source.venue == "Geneva"
    assert "Geneva" in {p.name for p in brief.places}


def test_a_source_without_a_dateline_gets_no_venue(nlp):
    text = "Officials said on Monday that the harbour plan was approved by the council."
    brief = extract_brief([Source(id="t", text=text)], nlp)
    assert brief.sources[0].venue is None
    assert brief.sources[0].lead == text


def test_a_caps_dateline_after_a_kept_headline_gives_the_venue_and_keeps_the_title(nlp):
    text = (
        "Ferry line to reopen\n\nHAVLO Transport ministers of Estovia and Lindmark agreed on "
        "Friday to reopen the ferry line."
    )
    brief = extract_brief([Source(id="t", text=text)], nlp)
    source = brief.sources[0]
    assert source.dateline is None  # the headline is no part of a dateline
    assert source.venue == "Havlo"
    assert source.lead == (
        "Transport ministers of Estovia and Lindmark agreed on Friday to reopen the ferry line.")


def test_the_sources_given_are_left_as_they_were(nlp):
    given = Source(id="t", text="GENEVA (Wire) - Officials met on Monday in Geneva.")
    brief = extract_brief([given], nlp)
    assert brief.sources[0].lead is not None
    assert brief.sources[0] is not given
    assert (given.lead, given.venue) == (None, None)


def test_a_readout_without_a_dateline_takes_its_venue_from_the_meeting_sentence(nlp):
    source = Source(
        id="r",
        text=(
            "Readout of President Arne Dahl’s Meeting with Prime Minister Lise Moen\n\n"
            "President Arne Dahl met Prime Minister Lise Moen on March 3, 2025, in Valmont. "
            "The leaders discussed the harbor and trade with Norland."
        ),
        published="2025-03-04",
    )
    brief = extract_brief([source], nlp)
    assert brief.sources[0].venue == "Valmont"
    assert "Valmont" in [p.name for p in brief.places]
    assert brief.fields["event_date"] == "2025-03-03"
    assert {p.name for p in brief.people if p.participant} == {"Arne Dahl", "Lise Moen"}
