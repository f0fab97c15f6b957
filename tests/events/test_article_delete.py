"""Deleting an article (the admin's delete goes through events.services.article_delete) leaves every event it
reported derived from the reports that are left, never from the one that is gone."""

import random

import pytest
from django.contrib import admin
from django.urls import reverse

from events.models import Claim, Event, EventReport
from events.services import _event_fatality_range, claim_create
from sources.models import Article
from tests.events.test_incremental_derivation import _assert_fully_derived, _attach, _places, _random_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_of(client, user_factory):
    client.force_login(user_factory("root", is_superuser=True, is_staff=True))
    return client


def _story(count: int, seed: int) -> list[Article]:
    rng = random.Random(seed)
    places = _places()
    return [_attach(number, _random_event(rng, places)) for number in range(count)]


def test_deleting_an_article_in_the_admin_derives_its_draft_from_the_reports_left(admin_client_of):
    articles = _story(5, seed=3)
    event = Event.objects.get()

    response = admin_client_of.post(reverse("admin:sources_article_delete", args=[articles[1].id]), {"post": "yes"})

    assert response.status_code == 302 and not Article.objects.filter(id=articles[1].id).exists()
    assert event.reports.count() == 4
    assert not Claim.objects.filter(article_id=articles[1].id).exists()
    _assert_fully_derived(event)
    low, high = _event_fatality_range(event)
    event.refresh_from_db()
    assert (event.fatalities_low, event.fatalities_high) == (low, high)


def test_deleting_articles_in_bulk_removes_a_draft_left_with_no_report(admin_client_of):
    articles = _story(2, seed=4)
    ids = [article.id for article in articles]

    admin_client_of.post(
        reverse("admin:sources_article_changelist"),
        {"action": "delete_selected", "_selected_action": ids, "post": "yes"},
    )

    assert not Article.objects.filter(id__in=ids).exists()
    assert not Event.objects.exists()


def test_a_reviewers_claim_citing_a_deleted_article_leaves_the_fatality_range(user_factory):
    from events.services import article_delete

    reviewer = user_factory("rev", "reviewer")
    articles = _story(2, seed=5)
    event = Event.objects.get()
    claim_create(
        event=event,
        reviewer=reviewer,
        data={"article": articles[0], "claimant_text": "a hospital", "kind": "killed", "count_min": 900},
        expected_version=event.version,
    )
    event.refresh_from_db()
    assert event.fatalities_high >= 900

    article_delete(article=articles[0])

    event.refresh_from_db()
    assert (event.fatalities_low, event.fatalities_high) == _event_fatality_range(event)
    assert event.fatalities_high is None or event.fatalities_high < 900


def test_an_events_reports_are_read_only_in_the_admin(admin_client_of):
    _story(1, seed=6)
    report = EventReport.objects.get()
    assert EventReport not in admin.site._registry
    response = admin_client_of.get(reverse("admin:events_event_change", args=[report.event_id]))
    assert response.status_code == 200
    assert b"eventreport_set-0-DELETE" not in response.content and b"eventreport_set-0-article" not in response.content
