"""Attaching a report to a draft folds that report into the stored summary: same result as a full re-derivation
from all the event's reports, at a cost that does not grow with them."""

import datetime
import random

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.consensus import ReportSummary
from events.models import Event, EventReport, Place
from events.services import _event_fatality_range, article_events_replace, event_merge, event_split
from sources.models import Article, content_hash
from sources.parsing.gazetteer import PlaceCandidate
from sources.parsing.results import ActorRef, ParsedActor, ParsedClaim, ParsedEvent, ParseResult
from tests.events.test_consensus import reference_consensus, reference_roles

pytestmark = pytest.mark.django_db
D = datetime.date

ARMY = ActorRef(None, "Military Forces of Atlantis", "state_forces", "AT")
REBELS = ActorRef(None, "Atlantis Liberation Front", "rebel_group", "AT", is_new=True)
MILITIA = ActorRef(None, "Coast Guard Militia", "identity_militia", "AT", is_new=True)
SUB_TYPES = {"Battles": ["Armed clash", "Government regains territory"], "Explosions/Remote violence": ["Shelling"]}
NOTES = ["", "", "Clashes in Port Town.", "Shelling near the harbour."]


def _places() -> list[PlaceCandidate]:
    """Two gazetteer towns a few km apart and one place no gazetteer entry matched: all one story's."""
    towns = []
    for name, latitude, longitude in (("Port Town", 10.0, 20.0), ("Harbour", 10.05, 20.05)):
        place = Place.objects.create(
            gazetteer_key=f"test:{name}",
            name=name,
            country="AT",
            admin1_code="01",
            admin1_name="Coast",
            latitude=latitude,
            longitude=longitude,
        )
        towns.append(PlaceCandidate(place.id, None, name, "AT", "01", "Coast", latitude, longitude, 5000, "PPL", name))
    return [*towns, PlaceCandidate(None, None, "Old Quay", "AT", "01", "Coast", 10.02, 20.01, 0, "PPL", "Old Quay")]


def _article(number: int) -> Article:
    text = f"Report {number}."
    return Article.objects.create(text=text, content_hash=content_hash(text), published_at=D(2024, 3, 10))


def _claim(claimant: ActorRef | None, kind: str, low: int | None, high: int | None) -> ParsedClaim:
    qualifier = "vague" if low is None and high is None else "exact" if low == high else "at_least"
    name = claimant.name if claimant else "a witness"
    return ParsedClaim(claimant, name, kind, None, "", low, high, qualifier, "x", 0, 1, 0.9)


def _random_claims(rng: random.Random) -> list[ParsedClaim]:
    claims = []
    for _ in range(rng.randint(0, 3)):
        low = rng.choice([None, 0, 2, 5, 12, 40])
        high = None if low is None else rng.choice([low, low + 3, None])
        kind = rng.choice(["killed", "killed", "wounded"])
        claims.append(_claim(rng.choice([ARMY, REBELS, None]), kind, low, high))
    return claims


def _random_event(rng: random.Random, places: list[PlaceCandidate]) -> ParsedEvent:
    """A report of the same story: dates within two days, places within a few km, the army always named."""
    start = D(2024, 3, 8) + datetime.timedelta(days=rng.randint(0, 1))
    event_type = rng.choice(list(SUB_TYPES))
    place = rng.choice(places)
    actors = [ParsedActor(ARMY, rng.choice(["side_a", "side_b"]))]
    actors += [ParsedActor(ref, rng.choice(["side_a", "side_b", "associated"])) for ref in (REBELS, MILITIA)][
        : rng.randint(0, 2)
    ]
    return ParsedEvent(
        event_type=event_type,
        sub_event_type=rng.choice(SUB_TYPES[event_type]),
        start_date=start,
        end_date=start + datetime.timedelta(days=rng.randint(0, 1)),
        date_precision=rng.choice(["day", "day", "week", "month"]),
        place=place,
        geo_precision=rng.choice([1, 1, 2]),
        location_text=place.name,
        country="AT",
        admin1="Coast",
        actors=actors,
        claims=_random_claims(rng),
        point=(place.latitude + 0.01, place.longitude) if rng.random() < 0.2 else None,
        notes=rng.choice(NOTES),
    )


def _attach(number: int, parsed: ParsedEvent) -> Article:
    article = _article(number)
    article_events_replace(article=article, result=ParseResult(language="en", events=[parsed], spans=[]))
    return article


def _snapshots(event: Event) -> list[dict]:
    return list(EventReport.objects.filter(event=event).order_by("id").values_list("parsed", flat=True))


def _derived(event: Event) -> dict:
    event.refresh_from_db()
    fields = {name: getattr(event, name) for name in reference_consensus(_snapshots(event))}
    return fields, dict(event.event_actors.values_list("actor_id", "role"))


def _assert_fully_derived(event: Event) -> None:
    """The event is what the rule gives from all its reports, and its summary is theirs."""
    snapshots = _snapshots(event)
    fields, roles = _derived(event)
    assert fields == reference_consensus(snapshots)
    assert roles == reference_roles(snapshots)
    assert event.derivation == ReportSummary.of(snapshots).to_json()


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5])
def test_attaching_reports_one_by_one_leaves_a_draft_as_a_full_re_derivation_would(seed):
    rng = random.Random(seed)
    places = _places()
    for number in range(30):
        _attach(number, _random_event(rng, places))
        event = Event.objects.get()
        _assert_fully_derived(event)
        assert event.reports.count() == number + 1


@pytest.mark.parametrize("seed", [11, 12, 13])
def test_the_fatality_range_after_incremental_attaches_is_that_of_all_the_claims(seed):
    rng = random.Random(seed)
    places = _places()
    for number in range(25):
        _attach(number, _random_event(rng, places))
        event = Event.objects.get()
        low, high = _event_fatality_range(event)
        assert (event.fatalities_low, event.fatalities_high, event.fatalities_best) == (low, high, low)


def _same_report() -> ParsedEvent:
    town = PlaceCandidate(None, None, "Port Town", "AT", "01", "Coast", 10.0, 20.0, 5000, "PPL", "Port Town")
    return ParsedEvent(
        event_type="Battles",
        sub_event_type="Armed clash",
        start_date=D(2024, 3, 8),
        end_date=D(2024, 3, 8),
        date_precision="day",
        place=town,
        geo_precision=1,
        location_text="Port Town",
        country="AT",
        admin1="Coast",
        actors=[ParsedActor(ARMY, "side_a"), ParsedActor(REBELS, "side_b")],
        claims=[_claim(ARMY, "killed", 10, 10)],
        notes="Clashes in Port Town.",
    )


def _queries_attaching(number: int) -> list[str]:
    article = _article(number)
    result = ParseResult(language="en", events=[_same_report()], spans=[])
    with CaptureQueriesContext(connection) as captured:
        article_events_replace(article=article, result=result)
    return [query["sql"] for query in captured.captured_queries]


def test_attaching_the_50th_report_to_a_draft_costs_the_queries_the_2nd_did():
    _attach(0, _same_report())
    second = _queries_attaching(1)
    for number in range(2, 49):
        _attach(number, _same_report())
    fiftieth = _queries_attaching(49)
    assert Event.objects.get().reports.count() == 50
    assert len(fiftieth) == len(second)


def test_attaching_to_an_untouched_draft_reads_none_of_its_other_reports_or_claims():
    for number in range(5):
        _attach(number, _same_report())
    queries = _queries_attaching(5)
    reads = [sql for sql in queries if sql.lstrip().upper().startswith("SELECT")]
    assert not [sql for sql in reads if '"parsed"' in sql or 'FROM "events_claim"' in sql], reads


def test_attaching_to_an_approved_event_reads_none_of_its_other_reports():
    for number in range(3):
        _attach(number, _same_report())
    Event.objects.update(status=Event.Status.APPROVED)
    queries = _queries_attaching(3)
    assert not [sql for sql in queries if sql.lstrip().upper().startswith("SELECT") and '"parsed"' in sql], queries
    event = Event.objects.get()
    assert event.reports.count() == 4 and event.derivation == ReportSummary.of(_snapshots(event)).to_json()


def test_a_re_parse_a_merge_and_a_split_leave_each_summary_that_of_its_reports(user_factory):
    reviewer = user_factory("rev", "reviewer")
    rng = random.Random(21)
    places = _places()
    articles = [_attach(number, _random_event(rng, places)) for number in range(6)]
    event = Event.objects.get()
    article_events_replace(
        article=articles[2], result=ParseResult(language="en", events=[_random_event(rng, places)], spans=[])
    )
    _assert_fully_derived(event)
    new = event_split(
        event=event, reviewer=reviewer, article_ids=[articles[0].id, articles[4].id], expected_version=event.version
    )
    for target in (event, new):
        target.refresh_from_db()
        assert target.derivation == ReportSummary.of(_snapshots(target)).to_json()
    event_merge(event=new, into=event, reviewer=reviewer, expected_version=new.version)
    for target in (event, new):
        target.refresh_from_db()
        assert target.derivation == ReportSummary.of(_snapshots(target)).to_json()
    assert new.derivation == ReportSummary.empty().to_json()


def test_a_report_attached_by_another_worker_meanwhile_is_not_lost(monkeypatch):
    """Worker A reads the draft (its candidate search), worker B attaches a report to it and commits, then A
    writes: A's write finds the summary grown and derives the draft from all its reports instead."""
    import events.services as services

    rng = random.Random(31)
    places = _places()
    for number in range(3):
        _attach(number, _random_event(rng, places))
    real = services.candidates
    interleaved = []

    def candidates_then_another_worker(footprint, **exclusions):
        found = real(footprint, **exclusions)
        if not interleaved:
            interleaved.append(True)
            _attach(3, _random_event(rng, places))  # B, between A's read and A's write
        return found

    monkeypatch.setattr(services, "candidates", candidates_then_another_worker)
    _attach(4, _random_event(rng, places))
    event = Event.objects.get()
    assert event.reports.count() == 5 and event.derivation["reports"] == 5
    _assert_fully_derived(event)
    low, high = _event_fatality_range(event)
    assert (event.fatalities_low, event.fatalities_high) == (low, high)


def test_an_approved_events_summary_follows_its_reports_and_its_fields_stay():
    rng = random.Random(41)
    places = _places()
    _attach(0, _random_event(rng, places))
    Event.objects.update(status=Event.Status.APPROVED)
    approved = Event.objects.get()
    kept = {name: getattr(approved, name) for name in ("event_type", "start_date", "place_id", "notes")}
    for number in range(1, 6):
        _attach(number, _random_event(rng, places))
    event = Event.objects.get()
    assert {name: getattr(event, name) for name in kept} == kept
    assert event.derivation == ReportSummary.of(_snapshots(event)).to_json()


def test_a_draft_stored_before_summaries_were_kept_grows_from_all_its_reports():
    """An event whose stored summary has no count (written before summaries were kept) grows as any other: its
    next report's write finds it, and its summary is then that of all its reports."""
    rng = random.Random(37)
    places = _places()
    for number in range(2):
        _attach(number, _random_event(rng, places))
    Event.objects.update(derivation={})
    _attach(2, _random_event(rng, places))
    event = Event.objects.get()
    assert event.reports.count() == 3
    _assert_fully_derived(event)
