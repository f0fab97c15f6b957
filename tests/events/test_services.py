import datetime

import pytest

from events.models import Actor, Claim, Event, EventReport
from events.services import article_events_replace, fatality_range
from sources.models import Article, content_hash
from sources.parsing.gazetteer import PlaceCandidate
from sources.parsing.results import ActorRef, ParsedActor, ParsedClaim, ParsedEvent, ParseResult

pytestmark = pytest.mark.django_db
D = datetime.date

ARMY = ActorRef(None, "Military Forces of Atlantis", "state_forces", "AT")
REBELS = ActorRef(None, "Atlantis Liberation Front", "rebel_group", "AT", is_new=True)
TOWN = PlaceCandidate(None, None, "Port Town", "AT", "01", "Coast", 10.0, 20.0, 5000, "PPL", "Port Town")


def article(text: str, published=D(2024, 3, 10)) -> Article:
    return Article.objects.create(text=text, content_hash=content_hash(text), published_at=published)


def claim(claimant, kind, subject, low, high, *, qualifier="exact", text="x") -> ParsedClaim:
    return ParsedClaim(
        claimant,
        claimant.name if claimant else "a witness",
        kind,
        subject,
        subject.name if subject else "",
        low,
        high,
        qualifier,
        text,
        0,
        len(text),
        0.9,
    )


def report(
    *claims, start=D(2024, 3, 8), end=D(2024, 3, 9), place=TOWN, precision=1, event_type="Battles"
) -> ParseResult:
    event = ParsedEvent(
        event_type=event_type,
        sub_event_type="Armed clash" if event_type == "Battles" else "Peaceful protest",
        start_date=start,
        end_date=end,
        date_precision="day",
        place=place,
        geo_precision=precision,
        location_text=place.name if place else "",
        country="AT",
        admin1="Coast",
        actors=[ParsedActor(ARMY, "side_a"), ParsedActor(REBELS, "side_b")],
        claims=list(claims),
        notes="Clashes in Port Town.",
    )
    return ParseResult(language="en", events=[event], spans=[])


def test_two_reports_of_the_same_clash_become_one_event_with_both_claims():
    first, second = article("Report one."), article("Report two.")
    article_events_replace(article=first, result=report(claim(ARMY, "killed", REBELS, 20, 20)))
    article_events_replace(
        article=second,
        result=report(claim(REBELS, "killed", ARMY, 40, None, qualifier="at_least"), start=D(2024, 3, 9)),
    )
    event = Event.objects.get()
    assert event.claims.count() == 2 and event.reports.count() == 2
    reason = EventReport.objects.get(article=second).match_reason
    assert reason["date_gap_days"] == 0 and reason["same_place"] is False and reason["distance_km"] == 0.0
    assert set(reason["shared_actors"]) == {"Military Forces of Atlantis", "Atlantis Liberation Front"}


def test_parsing_an_article_again_replaces_its_claims_and_never_duplicates_events():
    first = article("Report one.")
    for _ in range(3):
        article_events_replace(
            article=first, result=report(claim(ARMY, "killed", REBELS, 20, 20), claim(ARMY, "wounded", ARMY, 3, 3))
        )
    assert Event.objects.count() == 1 and Claim.objects.count() == 2 and EventReport.objects.count() == 1


def test_an_unknown_named_group_is_created_for_review():
    article_events_replace(article=article("Report one."), result=report())
    assert Actor.objects.get(name="Atlantis Liberation Front").needs_review
    assert not Actor.objects.get(name="Military Forces of Atlantis").needs_review


def test_new_claims_flag_an_approved_event_without_changing_its_figures():
    first, second = article("Report one."), article("Report two.")
    article_events_replace(article=first, result=report(claim(ARMY, "killed", REBELS, 20, 20)))
    event = Event.objects.get()
    event.status = Event.Status.APPROVED
    event.save(update_fields=["status"])
    article_events_replace(article=second, result=report(claim(REBELS, "killed", ARMY, 90, 90)))
    event.refresh_from_db()
    assert event.flagged_for_review
    assert (event.fatalities_low, event.fatalities_best, event.fatalities_high) == (20, 20, 20)
    assert event.claims.count() == 2


def test_a_report_of_another_place_and_time_is_another_event():
    article_events_replace(article=article("Report one."), result=report())
    elsewhere = PlaceCandidate(None, None, "Hill Town", "AT", "02", "Hills", 12.0, 22.0, 5000, "PPL", "Hill Town")
    article_events_replace(
        article=article("Report two."), result=report(place=elsewhere, start=D(2024, 3, 1), end=D(2024, 3, 1))
    )
    assert Event.objects.count() == 2


def test_the_fatality_estimate_defaults_to_the_lowest_reported_total():
    first, second = article("Report one."), article("Report two.")
    article_events_replace(
        article=first, result=report(claim(ARMY, "killed", REBELS, 20, 20), claim(ARMY, "killed", ARMY, 2, 2))
    )
    article_events_replace(
        article=second,
        result=report(
            claim(REBELS, "killed", ARMY, 50, None, qualifier="at_least"),
            claim(REBELS, "killed", ARMY, None, None, qualifier="vague"),
        ),
    )
    event = Event.objects.get()
    assert (event.fatalities_low, event.fatalities_best, event.fatalities_high) == (22, 22, 50)


def test_fatality_range_sums_each_sources_figures_and_ignores_vague_ones():
    claims = [
        Claim(article_id=1, claimant_text="army", kind="killed", count_min=10, count_max=15),
        Claim(article_id=1, claimant_text="army", kind="killed", count_min=5, count_max=5),
        Claim(article_id=2, claimant_text="rebels", kind="killed", count_min=None, count_max=None, qualifier="vague"),
        Claim(article_id=2, claimant_text="rebels", kind="wounded", count_min=99, count_max=99),
    ]
    assert fatality_range(claims) == (15, 20)
    assert fatality_range([]) == (None, None)


def test_a_draft_takes_the_most_precise_place_its_reports_give():
    region = PlaceCandidate(None, None, "Coast", "AT", "01", "Coast", 10.5, 20.5, 0, "ADM1", "Coast")
    article_events_replace(article=article("Report one."), result=report(place=region, precision=3))
    article_events_replace(article=article("Report two."), result=report())
    event = Event.objects.get()
    assert (event.geo_precision, event.latitude, event.longitude) == (1, 10.0, 20.0)


def test_clearing_a_chosen_best_figure_returns_to_the_lowest_total(user_factory):
    from events.services import event_update

    reviewer = user_factory("rev", "reviewer")
    article_events_replace(article=article("Report one."), result=report(claim(ARMY, "killed", REBELS, 20, 20)))
    event = Event.objects.get()
    event = event_update(
        event=event, reviewer=reviewer, changes={"fatalities_best": 25}, expected_version=event.version
    )
    assert (event.fatalities_best, event.fatalities_best_chosen) == (25, True)
    event = event_update(
        event=event, reviewer=reviewer, changes={"fatalities_best": None}, expected_version=event.version
    )
    assert (event.fatalities_best, event.fatalities_best_chosen) == (20, False)
    assert list(event.history.values_list("field", flat=True)) == ["fatalities_best", "fatalities_best"]


def test_a_stale_approval_is_refused(user_factory):
    from events.services import StaleEdit, event_approve

    reviewer = user_factory("rev", "reviewer")
    article_events_replace(article=article("Report one."), result=report())
    event = Event.objects.get()
    with pytest.raises(StaleEdit):
        event_approve(event=event, reviewer=reviewer, expected_version=event.version + 5)
    assert Event.objects.get().status == "draft"


def _town(name: str, latitude: float, longitude: float) -> PlaceCandidate:
    return PlaceCandidate(None, None, name, "AT", "01", "Coast", latitude, longitude, 5000, "PPL", name)


@pytest.mark.parametrize(("kilometres", "merged"), [(40, True), (70, False)])
def test_reports_from_towns_within_50_km_merge_and_farther_apart_do_not(kilometres, merged):
    degrees_east = kilometres / (111.32 * 0.98481)  # a degree of longitude at 10° N
    article_events_replace(article=article("Report one."), result=report(place=_town("West", 10.0, 20.0)))
    article_events_replace(
        article=article("Report two."), result=report(place=_town("East", 10.0, 20.0 + degrees_east))
    )
    assert Event.objects.count() == (1 if merged else 2)


def test_reports_either_side_of_the_antimeridian_merge():
    article_events_replace(article=article("Report one."), result=report(place=_town("West", -17.0, 179.95)))
    article_events_replace(article=article("Report two."), result=report(place=_town("East", -17.0, -179.95)))
    assert Event.objects.count() == 1
