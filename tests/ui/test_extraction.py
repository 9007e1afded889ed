"""Tests for briefgen/ui/extraction.py: the controller of loading, extraction and removal."""

from __future__ import annotations


def test_the_loaded_model_is_frozen_out_of_garbage_collection(make_window):
    import gc

    gc.unfreeze()
    make_window()  # starts the background work and waits until the model is loaded
    assert gc.get_freeze_count() > 0


# Two short articles written for these tests. The first has six attributed quotes of six
# words or more (all used by default); the second's are longer, so that the memo's cap on
# quotes (six) would push some of the first's out if extraction chose again.
HARBOUR = (
    "The harbour board of Lindqvist met on Tuesday to settle the ferry timetable.\n\n"
    "\"The morning crossing will leave at seven from now on,\" board chair Oskar Lind said.\n\n"
    "\"We listened to every complaint about the late boats,\" Lind added.\n\n"
    "Deputy chair Freya Holm said: \"Fares will stay the same this year.\"\n\n"
    "\"The new pier opens to passengers in the spring,\" Holm said.\n\n"
    "Union official Bruno Sandberg said: \"Crews were asked before anything was changed.\"\n\n"
    "\"Night shifts will be shorter for every crew member,\" Sandberg added.\n"
)
RAILWAY = (
    "The rail authority of Norrvik announced a new line to the airport on Wednesday.\n\n"
    "\"This line will carry twelve thousand travellers every single day between the city "
    "centre and the terminal, and it will be finished before the winter timetable starts,\" "
    "authority director Greta Moberg said.\n\n"
    "\"Every station on the line will have lifts, covered platforms and bicycle parking "
    "for at least two hundred bicycles, because we want people to leave their cars at "
    "home,\" Moberg added.\n"
)
EXTRACTION_TIMEOUT = 120_000


def add_article(qtbot, window, text: str) -> None:  # type: ignore[no-untyped-def]
    with qtbot.waitSignal(window.extraction.extracted, timeout=EXTRACTION_TIMEOUT):
        window.extraction.add_pasted(text, None)


def brief_json(window) -> str:  # type: ignore[no-untyped-def]
    import json

    from briefgen.model import brief_to_dict

    return json.dumps(brief_to_dict(window.document.brief), sort_keys=True)


def test_undo_of_adding_a_source_restores_the_brief_before_it_and_redo_brings_all_back(
    qtbot, make_window
):
    window = make_window()
    add_article(qtbot, window, HARBOUR)
    before = brief_json(window)
    add_article(qtbot, window, RAILWAY)
    after = brief_json(window)
    assert len(window.document.brief.sources) == 2
    assert any("airport" in point.text for point in window.document.brief.key_points)

    window.actions_by_key["undo"].trigger()
    assert brief_json(window) == before
    window.actions_by_key["redo"].trigger()
    assert brief_json(window) == after


def test_undo_of_removing_a_source_restores_the_brief_before_it(qtbot, make_window, monkeypatch):
    from briefgen.ui import dialogs

    from .conftest import answer

    window = make_window()
    add_article(qtbot, window, HARBOUR)
    add_article(qtbot, window, RAILWAY)
    before = brief_json(window)
    answer(monkeypatch, dialogs.ConfirmDialog, True)
    window.extraction.remove_source(window.document.brief.sources[1].id)
    after = brief_json(window)
    assert len(window.document.brief.sources) == 1
    window.actions_by_key["undo"].trigger()
    assert brief_json(window) == before
    window.actions_by_key["redo"].trigger()
    assert brief_json(window) == after


def test_adding_a_source_leaves_the_quotes_ticked_as_they_were(qtbot, make_window):
    from PySide6.QtCore import Qt

    window = make_window()
    add_article(qtbot, window, HARBOUR)
    quotes = window.document.brief.quotes
    assert len(quotes) == 6
    assert all(quote.include for quote in quotes)
    model = window.form.models["quotes"]
    # The user unticks one and leaves the others as extraction chose them.
    model.setData(model.index(0, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    ticked = {quote.text for quote in window.document.brief.quotes if quote.include}

    add_article(qtbot, window, RAILWAY)
    quotes = window.document.brief.quotes
    assert len(quotes) == 8
    still = {quote.text for quote in quotes if quote.include}
    assert ticked <= still
    assert quotes[0].include is False


def test_the_sample_opens_unmodified_and_its_whole_opening_is_one_undo_step(
    qtbot, make_window, sample_article_path
):
    window = make_window()
    with qtbot.waitSignal(window.extraction.extracted, timeout=EXTRACTION_TIMEOUT):
        window.extraction.add_sample(str(sample_article_path))
    assert window.document.brief.key_points
    assert not window.document.is_modified()
    assert not window.isWindowModified()
    assert window.document.undo_stack.count() == 1
