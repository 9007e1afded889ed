"""Parsing sources in paragraph-aligned pieces with global offsets."""

from __future__ import annotations

from briefgen.extract.parse import parse_sources, split_pieces
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
