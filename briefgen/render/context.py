"""Turn a Brief and a BriefTemplate into the plain-dict context every template renders."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from pathlib import PurePath
from typing import Any

from briefgen.model import BRIEF_LISTS, Brief, Source, Span, list_names
from briefgen.render.dates import DEFAULT_DATE_FORMAT, long_date, valid_date_format
from briefgen.render.sections import (
    memo_subject,
    quote_strength,
    source_title,
    speaker_label,
)
from briefgen.render.templates.manifest import BriefTemplate, FieldSpec
from briefgen.render.textclean import clean_value, one_line, strip_forbidden
from briefgen.text.normalise import same_text, text_key

# About how many characters of 11-point body text fit on one line of an A4 or Letter memo
# with 2.5 cm margins; used to warn when the bottom line runs past four lines.
CHARS_PER_LINE = 95
BLUF_MAX_LINES = 4
_PORTION_ABBREVIATIONS = {
    "UNCLASSIFIED": "U",
    "OFFICIAL": "O",
    "OFFICIAL-SENSITIVE": "OS",
    "CONFIDENTIAL": "C",
    "RESTRICTED": "R",
    "SECRET": "S",
    "TOP SECRET": "TS",
}
DEFAULT_LABELS = {
    "summary": "Bottom line",
    **{kind.name: kind.title for kind in BRIEF_LISTS},
    "sources": "Sources",
}


def portion_mark(marking: str) -> str:
    """The portion mark for a banner marking: ``(U)`` for ``UNCLASSIFIED``, ``""`` if none.

    Only the part before any ``//`` caveat counts; unknown markings use their initials.
    """
    level = marking.split("//")[0].strip().upper()
    if not level:
        return ""
    abbreviation = _PORTION_ABBREVIATIONS.get(level)
    if abbreviation is None:
        abbreviation = "".join(w[0] for w in re.split(r"[\s-]+", level) if w)
    return f"({abbreviation})"


def _field_value(spec: FieldSpec, value: Any) -> Any:
    """A header value coerced to the shape its field type promises templates."""
    if value is None or value == "":
        value = spec.default
    value = clean_value(value)
    if spec.type == "bool":
        return bool(value)
    if spec.type == "list":
        if isinstance(value, str):
            return [line.strip() for line in value.splitlines() if line.strip()]
        return [str(v) for v in value or [] if str(v).strip()]
    if spec.type == "people":
        return [_person_row(row) for row in value or [] if isinstance(row, dict)]
    if spec.type == "quotes":
        return [_quote_row(row) for row in value or [] if isinstance(row, dict)]
    return "" if value is None else str(value)


def _person_row(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": str(row.get("name") or ""),
        "role": str(row.get("role") or ""),
        "organization": str(row.get("organization") or ""),
        "cites": [],
        "cite": "",
    }


def _quote_row(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "text": str(row.get("text") or ""),
        "speaker": str(row.get("speaker") or ""),
        "speaker_role": str(row.get("speaker_role") or ""),
        "cites": [],
        "cite": "",
    }


class _Citations:
    """Numbers sources 1..n in brief order and formats the marks of a list of spans."""

    def __init__(self, sources: list[Source], enabled: bool) -> None:
        self.numbers = {s.id: i for i, s in enumerate(sources, start=1)}
        self.enabled = enabled

    def numbers_of(self, spans: Iterable[Span]) -> list[int]:
        return sorted({self.numbers[s.source] for s in spans if s.source in self.numbers})

    def mark(self, numbers: list[int]) -> str:
        if not self.enabled or not numbers:
            return ""
        return "[" + ", ".join(str(n) for n in numbers) + "]"


def dateline_venue(brief: Brief) -> str:
    """The venue extraction found for the first source (its dateline city, ``Geneva``)
    when the brief still lists it among its places; otherwise ``""``, not a guess (also
    for a brief saved before extraction recorded venues)."""
    venue = brief.sources[0].venue if brief.sources else None
    if not venue:
        return ""
    return next((one_line(p.name) for p in brief.places if same_text(p.name, venue)), "")


def _lead(source: Source, limit: int = 320) -> str:
    """The source's lead as extraction recorded it (``""`` if none), cut to ``limit``."""
    sentence = one_line(strip_forbidden(source.lead or ""))
    sentence = sentence[:1].upper() + sentence[1:]
    if len(sentence) > limit:
        sentence = sentence[: limit - 1].rsplit(" ", 1)[0] + "\u2026"
    return sentence


def _source_row(source: Source, number: int, date_format: str) -> dict[str, Any]:
    """One source as the sources list shows it: what is known, no placeholder. A source
    without a title shows the first words of its text, unquoted (quotation marks would
    read as a quoted headline), and a pasted one says so, with the day."""
    title = source_title(source)
    published = long_date(source.published, date_format) if source.published else ""
    pasted = f"pasted on {long_date(source.pasted, date_format)}" if source.pasted else ""
    shown = f"\u201c{title}\u201d" if one_line(source.title or "") else title
    parts = [one_line(source.author or ""), shown, one_line(source.publisher or ""),
             published, one_line(source.url or "")]
    if not one_line(source.title or "") and source.path and not pasted:
        parts.append(PurePath(source.path).name)  # what is known of an untitled file
    parts.append(pasted)
    return {
        "number": number,
        "anchor": f"source-{number}",
        "id": source.id,
        "title": title,
        "publisher": one_line(source.publisher or ""),
        "author": one_line(source.author or ""),
        "url": one_line(source.url or ""),
        "published": published,
        "pasted": pasted,
        "reference": ", ".join(p for p in parts if p),
        "lead": _lead(source),
        "summary": "",
        "key_points": [],
        "quotes": [],
    }


def _date_value(spec: FieldSpec, brief: Brief, today: dt.date) -> tuple[str, bool]:
    """A date field's value and whether it is a guess: what the user typed, else for a
    ``memo-date`` the drafting day (``today``), for an ``event-date`` the event date
    extraction found (``""`` when it found none)."""
    typed = brief.fields.get(spec.name)
    if typed not in (None, ""):
        return str(clean_value(typed)), False
    if spec.default not in (None, ""):
        return str(clean_value(spec.default)), False
    if spec.meaning == "memo-date":
        return today.isoformat(), False
    event = brief.fields.get("event_date")
    return (str(event), bool(brief.fields.get("event_date_guessed"))) if event else ("", False)


def _said_in(quote_key: str, step_keys: list[str]) -> bool:
    """Whether a quote (its ``text_key``) of at least four words is inside one of the
    steps' keys."""
    return len(quote_key.split()) >= 4 and any(quote_key in step for step in step_keys)


def build_context(
    brief: Brief, template: BriefTemplate, *, preview: bool = False,
    date_format: str = DEFAULT_DATE_FORMAT, today: dt.date | None = None,
) -> dict[str, Any]:
    """Everything a template may use, as plain dicts, lists and strings.

    Header fields take the brief's value, else the manifest default; key points left out
    by the user (``include=False``) are dropped; every cited item carries ``cites`` (source
    numbers) and ``cite`` (the printed mark, empty when the template's ``citations`` field
    is off). Key points and next steps that merely repeat the bottom line are left out, and
    a source's ``summary`` (its first sentence, dateline removed) is empty when it is the
    bottom line. ``preview`` is True for the live preview in the window.

    ``date_format`` (strftime codes, see ``valid_date_format``; an unusable one gives the
    default) writes the sources' and dates' display dates and is carried as the context's
    ``date_format``, which the ``long_date`` filter uses.

    The memo rules of templates/README.md apply here, for every template: an empty date
    field is filled by its manifest ``meaning`` (``today``, default the real date, is the
    drafting day), an empty subject is built from what extraction found, quotes left out
    (``include=False``) are dropped and the rest come strongest first, participants and
    the people only mentioned are told apart, outcomes are the included items of the
    brief's outcomes list, and sources show what is known of them.
    """
    date_format = valid_date_format(date_format)
    today = today or dt.date.today()
    fields: dict[str, Any] = {k: clean_value(v) for k, v in brief.fields.items()}
    date_guessed = False
    for spec in template.fields:
        if spec.type == "date":
            fields[spec.name], guessed = _date_value(spec, brief, today)
            date_guessed = date_guessed or guessed
        else:
            fields[spec.name] = _field_value(spec, brief.fields.get(spec.name))
    venue = dateline_venue(brief)
    if not one_line(str(fields.get("subject") or "")):
        event = brief.fields.get("event_date")
        fields["subject"] = memo_subject(
            brief, venue, long_date(str(event), date_format) if event else "")
    marking = one_line(str(fields.get("classification") or "")).upper()
    citations = _Citations(brief.sources, bool(fields.get("citations")))
    portion = portion_mark(marking) if fields.get("portion_marks") else ""

    def cited(text: str, spans: list[Span], **extra: Any) -> dict[str, Any]:
        numbers = citations.numbers_of(spans)
        row = {"text": strip_forbidden(text).strip(), "cites": numbers,
               "cite": citations.mark(numbers)}
        row.update(extra)
        return row

    summary_text = strip_forbidden(brief.summary.text).strip()
    sources = [_source_row(s, n, date_format) for n, s in enumerate(brief.sources, start=1)]
    # Each sentence once: what repeats the bottom line is left out; an outcome is shown
    # among the outcomes (what was agreed), a next step there (what comes next) unless it
    # is an outcome shown, and a key point only when neither of those gives it.
    outcome_items = [o for o in brief.outcomes
                     if o.include and not same_text(o.text, summary_text)]
    as_outcomes = [o.text for o in outcome_items] if "outcomes" in template.lists else []
    next_steps = [n for n in brief.next_steps if not same_text(n.text, summary_text)
                  and not any(same_text(n.text, o) for o in as_outcomes)]
    as_steps = [n.text for n in next_steps] if "next_steps" in template.lists else []
    # a key point may say its sentence in fewer words: the same sentence shown as a step
    # or an outcome is the same item
    shown_spans = {(s.source, s.start, s.end) for item in
                   (outcome_items if as_outcomes else []) + (next_steps if as_steps else [])
                   for s in item.spans}
    key_points = [cited(k.text, k.spans) for k in brief.key_points
                  if k.include and not same_text(k.text, summary_text)
                  and not any(same_text(k.text, shown) for shown in as_steps + as_outcomes)
                  and not (k.spans and all((s.source, s.start, s.end) in shown_spans
                                           for s in k.spans))]
    # A quote whose words a shown next step or outcome already gives (the item is its
    # sentence) is said there, with its speaker, not again under "What was said".
    step_keys = [text_key(shown) for shown in as_steps + as_outcomes]
    labelled = [(q, speaker_label(brief, q)) for q in brief.quotes if q.include
                and not _said_in(text_key(q.text), step_keys)]
    labelled.sort(key=lambda item: quote_strength(*item))
    quotes = [
        cited(q.text, q.spans, speaker=label,
              speaker_role="" if label != one_line(q.speaker or "") else
              one_line(q.speaker_role or ""))
        for q, label in labelled
    ]
    people = [
        cited("", p.spans, name=one_line(p.name), role=one_line(p.role or ""),
              organization=one_line(p.organization or ""), participant=p.participant)
        for p in brief.people
    ]
    outcomes = [cited(o.text, o.spans) for o in outcome_items]
    if template.field("outcomes") is not None and brief.fields.get("outcomes"):
        # a user template made before the list still has the header field: what was typed
        outcomes = [{"text": strip_forbidden(str(o)).strip(), "cites": [], "cite": ""}
                    for o in _field_value(_OUTCOMES_SPEC, brief.fields.get("outcomes"))]
    for row in sources:
        number = row["number"]
        row["key_points"] = [k for k in key_points if number in k["cites"]]
        row["quotes"] = [q for q in quotes if number in q["cites"]]
        full_lead = _lead(brief.sources[number - 1], limit=10**6)  # uncut, to compare
        row["summary"] = "" if same_text(full_lead, summary_text) else row["lead"]
    bluf_lines = math.ceil(len(summary_text) / CHARS_PER_LINE) if summary_text else 0
    warnings = []
    if bluf_lines > BLUF_MAX_LINES:
        warnings.append(
            f"The bottom line runs to about {bluf_lines} lines; "
            f"keep it to {BLUF_MAX_LINES} or fewer."
        )
    for label in _empty_required(template, fields):
        warnings.append(f"The field \u201c{label}\u201d is required but empty.")
    if date_guessed:
        warnings.append("The date is the article's event date as guessed by extraction; "
                        "check it.")
    summary_numbers = citations.numbers_of(brief.summary.spans)
    # One pass over all of it: no character a file cannot hold reaches an output.
    context: dict[str, Any] = clean_value({
        "template": {"id": template.id, "name": one_line(template.name),
                     "version": one_line(template.version)},
        "fields": fields,
        "marking": marking,
        "portion": portion,
        "portion_space": portion + " " if portion else "",
        "citations": citations.enabled,
        "summary": {"text": summary_text, "cites": summary_numbers,
                    "cite": citations.mark(summary_numbers), "lines": bluf_lines},
        "key_points": key_points,
        "people": people,
        "participants": [p for p in people if p["participant"]],
        "also_mentioned": [p for p in people if not p["participant"]],
        "outcomes": outcomes,
        "organizations": [{"name": one_line(o.name)} for o in brief.organizations],
        "places": [{"name": one_line(p.name)} for p in brief.places],
        "dates": [{"text": one_line(d.text), "date": d.date or "",
                   "display": long_date(d.date, date_format) if d.date else one_line(d.text)}
                  for d in brief.dates],
        "quotes": quotes,
        "topics": [{"text": one_line(t.text)} for t in brief.topics],
        "next_steps": [cited(n.text, n.spans) for n in next_steps],
        "not_discussed": [cited(n.text, n.spans) for n in brief.not_discussed],
        "sources": sources,
        "venue": venue,
        "lists": list(template.lists),
        "labels": {k: one_line(v) for k, v in {**DEFAULT_LABELS, **template.labels}.items()},
        "warnings": warnings,
        "preview": preview,
        "date_format": date_format,
    })
    return context


CONTEXT_NAMES = frozenset(
    {
        "template", "fields", "marking", "portion", "portion_space", "citations", "summary",
        *list_names(), "participants", "also_mentioned", "outcomes", "sources", "venue",
        "lists", "labels", "warnings", "preview", "date_format",
    }
)


_OUTCOMES_SPEC = FieldSpec(name="outcomes", type="list", default=[])


def _empty_required(template: BriefTemplate, fields: dict[str, Any]) -> list[str]:
    return [spec.label for spec in template.fields
            if spec.required and fields.get(spec.name) in ("", [], None)]


def empty_required_fields(brief: Brief, template: BriefTemplate) -> list[str]:
    """The labels of the template's required header fields that the memo would print
    empty (after the memo rules filled what they can: the date, the subject)."""
    fields = build_context(brief, template)["fields"]
    return _empty_required(template, fields)


def brief_warnings(brief: Brief, template: BriefTemplate) -> list[str]:
    """One-sentence warnings about the brief in this template (a long bottom line, ...)."""
    return list(build_context(brief, template)["warnings"])


def apply_template_defaults(brief: Brief, template: BriefTemplate) -> None:
    """Fill the header fields the brief lacks (absent, None or "") from the manifest.

    Also records the template's id in ``brief.template``. Fields the brief already has are
    left as they are.
    """
    brief.template = template.id
    for spec in template.fields:
        if brief.fields.get(spec.name) in (None, "") and spec.default is not None:
            value = spec.default
            brief.fields[spec.name] = list(value) if isinstance(value, list) else value
