"""The rules of a reviewer's change, at the service level: each is written once, in events.services, and holds
for the web pages and the API alike (tests/web/test_review_rules.py and tests/api/test_review.py show both)."""

import threading

import pytest
from django.db import connection, connections

from events import services
from events.models import Claim, Event, ReviewLog
from events.services import EventRuleError, StaleEdit
from tests.api.helpers import D, make_actor, make_article, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer(user_factory):
    return user_factory("rev", "reviewer")


def refused(call, *, field=None, match=None) -> EventRuleError:
    with pytest.raises(EventRuleError, match=match) as caught:
        call()
    assert caught.value.field == field
    return caught.value


def claim_data(article, **changes) -> dict:
    return {
        "article": article,
        "claimant_text": "a medic",
        "kind": "wounded",
        "count_min": 3,
        "count_max": 3,
        "qualifier": "exact",
        "quote": "Three were hurt.",
        **changes,
    }


# ---------------------------------------------------------------- claims


def test_a_claim_on_a_rejected_event_is_refused(reviewer):
    event = make_event(status="rejected")
    article = event.reports.get().article
    add = lambda: services.claim_create(event=event, reviewer=reviewer, data=claim_data(article), expected_version=1)  # noqa: E731
    refused(add, field="event", match="claims go on draft or approved events")
    assert not Claim.objects.exists()


def test_a_claim_from_an_article_that_does_not_report_the_event_is_refused(reviewer):
    event = make_event(status="draft")
    data = claim_data(make_article())
    add = lambda: services.claim_create(event=event, reviewer=reviewer, data=data, expected_version=1)  # noqa: E731
    refused(add, field="article", match="does not report event")
    assert not Claim.objects.exists()


def test_a_claim_must_say_who_makes_it(reviewer):
    event = make_event(status="draft")
    data = claim_data(event.reports.get().article, claimant_text="  ", claimant=None)
    add = lambda: services.claim_create(event=event, reviewer=reviewer, data=data, expected_version=1)  # noqa: E731
    refused(add, field="claimant", match="Say who makes the claim")


def test_a_claim_naming_an_actor_as_claimant_needs_no_text(reviewer):
    event = make_event(status="draft")
    data = claim_data(event.reports.get().article, claimant_text="", claimant=make_actor("JNIM"))
    claim = services.claim_create(event=event, reviewer=reviewer, data=data, expected_version=1)
    assert claim.claimant.name == "JNIM" and Event.objects.get(id=event.id).version == 2


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"count_min": 9, "count_max": 2}, "count_max"),
        ({"count_min": -1}, "count_min"),
        ({"quote": "x" * 2_001}, "quote"),
        ({"claimant_text": "x" * 201}, "claimant_text"),
    ],
)
def test_a_claims_own_fields_keep_their_rules(reviewer, changes, field):
    event = make_event(status="draft")
    data = claim_data(event.reports.get().article, **changes)
    refused(lambda: services.claim_create(event=event, reviewer=reviewer, data=data, expected_version=1), field=field)


def test_editing_a_claim_keeps_its_rules(reviewer):
    event = make_event(status="approved", claims=[{"claimant_text": "the army", "kind": "killed", "count_min": 4}])
    claim = Claim.objects.select_related("event").get()
    edit = lambda **changes: services.claim_update(claim=claim, reviewer=reviewer, changes=changes, expected_version=1)  # noqa: E731
    refused(lambda: edit(article=make_article()), field="article", match="does not report event")
    refused(lambda: edit(claimant_text=""), field="claimant")
    Event.objects.filter(id=event.id).update(status="rejected")
    claim.event.refresh_from_db()
    refused(lambda: edit(count_min=5), field="event")
    assert Claim.objects.get().count_min == 4 and not ReviewLog.objects.exists()


def test_an_unchanged_claim_edit_writes_nothing(reviewer):
    make_event(status="draft", claims=[{"claimant_text": "the army", "kind": "killed", "count_min": 4}])
    claim = Claim.objects.select_related("event").get()
    services.claim_update(claim=claim, reviewer=reviewer, changes={"count_min": 4}, expected_version=99)
    assert Event.objects.get().version == 1 and not ReviewLog.objects.exists()


# ---------------------------------------------------------------- event fields


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"sub_event_type": "Peaceful protest"}, "sub_event_type", "is not a sub-type of"),
        ({"start_date": D(2024, 8, 1)}, "end_date", "cannot end before it starts"),
        ({"latitude": None}, "longitude", "both latitude and longitude"),
        ({"latitude": 91.0}, "latitude", "must lie in"),
        ({"longitude": -181.0}, "longitude", "must lie in"),
        ({"fatalities_best": -1}, "fatalities_best", "cannot be negative"),
        ({"notes": "x" * 5_001}, "notes", "the limit is 5,000"),
        ({"location_name": "x" * 201}, "location_name", "the limit is 200"),
    ],
)
def test_an_event_edit_keeps_the_events_rules(reviewer, changes, field, message):
    event = make_event(status="draft")
    edit = lambda: services.event_update(event=event, reviewer=reviewer, changes=changes, expected_version=1)  # noqa: E731
    refused(edit, field=field, match=message)
    assert Event.objects.get().version == 1 and not ReviewLog.objects.exists()


def test_a_field_that_is_not_editable_is_refused(reviewer):
    event = make_event(status="draft")
    changes = {"status": "approved"}
    refused(
        lambda: services.event_update(event=event, reviewer=reviewer, changes=changes, expected_version=1),
        match="cannot be edited",
    )


def test_an_unknown_actor_role_is_refused(reviewer):
    event = make_event(status="draft")
    roles = [(make_actor("JNIM"), "referee")]
    refused(
        lambda: services.event_set_actors(event=event, reviewer=reviewer, roles=roles, expected_version=1),
        field="actors",
    )


# ---------------------------------------------------------------- decisions, merge, split


def test_an_approved_event_is_approved_again_only_when_flagged(reviewer):
    event = make_event(status="approved")
    approve = lambda: services.event_approve(event=event, reviewer=reviewer, expected_version=1)  # noqa: E731
    refused(approve, match="already approved")


def test_an_event_cannot_be_merged_into_itself_or_into_a_rejected_one(reviewer):
    event, rejected = make_event(status="draft"), make_event(status="rejected")
    merge = lambda into: services.event_merge(event=event, into=into, reviewer=reviewer, expected_version=1)  # noqa: E731
    refused(lambda: merge(event), field="into", match="into itself")
    refused(lambda: merge(rejected), field="into", match="merge into a draft or approved event")
    assert Event.objects.get(id=event.id).status == "draft"


def test_a_merge_moves_both_events_versions_on(reviewer):
    event, into = make_event(status="draft"), make_event(status="draft")
    services.event_merge(event=event, into=into, reviewer=reviewer, expected_version=1)
    assert dict(Event.objects.values_list("id", "version")) == {event.id: 2, into.id: 2}


def test_a_split_must_leave_the_event_some_of_its_articles(reviewer):
    event = make_event(status="draft", articles=[make_article(), make_article()])
    every = list(event.reports.values_list("article_id", flat=True))
    split = lambda: services.event_split(event=event, reviewer=reviewer, article_ids=every, expected_version=1)  # noqa: E731
    refused(split, field="article_ids", match="not all")


# ---------------------------------------------------------------- versions


WRITES = {
    "edit": lambda event, reviewer, version: services.event_update(
        event=event, reviewer=reviewer, changes={"notes": "Mine."}, expected_version=version
    ),
    "approve": lambda event, reviewer, version: services.event_approve(
        event=event, reviewer=reviewer, expected_version=version
    ),
    "reject": lambda event, reviewer, version: services.event_reject(
        event=event, reviewer=reviewer, expected_version=version
    ),
    "actors": lambda event, reviewer, version: services.event_set_actors(
        event=event, reviewer=reviewer, roles=[], expected_version=version
    ),
    "point": lambda event, reviewer, version: services.event_set_point(
        event=event, reviewer=reviewer, latitude=1.0, longitude=2.0, geo_precision=1, expected_version=version
    ),
    "merge": lambda event, reviewer, version: services.event_merge(
        event=event, into=make_event(status="draft"), reviewer=reviewer, expected_version=version
    ),
    "split": lambda event, reviewer, version: services.event_split(
        event=event, reviewer=reviewer, article_ids=[event.reports.first().article_id], expected_version=version
    ),
    "claim_create": lambda event, reviewer, version: services.claim_create(
        event=event, reviewer=reviewer, data=claim_data(event.reports.first().article), expected_version=version
    ),
    "claim_update": lambda event, reviewer, version: services.claim_update(
        claim=event.claims.select_related("event").get(),
        reviewer=reviewer,
        changes={"count_min": 2},
        expected_version=version,
    ),
    "claim_delete": lambda event, reviewer, version: services.claim_delete(
        claim=event.claims.select_related("event").get(), reviewer=reviewer, expected_version=version
    ),
}


def _event_for_writes() -> Event:
    return make_event(
        status="draft",
        articles=[make_article(), make_article()],
        claims=[{"claimant_text": "the army", "kind": "killed", "count_min": 4, "count_max": 4}],
    )


@pytest.mark.parametrize("write", list(WRITES))
def test_every_write_to_an_event_refuses_a_stale_version_and_changes_nothing(reviewer, write):
    event = _event_for_writes()
    Event.objects.filter(id=event.id).update(version=3)  # someone saved twice since this copy was read
    with pytest.raises(StaleEdit, match="changed by someone else") as caught:
        WRITES[write](event, reviewer, 1)
    assert caught.value.current_version == 3 and caught.value.field == "version"
    stored = Event.objects.get(id=event.id)
    assert (stored.version, stored.status, stored.notes) == (3, "draft", event.notes)
    assert stored.claims.get().count_min == 4 and not ReviewLog.objects.exists()


@pytest.mark.parametrize("write", list(WRITES))
def test_every_write_to_an_event_takes_the_next_version(reviewer, write):
    event = _event_for_writes()
    WRITES[write](event, reviewer, 1)
    assert Event.objects.get(id=event.id).version == 2


@pytest.mark.django_db(transaction=True)
def test_of_two_concurrent_approvals_of_the_same_version_one_wins_and_the_other_is_a_conflict(user_factory):
    """Two connections, each approving version 1 inside its own transaction; the first holds the row until it
    commits, and the second then finds the version moved on."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises whole-database writes; the row lock is PostgreSQL's")
    reviewers = [user_factory("first", "reviewer"), user_factory("second", "reviewer")]
    event_id = make_event(status="draft").id
    barrier = threading.Barrier(2, timeout=30)
    outcomes: dict[str, str] = {}

    def approve(reviewer) -> None:
        try:
            event = Event.objects.get(id=event_id)  # each thread reads version 1
            barrier.wait()
            services.event_approve(event=event, reviewer=reviewer, expected_version=event.version)
            outcomes[reviewer.username] = "approved"
        except StaleEdit as exc:
            outcomes[reviewer.username] = f"conflict at version {exc.current_version}"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=approve, args=(reviewer,)) for reviewer in reviewers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(outcomes.values()) == ["approved", "conflict at version 2"], outcomes
    event = Event.objects.get(id=event_id)
    assert (event.status, event.version) == ("approved", 2)
    assert ReviewLog.objects.filter(event_id=event_id, action="approved").count() == 1
