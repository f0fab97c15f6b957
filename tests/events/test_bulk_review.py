"""The review queue's writes: bulk decisions go through the one-event services (versions checked, one review-log
row per event), and the soft lock that only warns."""

import datetime

import pytest
from django.utils import timezone

from events.models import Event, ReviewLock, ReviewLog
from events.services import REVIEW_LOCK_MINUTES, EventRuleError, events_bulk_review, review_lock_take
from tests.web.conftest import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewer(user_factory):
    return user_factory("rev", "reviewer")


def versions(*events: Event) -> dict[int, int]:
    return {event.id: event.version for event in events}


def test_a_bulk_approval_approves_each_event_and_logs_one_row_each(reviewer):
    drafts = [make_event() for _ in range(3)]
    result = events_bulk_review(event_versions=versions(*drafts), reviewer=reviewer, action="approve")
    assert sorted(result.done) == sorted(event.id for event in drafts) and not result.stale and not result.refused
    assert set(Event.objects.values_list("status", flat=True)) == {"approved"}
    rows = ReviewLog.objects.filter(action="approved")
    assert sorted(rows.values_list("event_id", flat=True)) == sorted(event.id for event in drafts)
    assert {row.user_id for row in rows} == {reviewer.id}


def test_a_row_changed_since_the_list_was_drawn_is_reported_and_left_as_it_is(reviewer):
    fresh, changed = make_event(), make_event()
    shown = versions(fresh, changed)
    Event.objects.filter(id=changed.id).update(version=changed.version + 1, notes="someone else's note")
    result = events_bulk_review(event_versions=shown, reviewer=reviewer, action="reject")
    assert result.done == [fresh.id] and result.stale == [changed.id]
    changed.refresh_from_db()
    assert changed.status == "draft" and changed.notes == "someone else's note"
    assert list(ReviewLog.objects.values_list("event_id", flat=True)) == [fresh.id]


def test_refusals_are_reported_per_event_and_do_not_stop_the_others(reviewer):
    draft, rejected = make_event(), make_event(status="rejected")
    shown = {**versions(draft, rejected), 10**9: 1}
    result = events_bulk_review(event_versions=shown, reviewer=reviewer, action="reject")
    assert result.done == [draft.id]
    assert result.refused == {rejected.id: "The event is already rejected.", 10**9: f"Event {10**9} no longer exists."}


def test_an_unknown_action_is_refused_before_anything_changes(reviewer):
    draft = make_event()
    with pytest.raises(EventRuleError):
        events_bulk_review(event_versions=versions(draft), reviewer=reviewer, action="delete")
    assert Event.objects.get().status == "draft" and not ReviewLog.objects.exists()


def test_assign_to_me_takes_a_soft_lock_and_changes_nothing_else(reviewer):
    draft = make_event()
    result = events_bulk_review(event_versions=versions(draft), reviewer=reviewer, action="assign")
    assert result.done == [draft.id]
    lock = ReviewLock.objects.get()
    assert (lock.event_id, lock.reviewer_id) == (draft.id, reviewer.id)
    assert Event.objects.get().version == draft.version and not ReviewLog.objects.exists()


def test_a_running_lock_keeps_its_start_and_a_lapsed_one_starts_again(reviewer):
    draft = make_event()
    review_lock_take(event=draft, reviewer=reviewer)
    first = ReviewLock.objects.get()
    assert first.since.tzinfo is not None
    assert first.expires_at - first.since == datetime.timedelta(minutes=REVIEW_LOCK_MINUTES)
    earlier = timezone.now() - datetime.timedelta(minutes=5)
    ReviewLock.objects.update(since=earlier)
    review_lock_take(event=draft, reviewer=reviewer)
    renewed = ReviewLock.objects.get()
    assert renewed.since == earlier and renewed.expires_at > first.expires_at - datetime.timedelta(seconds=1)
    ReviewLock.objects.update(since=earlier - datetime.timedelta(hours=1), expires_at=earlier)
    review_lock_take(event=draft, reviewer=reviewer)
    restarted = ReviewLock.objects.get()
    assert restarted.since > earlier and restarted.expires_at > timezone.now()
