"""The parser's dictionaries for an article: current, and checked in one round trip."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.dictionaries import parser_dictionaries
from events.models import Actor, ActorAlias, Place

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("fresh_parser_gazetteer")]


def add_region(name: str, *, code: str) -> Place:
    return Place.objects.create(
        gazetteer_key=f"admin1:AT.{code}",
        name=name,
        country="AT",
        admin1_code=code,
        admin1_name=name,
        latitude=1.0,
        longitude=2.0,
        feature_code=Place.Kind.ADMIN1,
    )


def test_both_dictionaries_are_checked_in_one_query_once_built():
    add_region("Lemuria", code="01")
    _, gazetteer = parser_dictionaries()
    assert gazetteer.admin1("AT", "Lemuria").name == "Lemuria"  # builds the region index
    with CaptureQueriesContext(connection) as queries:
        _, gazetteer = parser_dictionaries()
        assert gazetteer.admin1("AT", "Lemuria").name == "Lemuria"
    assert len(queries) == 1


def test_a_new_actor_alias_reaches_the_next_article():
    actor = Actor.objects.create(name="Atlantis Liberation Front", kind="rebel_group", country="AT")
    actors, _ = parser_dictionaries()
    assert actors.by_alias("ALF") is None
    ActorAlias.objects.create(actor=actor, alias="ALF", normalized="alf")
    actors, _ = parser_dictionaries()
    assert actors.by_alias("ALF").name == "Atlantis Liberation Front"


def test_a_new_region_reaches_the_next_article():
    add_region("Lemuria", code="01")
    _, gazetteer = parser_dictionaries()
    assert gazetteer.admin1("AT", "Mu") is None
    add_region("Mu", code="02")
    _, gazetteer = parser_dictionaries()
    assert gazetteer.admin1("AT", "Mu").name == "Mu"


def _unidentified_ref():
    from sources.parsing.results import ActorRef

    return ActorRef(None, "Unidentified Armed Group (Atlantis)", "rebel_group", "AT")


@pytest.mark.django_db(transaction=True)
def test_a_committed_actor_a_reference_resolves_to_is_read_once_per_dictionary(django_assert_num_queries):
    from events.services import actor_for_ref

    actor = Actor.objects.create(name="Unidentified Armed Group (Atlantis)", kind="rebel_group", country="AT")
    parser_dictionaries()  # outside any transaction, as a worker reads it before its batch
    assert actor_for_ref(_unidentified_ref()).id == actor.id
    with django_assert_num_queries(0):
        assert actor_for_ref(_unidentified_ref()).id == actor.id
    actor.delete()
    parser_dictionaries()  # the dictionary changed: what was remembered goes with it
    again = actor_for_ref(_unidentified_ref())  # looked up, not found, created anew
    assert again.id != actor.id and Actor.objects.filter(id=again.id).exists()


def test_an_actor_created_since_the_dictionary_was_read_is_not_remembered(django_assert_num_queries):
    from events.services import actor_for_ref

    parser_dictionaries()
    created = actor_for_ref(_unidentified_ref())  # in this transaction: a rollback would take it away
    with django_assert_num_queries(1):
        assert actor_for_ref(_unidentified_ref()).id == created.id
