"""Parsing sources in paragraph-aligned pieces with global offsets."""

from __future__ import annotations

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from support.growth import growth

from briefgen.errors import ExtractionError
from briefgen.extract.parse import (
    MAX_SOURCE_TOKENS,
    PIECE_TOKENS,
    PIPE_BATCH,
    RUN_CHARS,
    estimated_tokens,
    parse_sources,
    split_pieces,
    tokenizer_text,
)
from briefgen.intake import MAX_TEXT_BYTES
from briefgen.model import Source


def test_split_pieces_cuts_only_at_paragraph_breaks():
    paragraphs = [" ".join(f"w{p}x{i}" for i in range(30)) for p in range(10)]
    text = "\n\n".join(paragraphs)
    pieces = split_pieces(text, max_words=100)
    assert len(pieces) == 4
    assert "".join(chunk for _, chunk in pieces) == text
    for offset, chunk in pieces:
        assert text[offset : offset + len(chunk)] == chunk
        assert offset == 0 or text[offset - 1] == "\n"


def test_split_pieces_cuts_an_overlong_paragraph_after_sentences():
    text = " ".join(f"Sentence number {i} ends here." for i in range(200))
    pieces = split_pieces(text, max_words=100)
    assert len(pieces) > 5
    assert "".join(chunk for _, chunk in pieces) == text
    assert all(chunk.rstrip().endswith(".") for _, chunk in pieces)


def test_parse_sources_keeps_offsets_global_across_pieces(nlp, monkeypatch):
    monkeypatch.setattr("briefgen.extract.parse.PIECE_WORDS", 12)
    text = "Anna Berg met the mayor in Oslo.\n\nLater, Anna Berg flew to Rome with Paul Dahl."
    parsed = parse_sources([Source(id="s", text=text)], nlp)[0]
    assert len(parsed.pieces) == 2
    people = [
        text[o + e.start_char : o + e.end_char]
        for o, e in parsed.entities()
        if e.label_ == "PERSON"
    ]
    assert people == ["Anna Berg", "Anna Berg", "Paul Dahl"]
    rome = text.index("Rome")
    token = parsed.token_at(rome + 1)
    assert token is not None
    assert token.text == "Rome"


def test_parse_sources_parses_several_sources_in_one_batch(nlp):
    sources = [Source(id=f"s{i}", text=f"Report {i} was published today.") for i in range(3)]
    parsed = parse_sources(sources, nlp)
    assert [p.source.id for p in parsed] == ["s0", "s1", "s2"]
    assert all(len(p.pieces) == 1 for p in parsed)


@settings(max_examples=300, deadline=None)
@given(text=st.text(st.sampled_from("ab \n.\u3002\u4e2d"), max_size=400),
       max_chars=st.integers(1, 60), max_words=st.integers(1, 30))
def test_split_pieces_covers_the_text_in_pieces_no_longer_than_the_character_limit(
    text: str, max_chars: int, max_words: int
) -> None:
    pieces = split_pieces(text, max_words=max_words, max_chars=max_chars)
    assert "".join(chunk for _, chunk in pieces) == text
    for offset, chunk in pieces:
        assert text[offset : offset + len(chunk)] == chunk
        assert 0 < len(chunk) <= max_chars


def test_text_without_spaces_or_sentence_ends_is_cut_below_spacys_limit() -> None:
    cjk = "\u4eca\u65e5\u306f\u826f\u3044\u5929\u6c17\u3067\u3059" * 370_000  # 3.3 M chars
    no_ends = "word " * 240_000  # 1.2 MB, no sentence ends
    for text in (cjk, no_ends):
        pieces = split_pieces(text)
        assert "".join(chunk for _, chunk in pieces) == text
        assert max(len(chunk) for _, chunk in pieces) <= 50_000
    parsed = parse_sources([Source(id="s", text=no_ends[:600_000] + "x" * 1_100_000)],
                           spacy.blank("en"))[0]
    assert sum(piece.length for piece in parsed.pieces) == 1_700_000


def test_entities_in_a_span_are_the_ones_spacy_gives_for_every_sentence(nlp):
    from briefgen.extract.parse import entities_in

    text = (
        "Ana Ruiz met Tomas Berg in Oslo on Monday. The talks ended. "
        "On Friday the Finance Ministry of Norway said Berg would visit Madrid in June."
    )
    doc = nlp(text)
    for sent in doc.sents:
        assert [(e.start, e.end, e.label_) for e in entities_in(sent)] == [
            (e.start, e.end, e.label_) for e in sent.ents
        ]
    window = doc[2:9]  # from "Tomas" into the middle of the first sentence's date
    assert [e.text for e in entities_in(window)] == [e.text for e in window.ents]
    assert entities_in(doc[0:0]) == []


@pytest.mark.parametrize("mark", ['"', "\ufffd", "&", "\u201c"])
def test_parse_cost_grows_with_a_run_of_marks_not_its_square(mark):
    nlp = spacy.blank("en")  # the same tokenizer rules, without the slower pipes

    def parse(text):
        return parse_sources([Source(id="s", text=text)], nlp)

    # four times the run: about four times the work (the whole run at once took sixteen)
    assert growth(parse, mark * 2_000, mark * 8_000) < 8


@pytest.mark.parametrize("length", [RUN_CHARS, RUN_CHARS + 1, 2 * RUN_CHARS + 2, 1000])
def test_tokenizer_text_breaks_long_runs_in_place(length):
    text = "Anna Berg said " + "x" * length + " at noon."
    broken = tokenizer_text(text)
    assert len(broken) == len(text)
    assert all(len(run) <= RUN_CHARS for run in broken.split())
    assert [i for i, (a, b) in enumerate(zip(text, broken, strict=True)) if a != b] == [
        15 + i for i in range(RUN_CHARS, length, RUN_CHARS + 1)
    ]


def test_tokens_after_a_long_run_keep_their_offsets_in_the_source(nlp):
    text = '"' * 5_000 + " Anna Berg met the mayor of Oslo on Monday."
    parsed = parse_sources([Source(id="s", text=text)], nlp)[0]
    token = parsed.token_at(text.index("Oslo"))
    assert token is not None
    assert token.text == "Oslo"
    places = [text[o + e.start_char : o + e.end_char] for o, e in parsed.entities()]
    assert "Oslo" in places


@pytest.mark.parametrize(
    "unit", ["- ", '"', "a.", "x\n"], ids=["dashes", "quote marks", "initials", "short lines"]
)
def test_no_piece_holds_more_tokens_than_the_bound_however_dense_the_text(unit):
    text = unit * 40_000
    pieces = split_pieces(text)
    assert "".join(chunk for _, chunk in pieces) == text
    assert all(text[offset : offset + len(chunk)] == chunk for offset, chunk in pieces)
    assert max(estimated_tokens(chunk) for _, chunk in pieces) <= PIECE_TOKENS


def test_the_tokens_parsed_at_once_do_not_grow_with_the_text():
    nlp = spacy.blank("en")
    batches: list[int] = []
    real_pipe = nlp.pipe

    def counting_pipe(texts, batch_size):
        batches.append(batch_size)
        return real_pipe(texts, batch_size=batch_size)

    nlp.pipe = counting_pipe  # type: ignore[method-assign]

    def largest_piece(size):
        parsed = parse_sources([Source(id="s", text="- " * size)], nlp)[0]
        return max(len(piece.doc) for piece in parsed.pieces)

    # the parser holds a batch of pieces at once, about 10 KB a token: 200 KB of "- " in
    # pieces of 25,000 tokens took 1.7 GB
    assert largest_piece(20_000) <= PIECE_TOKENS
    assert largest_piece(80_000) <= PIECE_TOKENS
    assert batches == [PIPE_BATCH, PIPE_BATCH]


def test_parsed_pieces_keep_no_tensor(nlp):
    parsed = parse_sources([Source(id="s", text="Anna Berg met the mayor of Oslo.")], nlp)[0]
    assert parsed.pieces[0].doc.tensor.size == 0
    assert [ent.text for _, ent in parsed.entities()] == ["Anna Berg", "Oslo"]


def test_a_source_past_the_token_bound_is_refused_before_parsing(monkeypatch):
    monkeypatch.setattr("briefgen.extract.parse.MAX_SOURCE_TOKENS", 1_000)
    nlp = spacy.blank("en")
    source = Source(id="s", text="- " * 1_001, path="dashes.txt")
    with pytest.raises(ExtractionError) as caught:
        parse_sources([source], nlp)
    assert str(caught.value) == (
        'Cannot extract "dashes.txt": it has about 1,001 words and marks, more than the 1,000 '
        "one article may have (about two minutes of extraction); split it into smaller files."
    )
    accepted = parse_sources([Source(id="s", text="- " * 1_000)], nlp)[0]
    assert sum(piece.length for piece in accepted.pieces) == 2_000


def test_prose_at_the_text_limit_is_under_the_token_bound():
    sentence = "The harbour board said on Tuesday that the new berth, at the east quay, opens. "
    text = sentence * (MAX_TEXT_BYTES // len(sentence))
    assert estimated_tokens(text) < MAX_SOURCE_TOKENS


def test_a_refused_source_without_a_file_is_named_for_what_it_is(monkeypatch):
    monkeypatch.setattr("briefgen.extract.parse.MAX_SOURCE_TOKENS", 10)
    pasted = Source(id="s1", text="- " * 11, pasted="2026-02-05")
    with pytest.raises(ExtractionError, match=r"^Cannot extract the pasted text: it has"):
        parse_sources([pasted], spacy.blank("en"))


def test_a_long_article_reaches_spacy_in_pieces_short_enough_for_the_window():
    # Each spaCy component takes a piece in one C call that holds the GIL, so the window's
    # thread waits for the longest one; the attribute ruler needs about 65 us a token, and
    # 600 tokens keep that wait near 40 ms (one piece of 2,300 tokens stalled it 190 ms).
    paragraph = (
        "The harbour board met on Tuesday in Bergen, and its chair, Ola Nordmann, said that "
        "the new berth at the east quay would open in May. Members asked about the cost; "
        "the treasurer, Kari Holm, answered that it stayed within the budget set last year."
    )
    long_paragraph = " ".join([paragraph] * 40)  # one paragraph of about 1,800 words
    text = "\n\n".join([paragraph] * 150 + [long_paragraph] + [paragraph] * 50)
    assert len(text.split()) > 10_000
    nlp = spacy.blank("en")
    parsed = parse_sources([Source(id="s", text=text)], nlp)[0]
    assert "".join(text[p.offset : p.offset + p.length] for p in parsed.pieces) == text
    assert max(len(piece.doc) for piece in parsed.pieces) <= 600
    # the ordinary paragraphs stay whole: every piece before the long one ends at a break
    before = [p for p in parsed.pieces if p.offset + p.length <= text.index(long_paragraph)]
    assert len(before) > 10
    assert all(text[p.offset + p.length - 1] == "\n" for p in before)


def test_a_dateline_of_capitals_run_into_the_first_sentence_is_read_apart(nlp):
    text = "TALLORN Defence officials of Estovia and Lindmark will meet on Thursday."
    (parsed,) = parse_sources([Source(id="t", text=text)], nlp)
    dateline = parsed.dateline
    assert dateline is not None
    assert dateline.place == "TALLORN"
    assert text[dateline.end :].startswith("Defence officials")
    ents = [(e.text, e.label_) for e in parsed.pieces[0].doc.ents]
    # the place is one entity, and no organisation runs from it into the sentence
    assert ("TALLORN", "GPE") in ents
    assert not any(name.startswith("TALLORN") and label != "GPE" for name, label in ents)
    assert parsed.pieces[0].doc.text.replace("\n", " ") == text  # offsets unchanged


def test_the_story_after_a_dateline_of_capitals_is_a_sentence_of_its_own(nlp):
    # the place is no part of the first sentence: the parse gives it its own subject
    for text in (
        "LINZ The foreign ministers of Norland and Estria agreed on Tuesday to resume talks.",
        "SEOUL Defence officials of Estovia and Lindmark will meet on Thursday to talk.",
    ):
        (parsed,) = parse_sources([Source(id="t", text=text)], nlp)
        doc = parsed.pieces[0].doc
        sents = list(doc.sents)
        assert sents[0].text.strip() == text.split()[0]
        assert sents[1].text.startswith(text.split()[1] + " " + text.split()[2])
        subject = next(t for t in sents[1] if t.dep_ in {"nsubj", "nsubjpass"})
        assert subject.text in {"ministers", "officials"}


def test_a_dateline_of_capitals_after_a_one_line_title_is_read_apart_too(nlp):
    # a pasted headline kept in the text, then the story opening with its dateline
    for title in ("Ferry talks resume\n\n", "Ferry talks resume\n", "FERRY TALKS RESUME\n\n"):
        text = title + "VARNO Harbour officials of Estovia and Lindmark met on Friday."
        (parsed,) = parse_sources([Source(id="t", text=text)], nlp)
        caps = parsed.caps_dateline
        assert caps is not None, title
        assert text[caps.start : caps.end] == "VARNO"
        assert text[caps.first :].startswith("Harbour officials")
        # the title is no part of a dateline: the source's dateline (text[:end]) is none
        assert parsed.dateline is None
        assert text[slice(*parsed.dateline_place())] == "VARNO"
        assert text[slice(*parsed.dateline_bounds())] == "VARNO "
        ents = [(e.text, e.label_) for e in parsed.pieces[0].doc.ents]
        assert ("VARNO", "GPE") in ents
        assert not any(name.startswith("VARNO") and label != "GPE" for name, label in ents)
        assert parsed.pieces[0].doc.text.replace("\n", " ") == text.replace("\n", " ")


@pytest.mark.parametrize(
    "text",
    [
        "NATO Secretary-General Ola Berg said on Monday the alliance would meet.",
        "Alliance talks\n\nNATO Secretary-General Ola Berg said on Monday the alliance would "
        "meet.",
        "EU leaders agreed on Monday to meet again in March.",
        "Talks ended on Monday. TALLORN The envoys left.",
        # a paragraph that ends like a sentence is story, not a title
        "Talks ended on Monday.\n\nTALLORN The envoys left.",
    ],
)
def test_an_acronym_or_capitals_inside_the_text_are_no_dateline(nlp, text):
    (parsed,) = parse_sources([Source(id="t", text=text)], nlp)
    assert parsed.dateline is None
    assert parsed.caps_dateline is None
    assert parsed.pieces[0].doc.text == text


def test_a_dateline_with_a_dash_is_read_by_the_dateline_rule_not_as_capitals(nlp):
    text = "OSLO - Envoys of Estovia and Lindmark met on Monday."
    (parsed,) = parse_sources([Source(id="t", text=text)], nlp)
    assert parsed.dateline is not None
    assert (parsed.dateline.place, text[parsed.dateline.end :]) == ("OSLO", text[7:])
    assert parsed.caps_dateline is None
    assert parsed.pieces[0].doc.text == text  # not parsed again
