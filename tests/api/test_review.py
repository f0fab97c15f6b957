import pytest

from events.models import Claim, Event, ReviewLog
from tests.api.helpers import make_article, make_event, make_place

pytestmark = pytest.mark.django_db
URL = "/api/v1/events/"


def log(event) -> list[tuple]:
    return list(
        ReviewLog.objects.filter(event=event)
        .order_by("id")
        .values_list("user__username", "action", "field", "old_value", "new_value")
    )


# ---------------------------------------------------------------- PATCH /events/{id}/


def test_it_lets_reviewers_edit_event_fields_and_logs_each_change(reviewer, world):
    response = reviewer.patch(
        f"{URL}{world.draft.id}/",
        {"notes": "Drone strike on the weekly market.", "fatalities_best": 4, "start_date": "2024-07-27", "version": 1},
        format="json",
    )
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (
        body["notes"] == "Drone strike on the weekly market."
        and body["fatalities"]["best"] == 4
        and body["start_date"] == "2024-07-27"
    )
    assert body["version"] == 2
    assert {entry["field"] for entry in body["history"]} == {"notes", "fatalities_best", "start_date"}
    assert ("reviewer", "edit", "start_date", "2024-07-28", "2024-07-27") in log(world.draft)


def test_it_refuses_an_edit_of_a_stale_version_with_409(reviewer, world):
    assert (
        reviewer.patch(f"{URL}{world.draft.id}/", {"notes": "First.", "version": 1}, format="json").status_code == 200
    )
    stale = reviewer.patch(f"{URL}{world.draft.id}/", {"notes": "Second.", "version": 1}, format="json")
    assert stale.status_code == 409
    assert "changed by someone else" in stale.json()["detail"]
    world.draft.refresh_from_db()
    assert world.draft.notes == "First." and world.draft.version == 2


def test_it_replaces_the_actors_and_their_roles(reviewer, world):
    actors = [{"id": world.jnim.id, "role": "side_a"}, {"id": world.civilians.id, "role": "side_b"}]
    body = reviewer.patch(f"{URL}{world.draft.id}/", {"actors": actors, "version": 1}, format="json").json()
    assert [(actor["name"], actor["role"]) for actor in body["actors"]] == [
        ("JNIM", "side_a"),
        ("Civilians (Burkina Faso)", "side_b"),
    ]
    assert body["version"] == 2 and log(world.draft)[0][2] == "actors"


def test_it_edits_fields_and_actors_as_one_versioned_change(reviewer, world):
    body = reviewer.patch(
        f"{URL}{world.draft.id}/",
        {"notes": "Both.", "actors": [{"id": world.jnim.id, "role": "side_b"}], "version": 1},
        format="json",
    ).json()
    assert body["notes"] == "Both." and body["actors"][0]["name"] == "JNIM"
    assert (
        reviewer.patch(
            f"{URL}{world.draft.id}/", {"notes": "Late.", "actors": [], "version": 1}, format="json"
        ).status_code
        == 409
    )


def test_it_sets_a_gazetteer_place_which_brings_its_coordinates(reviewer, world):
    gao = make_place("Gao", "ML", 16.27, -0.04, admin1="Gao")
    body = reviewer.patch(f"{URL}{world.draft.id}/", {"place": gao.id}, format="json").json()
    assert (
        body["location"]["latitude"] == 16.27
        and body["location"]["admin1"] == "Gao"
        and body["location"]["geonames_id"] == gao.geonames_id
    )


@pytest.mark.parametrize(
    ("payload", "message"),
    [
        ({}, "Nothing to change"),
        ({"version": 1}, "Nothing to change"),
        ({"sub_event_type": "Peaceful protest"}, "is not a sub-type of"),
        ({"latitude": None}, "both latitude and longitude"),
        ({"latitude": 91}, "latitude"),
        ({"start_date": "2024-07-31"}, "cannot end before it starts"),
        ({"start_date": "28/07/2024"}, "start_date"),
        ({"place": 999999}, "place"),
        ({"actors": [{"id": 999999, "role": "side_a"}]}, "actors"),
        ({"actors": [{"role": "side_a"}]}, "actors"),
        ({"fatalities_best": -1}, "fatalities_best"),
        ({"fatalities_best": 2**40}, "fatalities_best"),
        ({"country": "Mali"}, "country"),
        ({"geo_precision": 7}, "geo_precision"),
        ({"event_type": "Battles", "sub_event_type": "Attack"}, "is not a sub-type of"),
        ({"notes": "x\x00y"}, "notes"),
    ],
)
def test_it_refuses_invalid_edits_with_a_json_400(reviewer, world, payload, message):
    response = reviewer.patch(f"{URL}{world.draft.id}/", payload, format="json")
    assert response.status_code == 400, response.json()
    assert message in response.json()["detail"]
    world.draft.refresh_from_db()
    assert world.draft.version == 1 and not log(world.draft)


def test_it_refuses_a_malformed_json_body_with_a_400(reviewer, world):
    response = reviewer.generic(
        "PATCH", f"{URL}{world.draft.id}/", b'{"notes": "unterminated', content_type="application/json"
    )
    assert response.status_code == 400 and "JSON parse error" in response.json()["detail"]
    response = reviewer.generic(
        "PATCH", f"{URL}{world.draft.id}/", b'{"notes": "\xff\xfe"}', content_type="application/json"
    )
    assert response.status_code == 400


def test_it_keeps_edits_to_reviewers(anonymous, member, analyst, world, settings):
    settings.PUBLIC_READ = True
    assert anonymous.patch(f"{URL}{world.draft.id}/", {"notes": "x"}, format="json").status_code == 401
    for client in (member, analyst):
        response = client.patch(f"{URL}{world.draft.id}/", {"notes": "x"}, format="json")
        assert (
            response.status_code == 403 and response.json()["detail"] == "Only reviewers may change events and claims."
        )
    for action in ("approve", "reject"):
        assert analyst.post(f"{URL}{world.draft.id}/{action}/").status_code == 403
    assert analyst.post(f"{URL}{world.draft.id}/merge/", {"into": world.approved.id}, format="json").status_code == 403
    assert analyst.post("/api/v1/claims/", {}, format="json").status_code == 403
    world.draft.refresh_from_db()
    assert world.draft.status == "draft" and not log(world.draft)


# ---------------------------------------------------------------- approve, reject, merge, split


def test_it_approves_a_draft(reviewer, world):
    response = reviewer.post(f"{URL}{world.draft.id}/approve/")
    assert response.status_code == 200 and response.json()["status"] == "approved"
    assert log(world.draft) == [("reviewer", "approved", "status", "draft", "approved")]
    again = reviewer.post(f"{URL}{world.draft.id}/approve/")
    assert again.status_code == 400 and again.json()["detail"] == "The event is already approved."


def test_it_rejects_an_event_which_then_shows_in_the_deleted_feed(reviewer, member, world):
    assert reviewer.post(f"{URL}{world.approved.id}/reject/").json()["status"] == "rejected"
    assert world.approved.id not in [item["id"] for item in member.get(URL).json()["results"]]
    deleted = member.get("/api/v1/deleted/", {"since": "2025-01-01T00:00:00Z"}).json()["results"]
    assert [(item["id"], item["status"]) for item in deleted] == [(world.approved.id, "rejected")]
    assert reviewer.post(f"{URL}{world.approved.id}/reject/").status_code == 400


def test_it_merges_an_event_into_another_with_its_claims(reviewer, world):
    article = make_article()
    duplicate = make_event(
        status="draft",
        articles=[article],
        claims=[{"claimant_text": "a medic", "kind": "wounded", "count_min": 3, "count_max": 3}],
    )
    response = reviewer.post(f"{URL}{duplicate.id}/merge/", {"into": world.approved.id}, format="json")
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == world.approved.id and article.id in body["article_ids"] and len(body["claims"]) == 3
    gone = reviewer.get(f"{URL}{duplicate.id}/")
    assert gone.status_code == 404 and gone.json()["merged_into"] == world.approved.id
    assert reviewer.post(f"{URL}{duplicate.id}/merge/", {"into": world.approved.id}, format="json").status_code == 404


@pytest.mark.parametrize(
    ("payload", "status"), [({"into": 999999}, 404), ({"into": "x"}, 400), ({}, 400), ({"into": "self"}, 400)]
)
def test_it_refuses_bad_merges(reviewer, world, payload, status):
    if payload.get("into") == "self":
        payload = {"into": world.draft.id}
    response = reviewer.post(f"{URL}{world.draft.id}/merge/", payload, format="json")
    assert response.status_code == status and response.json()["detail"]


def test_it_splits_articles_off_into_a_new_draft(reviewer, world):
    response = reviewer.post(f"{URL}{world.approved.id}/split/", {"article_ids": [world.second.id]}, format="json")
    assert response.status_code == 201
    new = response.json()
    assert new["status"] == "draft" and new["article_ids"] == [world.second.id] and len(new["claims"]) == 1
    assert reviewer.get(f"{URL}{world.approved.id}/").json()["article_ids"] == [world.first.id]
    refused = reviewer.post(f"{URL}{world.approved.id}/split/", {"article_ids": [world.first.id]}, format="json")
    assert refused.status_code == 400 and "not all" in refused.json()["detail"]
    assert reviewer.post(f"{URL}{world.approved.id}/split/", {"article_ids": []}, format="json").status_code == 400


# ---------------------------------------------------------------- claims


def claim_payload(world, **changes) -> dict:
    payload = {
        "event": world.approved.id,
        "article": world.first.id,
        "kind": "killed",
        "count_min": 5,
        "count_max": 7,
        "claimant": world.army.id,
        "claimant_text": "an army spokesman",
        "subject_text": "militants",
        "qualifier": "approximately",
        "quote": "Between five and seven militants were killed, a spokesman said.",
    }
    return {**payload, **changes}


def test_it_lets_reviewers_add_a_claim_which_is_logged(reviewer, world):
    response = reviewer.post("/api/v1/claims/", claim_payload(world), format="json")
    assert response.status_code == 201, response.json()
    claim = response.json()
    assert (
        claim["event_id"] == world.approved.id
        and claim["claimant"]["actor_id"] == world.army.id
        and claim["count_max"] == 7
    )
    assert claim["subject"] == {"name": "militants", "actor_id": None, "as_written": "militants"}
    assert ReviewLog.objects.get(claim_id_ref=claim["id"]).action == "claim_create"
    assert len(reviewer.get(f"{URL}{world.approved.id}/").json()["claims"]) == 3


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"count_min": 9, "count_max": 2}, "count_min cannot exceed count_max"),
        ({"kind": "exploded"}, "kind"),
        ({"claimant": None, "claimant_text": ""}, "claimant"),
        ({"claimant": 999999}, "claimant"),
        ({"event": 999999}, "event"),
        ({"article": "first-but-wrong-event"}, "does not report event"),
        ({"event": "rejected"}, "claims go on draft or approved events"),
        ({"count_min": -3}, "count_min"),
    ],
)
def test_it_refuses_invalid_claims_with_a_json_400(reviewer, world, changes, field):
    if changes.get("article") == "first-but-wrong-event":
        changes = {"article": make_article().id}
    if changes.get("event") == "rejected":
        changes = {"event": world.rejected.id}
    response = reviewer.post("/api/v1/claims/", claim_payload(world, **changes), format="json")
    assert response.status_code == 400 and field in response.json()["detail"], response.json()
    assert Claim.objects.count() == 2


def test_it_lets_reviewers_edit_a_claim_which_is_logged(reviewer, analyst, world):
    claim = world.approved.claims.order_by("id").first()
    response = reviewer.patch(
        f"/api/v1/claims/{claim.id}/",
        {"count_max": 12, "qualifier": "up_to", "subject": world.civilians.id},
        format="json",
    )
    assert response.status_code == 200
    assert response.json()["count_max"] == 12 and response.json()["subject"]["actor_id"] == world.civilians.id
    fields = set(ReviewLog.objects.filter(claim_id_ref=claim.id, action="claim_edit").values_list("field", flat=True))
    assert fields == {"count_max", "qualifier", "subject"}
    assert analyst.get(f"/api/v1/claims/{claim.id}/").json()["count_max"] == 12
    assert reviewer.patch(f"/api/v1/claims/{claim.id}/", {"count_min": 50}, format="json").status_code == 400
    assert reviewer.patch(f"/api/v1/claims/{claim.id}/", {}, format="json").status_code == 400
    assert (
        reviewer.patch(f"/api/v1/claims/{claim.id}/", {"article": make_article().id}, format="json").status_code == 400
    )


def test_it_lets_reviewers_delete_a_claim_which_is_logged(reviewer, analyst, world):
    claim = world.approved.claims.order_by("id").first()
    assert analyst.delete(f"/api/v1/claims/{claim.id}/").status_code == 403
    assert reviewer.delete(f"/api/v1/claims/{claim.id}/").status_code == 204
    assert not Claim.objects.filter(id=claim.id).exists()
    assert ReviewLog.objects.get(claim_id_ref=claim.id).action == "claim_delete"
    assert reviewer.delete(f"/api/v1/claims/{claim.id}/").status_code == 404


def test_it_recomputes_a_drafts_fatalities_when_its_claims_change(reviewer, world):
    reviewer.post(
        "/api/v1/claims/",
        claim_payload(world, event=world.draft.id, article=world.draft.reports.get().article_id),
        format="json",
    )
    assert reviewer.get(f"{URL}{world.draft.id}/").json()["fatalities"] == {"low": 5, "best": 5, "high": 7}


def test_it_reports_claim_changes_on_approved_events_to_incremental_sync(reviewer, member, world):
    import datetime

    Event.objects.update(updated_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    since = {"updated_since": "2021-01-01T00:00:00Z", "ordering": "updated_at"}
    assert member.get(URL, since).json()["results"] == []
    claim = reviewer.post("/api/v1/claims/", claim_payload(world), format="json").json()
    assert [event["id"] for event in member.get(URL, since).json()["results"]] == [world.approved.id]
    Event.objects.update(updated_at=datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC))
    reviewer.delete(f"/api/v1/claims/{claim['id']}/")
    assert [event["id"] for event in member.get(URL, since).json()["results"]] == [world.approved.id]


# ------------------------------------------------------------ versions: a stale change is a 409 with the version now


@pytest.mark.parametrize(
    ("action", "payload"),
    [("approve", {}), ("reject", {}), ("merge", {"into": "approved"}), ("split", {"article_ids": "second"})],
)
def test_it_refuses_a_decision_merge_or_split_made_on_a_stale_version_with_409(reviewer, world, action, payload):
    event = make_event(status="draft", articles=[world.first, world.second])
    payload = {"into": world.approved.id} if payload.get("into") else payload
    payload = {"article_ids": [world.second.id]} if payload.get("article_ids") else payload
    Event.objects.filter(id=event.id).update(version=4)
    stale = reviewer.post(f"{URL}{event.id}/{action}/", {**payload, "version": 3}, format="json")
    assert stale.status_code == 409, stale.json()
    assert stale.json()["version"] == 4 and "changed by someone else" in stale.json()["detail"]
    event.refresh_from_db()
    assert (event.status, event.version, event.reports.count()) == ("draft", 4, 2) and not log(event)
    fresh = reviewer.post(f"{URL}{event.id}/{action}/", {**payload, "version": 4}, format="json")
    assert fresh.status_code in (200, 201), fresh.json()


def test_it_answers_a_stale_edit_with_the_version_now(reviewer, world):
    reviewer.patch(f"{URL}{world.draft.id}/", {"notes": "First.", "version": 1}, format="json")
    stale = reviewer.patch(f"{URL}{world.draft.id}/", {"notes": "Second.", "version": 1}, format="json")
    assert stale.status_code == 409 and stale.json()["version"] == 2


def test_a_claim_change_moves_the_events_version_on_and_a_stale_one_is_refused(reviewer, world):
    created = reviewer.post("/api/v1/claims/", claim_payload(world, version=1), format="json")
    assert created.status_code == 201 and reviewer.get(f"{URL}{world.approved.id}/").json()["version"] == 2
    claim_id = created.json()["id"]
    stale = reviewer.patch(f"/api/v1/claims/{claim_id}/", {"count_max": 9, "version": 1}, format="json")
    assert stale.status_code == 409 and stale.json()["version"] == 2
    assert reviewer.delete(f"/api/v1/claims/{claim_id}/?version=1").status_code == 409
    assert reviewer.delete(f"/api/v1/claims/{claim_id}/?version=2").status_code == 204


def test_a_claim_edit_keeps_the_claim_rules(reviewer, world):
    claim = world.approved.claims.order_by("id").first()
    cleared = reviewer.patch(f"/api/v1/claims/{claim.id}/", {"claimant": None, "claimant_text": ""}, format="json")
    assert cleared.status_code == 400 and "claimant" in cleared.json()["errors"]
    Event.objects.filter(id=world.approved.id).update(status="rejected")
    closed = reviewer.patch(f"/api/v1/claims/{claim.id}/", {"count_max": 12}, format="json")
    assert closed.status_code == 400 and "claims go on draft or approved events" in closed.json()["detail"]
