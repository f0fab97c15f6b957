"""API test fixtures: clients per role (token auth) and a small world of events built with the ORM."""

import pytest

from tests.api.helpers import D, make_actor, make_article, make_event, make_place


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    """Users are made per test; the production hasher's deliberate slowness is not what is tested here."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _client(user=None):
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    client = APIClient()
    if user is not None:
        token, _ = Token.objects.get_or_create(user=user)
        client.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")
        client.user = user
    return client


@pytest.fixture
def anonymous(db):
    return _client()


@pytest.fixture
def member(user_factory):
    """Logged in, without a role."""
    return _client(user_factory("member"))


@pytest.fixture
def analyst(user_factory):
    return _client(user_factory("analyst", "analyst"))


@pytest.fixture
def reviewer(user_factory):
    return _client(user_factory("reviewer", "reviewer"))


@pytest.fixture
def world(db):
    """Two actors, a gazetteer town and five events: approved, draft, rejected, merged, and one elsewhere."""
    from types import SimpleNamespace

    army = make_actor("Military Forces of Mali", "state_forces", "FAMa", "Malian army", country="ML")
    jnim = make_actor("JNIM", "rebel_group", "Jama'a Nusrat ul-Islam wa al-Muslimin", "GSIM")
    civilians = make_actor("Civilians (Burkina Faso)", "civilians", country="BF")
    town = make_place("Tinzaouaten", "ML", 19.95, 2.97, admin1="Kidal", aliases=["Tinzaouatène", "Tinzawaten"])
    first, second = make_article(publisher="AP"), make_article(publisher="Reuters")
    killed = {
        "claimant": jnim,
        "claimant_text": "JNIM",
        "kind": "killed",
        "subject": army,
        "subject_text": "Malian soldiers",
        "count_min": 10,
        "count_max": 10,
        "quote": "JNIM said it killed 10 soldiers.",
        "char_start": 0,
        "char_end": 31,
    }
    approved = make_event(
        actors=[(army, "side_a"), (jnim, "side_b")],
        claims=[
            killed,
            {
                **killed,
                "claimant": army,
                "claimant_text": "the army",
                "subject": jnim,
                "count_min": 20,
                "count_max": None,
                "qualifier": "at_least",
                "article": second,
            },
        ],
        articles=[first, second],
        place=town,
        fatalities_low=10,
        fatalities_best=10,
        fatalities_high=20,
    )
    draft = make_event(
        status="draft",
        start_date=D(2024, 7, 28),
        end_date=D(2024, 7, 28),
        notes="Drone strike on a market.",
        event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike",
        actors=[(army, "side_a")],
    )
    rejected = make_event(status="rejected", start_date=D(2024, 6, 1), end_date=D(2024, 6, 1), notes="Not an event.")
    merged = make_event(status="merged", merged_into=approved, start_date=D(2024, 7, 26), end_date=D(2024, 7, 26))
    elsewhere = make_event(
        country="BF",
        admin1="Sahel",
        location_name="Djibo",
        latitude=14.1,
        longitude=-1.63,
        start_date=D(2024, 5, 10),
        end_date=D(2024, 5, 10),
        event_type="Violence against civilians",
        sub_event_type="Attack",
        actors=[(jnim, "side_a"), (civilians, "side_b")],
        notes="Attack on villagers.",
    )
    return SimpleNamespace(
        army=army,
        jnim=jnim,
        civilians=civilians,
        town=town,
        first=first,
        second=second,
        approved=approved,
        draft=draft,
        rejected=rejected,
        merged=merged,
        elsewhere=elsewhere,
    )
