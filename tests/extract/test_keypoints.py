"""Key points: ranked, non-redundant sentences with scores, a number that suits the length."""

from __future__ import annotations

from briefgen.extract.keypoints import extract_key_points, key_point_count
from briefgen.extract.sentences import sentences

ARTICLE = (
    "The city council approved a new harbour budget of 40 million euros on Monday, "
    "ending a year of dispute over the port's future.\n\n"
    "The harbour budget was approved by the city council on Monday after a long dispute.\n\n"
    "The money will pay for dredging, a new ferry terminal and repairs to the sea wall.\n\n"
    "Mayor Lene Holm said the vote was a relief for the fishing fleet.\n\n"
    "Some residents had asked for a park instead.\n\n"
    "Construction of the ferry terminal is due to begin in the spring."
)


def test_key_point_count_grows_with_length_within_bounds():
    assert key_point_count(4) == 3
    assert key_point_count(30) == 6
    assert key_point_count(200) == 10


def test_key_points_rank_the_lead_first_and_skip_repeats(parse):
    points = extract_key_points(sentences(parse(ARTICLE)), count=3)
    texts = [p.text for p in points]
    assert texts[0].startswith("The city council approved a new harbour budget")
    assert not any(t.startswith("The harbour budget was approved by") for t in texts)
    assert len(texts) == 3
    scores = [p.score for p in points]
    assert scores == sorted(scores, reverse=True)
    assert all(0 < s <= 1 for s in scores)


def test_key_points_point_at_their_sentence(parse):
    parsed = parse(ARTICLE)
    for point in extract_key_points(sentences(parsed)):
        (span,) = point.spans
        assert span.source == "t"
        assert ARTICLE[span.start : span.end] == point.text
