"""Tests for briefgen/ui/autosave.py: one locked slot per window, and recovery of dead ones."""

from __future__ import annotations

import json
import os
from pathlib import Path

from briefgen.model import Brief, KeyPoint, save_brief
from briefgen.ui.autosave import AutosaveStore, disk_stamp


def test_a_slot_whose_window_lives_is_never_offered(qapp, tmp_path):
    living = AutosaveStore(tmp_path / "state")
    living.write(Brief(fields={"subject": "Still open"}), "/home/ada/geneva.brief")
    starting = AutosaveStore(tmp_path / "state")
    assert starting.recoverable() == []
    assert living.brief_path.is_file()


def test_a_killed_windows_slot_is_offered_with_its_file_time_and_stamp(qapp, tmp_path):
    article = tmp_path / "geneva.brief"
    save_brief(Brief(), article)
    killed = AutosaveStore(tmp_path / "state")
    brief = Brief(fields={"subject": "Talks in Geneva"}, key_points=[KeyPoint("They met.")])
    killed.write(brief, str(article), disk_stamp(article))
    killed.release_lock()  # what SIGKILL leaves: the slot, and a lock nobody holds
    offers = AutosaveStore(tmp_path / "state").recoverable()
    assert len(offers) == 1
    assert offers[0].brief == brief
    assert offers[0].original_path == str(article)
    assert offers[0].saved_at is not None
    assert offers[0].disk_stamp == disk_stamp(article)


def test_two_dead_windows_on_the_same_file_are_both_offered_latest_first(qapp, tmp_path):
    for subject in ("First window", "Second window"):
        store = AutosaveStore(tmp_path / "state")
        store.write(Brief(fields={"subject": subject}), "/home/ada/geneva.brief")
        store.release_lock()
    offers = AutosaveStore(tmp_path / "state").recoverable()
    assert sorted(o.brief.fields["subject"] for o in offers) == ["First window",
                                                                "Second window"]
    assert {o.original_path for o in offers} == {"/home/ada/geneva.brief"}
    assert offers[0].saved_at >= offers[1].saved_at


def test_a_slot_being_offered_by_one_start_is_not_offered_by_another(qapp, tmp_path):
    dead = AutosaveStore(tmp_path / "state")
    dead.write(Brief(fields={"subject": "Once"}), None)
    dead.release_lock()
    first = AutosaveStore(tmp_path / "state")
    being_offered = first.recoverable()  # the dialog is still open
    assert len(being_offered) == 1
    assert AutosaveStore(tmp_path / "state").recoverable() == []
    first.release(being_offered[0])  # "Later"
    assert len(AutosaveStore(tmp_path / "state").recoverable()) == 1


def test_discarding_and_closing_touch_only_their_own_slots(qapp, tmp_path):
    alive = AutosaveStore(tmp_path / "state")
    alive.write(Brief(fields={"subject": "Alive"}), None)
    dead = AutosaveStore(tmp_path / "state")
    dead.write(Brief(fields={"subject": "Dead"}), None)
    dead.release_lock()
    other = AutosaveStore(tmp_path / "state")
    [offer] = other.recoverable()
    other.discard(offer)
    other.close()  # a clean exit of another window
    assert alive.brief_path.is_file()
    assert not dead.brief_path.exists()
    alive.close()
    assert sorted(p.name for p in (tmp_path / "state").iterdir()) == []


def test_adopting_moves_the_dead_slot_into_this_windows_own(qapp, tmp_path):
    dead = AutosaveStore(tmp_path / "state")
    dead.write(Brief(fields={"subject": "Adopted"}), "/home/ada/x.brief")
    dead.release_lock()
    heir = AutosaveStore(tmp_path / "state")
    [offer] = heir.recoverable()
    heir.adopt(offer)
    assert not dead.brief_path.exists()
    assert heir.brief_path.is_file()
    meta = json.loads(heir.meta_path.read_text("utf-8"))
    assert meta["original_path"] == "/home/ada/x.brief"
    heir.release_lock()
    [again] = AutosaveStore(tmp_path / "state").recoverable()
    assert again.brief.fields == {"subject": "Adopted"}


def test_a_corrupt_slot_offers_nothing(qapp, tmp_path):
    dead = AutosaveStore(tmp_path)
    dead.release_lock()
    dead.brief_path.write_text("{ not json", encoding="utf-8")
    assert AutosaveStore(tmp_path).recoverable() == []


def test_a_slot_without_its_metadata_still_recovers_the_brief(qapp, tmp_path):
    dead = AutosaveStore(tmp_path)
    dead.write(Brief(fields={"to": "Director"}), None)
    dead.release_lock()
    dead.meta_path.unlink()
    [found] = AutosaveStore(tmp_path).recoverable()
    assert found.brief.fields == {"to": "Director"}
    assert found.original_path is None
    assert found.saved_at is not None  # the file's own time


def test_the_shared_slot_of_earlier_versions_is_offered_once(qapp, tmp_path: Path):
    save_brief(Brief(fields={"subject": "From before"}), tmp_path / "autosave.brief")
    (tmp_path / "autosave.json").write_text('{"original_path": "/a.brief"}', "utf-8")
    store = AutosaveStore(tmp_path)
    [found] = store.recoverable()
    assert (found.brief.fields["subject"], found.original_path) == ("From before", "/a.brief")
    store.discard(found)
    assert not (tmp_path / "autosave.brief").exists()
    assert AutosaveStore(tmp_path).recoverable() == []


def test_the_lock_of_a_dead_window_that_never_autosaved_is_removed(qapp, tmp_path):
    living = AutosaveStore(tmp_path)
    dead = AutosaveStore(tmp_path)
    lock = tmp_path / f"autosave-{dead.slot}.lock"
    held = lock.read_text()
    dead.release_lock()
    # What a kill leaves before the first autosave: a lock naming a process that is gone.
    lock.write_text(held.replace(str(os.getpid()), "999999999", 1))
    assert AutosaveStore(tmp_path).recoverable() == []
    assert not lock.exists()
    assert (tmp_path / f"autosave-{living.slot}.lock").exists()
