"""One definition per vocabulary: the parser's (sources/parsing/acled.py) for ACLED's event types, sub-event types,
actor kinds, claim kinds, qualifiers, date precisions and actor roles; events/models.py for the listed and deleted
event statuses; settings for the schema's enum names. Everything else reads them."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from events.api import filters, serializers
from events.api.views import SchemaView
from events.exports import DISORDER_TYPES
from events.forms import EventEditForm
from events.models import DELETED_EVENT_STATUSES, LISTED_EVENT_STATUSES, Actor, Claim, Event, EventActor
from events.views import EVENT_TYPE_COLORS
from sources.parsing import acled

ROOT = Path(__file__).resolve().parents[2]


def values(model, field: str) -> list[str]:
    return [value for value, _ in model._meta.get_field(field).choices]


def choice_values(field) -> list[str]:
    return list(field.choices)


def test_the_models_take_their_choices_from_the_parsers_vocabulary():
    assert Event._meta.get_field("event_type").choices == acled.EVENT_TYPE_CHOICES
    assert Event._meta.get_field("sub_event_type").choices == acled.SUB_EVENT_TYPE_CHOICES
    assert Actor._meta.get_field("kind").choices == list(acled.ACTOR_KINDS.items())
    assert Claim.Kind.values == list(acled.CLAIM_KINDS)
    assert Claim.Qualifier.values == list(acled.CLAIM_QUALIFIERS)
    assert Event.DatePrecision.values == list(acled.DATE_PRECISIONS)
    assert EventActor.Role.values == list(acled.ACTOR_ROLES)


def test_the_labels_stay_what_they_were():
    assert Claim.Kind.KILLED_OR_CAPTURED.label == "Killed or captured"
    assert Claim.Qualifier.AT_LEAST.label == "At Least"
    assert EventActor.Role.SIDE_A.label == "Side A"
    assert Event.DatePrecision.DAY.label == "Day"


def test_the_api_filters_and_inputs_offer_the_models_choices():
    events = filters.EventQuerySerializer().fields
    assert choice_values(events["event_type"]) == values(Event, "event_type")
    assert choice_values(events["sub_event_type"]) == values(Event, "sub_event_type")
    assert choice_values(filters.ActorQuerySerializer().fields["kind"]) == values(Actor, "kind")
    for name in ("sub_event_type",):
        assert choice_values(serializers.EventUpdateSerializer().fields[name]) == values(Event, name)


def test_the_status_filter_accepts_the_listed_statuses_and_no_other():
    query = filters.EventQuerySerializer()
    assert query.validate_status(",".join(LISTED_EVENT_STATUSES)) == LISTED_EVENT_STATUSES
    for status in set(Event.Status.values) - set(LISTED_EVENT_STATUSES):
        try:
            query.validate_status(status)
        except Exception as exc:  # a ValidationError naming the parameter
            assert "Status must be" in str(exc)
        else:
            raise AssertionError(f"{status} was accepted")


def test_the_web_form_offers_the_models_choices():
    form = EventEditForm()
    assert [value for value, _ in form.fields["event_type"].choices] == values(Event, "event_type")
    grouped = [sub for _, subs in form.fields["sub_event_type"].choices for sub, _ in subs]
    assert grouped == values(Event, "sub_event_type")


def test_every_event_type_has_a_colour_and_a_disorder_type():
    assert list(EVENT_TYPE_COLORS) == list(acled.EVENT_TYPES)
    assert set(DISORDER_TYPES) == set(acled.EVENT_TYPES)


def test_the_schema_names_its_enums_from_settings_alone(client):
    assert "ENUM_NAME_OVERRIDES" not in SchemaView.custom_settings
    overrides = settings.SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]
    assert overrides["EventStatusEnum"] == "events.models.LISTED_EVENT_STATUSES"
    schemas = client.get("/api/v1/schema/", {"format": "json"}).json()["components"]["schemas"]
    assert schemas["EventStatusEnum"]["enum"] == list(LISTED_EVENT_STATUSES)
    assert schemas["DeletedStatusEnum"]["enum"] == list(DELETED_EVENT_STATUSES)
    assert schemas["SubEventTypeEnum"]["enum"] == values(Event, "sub_event_type")
    assert schemas["ClaimKindEnum"]["enum"] == list(acled.CLAIM_KINDS)


# Run with acled.py as it would be after the one edit: a new sub-event type, and a new event type with its own.
ONE_EDIT = r"""
import os, sys, types
from pathlib import Path

path = Path("sources/parsing/acled.py")
text = path.read_text(encoding="utf-8")
riots = 'RIOTS: ("Violent demonstration", "Mob violence"),'
edited = text.replace(riots, 'RIOTS: ("Violent demonstration", "Mob violence", "Looting spree"),'
                             '\n    "Cyber operations": ("Cyber attack",),')
assert edited != text, "the RIOTS line of acled.py moved: update this test's edit"
module = types.ModuleType("sources.parsing.acled")
module.__file__ = str(path)
exec(compile(edited, str(path), "exec"), module.__dict__)
sys.modules["sources.parsing.acled"] = module

import django
django.setup()
import conflict_tracker.urls  # every view, serializer, filter and form module
from django.core.management import call_command
from events.api import filters, serializers
from events.forms import EventEditForm
from events.models import Event
from events.views import EVENT_TYPE_COLORS

assert ("Looting spree", "Looting spree") in Event._meta.get_field("sub_event_type").choices
assert "Looting spree" in filters.EventQuerySerializer().fields["sub_event_type"].choices
assert "Looting spree" in serializers.EventUpdateSerializer().fields["sub_event_type"].choices
assert any(sub == "Looting spree" for _, subs in EventEditForm().fields["sub_event_type"].choices for sub, _ in subs)
assert "Cyber operations" in filters.EventQuerySerializer().fields["event_type"].choices
assert "Cyber operations" in EVENT_TYPE_COLORS
try:
    call_command("makemigrations", "events", check=True, dry_run=True, verbosity=0)
except SystemExit as exc:
    assert exc.code == 1  # the migration the change needs
else:
    raise AssertionError("makemigrations saw no change")
print("one edit")
"""


def test_adding_an_acled_sub_event_type_is_one_edit_in_acled_py_plus_a_migration(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "conflict_tracker.settings", "PYTHONPATH": str(ROOT)}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'vocabulary.sqlite3'}"
    result = subprocess.run(
        [sys.executable, "-c", ONE_EDIT], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0 and "one edit" in result.stdout, result.stderr[-2000:]
