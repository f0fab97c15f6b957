"""The OpenAPI schema is the contract: it must be valid, and the API must keep to it.

Schemathesis generates requests from the schema (bounded examples per operation) and sends
them through the WSGI app with a reviewer's token, checking that nothing answers 5xx and
that every answer's status, content type and body are the ones the schema documents.
"""

import json

import pytest
import schemathesis
import yaml
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from conflict_tracker.wsgi import application

pytestmark = pytest.mark.django_db


def test_it_publishes_a_valid_openapi_3_schema_without_generator_warnings(anonymous):
    from drf_spectacular.drainage import GENERATOR_STATS, reset_generator_stats
    from drf_spectacular.validation import validate_schema

    reset_generator_stats()
    document = yaml.safe_load(anonymous.get("/api/v1/schema/").content)
    warnings = dict(GENERATOR_STATS._warn_cache) | dict(GENERATOR_STATS._error_cache)
    reset_generator_stats()
    validate_schema(document)
    assert warnings == {}


def test_it_documents_the_event_fields_external_tools_rely_on(anonymous):
    schemas = yaml.safe_load(anonymous.get("/api/v1/schema/").content)["components"]["schemas"]
    event = schemas["EventDetail"]
    assert set(event["required"]) >= {
        "id",
        "status",
        "event_type",
        "sub_event_type",
        "start_date",
        "end_date",
        "date_precision",
        "location",
        "actors",
        "claims",
        "fatalities",
        "article_ids",
        "notes",
        "created_at",
        "updated_at",
        "history",
        "version",
    }
    assert "claims_summary" not in event["properties"]
    assert set(schemas["Location"]["required"]) == {
        "name",
        "admin1",
        "country",
        "latitude",
        "longitude",
        "geo_precision",
        "geonames_id",
    }
    assert set(schemas["Claim"]["required"]) >= {
        "id",
        "claimant",
        "kind",
        "subject",
        "count_min",
        "count_max",
        "qualifier",
        "quote",
        "article_id",
        "char_start",
        "char_end",
    }
    assert set(schemas["Article"]["required"]) == {
        "id",
        "title",
        "publisher",
        "url",
        "published_at",
        "language",
        "language_source",
        "language_set_by",
        "language_set_at",
        "status",
        "duplicate_of",
        "error",
        "uploaded_at",
        "parsed_at",
        "event_ids",
    }
    assert set(schemas["PatchedEventUpdateRequest"]["properties"]) == {
        "event_type",
        "sub_event_type",
        "start_date",
        "end_date",
        "date_precision",
        "latitude",
        "longitude",
        "geo_precision",
        "country",
        "admin1",
        "location_name",
        "notes",
        "fatalities_best",
        "place",
        "actors",
        "version",
    }


def test_it_documents_lists_with_a_claims_summary_and_no_claims(anonymous):
    schemas = yaml.safe_load(anonymous.get("/api/v1/schema/").content)["components"]["schemas"]
    assert schemas["EventPage"]["properties"]["results"]["items"] == {"$ref": "#/components/schemas/Event"}
    assert schemas["EventFeature"]["properties"]["properties"] == {"$ref": "#/components/schemas/EventProperties"}
    for listed in (schemas["Event"], schemas["EventProperties"]):
        assert "claims_summary" in listed["required"] and "claims" not in listed["properties"]
        assert listed["properties"]["claims_summary"]["allOf"] == [{"$ref": "#/components/schemas/ClaimsSummary"}]
    summary = schemas["ClaimsSummary"]
    assert set(summary["required"]) == {"count", "by_kind", "claimants", "claimant_count"}
    assert summary["properties"]["by_kind"]["items"] == {"$ref": "#/components/schemas/ClaimKindSummary"}
    assert set(schemas["ClaimKindSummary"]["required"]) == {"kind", "count", "low", "high", "open_ended"}
    assert schemas["ClaimKindSummary"]["properties"]["kind"] == {"$ref": "#/components/schemas/ClaimKindEnum"}


# Loaded when the module is collected: the schema view needs no database.
schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", application)


@pytest.fixture
def reviewer_token(user_factory):
    from rest_framework.authtoken.models import Token

    return Token.objects.create(user=user_factory("fuzzer", "reviewer")).key


@pytest.fixture
def in_test_transaction(db, settings):
    """Requests go straight to the WSGI app; keep Django from closing the test's connection after each
    (its own test client disconnects the same signal), and lift the rate limit."""
    from django.core.cache import cache
    from django.core.signals import request_finished, request_started
    from django.db import close_old_connections

    cache.clear()
    settings.API_THROTTLE_RATE = "1000000/hour"
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
def test_it_keeps_to_its_schema_and_never_answers_5xx(case, in_test_transaction, world, reviewer_token):
    response = case.call_and_validate(
        headers={"Authorization": f"Token {reviewer_token}"},
        checks=[not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance],
    )
    if response.status_code >= 400:
        assert json.loads(response.content)["detail"]
