"""Tests for briefgen/ui/autosave.py: the autosave slot and what recovery finds in it."""

from __future__ import annotations

from briefgen.model import Brief, KeyPoint
from briefgen.ui.autosave import AutosaveStore


def test_a_written_slot_is_pending_with_its_original_path(tmp_path):
    store = AutosaveStore(tmp_path / "state")
    brief = Brief(fields={"subject": "Talks in Geneva"}, key_points=[KeyPoint("They met.")])
    store.write(brief, "/home/ada/geneva.brief")
    found = store.pending()
    assert found is not None
    assert found.brief == brief
    assert found.original_path == "/home/ada/geneva.brief"


def test_nothing_is_pending_after_clear_or_before_any_write(tmp_path):
    store = AutosaveStore(tmp_path / "state")
    assert store.pending() is None
    store.write(Brief(), None)
    store.clear()
    assert store.pending() is None


def test_a_corrupt_slot_offers_nothing(tmp_path):
    store = AutosaveStore(tmp_path)
    store.brief_path.write_text("{ not json", encoding="utf-8")
    assert store.pending() is None


def test_a_slot_without_its_metadata_still_recovers_the_brief(tmp_path):
    store = AutosaveStore(tmp_path)
    store.write(Brief(fields={"to": "Director"}), None)
    (tmp_path / "autosave.json").unlink()
    found = store.pending()
    assert found is not None
    assert found.brief.fields == {"to": "Director"}
    assert found.original_path is None
