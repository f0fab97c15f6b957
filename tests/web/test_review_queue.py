"""The review queue at scale: its filters, sorts and counts, bulk decisions with a confirmation, the soft lock
shown to other reviewers, and a query count that stays fixed with filters on."""

import datetime

import pytest
from django.utils import timezone

from events.models import Event, Place, ReviewLock, ReviewLog
from events.services import review_lock_take
from tests.web.conftest import make_article, make_event

pytestmark = pytest.mark.django_db
D = datetime.date


def listed(client, query: str = "") -> list[int]:
    response = client.get("/review/" + query)
    assert response.status_code == 200
    return [event.id for event in response.context["events"]]


@pytest.fixture
def queue(db):
    place = Place.objects.create(name="Gao", country="ML", latitude=16.27, longitude=-0.04)
    articles = [make_article(f"Report {index} of fighting.") for index in range(3)]
    claims = [{"article": articles[0], "claimant": "JNIM", "kind": "killed", "count_min": n} for n in (3, 5, 7)]
    return {
        "busy": make_event(
            articles=articles, claims=claims, place=place, notes="Ambush on the Gao road", actors=[("JNIM", "side_a")]
        ),
        "niger": make_event(
            country="NE",
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            start_date=D(2024, 3, 1),
            end_date=D(2024, 3, 1),
        ),
        "flagged": make_event(status="approved", flagged_for_review=True, place=place),
        "approved": make_event(status="approved", place=place),  # not waiting: never listed
    }


def test_the_filters_narrow_the_queue(client, reviewer, queue):
    busy, niger, flagged = queue["busy"], queue["niger"], queue["flagged"]
    ReviewLog.objects.create(user=reviewer, event=busy, action="update", field="notes")
    assert set(listed(client)) == {busy.id, niger.id, flagged.id}
    assert listed(client, "?country=ne") == [niger.id]
    assert listed(client, "?event_type=Explosions/Remote+violence") == [niger.id]
    assert set(listed(client, "?date_from=2024-07-01")) == {busy.id, flagged.id}  # by start date, as the events list
    assert listed(client, "?date_to=2024-03-31") == [niger.id]
    assert listed(client, "?state=flagged") == [flagged.id]
    assert set(listed(client, "?state=draft")) == {busy.id, niger.id}
    assert listed(client, "?origin=person") == [busy.id]
    assert set(listed(client, "?origin=parser")) == {niger.id, flagged.id}
    assert listed(client, "?unresolved=on") == [niger.id]
    assert listed(client, "?q=gao+road") == [busy.id]
    assert listed(client, "?q=jnim") == [busy.id]  # an actor's name, as the API's q reads it


def test_the_sorts(client, reviewer, queue):
    busy, niger, flagged = queue["busy"], queue["niger"], queue["flagged"]
    assert listed(client) == [flagged.id, niger.id, busy.id]  # flagged first, then the newest draft
    assert listed(client, "?sort=newest") == [flagged.id, niger.id, busy.id]
    assert listed(client, "?sort=oldest") == [busy.id, niger.id, flagged.id]
    assert listed(client, "?sort=claims")[0] == busy.id
    assert listed(client, "?sort=reports")[0] == busy.id


def test_each_filter_shows_how_many_events_it_would_list(client, reviewer, queue):
    counts = client.get("/review/").context["counts"]
    assert counts == {
        "total": 3,
        "state_draft": 2,
        "state_flagged": 1,
        "origin_parser": 3,
        "origin_person": 0,
        "unresolved": 1,
    }
    # a facet is counted under the other facets' choices: with drafts only, 1 of them is unresolved
    counts = client.get("/review/?state=draft&country=ML").context["counts"]
    assert counts == {
        "total": 1,
        "state_draft": 1,
        "state_flagged": 1,
        "origin_parser": 1,
        "origin_person": 0,
        "unresolved": 0,
    }
    page = client.get("/review/?state=draft").content.decode()
    assert '<strong data-count="state_draft">2</strong>' in page
    assert '<strong data-count="unresolved">1</strong>' in page


def test_the_filtered_queue_makes_a_fixed_number_of_queries(client, reviewer, django_assert_max_num_queries, queue):
    for index in range(12):
        make_event(articles=[make_article(f"Another report {index}.")], country="ML")
    review_lock_take(event=queue["busy"], reviewer=reviewer)
    query = "?q=a&country=ML&event_type=Battles&date_from=2024-01-01&state=draft&origin=parser&sort=claims&unresolved="
    # session, user, roles, the page's count and rows, actors, soft locks, the first id, the facet counts
    with django_assert_max_num_queries(10):
        response = client.get("/review/" + query)
    assert response.status_code == 200 and len(response.context["events"]) == 13


def bulk(client, action: str, *events: Event, confirmed: bool = True, query: str = ""):
    data = {"action": action, "events": [f"{event.id}:{event.version}" for event in events], "query": query}
    return client.post("/review/bulk/", {**data, "confirmed": "1" if confirmed else ""})


def test_without_javascript_a_bulk_action_asks_on_a_page_naming_how_many(client, reviewer, queue):
    response = bulk(client, "approve", queue["busy"], queue["niger"], confirmed=False, query="state=draft")
    assert response.status_code == 200
    page = response.content.decode()
    assert "Approve 2 events?" in page and 'name="confirmed" value="1"' in page
    assert f'name="events" value="{queue["busy"].id}:{queue["busy"].version}"' in page
    assert Event.objects.filter(status="draft").count() == 2 and not ReviewLog.objects.exists()


def test_a_confirmed_bulk_approval_reports_the_stale_rows(client, reviewer, queue):
    busy, niger = queue["busy"], queue["niger"]
    Event.objects.filter(id=niger.id).update(version=niger.version + 1)  # someone saved it meanwhile
    response = bulk(client, "approve", busy, niger, query="state=draft&page=2")
    assert response.status_code == 302 and response.url == "/review/?state=draft"
    messages = [str(message) for message in response.wsgi_request._messages]
    assert messages[0] == "1 event approved."
    assert f"#{niger.id}" in messages[1] and "someone else changed" in messages[1]
    assert Event.objects.get(id=busy.id).status == "approved" and Event.objects.get(id=niger.id).status == "draft"
    assert list(ReviewLog.objects.values_list("event_id", "action")) == [(busy.id, "approved")]


def test_a_bulk_action_with_nothing_selected_or_a_forged_row_goes_back(client, reviewer, queue):
    response = client.post("/review/bulk/", {"action": "approve", "confirmed": "1"})
    assert response.status_code == 302 and not ReviewLog.objects.exists()
    response = client.post("/review/bulk/", {"action": "approve", "events": ["1:x"], "confirmed": "1"})
    assert response.status_code == 302 and not ReviewLog.objects.exists()
    forged_back = {"action": "approve", "events": ["1:1"], "confirmed": "1", "query": "https://evil.example/"}
    assert client.post("/review/bulk/", forged_back).url.startswith("/review/?")  # the way back stays on the queue


def test_an_analyst_cannot_post_a_bulk_action(client, analyst, queue):
    assert bulk(client, "approve", queue["busy"]).status_code == 403
    assert not ReviewLog.objects.exists()


def test_a_second_reviewer_sees_who_is_reviewing_the_event_and_since_when(client, reviewer, user_factory, queue):
    busy = queue["busy"]
    assert client.get(f"/review/{busy.id}/").status_code == 200  # rev opens it: the soft lock is taken
    lock = ReviewLock.objects.get(event=busy)
    assert lock.reviewer == reviewer and lock.expires_at > timezone.now()
    since = timezone.localtime(lock.since).strftime("%H:%M")
    client.force_login(user_factory("rev2", "reviewer"))
    page = client.get(f"/review/{busy.id}/").content.decode()
    assert f"rev is reviewing since {since}" in page  # a warning only: the page's forms are all there
    assert 'id="approve-form"' in page
    assert f"rev is reviewing since {since}" in client.get("/review/").content.decode()
    ReviewLock.objects.filter(reviewer=reviewer).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert "rev is reviewing" not in client.get(f"/review/{busy.id}/").content.decode()  # lapsed
