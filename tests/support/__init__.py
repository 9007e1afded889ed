"""Helpers for the tests (builders of articles and briefs); not collected as tests."""
