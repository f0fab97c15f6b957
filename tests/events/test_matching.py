import datetime

from events.matching import Footprint, best_match, date_gap_days, match_reason

D = datetime.date


def footprint(**fields) -> Footprint:
    defaults = dict(
        start_date=D(2024, 7, 25),
        end_date=D(2024, 7, 27),
        country="ML",
        admin1="Kidal",
        place_id=7,
        latitude=19.95,
        longitude=2.97,
        geo_precision=1,
        event_type="Battles",
        actor_names=frozenset({"A", "B"}),
    )
    return Footprint(**{**defaults, **fields})


def test_overlapping_dates_have_no_gap_and_separate_ones_count_days():
    assert date_gap_days(footprint(), footprint(start_date=D(2024, 7, 27), end_date=D(2024, 7, 28))) == 0
    assert date_gap_days(footprint(), footprint(start_date=D(2024, 7, 30), end_date=D(2024, 7, 30))) == 3


def test_it_matches_the_same_place_within_three_days_and_says_why():
    reason = match_reason(footprint(start_date=D(2024, 7, 29), end_date=D(2024, 7, 29)), footprint())
    assert reason is not None
    assert reason.as_dict() == {
        "distance_km": 0.0,
        "date_gap_days": 2,
        "shared_actors": ["A", "B"],
        "same_place": True,
        "same_admin1": True,
        "same_type": True,
    }


def test_it_matches_a_nearby_town_but_not_a_distant_one():
    near = footprint(place_id=8, latitude=20.2, longitude=3.1)  # about 30 km away
    far = footprint(place_id=9, latitude=18.44, longitude=1.41)  # about 235 km away
    assert match_reason(near, footprint()) is not None
    assert match_reason(far, footprint()) is None


def test_an_imprecise_location_matches_on_the_same_region():
    region_only = footprint(place_id=99, latitude=18.44, longitude=1.41, geo_precision=3)
    assert match_reason(region_only, footprint()).same_admin1
    assert (
        match_reason(footprint(place_id=99, latitude=18.44, longitude=1.41, geo_precision=3, admin1="Gao"), footprint())
        is None
    )


def test_it_refuses_other_countries_distant_dates_and_unrelated_incidents():
    assert match_reason(footprint(country="NE"), footprint()) is None
    assert match_reason(footprint(start_date=D(2024, 8, 5), end_date=D(2024, 8, 5)), footprint()) is None
    unrelated = footprint(event_type="Protests", actor_names=frozenset({"Protesters"}))
    assert match_reason(unrelated, footprint()) is None


def test_the_closest_candidate_wins():
    nearer, farther = (
        footprint(),
        footprint(place_id=8, latitude=20.2, longitude=3.1, start_date=D(2024, 7, 24), end_date=D(2024, 7, 24)),
    )
    event, reason = best_match(footprint(), [("far", farther), ("near", nearer)])
    assert event == "near" and reason.same_place


def test_the_same_unresolved_place_name_spelled_differently_is_the_same_place():
    region = dict(place_id=None, latitude=17.0, longitude=-4.0, geo_precision=3, admin1="")
    a = footprint(**region, unresolved_name_key="tnzwtn")
    b = footprint(**region, unresolved_name_key="tnzwtn", start_date=D(2024, 7, 21), end_date=D(2024, 7, 31))
    assert match_reason(a, b).same_place
    assert match_reason(a, footprint(**region, unresolved_name_key="kdl")) is None
