"""One display name for an event's place, and match reasons that name what matched."""

from events.matching import reason_in_words
from events.naming import display_place


def name(place_name=None, feature_code="PPL", location_name="", admin1="Kidal"):
    return display_place(place_name=place_name, feature_code=feature_code, location_name=location_name, admin1=admin1)


def test_the_place_as_written_wins_when_it_says_more_than_the_gazetteer_town():
    assert name("Kidal", location_name="El Dhere, 28 km west of Kidal") == "El Dhere, 28 km west of Kidal"
    assert name("Kidal", location_name="near kidal") == "near kidal"


def test_the_gazetteer_town_wins_over_the_same_name_or_another_towns_name():
    assert name("Tinzaouaten", location_name="Tinzaouaten") == "Tinzaouaten"
    assert name("Tinzaouaten", location_name="Kidal") == "Tinzaouaten"
    assert name("Tinzaouaten") == "Tinzaouaten"


def test_a_region_or_country_place_gives_way_to_the_place_as_written_then_the_region():
    assert name("Kidal Region", feature_code="ADM1", location_name="a village in Kidal") == "a village in Kidal"
    assert name("Mali", feature_code="PCLI", location_name="") == "Kidal"
    assert name(None, location_name="Ber") == "Ber"
    assert name(None, admin1="") == ""


def test_a_match_on_the_same_place_does_not_show_a_distance():
    reason = {
        "distance_km": 952.3,
        "date_gap_days": 0,
        "shared_actors": [],
        "same_place": True,
        "same_admin1": True,
        "same_type": True,
    }
    words = reason_in_words(reason)
    assert words == "same place, overlapping dates, same event type" and "km" not in words


def test_a_match_by_distance_says_the_distance_and_the_shared_actors():
    reason = {
        "distance_km": 12.4,
        "date_gap_days": 1,
        "shared_actors": ["JNIM"],
        "same_place": False,
        "same_admin1": True,
        "same_type": False,
    }
    assert reason_in_words(reason) == "12.4 km apart, 1 day apart, shared actors JNIM"
    imprecise = {**reason, "distance_km": 300.0, "date_gap_days": 2}
    assert reason_in_words(imprecise).startswith("same region") and "300" not in reason_in_words(imprecise)
    assert reason_in_words({}) == ""
