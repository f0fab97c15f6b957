"""The incremental report summary (events.consensus) agrees with the rule it replaced, on random stories."""

import datetime
import json
import random
import statistics
from collections import Counter

from events.consensus import ReportSummary
from sources.parsing.acled import DATE_PRECISIONS

# ---------------------------------------------------------------- the reference: the rule as it was written


def _most_common(values: list, default=None):
    values = [value for value in values if value not in (None, "")]
    return Counter(values).most_common(1)[0][0] if values else default


def reference_consensus(snapshots: list[dict]) -> dict:
    best_precision = min((s["date_precision"] for s in snapshots), key=DATE_PRECISIONS.index)
    dated = [s for s in snapshots if s["date_precision"] == best_precision]
    starts = sorted(datetime.date.fromisoformat(s["start_date"]) for s in dated)
    ends = sorted(datetime.date.fromisoformat(s["end_date"]) for s in dated)
    start, end = statistics.median_low(starts), statistics.median_high(ends)
    best_geo = min(s["geo_precision"] for s in snapshots)
    located = [s for s in snapshots if s["geo_precision"] == best_geo]
    place_id = _most_common([s["place_id"] for s in located])
    where = next((s for s in located if s["place_id"] == place_id), located[0])
    event_type = _most_common([s["event_type"] for s in snapshots])
    return {
        "event_type": event_type,
        "sub_event_type": _most_common([s["sub_event_type"] for s in snapshots if s["event_type"] == event_type]),
        "start_date": start,
        "end_date": max(start, end),
        "date_precision": best_precision,
        "place_id": where["place_id"],
        "latitude": where["latitude"],
        "longitude": where["longitude"],
        "geo_precision": best_geo,
        "country": where["country"] or _most_common([s["country"] for s in snapshots], ""),
        "admin1": where["admin1"],
        "location_name": _most_common([s["location_name"] for s in snapshots], ""),
        "notes": next((s["notes"] for s in snapshots if s["notes"]), ""),
    }


def reference_roles(snapshots: list[dict]) -> dict[int, str]:
    votes: dict[int, Counter] = {}
    for snapshot in snapshots:
        for item in snapshot["actors"]:
            votes.setdefault(item["actor_id"], Counter())[item["role"]] += 1
    return {actor_id: counter.most_common(1)[0][0] for actor_id, counter in votes.items()}


# ---------------------------------------------------------------- random stories

TYPES = {
    "Battles": ["Armed clash", "Government regains territory", ""],
    "Protests": ["Peaceful protest", "Protest with intervention"],
    "Violence against civilians": ["Attack", "Abduction/forced disappearance"],
    "": ["", "Attack"],
}
PLACES = [
    (None, None, None, "", ""),
    (None, 12.5, -3.25, "ML", ""),
    (1, 10.0, 20.0, "AT", "Coast"),
    (2, 10.1, 20.2, "AT", "Coast"),
    (3, 11.0, 21.0, "", "Hills"),
    (4, 12.0, 22.0, "BT", ""),
]


def random_snapshot(rng: random.Random, *, spread: int) -> dict:
    """One report: few distinct values, so ties and repeated values are common."""
    start = datetime.date(2024, 3, 1) + datetime.timedelta(days=rng.randrange(spread))
    end = start + datetime.timedelta(days=rng.choice([0, 0, 1, 3]))
    event_type = rng.choice(list(TYPES))
    place_id, latitude, longitude, country, admin1 = rng.choice(PLACES)
    # Another report's point or country for the same place, so "its first report" matters.
    if rng.random() < 0.3:
        latitude, country = (latitude or 0.0) + 0.5, rng.choice(["", "AT", "ML"])
    return {
        "event_type": event_type,
        "sub_event_type": rng.choice(TYPES[event_type]),
        "start_date": start.isoformat(),
        "end_date": end.isoformat(),
        "date_precision": rng.choice(DATE_PRECISIONS[: rng.randint(1, len(DATE_PRECISIONS))]),
        "place_id": place_id,
        "latitude": latitude,
        "longitude": longitude,
        "geo_precision": rng.choice([1, 1, 2, 3]),
        "country": country,
        "admin1": admin1,
        "location_name": rng.choice(["", "", "28 km west of Port Town", "the hills", "Kidal region"]),
        "notes": rng.choice(["", "", "", "Clashes near the port.", "A second account."]),
        "actors": [
            {"actor_id": actor_id, "role": rng.choice(["side_a", "side_b", "associated"])}
            for actor_id in rng.sample(range(1, 7), rng.randint(0, 3))
        ],
    }


def test_the_summary_folded_one_report_at_a_time_through_json_gives_the_full_rules_fields_and_roles():
    rng = random.Random(20241215)
    for _ in range(400):
        spread = rng.choice([1, 2, 5, 30])
        snapshots: list[dict] = []
        stored = ReportSummary.empty().to_json()
        for _ in range(rng.randint(1, 40)):
            snapshot = random_snapshot(rng, spread=spread)
            snapshots.append(snapshot)
            summary = ReportSummary.from_json(json.loads(json.dumps(stored))).add(snapshot)
            stored = summary.to_json()
            assert summary.fields() == reference_consensus(snapshots), snapshots
            assert summary.roles() == reference_roles(snapshots), snapshots


def test_the_summary_survives_a_store_that_reorders_dict_keys():
    rng = random.Random(7)
    snapshots = [random_snapshot(rng, spread=3) for _ in range(30)]
    stored = ReportSummary.of(snapshots).to_json()
    reordered = json.loads(json.dumps(dict(sorted(stored.items(), reverse=True)), sort_keys=True))
    assert ReportSummary.from_json(reordered).fields() == reference_consensus(snapshots)


def test_the_summary_grows_with_distinct_values_not_with_reports():
    rng = random.Random(3)
    summary = ReportSummary.empty()
    sizes = []
    for count in range(1, 2001):
        summary.add(random_snapshot(rng, spread=5))
        if count in (200, 2000):
            sizes.append(len(json.dumps(summary.to_json())))
    assert summary.to_json()["reports"] == 2000
    assert sizes[1] < sizes[0] * 1.2


def test_a_better_date_precision_drops_the_worse_dates():
    month = {**random_snapshot(random.Random(1), spread=1), "date_precision": "month", "start_date": "2024-03-01"}
    day = {**month, "date_precision": "day", "start_date": "2024-03-05", "end_date": "2024-03-05"}
    summary = ReportSummary.of([month, month, day])
    assert summary.to_json()["starts"] == [["2024-03-05", 1]]
    assert summary.fields()["start_date"] == datetime.date(2024, 3, 5)


def test_an_empty_summary_and_empty_snapshots_derive_nothing():
    assert ReportSummary.from_json({}).fields() == {} and ReportSummary.of([{}, {}]).roles() == {}
