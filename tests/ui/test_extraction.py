"""Tests for briefgen/ui/extraction.py: the controller of loading, extraction and removal."""

from __future__ import annotations


def test_the_loaded_model_is_frozen_out_of_garbage_collection(make_window):
    import gc

    gc.unfreeze()
    make_window()  # starts the background work and waits until the model is loaded
    assert gc.get_freeze_count() > 0
