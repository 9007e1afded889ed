"""extract_brief: every step over one or several sources, parsed once, merged into a Brief."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from spacy.language import Language

from briefgen.errors import Cancelled, ExtractionError
from briefgen.extract import merge
from briefgen.extract.dates import event_date, find_dates, merge_dates, reference_of
from briefgen.extract.entities import find_mentions
from briefgen.extract.event_place import meeting_place
from briefgen.extract.keypoints import (
    Ranked,
    cap_included,
    key_points_within,
    rank_sentences,
    text_word_count,
)
from briefgen.extract.mention_index import MentionIndex
from briefgen.extract.next_steps import extract_next_steps, upcoming_spans
from briefgen.extract.not_discussed import find_not_discussed
from briefgen.extract.organizations import build_organizations, build_places
from briefgen.extract.outcomes import find_outcomes, merge_outcomes
from briefgen.extract.parse import Parsed, parse_sources
from briefgen.extract.participants import mark_participants
from briefgen.extract.people import build_people
from briefgen.extract.point_subjects import name_pronoun_openers
from briefgen.extract.quote_choice import choose_quotes
from briefgen.extract.quotes import find_quotes, to_quotes
from briefgen.extract.sentences import Sentence, sentences
from briefgen.extract.summary import build_summary
from briefgen.extract.topics import extract_topics
from briefgen.model import (
    DEFAULT_TEMPLATE,
    Brief,
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
)
from briefgen.model.edits import keep_edits
from briefgen.text.normalise import entity_key

_STEPS_PER_SOURCE = 4


@dataclass
class SourceResult:
    """Everything extracted from one source before merging."""

    sentences: list[Sentence]
    ranked: list[Ranked]
    key_points: list[KeyPoint]
    people: list[Person]
    organizations: list[Organization]
    places: list[Place]
    dates: list[DateMention]
    event_date: str | None
    reference: dt.date | None
    quotes: list[Quote]
    next_steps: list[NextStep]
    not_discussed: list[NotDiscussed]
    outcomes: list[Outcome]


def extract_brief(
    sources: Sequence[Source],
    nlp: Language,
    *,
    reference_date: dt.date | None = None,
    previous: Brief | None = None,
    template: str = DEFAULT_TEMPLATE,
    progress: Callable[[int, int], None] | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> Brief:
    """A Brief with every list filled from ``sources`` (the main one first).

    Relative dates resolve against ``reference_date``, else each source's publication
    date. Items the user edited in ``previous`` are kept. ``progress(done, total)`` is
    called between steps; ``Cancelled`` is raised between steps once ``is_cancelled()``.
    The brief's sources are copies of ``sources`` with their ``lead`` and ``venue`` (and
    ``dateline``, if it had none) filled in; ``sources`` themselves are left as they are.
    """
    if not sources:
        raise ExtractionError("Nothing to extract: no article was given.")
    total = 2 + _STEPS_PER_SOURCE * len(sources)
    done = 0

    def step() -> None:
        nonlocal done
        if is_cancelled is not None and is_cancelled():
            raise Cancelled()
        done += 1
        if progress is not None:
            progress(done, total)

    if is_cancelled is not None and is_cancelled():
        raise Cancelled()
    parsed = parse_sources(sources, nlp)
    step()
    results = [_extract_one(p, reference_date, step) for p in parsed]
    brief = _assemble(sources, parsed, results, template)
    step()
    return keep_edits(brief, previous)


def extract_briefs(
    articles: Sequence[Sequence[Source]],
    nlp: Language,
    *,
    reference_date: dt.date | None = None,
    template: str = DEFAULT_TEMPLATE,
) -> list[Brief]:
    """One Brief per article (each a list of sources), all parsed in one batched nlp.pipe."""
    flat = [source for sources in articles for source in sources]
    if not flat:
        return []
    parsed = parse_sources(flat, nlp)
    briefs: list[Brief] = []
    start = 0
    for sources in articles:
        if not sources:
            raise ExtractionError("Nothing to extract: an article in the batch has no source.")
        chunk = parsed[start : start + len(sources)]
        start += len(sources)
        results = [_extract_one(p, reference_date, lambda: None) for p in chunk]
        briefs.append(_assemble(sources, chunk, results, template))
    return briefs


def _extract_one(
    parsed: Parsed, reference_date: dt.date | None, step: Callable[[], None]
) -> SourceResult:
    """Every step on one parsed source, reusing its one parse."""
    sents = sentences(parsed)
    ranked = rank_sentences(sents)
    points = key_points_within(ranked, text_word_count(sents))
    step()
    mentions = find_mentions(parsed)
    people = build_people(mentions)
    organizations = build_organizations(mentions, people)
    places = build_places(mentions, people)
    step()
    reference = reference_date or reference_of(parsed.source.published)
    found_dates = find_dates(parsed, reference)
    step()
    index = MentionIndex(parsed, mentions, people, organizations)
    quotes = to_quotes(
        find_quotes(parsed, mentions, people, organizations, index),
        parsed.source.id,
        parsed.text,
    )
    name_pronoun_openers(points, index)
    dated = [
        (span.start, span.end, f.mention.date) for f in found_dates for span in f.mention.spans
    ]
    steps = extract_next_steps(sents, upcoming_spans(sents, dated, reference))
    step()
    return SourceResult(
        sents,
        ranked,
        points,
        people,
        organizations,
        places,
        merge_dates(found_dates),
        event_date(found_dates, reference),
        reference,
        quotes,
        steps,
        find_not_discussed(sents),
        find_outcomes(sents),
    )


def _assemble(
    sources: Sequence[Source], parsed: list[Parsed], results: list[SourceResult], template: str
) -> Brief:
    """Merge the per-source results into one Brief with its header fields."""
    main = results[0]
    people = merge.merge_people([r.people for r in results])
    roles = {p.name: p.role for p in people}
    quotes = merge.merge_quotes([r.quotes for r in results])
    for quote in quotes:
        if quote.speaker in roles and not quote.speaker_role:
            quote.speaker_role = roles[quote.speaker]
    brief = Brief(
        template=template,
        # Copies: the caller's sources (the window's, on another thread) stay untouched.
        sources=[replace(source) for source in sources],
        summary=build_summary(main.ranked),
        key_points=cap_included(merge.merge_key_points([r.key_points for r in results])),
        people=people,
        organizations=merge.merge_organizations([r.organizations for r in results]),
        places=merge.merge_places([r.places for r in results]),
        dates=merge.merge_dates([r.dates for r in results]),
        quotes=quotes,
        topics=extract_topics(parsed),
        next_steps=merge.merge_next_steps([r.next_steps for r in results]),
        outcomes=merge_outcomes([r.outcomes for r in results]),
        not_discussed=merge.merge_not_discussed([r.not_discussed for r in results]),
    )
    mark_participants(brief.people, parsed)
    choose_quotes(brief.quotes)
    for source, one, result in zip(brief.sources, parsed, results, strict=True):
        _record_lead_and_venue(source, one, result)
    title = " ".join((sources[0].title or "").split())
    if title:
        brief.fields["subject"] = title
    brief.fields["event_date"] = main.event_date
    brief.fields["event_date_guessed"] = _is_guess(main)
    return brief


def _is_guess(result: SourceResult) -> bool:
    """True when the event date is a guess: no date in the text gives it (the publication
    day was taken), or it is a weekday or a day without its year ("12 March") placed
    without a publication date to count from."""
    event = result.event_date
    if event is None:
        return False
    mention = next((d for d in result.dates if d.date == event), None)
    if mention is None:
        return True
    return result.reference is None and not re.search(r"\b\d{4}\b", mention.text)


def _record_lead_and_venue(source: Source, parsed: Parsed, result: SourceResult) -> None:
    """Fill ``source``'s dateline (when it had none recorded), ``lead`` (its first sentence
    that reads as one, dateline left out) and ``venue`` (the dateline's city, under the
    name the source's places give it; without a dateline, the place the text says the
    meeting took place in), so that render reads them from the brief."""
    source.dateline = parsed.dateline
    sents = result.sentences
    lead = next((s for s in sents if not s.is_headline_like), sents[0] if sents else None)
    source.lead = lead.text if lead is not None else None
    city = parsed.dateline.city if parsed.dateline else None
    if parsed.dateline is None:  # a caps dateline after a title: its city is the venue too
        city = parsed.text[slice(*parsed.dateline_place())]
    source.venue = next(
        (p.name for p in result.places if city and entity_key(p.name) == entity_key(city)), None
    ) or meeting_place(parsed, result.places)

