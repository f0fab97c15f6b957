"""Merge suggestions read events as the parser's matcher does (one Footprint builder): an unresolved place
name, however spelled, is the same place."""

import pytest

from events import selectors
from events.matching import Footprint, match_reason
from tests.api.helpers import make_event

pytestmark = pytest.mark.django_db

# No gazetteer entry, no point, no region: only the name as written ties the two reports.
UNPLACED = {"status": "draft", "latitude": None, "longitude": None, "admin1": "", "geo_precision": 3}


def test_a_draft_at_the_same_unresolved_place_spelled_otherwise_is_suggested(user_factory):
    analyst = user_factory("analyst", "analyst")
    event = make_event(**UNPLACED, location_name="Tinzawaten")
    other = make_event(**UNPLACED, location_name="Tinzaouatène")
    assert match_reason(Footprint.of(event), Footprint.of(other)) is not None  # what the matcher decides
    suggested = selectors.merge_suggestions(event=event, user=analyst)
    assert [item["event_id"] for item in suggested] == [other.id]
    assert suggested[0]["reason"]["same_place"] is True


def test_different_unresolved_places_are_not_suggested(user_factory):
    analyst = user_factory("analyst", "analyst")
    event = make_event(**UNPLACED, location_name="Tinzawaten")
    make_event(**UNPLACED, location_name="Aguelhok")
    assert selectors.merge_suggestions(event=event, user=analyst) == []
