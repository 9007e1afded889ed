"""Tests for briefgen/ui/extraction.py: removing a source removes only what came from it."""

from __future__ import annotations

from briefgen.model import Brief, KeyPoint, Person, Source, Span, Summary
from briefgen.ui.extraction import remove_source


def test_removing_a_source_removes_items_only_from_it_and_keeps_shared_and_typed_ones():
    a, b = Source(id="src-a", text="A text."), Source(id="src-b", text="B text.")
    brief = Brief(
        sources=[a, b],
        summary=Summary("From A.", [Span("src-a", 0, 2)]),
        key_points=[
            KeyPoint("only a", [Span("src-a", 0, 1)]),
            KeyPoint("both", [Span("src-a", 0, 1), Span("src-b", 0, 1)]),
            KeyPoint("typed by the user"),
            KeyPoint("only b", [Span("src-b", 0, 1)]),
        ],
        people=[Person("Ada", spans=[Span("src-a", 0, 1)])],
        edited=["/key_points/2", "/fields/to"],
    )
    result = remove_source(brief, "src-a")
    assert [s.id for s in result.sources] == ["src-b"]
    assert [k.text for k in result.key_points] == ["both", "typed by the user", "only b"]
    assert result.people == []
    assert result.summary.text == ""
    assert sorted(result.edited) == ["/fields/to", "/key_points/1"]
    assert len(brief.key_points) == 4, "the original brief must not change"


def test_the_loaded_model_is_frozen_out_of_garbage_collection(make_window):
    import gc

    gc.unfreeze()
    make_window()  # starts the background work and waits until the model is loaded
    assert gc.get_freeze_count() > 0
