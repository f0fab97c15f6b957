"""The candidate search: every event matching could accept is found, bounded by the report's date window."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.candidates import candidates, matched_event
from events.matching import IMPRECISE, Footprint, match_reason, unresolved_name_key
from events.models import Actor, Event, EventActor, EventReport, Place, ReviewLog
from sources.models import Article, content_hash

pytestmark = pytest.mark.django_db

DAY = datetime.date(2025, 3, 10)


def make_place(name: str, latitude: float, longitude: float, *, admin1: str = "Gao") -> Place:
    return Place.objects.create(
        name=name,
        gazetteer_key=f"test:{name}",
        country="ML",
        admin1_name=admin1,
        latitude=latitude,
        longitude=longitude,
        feature_code="PPL",
    )


def make_event(*, start: datetime.date = DAY, end: datetime.date | None = None, **fields) -> Event:
    defaults = dict(
        event_type="Battles",
        sub_event_type="Armed clash",
        country="ML",
        admin1="Gao",
        latitude=16.27,
        longitude=-0.04,
        geo_precision=1,
    )
    return Event.objects.create(start_date=start, end_date=end or start, **{**defaults, **fields})


def report(**fields) -> Footprint:
    defaults = dict(
        start_date=DAY,
        end_date=DAY,
        country="ML",
        admin1="Gao",
        place_id=None,
        latitude=16.27,
        longitude=-0.04,
        geo_precision=1,
        event_type="Battles",
    )
    return Footprint(**{**defaults, **fields})


def actor_ids(footprint: Footprint) -> dict[str, int]:
    """The ids of the report's actors, as attaching a parsed report has them: each one is in the database."""
    return {name: Actor.objects.get_or_create(name=name)[0].id for name in footprint.actor_names}


def search(footprint: Footprint, *, article: Article | None = None):
    article = article or Article(id=0)
    return candidates(footprint, actor_ids=actor_ids(footprint), exclude_article=article)


def found(footprint: Footprint, *, article: Article | None = None) -> set[int]:
    return {candidate.event_id for candidate, _ in search(footprint, article=article)}


def days(count: int) -> datetime.timedelta:
    return datetime.timedelta(days=count)


def test_it_finds_the_events_within_the_date_window_on_both_sides():
    inside = [make_event(start=DAY - days(3)), make_event(start=DAY + days(3)), make_event(start=DAY)]
    make_event(start=DAY - days(4))
    make_event(start=DAY + days(4))
    assert found(report()) == {event.id for event in inside}


def test_it_finds_a_long_event_that_began_long_before_the_window():
    siege = make_event(start=DAY - days(200), end=DAY - days(2))
    make_event(start=DAY - days(200), end=DAY - days(10))
    assert found(report()) == {siege.id}


def test_it_finds_the_same_place_far_from_the_reports_point():
    town = make_place("Ber", 16.27, -0.04)
    same_place = make_event(place=town, latitude=20.0, longitude=5.0)
    assert found(report(place_id=town.id, latitude=10.0, longitude=-10.0)) == {same_place.id}


def test_it_finds_nearby_points_and_not_far_ones():
    near = make_event(latitude=16.5, longitude=0.1)
    make_event(latitude=17.5, longitude=-0.04)  # about 137 km north
    assert found(report()) == {near.id}


def test_it_finds_an_imprecise_event_of_the_same_region_only_in_that_region():
    region = make_event(latitude=18.0, longitude=2.0, geo_precision=IMPRECISE)
    make_event(latitude=18.0, longitude=2.0, geo_precision=IMPRECISE, admin1="Kidal")
    assert found(report()) == {region.id}


def test_an_imprecise_report_finds_precise_events_of_its_region():
    precise = make_event(latitude=18.0, longitude=2.0)
    make_event(latitude=18.0, longitude=2.0, admin1="Kidal")
    assert found(report(geo_precision=IMPRECISE)) == {precise.id}


def test_it_finds_events_with_an_unresolved_place_name_for_a_report_with_one():
    named = make_event(latitude=None, longitude=None, admin1="", location_name="Inabelbel")
    assert found(
        report(unresolved_name_key=unresolved_name_key("Inabelbel"), admin1="", latitude=None, longitude=None)
    ) == {named.id}
    assert found(report(admin1="", latitude=None, longitude=None, place_id=make_place("X", 1, 1).id)) == set()


def test_it_finds_events_of_no_country_and_not_those_of_another():
    nowhere = make_event(country="")
    make_event(country="NE")
    assert found(report()) == {nowhere.id}


def test_it_leaves_out_rejected_events_and_those_the_article_already_reports():
    article = Article.objects.create(text="a report", content_hash=content_hash("a report"))
    reported = make_event()
    EventReport.objects.create(event=reported, article=article, parsed={})
    make_event(status=Event.Status.REJECTED)
    other = make_event()
    assert found(report(), article=article) == {other.id}


def test_it_leaves_out_events_of_another_type_that_share_no_actor_with_the_report():
    army, rebels = (Actor.objects.create(name=name, kind="state_forces") for name in ("Army of Mali", "FLA"))
    same_type = make_event()
    shares_an_actor, shares_none = make_event(event_type="Riots"), make_event(event_type="Riots")
    EventActor.objects.create(event=shares_an_actor, actor=rebels, role="side_a")
    EventActor.objects.create(event=shares_none, actor=army, role="side_a")
    assert found(report(actor_names=frozenset({"FLA", "JNIM"}))) == {same_type.id, shares_an_actor.id}
    assert found(report()) == {same_type.id}


def test_a_report_that_says_nothing_of_where_finds_nothing_and_costs_no_query():
    make_event()
    with CaptureQueriesContext(connection) as queries:
        assert found(report(admin1="", latitude=None, longitude=None)) == set()
    assert len(queries) == 0


def test_it_reads_the_candidates_and_their_actors_in_one_query():
    event = make_event()
    jnim, fama = (Actor.objects.create(name=name) for name in ("JNIM", "FAMa"))
    for actor, role in ((jnim, "side_a"), (fama, "side_b")):
        EventActor.objects.create(event=event, actor=actor, role=role)
    make_event()
    footprint = report(actor_names=frozenset({"JNIM", "Wagner"}))
    ids = {"JNIM": jnim.id, "Wagner": Actor.objects.create(name="Wagner").id}
    with CaptureQueriesContext(connection) as queries:
        result = candidates(footprint, actor_ids=ids, exclude_article=Article(id=0))
    assert len(queries) == 1
    by_id = {candidate.event_id: (candidate, footprint) for candidate, footprint in result}
    candidate, found_footprint = by_id[event.id]
    assert candidate.roles == {jnim.id: "side_a", fama.id: "side_b"}
    # What matching compares of the actors: the ones the report names too.
    assert found_footprint.actor_names == {"JNIM"}
    assert len(by_id) == 2


def test_it_refuses_actor_ids_that_do_not_name_the_footprints_actors():
    with pytest.raises(ValueError):
        candidates(report(actor_names=frozenset({"JNIM"})), actor_ids={}, exclude_article=Article(id=0))


def test_the_picked_candidate_is_read_with_what_growing_it_needs_in_one_query():
    event = make_event(fatalities_low=3, fatalities_high=9, derivation={"reports": 2})
    [(candidate, _)] = search(report())
    with CaptureQueriesContext(connection) as queries:
        matched = matched_event(candidate)
    assert len(queries) == 1
    assert (matched.event.id, matched.event.fatalities_low, matched.event.fatalities_high) == (event.id, 3, 9)
    assert matched.event.location_name == event.location_name and not matched.touched
    with CaptureQueriesContext(connection) as queries:
        assert matched.event.geo_precision == 1 and matched.event.status == Event.Status.DRAFT
    assert len(queries) == 0, "the columns matching and growing read are all loaded"


def test_a_picked_candidate_is_touched_once_a_person_changed_it_or_approved_it():
    edited, approved = make_event(), make_event(status=Event.Status.APPROVED)
    ReviewLog.objects.create(event=edited, action="edit", field="event_type")
    picked = {candidate.event_id: matched_event(candidate) for candidate, _ in search(report())}
    assert picked[edited.id].touched and picked[approved.id].touched


def test_a_candidate_deleted_since_the_search_reads_as_none():
    event = make_event()
    [(candidate, _)] = search(report())
    event.delete()
    assert matched_event(candidate) is None


def _rows_read_of_events(plan: dict) -> int:
    """Rows the plan's scans of events_event returned or filtered out (EXPLAIN ANALYZE, JSON)."""
    own = plan.get("Actual Rows", 0) + plan.get("Rows Removed by Filter", 0) + plan.get("Rows Removed by Recheck", 0)
    read = own if plan.get("Relation Name") == "events_event" else 0
    return read + sum(_rows_read_of_events(child) for child in plan.get("Plans", []))


def _index_use(plan: dict) -> str:
    """The plan's index names and index conditions: what its index scans were narrowed by."""
    own = f"{plan.get('Index Name', '')} {plan.get('Index Cond', '')}\n" if "Index Name" in plan else ""
    return own + "".join(_index_use(child) for child in plan.get("Plans", []))


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the GiST indexes are PostgreSQL's")
@pytest.mark.parametrize(
    "arm",
    [
        {"place": True, "indexed": "(place_id = "},
        {"latitude": 15.1, "longitude": -0.9, "indexed": "(point(longitude, latitude) <@"},
        {"geo_precision": IMPRECISE, "indexed": "(admin1)::text = "},
        {"unresolved": True, "indexed": "events_event_unresolved_dates "},
    ],
    ids=["same place", "near point", "region", "unresolved name"],
)
def test_each_arm_reads_only_the_window_however_many_events_are_stored(arm):
    """5,000 events of one country over 500 days, ten a day: an arm reads the window's, not the country's."""
    towns = [make_place(f"Town {index}", 15 + index * 0.01, -1 + index * 0.01) for index in range(20)]
    Event.objects.bulk_create(
        Event(
            event_type="Battles",
            sub_event_type="Armed clash",
            country="ML",
            admin1=("Gao", "Kidal", "Mopti", "Timbuktu", "Segou")[index % 5],
            start_date=DAY - days(index % 500),
            end_date=DAY - days(index % 500),
            place=towns[index % 20],
            latitude=towns[index % 20].latitude,
            longitude=towns[index % 20].longitude,
            geo_precision=IMPRECISE if index % 7 == 0 else 1,
            location_name="Inabelbel" if index % 11 == 0 else "",
        )
        for index in range(5000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE events_event")
    footprint = report(
        place_id=towns[3].id if arm.get("place") else None,
        latitude=arm.get("latitude"),
        longitude=arm.get("longitude"),
        geo_precision=arm.get("geo_precision", 1),
        admin1="Gao" if "geo_precision" in arm else "",
        unresolved_name_key=unresolved_name_key("Inabelbel") if arm.get("unresolved") else "",
    )
    with CaptureQueriesContext(connection) as queries:
        assert search(footprint)
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + queries[0]["sql"])
        plan = cursor.fetchone()[0][0]["Plan"]
    assert _rows_read_of_events(plan) <= 100  # the 7-day window holds 70 events in all; the country 5,000
    # One index scan takes both the arm's place columns and the dates (a bitmap of the place's events at every date,
    # ANDed with the dates, reads thousands of index entries at a million events).
    assert any(arm["indexed"] in line and "daterange(" in line for line in _index_use(plan).splitlines()), plan


def test_every_event_matching_accepts_is_a_candidate_on_random_events_and_reports():
    """The search is a superset of match_reason(): on random stored events and reports (places, points, regions,
    unresolved names, types, actors, dates), each event a report matches is among its candidates."""
    import random

    rng = random.Random(15)
    towns = [make_place(f"Town {n}", 16.0 + rng.uniform(-0.6, 0.6), rng.uniform(-0.6, 0.6)) for n in range(4)]
    actors = [Actor.objects.create(name=f"Group {n}", kind="rebel_group") for n in range(3)]
    types, regions = ["Battles", "Riots", "Protests"], ["Gao", "Kidal"]

    def fields() -> dict:
        town = rng.choice([*towns, None])
        return dict(
            event_type=rng.choice(types),
            country=rng.choice(["ML", "ML", ""]),
            admin1=rng.choice(regions),
            place_id=town.id if town and rng.random() < 0.7 else None,
            latitude=(town.latitude if town else 16.0) + rng.uniform(-0.3, 0.3),
            longitude=(town.longitude if town else 0.0) + rng.uniform(-0.3, 0.3),
            geo_precision=rng.choice([1, 2, IMPRECISE]),
        )

    stored = []
    for _ in range(60):
        start = DAY + days(rng.randint(-6, 6))
        name = rng.choice(["", "", "Tin Essako", "Tinessako camp"])
        event = make_event(start=start, end=start + days(rng.randint(0, 2)), location_name=name, **fields())
        names = set()
        for actor in rng.sample(actors, rng.randint(0, 2)):
            EventActor.objects.create(event=event, actor=actor, role="side_a")
            names.add(actor.name)
        stored.append((event, Footprint.of(event, actor_names=names)))
    matched = 0
    for _ in range(40):
        values = fields()
        start = DAY + days(rng.randint(-3, 3))
        key = unresolved_name_key(rng.choice(["", "Tin Essako"]))
        names = frozenset(actor.name for actor in rng.sample(actors, rng.randint(0, 2)))
        footprint = report(start_date=start, end_date=start, unresolved_name_key=key, actor_names=names, **values)
        accepted = {event.id: match_reason(footprint, fp) for event, fp in stored if match_reason(footprint, fp)}
        assert accepted.keys() <= found(footprint), footprint
        # Matching reads the candidates' footprints (their shared actors only) as it reads the whole events.
        reasons = {candidate.event_id: match_reason(footprint, fp) for candidate, fp in search(footprint)}
        assert {event_id: reason for event_id, reason in reasons.items() if reason} == accepted, footprint
        matched += len(accepted)
    assert matched >= 20, "the random reports must match some events for the test to say anything"


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="autovacuum is PostgreSQL's")
def test_the_tables_every_report_updates_are_vacuumed_early_and_with_their_indexes():
    # Dead versions of grown events lie in the search's path until a vacuum cleans the indexes too.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reloptions FROM pg_class WHERE relname IN ('events_event', 'events_eventactor')"
        )
        options = {table: set(values or []) for table, values in cursor.fetchall()}
    expected = {"autovacuum_vacuum_scale_factor=0.01", "vacuum_index_cleanup=on"}
    assert options == {"events_event": expected, "events_eventactor": expected}
