"""Hand-built briefs for the render tests: the sample article's brief and awkward variants."""

from __future__ import annotations

import copy

from briefgen.model import (
    Brief,
    DateMention,
    KeyPoint,
    NextStep,
    Organization,
    Person,
    Place,
    Quote,
    Source,
    Span,
    Summary,
    Topic,
    text_sha256,
)
from briefgen.resources import sample_article_path
from briefgen.text.datelines import parse_dateline


def _sample_source() -> Source:
    raw = sample_article_path().read_text(encoding="utf-8")
    head, body = raw.split("\n\n", 1)
    title, byline, published = head.splitlines()
    text = body.strip() + "\n"
    digest = text_sha256(text)
    dateline = parse_dateline(text)
    assert dateline is not None
    first = text[dateline.end : text.index("\n")]
    return Source(
        id="src-" + digest[:10],
        text=text,
        title=title,
        publisher="Meridian Wire Service",
        author=byline.removeprefix("By ").split(",")[0],
        published=published.removeprefix("Published: "),
        sha256=digest,
        dateline=dateline,
        lead=first,
        venue="Geneva",
    )


def _span(source: Source, phrase: str) -> Span:
    start = source.text.index(phrase)
    return Span(source.id, start, start + len(phrase))


def sample_brief() -> Brief:
    """A brief like the one extraction makes from resources/sample_article.txt."""
    src = _sample_source()

    def point(text: str, score: float, evidence: str | None = None) -> KeyPoint:
        return KeyPoint(text, [_span(src, evidence or text)], score)

    return Brief(
        template="information-memo",
        fields={
            "to": "Director, Europe Division",
            "from": "Western Europe Desk",
            "subject": "Norvalia and Estrava hold first direct talks in six years",
            "date": "2026-03-12",
            "location": "Geneva, Switzerland",
            "classification": "OFFICIAL",
        },
        sources=[src],
        summary=Summary(
            "Senior diplomats from Norvalia and Estrava met in Geneva on Thursday for their "
            "first direct talks in six years, agreeing to work toward restoring normal embassy "
            "operations and to meet again at a date still to be determined.",
            [_span(src, "Senior diplomats from Norvalia and Estrava met in Geneva")],
        ),
        key_points=[
            point("The agenda covered staffing levels at both embassies, consular access for "
                  "detained nationals, the resumption of visa processing for students and "
                  "families, and the safety of diplomatic premises.", 0.92,
                  "the agenda covered four issues"),
            point("The two sides agreed to set up a working group of consular officials to report "
                  "on reopening visa sections by April 30.", 0.88,
                  "agreed to set up a working group of consular officials"),
            point("Both delegations said the maritime boundary dispute in the Kettle Strait was "
                  "not discussed and would be left for separate negotiations.", 0.81,
                  "the maritime boundary dispute in the Kettle Strait was not discussed"),
            point("The two countries downgraded relations in 2020 after a dispute over fishing "
                  "rights in the Kettle Strait and the detention of three Norvalian engineers.",
                  0.64, "The two countries downgraded relations in 2020"),
            KeyPoint("Trade between the two countries fell by more than half after 2020.",
                     [], 0.41, include=False),
        ],
        people=[
            Person("Anika Solberg", "Deputy Foreign Minister", "Norvalia",
                   [_span(src, "Anika Solberg")]),
            Person("Tomas Reyhan", "Ambassador, head of the European department",
                   "Estravan Foreign Ministry", [_span(src, "Tomas Reyhan")]),
            Person("Marta Lindqvist", "Spokesperson", "Norvalian Foreign Ministry",
                   [_span(src, "Marta Lindqvist")]),
            Person("Daniel Brunner", "State Secretary", "Switzerland",
                   [_span(src, "Daniel Brunner")]),
            Person("Ilse Varga", "Professor of international relations", "University of Vienna",
                   [_span(src, "Ilse Varga")]),
        ],
        organizations=[Organization("Swiss Federal Department of Foreign Affairs")],
        places=[Place("Geneva"), Place("Kettle Strait")],
        dates=[DateMention("Thursday", "2026-03-12"), DateMention("April 30", "2026-04-30")],
        quotes=[
            Quote("We came here to listen as much as to speak, and we found a partner ready "
                  "to do the same", "Anika Solberg", "Deputy Foreign Minister",
                  [_span(src, "We came here to listen as much as to speak")]),
            Quote("This is a first step", "Tomas Reyhan", "Ambassador",
                  [_span(src, "This is a first step")]),
            Quote("Our citizens remain our first concern, and we said so plainly",
                  "Marta Lindqvist", "Spokesperson",
                  [_span(src, "Our citizens remain our first concern")]),
        ],
        topics=[Topic("embassy staffing levels", 0.9), Topic("consular access", 0.8),
                Topic("visa processing", 0.7), Topic("safety of diplomatic premises", 0.6)],
        next_steps=[
            NextStep("A working group of consular officials will report on reopening visa "
                     "sections by April 30.", [_span(src, "by April 30")]),
            NextStep("A second round of talks will be held in Geneva, date to be determined.",
                     [_span(src, "The delegations agreed to hold a second round of talks")]),
        ],
    )


def empty_brief() -> Brief:
    """A brief with header fields but every list empty and no summary."""
    return Brief(fields={"subject": "Nothing extracted yet", "date": "2026-03-13"})


def many_points_brief(count: int = 100) -> Brief:
    """The sample brief with ``count`` included key points."""
    brief = sample_brief()
    span = brief.key_points[0].spans
    brief.key_points = [
        KeyPoint(f"Key point number {i}: the delegations reviewed item {i} of the agenda.",
                 list(span), 1.0 - i / 1000)
        for i in range(1, count + 1)
    ]
    return brief


def long_names_brief() -> Brief:
    """The sample brief with very long names, roles and subject (tables must wrap)."""
    brief = sample_brief()
    long_name = "Maximiliana Anastasia Konstantinopoulou-Wolfeschlegelsteinhausen " * 3
    brief.people[0] = Person(long_name.strip(), "Permanent Under-Secretary " * 8,
                             "Ministry of " + "Foreign and Commonwealth Affairs " * 5)
    brief.fields["subject"] = "A very long subject line " * 12
    return brief


def multilingual_brief() -> Brief:
    """The sample brief with Arabic, Hebrew, Chinese and Japanese text and emoji."""
    brief = sample_brief()
    brief.fields["subject"] = "محادثات جنيف — 日内瓦会谈 — שיחות ז'נבה 🇨🇭"
    brief.summary = Summary("الوفدان اتفقا على تشكيل فريق عمل قنصلي. 双方同意成立领事工作组。")
    brief.key_points[0] = KeyPoint("代表团讨论了签证处理问题 (ビザ手続き) 🤝", [], 0.9)
    brief.people[0] = Person("王小明", "外交部副部长", "外交部")
    brief.quotes[0] = Quote("זהו צעד ראשון", "דוד כהן", "שגריר")
    return brief


MARKUP = "AT&T <b>bold</b> {{ x }} {% if %} \"quoted\" 'single' </w:t> ]]> & < >"


def markup_brief() -> Brief:
    """The sample brief with markup characters, Jinja tags and XML-forbidden characters."""
    brief = copy.deepcopy(sample_brief())
    brief.fields["subject"] = MARKUP + "\x00\x07\x1b"
    brief.fields["to"] = "<script>alert(1)</script>"
    brief.summary = Summary(MARKUP + " \ufffe\x0b end")
    brief.key_points[0] = KeyPoint(MARKUP, [], 0.9)
    brief.quotes[0] = Quote(MARKUP, "O'Brien & <Sons>", None)
    brief.people[0] = Person("Jean <Smith> & Co", "{{ role }}", "\"Org\"")
    return brief


# Each date format the settings offer, with how it writes the 5 March 2026 header date (a
# single-digit day, so leading zeros show) and the sample source's 13 March 2026.
DATE_FORMAT_CASES = [
    ("%d %B %Y", "5 March 2026", "13 March 2026"),
    ("%B %d, %Y", "March 5, 2026", "March 13, 2026"),
    ("%Y-%m-%d", "2026-03-05", "2026-03-13"),
    ("%d/%m/%Y", "05/03/2026", "13/03/2026"),
]


def dated_brief(date: str = "2026-03-05") -> Brief:
    """The sample brief with its header DATE field set to ``date``."""
    brief = sample_brief()
    brief.fields["date"] = date
    return brief
