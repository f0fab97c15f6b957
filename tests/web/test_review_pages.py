"""The review pages: the rules of a change hold on the pages as in the API (events.services owns them), a stale
change is a clear 409, the queue's neighbours come from bounded queries, and each page's query count is pinned."""

import datetime
import itertools

import pytest

from events.models import Claim, Event, ReviewLog
from tests.web.conftest import make_article, make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(db):
    article = make_article("Clashes broke out in Tinzaouaten on Thursday, the army said.")
    claim = {"article": article, "claimant": "Military Forces of Mali", "kind": "killed", "count_min": 2}
    return make_event(articles=[article], actors=[("Military Forces of Mali", "side_a")], claims=[claim])


def new_claim(event, article, **changes) -> dict:
    data = {
        "version": event.version,
        "article": article.id,
        "claimant": "a local official",
        "kind": "wounded",
        "count_min": 4,
        "count_max": 4,
        "qualifier": "exact",
        "quote": "Four were hurt.",
        **changes,
    }
    return {f"new-claim-{key}": value for key, value in data.items()}


# ---------------------------------------------------------------- the rules, as on the API


def test_a_claim_without_a_claimant_is_refused_on_the_claimant_field(client, reviewer, draft):
    response = client.post(f"/review/{draft.id}/claims/", new_claim(draft, draft.reports.get().article, claimant=""))
    assert response.status_code == 400
    assert response.context["new_claim_form"].errors["claimant"][0].startswith("Say who makes the claim")
    assert Claim.objects.count() == 1 and Event.objects.get().version == draft.version


def test_a_claim_from_an_article_that_does_not_report_the_event_is_refused(client, reviewer, draft):
    """The page offers the articles the event's claims cite; a new claim must come from one that reports it."""
    cited = make_article("A wire story quoting the same official.")
    Claim.objects.create(event=draft, article=cited, claimant_text="an official", kind="killed", count_min=1)
    response = client.post(f"/review/{draft.id}/claims/", new_claim(draft, cited))
    assert response.status_code == 400
    assert "does not report event" in response.context["new_claim_form"].errors["article"][0]
    assert Claim.objects.count() == 2


def test_a_claim_on_a_rejected_event_is_refused(client, reviewer, draft):
    Event.objects.filter(id=draft.id).update(status="rejected")
    response = client.post(f"/review/{draft.id}/claims/", new_claim(draft, draft.reports.get().article))
    assert response.status_code == 400 and "claims go on draft or approved events" in response.content.decode()
    assert Claim.objects.count() == 1


def test_counts_in_the_wrong_order_are_refused_on_the_to_field(client, reviewer, draft):
    response = client.post(f"/review/{draft.id}/claims/", new_claim(draft, draft.reports.get().article, count_max=2))
    assert response.status_code == 400
    assert response.context["new_claim_form"].errors["count_max"] == ["count_min cannot exceed count_max."]


def test_an_event_rule_is_shown_on_its_field(client, reviewer, draft):
    from tests.web.test_pages import edit_data

    response = client.post(f"/review/{draft.id}/edit/", edit_data(draft, latitude=95))
    assert response.status_code == 400
    assert response.context["edit_form"].errors["latitude"][0].startswith("Latitude must lie in -90..90")


# ---------------------------------------------------------------- stale changes


@pytest.mark.parametrize(
    ("path", "data"),
    [
        ("claims/", lambda event: new_claim(event, event.reports.get().article)),
        ("claims/{claim}/delete/", lambda event: {"version": event.version}),
        ("merge/", lambda event: {"version": event.version, "into": make_event().id}),
        ("reject/", lambda event: {"version": event.version}),
    ],
)
def test_a_change_made_on_a_stale_page_is_refused_with_a_warning(client, reviewer, draft, path, data):
    payload = data(draft)
    Event.objects.filter(id=draft.id).update(version=draft.version + 1)
    claim = draft.claims.get()
    response = client.post(f"/review/{draft.id}/" + path.format(claim=claim.id), payload)
    assert response.status_code == 409
    page = response.content.decode()
    assert 'id="stale-warning"' in page and "changed by someone else" in page
    stored = Event.objects.get(id=draft.id)
    assert stored.status == "draft" and stored.claims.count() == 1 and not ReviewLog.objects.exists()


def test_every_form_on_the_review_page_carries_the_version(client, reviewer, draft):
    other = make_article("Another report of the clash.")
    draft.reports.create(article=other)
    page = client.get(f"/review/{draft.id}/").content.decode()
    claim = draft.claims.get()
    for name in ["version", "point-version", f"claim-{claim.id}-version", "new-claim-version"]:
        assert f'name="{name}" value="{draft.version}"' in page, name
    # edit, approve, reject, actors, the claim's delete, split
    assert page.count(f'name="version" value="{draft.version}"') >= 6


# ---------------------------------------------------------------- the queue


def test_the_previous_and_next_links_follow_the_queue_order(client, reviewer, draft):
    flagged = [make_event(status="approved", flagged_for_review=True) for _ in range(2)]
    drafts = [make_event() for _ in range(3)]
    same_time = drafts[0].created_at
    Event.objects.filter(id__in=[drafts[1].id, drafts[2].id]).update(created_at=same_time)  # ties broken by id
    make_event(status="approved")  # not waiting
    order = [event.id for event in client.get("/review/").context["events"]]
    assert len(order) == 6
    for index, event_id in enumerate(order):
        context = client.get(f"/review/{event_id}/").context
        assert context["previous_id"] == (order[index - 1] if index else None)
        assert context["next_id"] == (order[index + 1] if index + 1 < len(order) else None)
    rejected = make_event(status="rejected")
    context = client.get(f"/review/{rejected.id}/").context
    assert (context["previous_id"], context["next_id"]) == (None, order[0])
    assert flagged and drafts


# ---------------------------------------------------------------- query counts: bounded, whatever the event holds


_numbers = itertools.count(1)


def _busy_event(reports: int, claims_per_report: int):
    articles = [make_article(f"Report {next(_numbers)} of the clash.") for _ in range(reports)]
    claims = [
        {"article": article, "claimant": f"Claimant {index}", "kind": "killed", "count_min": index + 1}
        for article in articles
        for index in range(claims_per_report)
    ]
    actors = [("Military Forces of Mali", "side_a"), ("JNIM", "side_b")]
    return make_event(articles=articles, claims=claims, actors=actors)


ONE_ACTOR = {"actors-TOTAL_FORMS": 1, "actors-INITIAL_FORMS": 0, "actors-0-actor": "JNIM", "actors-0-role": "side_a"}
# session, user, roles, the event, its reports, claims, history, queue neighbours (2), the merge suggestions and their
# reports, who else is reviewing, this reviewer's soft lock (2), ...
REVIEW_PAGE_QUERIES = 20


@pytest.mark.parametrize(("reports", "claims_per_report"), [(1, 1), (6, 5)])
def test_the_review_page_makes_a_bounded_number_of_queries(
    client, reviewer, django_assert_max_num_queries, reports, claims_per_report
):
    event = _busy_event(reports, claims_per_report)
    for _ in range(20):
        make_event(start_date=datetime.date(2024, 7, 26), end_date=datetime.date(2024, 7, 26))  # a long queue
    with django_assert_max_num_queries(REVIEW_PAGE_QUERIES):
        assert client.get(f"/review/{event.id}/").status_code == 200


def test_the_review_queue_and_the_dashboard_make_a_bounded_number_of_queries(
    client, reviewer, django_assert_max_num_queries
):
    for _ in range(3):
        _busy_event(2, 2)
    with django_assert_max_num_queries(10):  # with the soft locks and the facet counts
        assert client.get("/review/").status_code == 200
    with django_assert_max_num_queries(13):
        assert client.get("/").status_code == 200


@pytest.mark.parametrize(
    ("path", "data", "queries"),
    [
        ("approve/", lambda event: {"version": event.version}, 12),
        ("reject/", lambda event: {"version": event.version}, 12),
        ("claims/{claim}/delete/", lambda event: {"version": event.version}, 13),
        ("actors/", lambda event: {"version": event.version, **ONE_ACTOR}, 16),
    ],
)
def test_each_review_action_makes_a_bounded_number_of_queries(
    client, reviewer, django_assert_max_num_queries, path, data, queries
):
    event = _busy_event(6, 5)
    payload = data(event)
    with django_assert_max_num_queries(queries):
        response = client.post(f"/review/{event.id}/" + path.format(claim=event.claims.first().id), payload)
    assert response.status_code == 302
