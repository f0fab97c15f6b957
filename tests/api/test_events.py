import datetime

import pytest

from events.api.serializers import EventDetailSerializer, EventSerializer
from tests.api.helpers import D, ids, make_actor, make_article, make_event

pytestmark = pytest.mark.django_db
URL = "/api/v1/events/"


# ---------------------------------------------------------------- who sees what


def test_it_lists_only_approved_events_to_users_without_a_role(member, world):
    response = member.get(URL)
    assert response.status_code == 200
    assert set(ids(response)) == {world.approved.id, world.elsewhere.id}


def test_it_lists_drafts_and_rejected_events_to_analysts_but_never_merged_ones(analyst, world):
    listed = set(ids(analyst.get(URL)))
    assert listed == {world.approved.id, world.draft.id, world.rejected.id, world.elsewhere.id}
    assert world.merged.id not in listed


def test_it_refuses_anonymous_readers_unless_public_read_is_on(anonymous, world, settings):
    settings.PUBLIC_READ = False
    refused = anonymous.get(URL)
    assert refused.status_code == 401 and "detail" in refused.json()
    settings.PUBLIC_READ = True
    assert set(ids(anonymous.get(URL))) == {world.approved.id, world.elsewhere.id}
    assert anonymous.get(f"{URL}{world.draft.id}/").status_code == 404


def test_it_gives_users_without_a_role_no_drafts_even_when_asked(member, world):
    assert ids(member.get(URL, {"status": "draft"})) == []
    assert member.get(f"{URL}{world.draft.id}/").status_code == 404


# ---------------------------------------------------------------- filters


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"status": "draft"}, {"draft"}),
        ({"status": "draft,rejected"}, {"draft", "rejected"}),
        ({"country": "bf"}, {"elsewhere"}),
        ({"admin1": "kidal"}, {"approved", "draft", "rejected"}),
        ({"event_type": "Explosions/Remote violence"}, {"draft"}),
        ({"sub_event_type": "Attack"}, {"elsewhere"}),
        ({"actor": "FAMa"}, {"approved", "draft"}),
        ({"actor": "malian ARMY"}, {"approved", "draft"}),
        ({"actor": "Military Forces of Mali"}, {"approved", "draft"}),
        ({"actor": "jama'a nusrat ul islam wa al muslimin"}, {"approved", "elsewhere"}),
        ({"actor": "Nobody We Know"}, set()),
        ({"date_from": "2024-07-01"}, {"approved", "draft"}),
        ({"date_from": "2024-06-01", "date_to": "2024-07-25"}, {"approved", "rejected"}),
        ({"bbox": "-5,10,0,16"}, {"elsewhere"}),
        ({"bbox": "2,19,4,21", "status": "approved"}, {"approved"}),
        ({"bbox": "170,-90,-170,90"}, set()),
        ({"q": "drone"}, {"draft"}),
        ({"q": "djibo"}, {"elsewhere"}),
        ({"q": "GSIM"}, {"approved", "elsewhere"}),
        ({"q": "Tinzaouaten", "status": "approved"}, {"approved"}),
    ],
)
def test_it_filters_events(analyst, world, params, expected):
    response = analyst.get(URL, params)
    assert response.status_code == 200, response.json()
    assert set(ids(response)) == {getattr(world, name).id for name in expected}


def test_it_filters_by_actor_id(analyst, world):
    assert set(ids(analyst.get(URL, {"actor": world.civilians.id}))) == {world.elsewhere.id}


def test_it_crosses_the_antimeridian_with_a_bbox_whose_west_edge_lies_east(analyst, world):
    fiji = make_event(latitude=-17.8, longitude=178.0, country="FJ")
    samoa = make_event(latitude=-13.8, longitude=-172.0, country="WS")
    assert set(ids(analyst.get(URL, {"bbox": "170,-20,-170,-10"}))) == {fiji.id, samoa.id}


def test_it_returns_events_changed_since_a_time_for_incremental_sync(analyst, world):
    from events.models import Event

    Event.objects.update(updated_at=datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC))
    Event.objects.filter(id=world.draft.id).update(updated_at=datetime.datetime(2024, 9, 1, 12, tzinfo=datetime.UTC))
    assert ids(analyst.get(URL, {"updated_since": "2024-09-01T00:00:00Z", "ordering": "updated_at"})) == [
        world.draft.id
    ]
    # An unencoded "+" arrives as a space; it is read as the offset it was meant to be.
    assert ids(analyst.get(URL, {"updated_since": "2024-09-01T13:00:00 02:00"})) == [world.draft.id]
    assert ids(analyst.get(URL, {"updated_since": "2024-09-01T13:00:00Z"})) == []


# ---------------------------------------------------------------- bad input is a 400 that says why


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"bbox": "1,2,3"}, "bbox"),
        ({"bbox": "a,b,c,d"}, "bbox"),
        ({"bbox": "0,91,1,92"}, "bbox"),
        ({"bbox": "-181,0,1,1"}, "bbox"),
        ({"bbox": "0,10,1,5"}, "bbox"),
        ({"bbox": "nan,0,1,1"}, "bbox"),
        ({"date_from": "yesterday"}, "date_from"),
        ({"date_from": "2024-08-01", "date_to": "2024-07-01"}, "date_to"),
        ({"updated_since": "last tuesday"}, "updated_since"),
        ({"status": "merged"}, "status"),
        ({"status": "published"}, "status"),
        ({"country": "MLI"}, "country"),
        ({"event_type": "Skirmish"}, "event_type"),
        ({"page_size": "0"}, "page_size"),
        ({"page_size": "501"}, "page_size"),
        ({"page_size": "many"}, "page_size"),
        ({"cursor": "not-a-cursor"}, "cursor"),
        ({"ordering": "notes"}, "ordering"),
        ({"contry": "ML"}, "contry"),
        ({"format": "xml"}, "format"),
        ({"q": "a\x00b"}, "q"),
    ],
)
def test_it_refuses_bad_parameters_with_a_json_400_naming_them(analyst, world, params, field):
    response = analyst.get(URL, params)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["detail"] and field in body["errors"], body


def test_it_explains_that_merged_events_live_in_the_deleted_feed(analyst, world):
    assert "/api/v1/deleted/" in analyst.get(URL, {"status": "merged"}).json()["detail"]


# ---------------------------------------------------------------- pagination


@pytest.mark.parametrize("ordering", ["-start_date", "start_date", "updated_at", "-updated_at", "id", "-id"])
def test_it_pages_through_every_event_once_with_a_cursor(analyst, ordering):
    from events.models import Event

    events = [make_event(start_date=D(2024, 1, 1 + number % 3), end_date=D(2024, 1, 5)) for number in range(8)]
    same_time = datetime.datetime(2024, 2, 1, tzinfo=datetime.UTC)
    Event.objects.filter(id__in=[event.id for event in events[:5]]).update(
        updated_at=same_time
    )  # ties are broken by id
    seen, url, pages = [], URL, 0
    params = {"ordering": ordering, "page_size": 3}
    while url:
        response = analyst.get(url, params if pages == 0 else None)
        assert response.status_code == 200
        body = response.json()
        seen += [item["id"] for item in body["results"]]
        url, pages = body["next"], pages + 1
        if url:
            assert response["Link"] == f'<{url}>; rel="next"'
    assert pages == 3 and sorted(seen) == sorted(event.id for event in events) and len(seen) == len(set(seen))
    field = ordering.lstrip("-")
    keys = [(getattr(Event.objects.get(id=i), field), i) for i in seen]
    assert keys == sorted(keys, reverse=ordering.startswith("-"))


def test_it_refuses_a_cursor_made_for_another_ordering(analyst):
    for _ in range(3):
        make_event()
    next_url = analyst.get(URL, {"page_size": 1, "ordering": "id"}).json()["next"]
    cursor = next_url.split("cursor=")[1].split("&")[0]
    response = analyst.get(URL, {"page_size": 1, "ordering": "-id", "cursor": cursor})
    assert response.status_code == 400 and "ordering=id" in response.json()["detail"]


def test_it_defaults_to_50_events_a_page(analyst):
    from events.models import Event

    make_event()
    Event.objects.bulk_create(
        [
            Event(
                **{
                    f.name: getattr(Event.objects.first(), f.name)
                    for f in Event._meta.concrete_fields
                    if f.name != "id"
                }
            )
            for _ in range(55)
        ]
    )
    body = analyst.get(URL).json()
    assert len(body["results"]) == 50 and body["next"]


def test_it_lists_a_page_of_100_events_with_actors_and_claims_summaries_in_at_most_8_queries(
    analyst, django_assert_max_num_queries
):
    from events.models import Claim, Event, EventActor, EventReport

    army, rebels = make_actor("Army"), make_actor("Rebels")
    article = make_article()
    template = make_event()
    fields = {
        f.name: getattr(template, f.name)
        for f in Event._meta.concrete_fields
        if f.name not in ("id", "created_at", "updated_at")
    }
    events = Event.objects.bulk_create([Event(**fields) for _ in range(100)])
    EventActor.objects.bulk_create(
        [EventActor(event=e, actor=a, role=r) for e in events for a, r in ((army, "side_a"), (rebels, "side_b"))]
    )
    EventReport.objects.bulk_create([EventReport(event=e, article=article) for e in events])
    Claim.objects.bulk_create(
        [
            Claim(
                event=e,
                article=article,
                claimant=army,
                kind="killed",
                subject=rebels,
                count_min=n,
                count_max=n,
                quote="q",
            )
            for e in events
            for n in (1, 2, 3)
        ]
    )
    with django_assert_max_num_queries(8):
        response = analyst.get(URL, {"page_size": 100, "ordering": "id"})
    body = response.json()
    assert len(body["results"]) == 100
    assert all(
        item["claims_summary"]["by_kind"] == [{"kind": "killed", "count": 3, "low": 1, "high": 3, "open_ended": False}]
        and len(item["actors"]) == 2
        for item in body["results"]
        if item["id"] != template.id
    )


# ---------------------------------------------------------------- one event


def test_it_shows_an_event_with_its_claims_actors_history_and_version(reviewer, world):
    reviewer.post(f"{URL}{world.draft.id}/approve/")
    body = reviewer.get(f"{URL}{world.approved.id}/").json()
    assert body["id"] == world.approved.id and body["status"] == "approved" and body["version"] == 1
    assert body["location"] == {
        "name": "Tinzaouaten",
        "admin1": "Kidal",
        "country": "ML",
        "latitude": 19.95,
        "longitude": 2.97,
        "geo_precision": 1,
        "geonames_id": world.town.geonames_id,
    }
    assert body["actors"] == [
        {"id": world.army.id, "name": "Military Forces of Mali", "kind": "state_forces", "role": "side_a"},
        {"id": world.jnim.id, "name": "JNIM", "kind": "rebel_group", "role": "side_b"},
    ]
    first = body["claims"][0]
    assert first["claimant"] == {"name": "JNIM", "actor_id": world.jnim.id, "as_written": "JNIM"}
    assert first["subject"]["actor_id"] == world.army.id and first["count_min"] == 10 and first["quote"]
    assert {claim["article_id"] for claim in body["claims"]} == {world.first.id, world.second.id}
    assert body["fatalities"] == {"low": 10, "best": 10, "high": 20}
    assert body["article_ids"] == sorted([world.first.id, world.second.id])
    assert body["history"] == []
    approved_draft = reviewer.get(f"{URL}{world.draft.id}/").json()
    assert approved_draft["history"][0] | {"at": None} == {
        "user": "reviewer",
        "at": None,
        "action": "approved",
        "field": "status",
        "old": "draft",
        "new": "approved",
        "claim_id": None,
    }


def test_it_documents_exactly_the_fields_an_event_has(reviewer, world):
    body = reviewer.get(f"{URL}{world.approved.id}/").json()
    assert set(body) == set(EventDetailSerializer().fields)
    from events.models import Event
    from events.selectors import ALL_CLAIMS, document_rows, event_documents

    [document] = event_documents(document_rows(Event.objects.filter(id=world.approved.id)), claims=ALL_CLAIMS)
    assert set(EventDetailSerializer().fields) == set(document) | {"history", "merge_suggestions"}
    item = next(item for item in reviewer.get(URL).json()["results"] if item["id"] == world.approved.id)
    assert set(item) == set(EventSerializer().fields)
    summary = EventSerializer().fields["claims_summary"]
    assert set(item["claims_summary"]) == set(summary.fields)
    assert set(item["claims_summary"]["by_kind"][0]) == set(summary.fields["by_kind"].child.fields)
    serializer = EventDetailSerializer()
    assert set(body["location"]) == set(serializer.fields["location"].fields)
    assert set(body["claims"][0]) == set(serializer.fields["claims"].child.fields)
    assert set(body["claims"][0]["claimant"]) == set(serializer.fields["claims"].child.fields["claimant"].fields)
    assert set(body["actors"][0]) == set(serializer.fields["actors"].child.fields)


def test_it_suggests_merging_look_alike_events_to_analysts(analyst, member, world):
    twin = make_event(
        status="draft", actors=[(world.army, "side_a")], start_date=D(2024, 7, 26), end_date=D(2024, 7, 26)
    )
    suggestions = analyst.get(f"{URL}{twin.id}/").json()["merge_suggestions"]
    assert suggestions[0]["event_id"] == world.approved.id
    assert suggestions[0]["reason"]["shared_actors"] == ["Military Forces of Mali"]
    assert member.get(f"{URL}{world.approved.id}/").json()["merge_suggestions"] == []


def test_it_answers_404_in_json_for_unknown_and_merged_events(analyst, world):
    missing = analyst.get(f"{URL}999999/")
    assert missing.status_code == 404 and missing.json() == {"detail": "There is no event 999999."}
    merged = analyst.get(f"{URL}{world.merged.id}/")
    assert merged.status_code == 404 and merged.json()["merged_into"] == world.approved.id
    assert analyst.get(f"{URL}99999999999999999999999/").status_code == 404


def test_a_list_a_geojson_page_and_the_detail_give_one_event_the_same_document(analyst, world, reviewer):
    """One reader builds every event document: a listed event is its detail but for the claims, which lists
    summarise (tests/api/test_event_list_summary.py checks the summaries), and the detail's history and merge
    suggestions; a GeoJSON feature is the listed document around its point."""
    reviewer.patch(
        f"{URL}{world.draft.id}/",
        {"notes": "Edited.", "actors": [{"id": world.jnim.id, "role": "side_b"}]},
        format="json",
    )
    make_event(
        place=None, latitude=None, longitude=None, actors=[], articles=[], country="", admin1="", location_name=""
    )
    make_event(
        claims=[
            {"claimant_text": "a nurse", "kind": "wounded", "count_min": None, "count_max": None, "qualifier": "vague"}
        ]
    )
    detail_only = ("claims", "history", "merge_suggestions")
    listed = analyst.get(URL, {"ordering": "id"}).json()["results"]
    details = [analyst.get(f"{URL}{item['id']}/").json() for item in listed]
    assert any(item["location"]["latitude"] is None for item in listed)
    assert [{key: value for key, value in item.items() if key != "claims_summary"} for item in listed] == [
        {key: value for key, value in detail.items() if key not in detail_only} for detail in details
    ]
    features = analyst.get(URL, {"ordering": "id", "format": "geojson"}).json()["features"]
    for feature, item in zip(features, listed, strict=True):
        point = item["location"]["longitude"], item["location"]["latitude"]
        geometry = None if None in point else {"type": "Point", "coordinates": list(point)}
        properties = {key: value for key, value in item.items() if key != "id"}
        assert feature == {"type": "Feature", "id": item["id"], "geometry": geometry, "properties": properties}
    assert next(item for item in listed if item["id"] == world.draft.id)["notes"] == "Edited."


def test_a_note_or_a_quote_over_its_limit_is_a_400_and_changes_nothing(reviewer, world):
    from events.models import Event
    from events.services import MAX_NOTES_CHARS, MAX_QUOTE_CHARS

    response = reviewer.patch(f"{URL}{world.draft.id}/", {"notes": "x" * (MAX_NOTES_CHARS + 1)}, format="json")
    assert response.status_code == 400 and "limit" in response.json()["detail"]
    assert Event.objects.get(id=world.draft.id).notes != "x" * (MAX_NOTES_CHARS + 1)
    from tests.api.test_review import claim_payload

    claims = Event.objects.get(id=world.approved.id).claims.count()
    response = reviewer.post("/api/v1/claims/", claim_payload(world, quote="y" * (MAX_QUOTE_CHARS + 1)), format="json")
    assert response.status_code == 400 and "limit" in response.json()["detail"]
    assert Event.objects.get(id=world.approved.id).claims.count() == claims
