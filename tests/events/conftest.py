"""Fixtures of the events tests."""

import pytest


@pytest.fixture
def fresh_parser_gazetteer(monkeypatch):
    """DatabaseGazetteer's per-process indexes, emptied: SQLite reuses the ids a rolled-back test took."""
    from events.gazetteer import DatabaseGazetteer

    for attribute in ("_regions", "_regions_signature", "_areas", "_areas_signature", "_names"):
        monkeypatch.setattr(DatabaseGazetteer, attribute, None)
    monkeypatch.setattr(DatabaseGazetteer, "_border_cache", {})
    return DatabaseGazetteer
