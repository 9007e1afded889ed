"""The template context: defaults, included key points, citation numbers, marks, warnings."""

from __future__ import annotations

from dataclasses import replace

import pytest
from support.sample_briefs import DATE_FORMAT_CASES, sample_brief

from briefgen.model import Brief, KeyPoint, NextStep, Place, Quote, Source, Span, Summary
from briefgen.render import BriefTemplate, apply_template_defaults, brief_warnings, build_context
from briefgen.render.context import portion_mark


def test_key_points_left_out_by_the_user_are_not_in_the_context(builtin: BriefTemplate) -> None:
    brief = sample_brief()
    context = build_context(brief, builtin)
    texts = [k["text"] for k in context["key_points"]]
    assert len(texts) == 4
    assert not any("Trade between" in t for t in texts)


def test_header_fields_fall_back_to_manifest_defaults(builtin: BriefTemplate) -> None:
    context = build_context(Brief(fields={"subject": "Talks"}), builtin)
    assert context["fields"]["subject"] == "Talks"
    assert context["fields"]["classification"] == "UNCLASSIFIED"
    assert context["fields"]["portion_marks"] is False
    assert context["marking"] == "UNCLASSIFIED"


def test_each_source_gets_a_number_and_items_cite_theirs(builtin: BriefTemplate) -> None:
    first, second = Source("src-a", "Alpha text."), Source("src-b", "Beta text.")
    brief = Brief(
        fields={"citations": True},
        sources=[first, second],
        key_points=[KeyPoint("Both", [Span("src-b", 0, 4), Span("src-a", 0, 5)]),
                    KeyPoint("Unknown source", [Span("src-gone", 0, 1)])],
        quotes=[Quote("Beta", "B. Speaker", None, [Span("src-b", 0, 4)])],
    )
    context = build_context(brief, builtin)
    assert [s["number"] for s in context["sources"]] == [1, 2]
    assert context["key_points"][0]["cites"] == [1, 2]
    assert context["key_points"][0]["cite"] == "[1, 2]"
    assert context["key_points"][1]["cite"] == ""
    assert context["quotes"][0]["cite"] == "[2]"
    assert [q["text"] for q in context["sources"][1]["quotes"]] == ["Beta"]


def test_citation_marks_are_empty_when_the_option_is_off(builtin: BriefTemplate) -> None:
    brief = sample_brief()
    brief.fields["citations"] = False
    context = build_context(brief, builtin)
    assert context["key_points"][0]["cites"] == [1]
    assert context["key_points"][0]["cite"] == ""


def test_portion_marks_follow_the_banner_marking() -> None:
    assert portion_mark("UNCLASSIFIED") == "(U)"
    assert portion_mark("OFFICIAL-SENSITIVE") == "(OS)"
    assert portion_mark("SECRET//NOFORN") == "(S)"
    assert portion_mark("Internal Use Only") == "(IUO)"
    assert portion_mark("") == ""


def test_portion_prefix_is_set_only_when_portion_marks_are_on(builtin: BriefTemplate) -> None:
    brief = sample_brief()
    assert build_context(brief, builtin)["portion_space"] == ""
    brief.fields["portion_marks"] = True
    assert build_context(brief, builtin)["portion_space"] == "(O) "


def test_a_bottom_line_beyond_four_lines_is_warned_about(builtin: BriefTemplate) -> None:
    brief = sample_brief()
    assert not any("bottom line" in w for w in brief_warnings(brief, builtin))
    brief.summary = Summary("The talks went on. " * 30)
    warnings = brief_warnings(brief, builtin)
    assert any("bottom line runs to about 6 lines" in w for w in warnings)


def test_empty_required_fields_are_warned_about(builtin: BriefTemplate) -> None:
    warnings = brief_warnings(Brief(), builtin)
    assert any("\u201cSubject\u201d" in w or "\u201cMeeting\u201d" in w for w in warnings)


def test_apply_template_defaults_fills_only_what_is_missing(builtin: BriefTemplate) -> None:
    brief = Brief(fields={"classification": "SECRET", "subject": ""})
    apply_template_defaults(brief, builtin)
    assert brief.template == builtin.id
    assert brief.fields["classification"] == "SECRET"
    assert "portion_marks" in brief.fields
    assert brief.fields["portion_marks"] is False
    assert brief.fields["subject"] == ""  # no default to fill it with


def test_people_table_fields_are_normalised_rows(library: object) -> None:
    from briefgen.render import TemplateLibrary

    assert isinstance(library, TemplateLibrary)
    readout = library.get("meeting-readout")
    brief = Brief(fields={"participants": [{"name": "A. Person", "role": None}, "junk"]})
    rows = build_context(brief, readout)["fields"]["participants"]
    assert rows == [{"name": "A. Person", "role": "", "organization": "", "cites": [],
                     "cite": ""}]


def test_items_that_repeat_the_bottom_line_are_left_out(builtin: BriefTemplate) -> None:
    brief = sample_brief()
    repeat = brief.summary.text.upper().replace(",", "")
    brief.key_points.insert(0, KeyPoint(repeat, [], 1.0))
    brief.next_steps.insert(0, NextStep(brief.summary.text))
    context = build_context(brief, builtin)
    assert len(context["key_points"]) == 4
    assert len(context["next_steps"]) == 2


def test_a_key_point_that_is_also_a_next_step_is_shown_once_among_the_next_steps(
    library: object,
) -> None:
    step = "The two sides will meet again in Valmont in May."
    brief = Brief(key_points=[KeyPoint("Talks resumed after six years.", [], 0.9),
                              KeyPoint(step, [], 0.5)],
                  next_steps=[NextStep(step)])
    for template_id in ("information-memo", "decision-memo", "media-digest"):
        template = library.get(template_id)  # type: ignore[attr-defined]
        context = build_context(brief, template)
        assert [k["text"] for k in context["key_points"]] == ["Talks resumed after six years."]
        assert [n["text"] for n in context["next_steps"]] == [step]
    no_steps = replace(library.get("information-memo"),  # type: ignore[attr-defined]
                       lists=["summary", "key_points", "sources"])
    shown = [k["text"] for k in build_context(brief, no_steps)["key_points"]]
    assert shown == ["Talks resumed after six years.", step]


def test_a_key_point_in_fewer_words_than_its_next_step_is_shown_once(library: object) -> None:
    # the key point leaves out the sentence's unnamed speaker; its span is the step's
    text = "Officials said the two sides would meet again in Valmont in May."
    sentence = [Span("src-a", 0, len(text))]
    brief = Brief(sources=[Source("src-a", text)],
                  key_points=[KeyPoint("The two sides would meet again in Valmont in May.",
                                       sentence, 0.9)],
                  next_steps=[NextStep(text, sentence)])
    context = build_context(brief, library.get("information-memo"))  # type: ignore[attr-defined]
    assert context["key_points"] == []
    assert [n["text"] for n in context["next_steps"]] == [text]


def test_a_source_summary_is_its_first_sentence_without_the_dateline(
    builtin: BriefTemplate,
) -> None:
    brief = sample_brief()
    brief.summary = Summary("Something else entirely.")
    source = build_context(brief, builtin)["sources"][0]
    assert source["summary"].startswith("Senior diplomats from Norvalia and Estrava met in Geneva")
    assert source["summary"].endswith("date still to be determined.")
    brief.summary = Summary(source["summary"])
    assert build_context(brief, builtin)["sources"][0]["summary"] == ""


def test_location_falls_back_to_the_dateline_city_when_it_is_a_place(library: object) -> None:
    from briefgen.render import TemplateLibrary, render_html

    assert isinstance(library, TemplateLibrary)
    brief = sample_brief()
    del brief.fields["location"]
    brief.places.insert(0, Place("Norvalia"))
    readout = library.get("meeting-readout")
    located = "<th scope=\"row\">LOCATION:</th><td dir=\"auto\">Geneva</td>"
    assert located in render_html(brief, readout)
    brief.places = [p for p in brief.places if p.name != "Geneva"]
    assert "<th scope=\"row\">LOCATION:</th><td dir=\"auto\"></td>" in render_html(brief, readout)


def test_a_brief_saved_before_leads_and_venues_were_recorded_gives_them_empty(
    builtin: BriefTemplate,
) -> None:
    brief = sample_brief()
    brief.sources[0].lead = None
    brief.sources[0].venue = None
    context = build_context(brief, builtin)
    assert context["sources"][0]["lead"] == ""
    assert context["venue"] == ""


def test_the_venue_is_the_one_extraction_recorded_on_the_first_source(
    builtin: BriefTemplate,
) -> None:
    brief = sample_brief()
    brief.places.append(Place("Lausanne"))
    brief.sources[0].venue = "LAUSANNE"
    assert build_context(brief, builtin)["venue"] == "Lausanne"


@pytest.mark.parametrize(("date_format", "_header", "published"), DATE_FORMAT_CASES)
def test_sources_and_dates_are_written_in_the_date_format(
    builtin: BriefTemplate, date_format: str, _header: str, published: str
) -> None:
    context = build_context(sample_brief(), builtin, date_format=date_format)
    assert context["date_format"] == date_format
    source = context["sources"][0]
    assert source["published"] == published
    assert source["reference"].endswith(f", {published}")
    displays = {
        "%d %B %Y": ["12 March 2026", "30 April 2026"],
        "%B %d, %Y": ["March 12, 2026", "April 30, 2026"],
        "%Y-%m-%d": ["2026-03-12", "2026-04-30"],
        "%d/%m/%Y": ["12/03/2026", "30/04/2026"],
    }
    assert [d["display"] for d in context["dates"]] == displays[date_format]


def test_an_unusable_date_format_gives_the_default_in_the_context(builtin: BriefTemplate) -> None:
    context = build_context(sample_brief(), builtin, date_format="%H:%M")
    assert context["date_format"] == "%d %B %Y"
    assert context["sources"][0]["published"] == "13 March 2026"
    assert build_context(sample_brief(), builtin)["date_format"] == "%d %B %Y"


def test_a_quote_the_next_steps_already_give_is_said_once_among_the_next_steps(
    library: object,
) -> None:
    words = ("We have agreed that both embassies will restore full consular services within "
             "three months")
    step = (f"\u201c{words}, and that is a real step forward,\u201d Halvorsen told reporters "
            "after the session.")
    other = "The visa backlog is our first concern"
    brief = Brief(quotes=[Quote(words, "Ingrid Halvorsen"), Quote(other, "Tomas Reyes")],
                  next_steps=[NextStep(step)])
    for template_id in ("meeting-readout", "information-memo", "decision-memo"):
        template = library.get(template_id)  # type: ignore[attr-defined]
        context = build_context(brief, template)
        assert [q["text"] for q in context["quotes"]] == [other], template_id
        assert [n["text"] for n in context["next_steps"]] == [step], template_id
    # A template without next steps keeps the quote: it is said nowhere else.
    no_steps = replace(library.get("information-memo"),  # type: ignore[attr-defined]
                       lists=["summary", "quotes", "sources"])
    assert len(build_context(brief, no_steps)["quotes"]) == 2
