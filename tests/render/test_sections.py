"""The memo rules of render/sections.py and context.py: each section holds what its heading
promises, in the rendered .docx and HTML of every built-in template (issue 12)."""

from __future__ import annotations

import datetime as dt
import io
from html.parser import HTMLParser

import docx
import pytest
from support.memo_articles import COURT, MEETING, STATEMENT

from briefgen.extract.pipeline import extract_brief
from briefgen.intake.pasted import load_pasted
from briefgen.model import (
    Brief,
    KeyPoint,
    NextStep,
    Organization,
    Outcome,
    Quote,
    Source,
    Span,
    brief_from_dict,
    brief_to_dict,
)
from briefgen.render import BriefTemplate, long_date, render_docx, render_html
from briefgen.render.sections import memo_subject, speaker_label

THURSDAY = dt.date(2026, 3, 14)  # the Saturday after the talks: "Thursday" is 12 March


class _Text(HTMLParser):
    """The visible text of an HTML memo, one line per block element."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = [""]
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"style", "script", "title"}:
            self._hidden += 1
        if tag in {"p", "li", "h1", "h2", "tr", "blockquote", "td", "th"}:
            self.lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"style", "script", "title"}:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.lines[-1] += data


def html_lines(html: str) -> list[str]:
    parser = _Text()
    parser.feed(html)
    return [" ".join(line.split()) for line in parser.lines if line.strip()]


def docx_lines(data: bytes) -> list[str]:
    document = docx.Document(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines.extend(cell.text for row in table.rows for cell in row.cells)
    return [" ".join(line.split()) for line in lines if line.strip()]


def rendered(brief: Brief, template: BriefTemplate) -> dict[str, list[str]]:
    """The memo's text lines, per format."""
    return {"docx": docx_lines(render_docx(brief, template)),
            "html": html_lines(render_html(brief, template))}


def section(lines: list[str], heading: str, stop: tuple[str, ...]) -> list[str]:
    """The lines after ``heading`` up to the next of the ``stop`` headings."""
    start = lines.index(heading) + 1
    end = next((i for i in range(start, len(lines)) if lines[i] in stop), len(lines))
    return lines[start:end]


def pasted(text: str) -> Source:
    source = load_pasted(text=text)
    source.id = "pasted"
    return source


@pytest.fixture(scope="module")
def meeting(nlp) -> Brief:  # type: ignore[no-untyped-def]
    return extract_brief([pasted(MEETING)], nlp, reference_date=THURSDAY)


@pytest.fixture(scope="module")
def undated_meeting(nlp) -> Brief:  # type: ignore[no-untyped-def]
    return extract_brief([pasted(MEETING)], nlp)


@pytest.fixture(scope="module")
def statement(nlp) -> Brief:  # type: ignore[no-untyped-def]
    return extract_brief([pasted(STATEMENT)], nlp)


@pytest.fixture(scope="module")
def court(nlp) -> Brief:  # type: ignore[no-untyped-def]
    return extract_brief([pasted(COURT)], nlp)


def _header(lines: list[str], label: str) -> str:
    """A header line's value: the text after its label (same cell or the next one)."""
    for i, line in enumerate(lines):
        if line.startswith(label):
            value = line[len(label):].strip()
            return value or (lines[i + 1] if i + 1 < len(lines) else "")
    raise AssertionError(f"no {label} line in the memo")


def test_the_subject_is_a_noun_phrase_of_the_parties_event_place_and_date(
    meeting: Brief, builtin: BriefTemplate
) -> None:
    label = "MEETING:" if builtin.id == "meeting-readout" else "SUBJECT:"
    for lines in rendered(meeting, builtin).values():
        subject = _header(lines, label)
        assert subject.startswith("Norland\u2013Estavia talks on ")
        assert subject.endswith("Valmont, 12 March 2026")
        assert "\u2026" not in subject


def test_a_headline_is_the_subject_when_the_source_has_one(
    meeting: Brief, builtin: BriefTemplate
) -> None:
    titled = Brief(sources=[Source(id="s", text="Body.", title="Norland and Estavia meet")],
                   places=meeting.places)
    assert memo_subject(titled, "", "") == "Norland and Estavia meet"


def test_memo_dates_are_the_drafting_day_and_the_readout_date_is_the_meeting(
    meeting: Brief, builtin: BriefTemplate
) -> None:
    expected = (long_date("2026-03-12") if builtin.id == "meeting-readout"
                else long_date(dt.date.today().isoformat()))
    for lines in rendered(meeting, builtin).values():
        assert _header(lines, "DATE:") == expected


def test_an_undated_pasted_meeting_leaves_the_readout_date_to_the_drafter(
    undated_meeting: Brief, library: object
) -> None:
    readout = library.get("meeting-readout")  # type: ignore[attr-defined]
    memo = library.get("information-memo")  # type: ignore[attr-defined]
    assert _header(rendered(undated_meeting, readout)["html"], "DATE:") == "LOCATION:"
    assert _header(rendered(undated_meeting, memo)["html"], "DATE:") == long_date(
        dt.date.today().isoformat())


def test_a_guessed_meeting_date_is_warned_about_in_the_form_not_the_memo(
    undated_meeting: Brief, library: object
) -> None:
    from briefgen.render import brief_warnings

    readout = library.get("meeting-readout")  # type: ignore[attr-defined]
    guessed = Brief(fields={"event_date": "2026-03-12", "event_date_guessed": True})
    assert any("guessed" in w for w in brief_warnings(guessed, readout))
    assert not any("guessed" in w for w in brief_warnings(undated_meeting, readout))
    assert "guessed" not in " ".join(rendered(guessed, readout)["docx"])


@pytest.mark.parametrize("story", ["meeting", "statement", "court"])
def test_short_quoted_fragments_stay_in_the_brief_but_not_in_the_memo(
    story: str, builtin: BriefTemplate, request: pytest.FixtureRequest
) -> None:
    brief: Brief = request.getfixturevalue(story)
    left_out = [q.text for q in brief.quotes if not q.include]
    kept = [q.text for q in brief.quotes if q.include]
    assert kept
    assert left_out or story == "court"  # the court story quotes no fragment on its own
    for lines in rendered(brief, builtin).values():
        text = "\n".join(lines)
        for fragment in left_out:
            assert f"\u201c{fragment}\u201d" not in text
        # Kept words are in the memo: as a quote, or inside the next step or outcome that
        # is their sentence (said once there, issue 20).
        assert " ".join(kept[0].split()[:6]) in text


def test_the_meeting_memo_says_the_statement_once_with_its_speaker(
    meeting: Brief, builtin: BriefTemplate
) -> None:
    for lines in rendered(meeting, builtin).values():
        holding = [i for i, line in enumerate(lines) if "We have agreed that" in line]
        assert len(holding) == 1  # as a quote or as the next step it announces, not both
        said = " ".join(lines[holding[0]:holding[0] + 2])
        assert "Halvorsen" in said


def test_words_credited_to_a_statement_name_its_issuer() -> None:
    text = "The Estavian Foreign Ministry spoke late. A statement said it was open."
    source = Source(id="s", text=text)
    ministry = Organization("Estavian Foreign Ministry", [Span("s", 4, 29)])
    brief = Brief(sources=[source], organizations=[ministry])
    quote = Quote("it was open", speaker="statement", spans=[Span("s", 58, 69)])
    assert speaker_label(brief, quote) == "Estavian Foreign Ministry statement"
    papers = Quote("it was open", speaker="documents", spans=[Span("s", 58, 69)])
    assert speaker_label(brief, papers) == "Estavian Foreign Ministry documents"
    assert speaker_label(Brief(sources=[source]), quote) == "Statement (issuer not named)"
    assert speaker_label(brief, Quote("x", speaker="Ingrid Halvorsen")) == "Ingrid Halvorsen"


def test_the_readout_lists_who_took_part_and_names_the_others_as_also_mentioned(
    meeting: Brief, library: object
) -> None:
    readout = library.get("meeting-readout")  # type: ignore[attr-defined]
    document = docx.Document(io.BytesIO(render_docx(meeting, readout)))
    names = [row.cells[0].text for row in document.tables[-1].rows[1:]]
    assert names == ["Ingrid Halvorsen", "Tomas Reyes"]
    for lines in rendered(meeting, readout).values():
        also = next(line for line in lines if line.startswith("Also mentioned:"))
        assert "Lena Okafor" in also
        assert "Paulo Brandt" in also
        assert "Halvorsen" not in also


def test_the_readout_outcomes_are_the_briefs_outcomes_list(
    meeting: Brief, library: object
) -> None:
    readout = library.get("meeting-readout")  # type: ignore[attr-defined]
    agreed = "The two sides agreed to meet again in Valmont, on a date to be determined."
    assert [o.text for o in meeting.outcomes] == [agreed]
    for lines in rendered(meeting, readout).values():
        outcomes = section(lines, "Outcomes", ("Quotes", "Sources", "Next steps"))
        assert outcomes == [agreed]
        # an agreement about a later step is printed once, among the outcomes
        assert lines.count(agreed) == 1
        # What was not discussed has its own section, so Outcomes does not repeat it.
        left_out = section(lines, "Not discussed", ("Sources",))
        assert len(left_out) == 1
        assert "fishing zone" in left_out[0]


def test_the_readout_says_when_the_brief_has_no_outcome(library: object) -> None:
    readout = library.get("meeting-readout")  # type: ignore[attr-defined]
    text = "The envoys met in Valmont on Thursday. They agreed to nothing at all."
    brief = Brief(sources=[Source(id="s", text=text)], summary=meeting_summary(text),
                  outcomes=[Outcome("They agreed to nothing at all.", [Span("s", 39, 69)],
                                    include=False)])
    for lines in rendered(brief, readout).values():
        assert section(lines, "Outcomes", ("Sources",)) == ["No outcome stated in the sources."]
        assert "They agreed to nothing at all." not in lines


def meeting_summary(text: str):  # type: ignore[no-untyped-def]
    from briefgen.model import Summary

    return Summary(text=text.split(". ")[0] + ".", spans=[Span("s", 0, 38)])


def test_an_older_readouts_typed_outcomes_are_its_outcomes_beside_the_next_steps(
    meeting: Brief, library: object
) -> None:
    readout = library.get("meeting-readout")  # type: ignore[attr-defined]
    data = brief_to_dict(meeting)
    del data["outcomes"]  # as a file written before the list existed
    data["fields"]["outcomes"] = ["Consular services back."]
    older = brief_from_dict(data)
    for lines in rendered(older, readout).values():
        assert section(lines, "Outcomes", ("Quotes", "Next steps")) == ["Consular services back."]
        assert "Next steps" in lines


def test_a_sentence_that_is_an_outcome_and_a_next_step_is_printed_once_as_an_outcome(
    library: object,
) -> None:
    text = "The envoys met in Valmont. The sides agreed to meet again in May."
    span = [Span("s", 27, len(text))]
    agreed = text[27:]
    brief = Brief(sources=[Source(id="s", text=text)], summary=meeting_summary(text),
                  key_points=[KeyPoint(agreed, span)], next_steps=[NextStep(agreed, span)],
                  outcomes=[Outcome(agreed, span, 0.9)])
    for template_id in ("meeting-readout", "information-memo"):
        template = library.get(template_id)  # type: ignore[attr-defined]
        for lines in rendered(brief, template).values():
            assert lines.count(agreed) == 1
            assert section(lines, "Outcomes", ("Quotes", "Next steps", "Sources")) == [agreed]


def test_the_information_memo_shows_outcomes_only_when_the_brief_has_included_ones(
    meeting: Brief, library: object
) -> None:
    memo = library.get("information-memo")  # type: ignore[attr-defined]
    for lines in rendered(meeting, memo).values():
        assert "Outcomes" in lines
    none_kept = Brief(**{**meeting.__dict__, "outcomes": [
        Outcome(o.text, o.spans, o.confidence, include=False) for o in meeting.outcomes]})
    for lines in rendered(none_kept, memo).values():
        assert "Outcomes" not in lines


def test_topics_are_the_issues_discussed_not_words_about_the_talks(
    meeting: Brief, library: object
) -> None:
    readout = library.get("meeting-readout")  # type: ignore[attr-defined]
    for lines in rendered(meeting, readout).values():
        topics = section(lines, "Topics discussed", ("Outcomes",))
        assert "visa processing" in topics
        for empty in ("marathon discussion", "fresh concerns", "constructive approach"):
            assert empty not in topics


@pytest.mark.parametrize("story", ["meeting", "statement", "court"])
def test_a_pasted_source_shows_its_first_words_and_the_paste_day(
    story: str, builtin: BriefTemplate, request: pytest.FixtureRequest
) -> None:
    brief: Brief = request.getfixturevalue(story)
    first = " ".join(brief.sources[0].text.split()[:4])
    pasted_on = f"pasted on {long_date(dt.date.today().isoformat())}"
    for lines in rendered(brief, builtin).values():
        reference = section(lines, "Sources", ())[0]
        assert reference.removeprefix("[1]").strip().startswith(first)
        assert pasted_on in reference
        assert "Source 1" not in reference
        assert "\u201c" not in reference


def test_a_long_lead_that_is_the_bottom_line_is_not_repeated_as_the_source_summary(
    library: object,
) -> None:
    from briefgen.model import Summary
    from briefgen.render import build_context

    lead = "Norland and Estavia " + "talked about visas and staff " * 20 + "in Valmont."
    brief = Brief(sources=[Source(id="s", text=lead, lead=lead)], summary=Summary(lead))
    digest = library.get("media-digest")  # type: ignore[attr-defined]
    assert build_context(brief, digest)["sources"][0]["summary"] == ""
