"""Key points that open with "he" or "she" say the person's name."""

from __future__ import annotations

from briefgen.extract import extract_brief
from briefgen.model import Source

TEXT = (
    "Dock workers voted on Sunday to extend their strike into a third week after talks "
    "with the port authority broke down over pay and night shifts.\n\n"
    "Port authority chief executive Arne Dahl said the offer of a 4 percent rise over two "
    "years was final. He told reporters the authority would not reopen the night-shift rules "
    "under any circumstances this year.\n\n"
    "Transport Minister Siri Holt urged both sides to return to mediation. Her ministry "
    "said it was ready to appoint an independent mediator by Friday."
)


def _points(nlp, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    brief = extract_brief([Source(id="t", text=text, published="2026-02-22")], nlp)
    return [p.text for p in brief.key_points]


def test_a_point_opening_with_he_or_her_says_whom_the_text_means(nlp):
    points = _points(nlp, TEXT)
    assert not any(p.startswith(("He ", "Her ")) for p in points)
    rules = next(p for p in points if "night-shift rules" in p)
    assert rules.startswith(("Arne Dahl told reporters", "Dahl told reporters"))
    mediator = next((p for p in points if "independent mediator" in p), None)
    if mediator is not None:
        assert mediator.startswith(("Siri Holt\u2019s ministry", "Holt\u2019s ministry"))


def test_the_full_name_comes_first_and_the_surname_after(nlp):
    points = _points(nlp, TEXT)
    named = [p for p in points if "Dahl" in p]
    assert "Arne Dahl" in named[0]


def test_a_pronoun_nobody_before_it_names_stays(nlp):
    text = (
        "He told reporters on Monday that the night-shift rules would not be reopened by "
        "the port authority this year. Dock workers voted to extend their strike."
    )
    assert any(p.startswith("He told reporters") for p in _points(nlp, text))
