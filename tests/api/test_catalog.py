"""Actors, places and the deleted feed."""

import datetime

import pytest

from events.models import Event
from tests.api.helpers import make_actor, make_place

pytestmark = pytest.mark.django_db


def test_it_lists_actors_with_their_aliases(member, world):
    body = member.get("/api/v1/actors/").json()
    army = next(actor for actor in body["results"] if actor["id"] == world.army.id)
    assert army == {
        "id": world.army.id,
        "name": "Military Forces of Mali",
        "kind": "state_forces",
        "country": "ML",
        "parent": None,
        "operates_in": [],
        "needs_review": False,
        "aliases": ["FAMa", "Malian army", "Military Forces of Mali"],
    }
    assert [actor["name"] for actor in body["results"]] == sorted(actor["name"] for actor in body["results"])


def test_a_branch_names_its_parent_organisation(member, world):
    from events.models import Actor

    parent = Actor.objects.create(name="Global Front", kind="rebel_group")
    branch = Actor.objects.create(name="Atlantis Province", kind="rebel_group", parent=parent, operates_in=["ML", "NE"])
    body = member.get(f"/api/v1/actors/{branch.id}/").json()
    assert (body["parent"], body["operates_in"]) == ("Global Front", ["ML", "NE"])


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "fama"}, {"army"}),
        ({"q": "MALI"}, {"army"}),
        ({"q": "nusrat"}, {"jnim"}),
        ({"q": "Jamâ'a"}, {"jnim"}),
        ({"kind": "civilians"}, {"civilians"}),
        ({"country": "bf"}, {"civilians"}),
        ({"q": "nobody"}, set()),
    ],
)
def test_it_filters_actors_by_name_alias_kind_and_country(member, world, params, expected):
    results = member.get("/api/v1/actors/", params).json()["results"]
    assert {actor["id"] for actor in results} == {getattr(world, name).id for name in expected}


def test_it_pages_actors_by_name(member):
    for name in ["Delta", "Alpha", "Charlie", "Bravo", "Echo"]:
        make_actor(name)
    first = member.get("/api/v1/actors/", {"page_size": 3}).json()
    second = member.get(first["next"]).json()
    assert [a["name"] for a in first["results"] + second["results"]] == ["Alpha", "Bravo", "Charlie", "Delta", "Echo"]


def test_it_shows_one_actor_and_404s_an_unknown_one(member, world):
    assert member.get(f"/api/v1/actors/{world.jnim.id}/").json()["name"] == "JNIM"
    assert member.get("/api/v1/actors/999999/").json() == {"detail": "There is no actor 999999."}


def test_it_searches_the_gazetteer_tolerating_spelling(member, world):
    make_place("Tinzaouaten", "DZ", 19.9, 2.9, population=10)
    results = member.get("/api/v1/places/", {"q": "TINZAOUATEN"}).json()["results"]
    assert [(place["name"], place["country"]) for place in results] == [("Tinzaouaten", "ML"), ("Tinzaouaten", "DZ")]
    assert [p["id"] for p in member.get("/api/v1/places/", {"q": "tinzaouatène"}).json()["results"]] == [world.town.id]
    assert len(member.get("/api/v1/places/", {"q": "Tinzahuaten"}).json()["results"]) == 2  # a sound-alike spelling
    assert results[0] == {
        "id": world.town.id,
        "name": "Tinzaouaten",
        "admin1": "Kidal",
        "country": "ML",
        "latitude": 19.95,
        "longitude": 2.97,
        "geonames_id": world.town.geonames_id,
        "feature_code": "PPL",
        "population": 1000,
    }
    assert [
        p["country"] for p in member.get("/api/v1/places/", {"q": "Tinzaouaten", "country": "dz"}).json()["results"]
    ] == ["DZ"]
    assert member.get("/api/v1/places/", {"q": "Tinzaouaten", "limit": 1}).json()["results"][0]["country"] == "ML"


@pytest.mark.parametrize(
    "params", [{}, {"q": ""}, {"q": "Gao", "country": "Mali"}, {"q": "Gao", "limit": 0}, {"q": "Gao", "limit": 51}]
)
def test_it_refuses_bad_place_searches(member, params):
    response = member.get("/api/v1/places/", params)
    assert response.status_code == 400 and response.json()["detail"]


def test_it_lists_events_deleted_since_a_time_oldest_first(member, world):
    at = datetime.datetime(2024, 9, 1, tzinfo=datetime.UTC)
    Event.objects.filter(id=world.rejected.id).update(status_changed_at=at)
    Event.objects.filter(id=world.merged.id).update(status_changed_at=at + datetime.timedelta(hours=1))
    body = member.get("/api/v1/deleted/", {"since": "2024-08-15T00:00:00Z"}).json()
    assert body == {
        "next": None,
        "results": [
            {"id": world.rejected.id, "status": "rejected", "merged_into": None, "deleted_at": "2024-09-01T00:00:00Z"},
            {
                "id": world.merged.id,
                "status": "merged",
                "merged_into": world.approved.id,
                "deleted_at": "2024-09-01T01:00:00Z",
            },
        ],
    }
    assert (
        member.get("/api/v1/deleted/", {"since": "2024-09-01T00:30:00Z"}).json()["results"][0]["id"] == world.merged.id
    )
    assert len(member.get("/api/v1/deleted/").json()["results"]) == 2
    paged = member.get("/api/v1/deleted/", {"page_size": 1}).json()
    assert [r["id"] for r in paged["results"]] == [world.rejected.id] and member.get(paged["next"]).json()["results"][
        0
    ]["id"] == world.merged.id
    assert member.get("/api/v1/deleted/", {"since": "soon"}).status_code == 400


def test_it_keeps_the_catalog_from_anonymous_users_unless_public_read(anonymous, world, settings):
    settings.PUBLIC_READ = False
    for url in ("/api/v1/actors/", "/api/v1/places/?q=Gao", "/api/v1/deleted/"):
        assert anonymous.get(url).status_code == 401
    settings.PUBLIC_READ = True
    for url in ("/api/v1/actors/", "/api/v1/places/?q=Gao", "/api/v1/deleted/"):
        assert anonymous.get(url).status_code == 200
