"""Real answers validate against the OpenAPI schema the API publishes, strictly.

Event documents are built by one reader (events.selectors.event_documents, events.exports) and sent as
they are; the output serializers only declare them for the schema. So that the two cannot drift, each
answer here, from a database holding events with and without places, points, actors, claims (vague, open-
ended, by actors and by text) and review history, is validated against the schema of its operation, status
and content type, with every object closed: a field the documents send and the schema does not declare
fails, as does a declared one they leave out, a null where none is allowed or a value outside an enum.
"""

import jsonschema
import pytest
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from tests.api.helpers import make_actor, make_article, make_event

pytestmark = pytest.mark.django_db
PREFIX = "/api/v1"


@pytest.fixture
def openapi(anonymous) -> dict:
    return yaml.safe_load(anonymous.get(f"{PREFIX}/schema/").content)


def strict(node):
    """OpenAPI 3.0 schema objects as JSON Schema: `nullable` as a null alternative, and every object
    with declared properties closed to others (drf-spectacular leaves them open)."""
    if isinstance(node, list):
        return [strict(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: strict(value) for key, value in node.items()}
    if node.get("type") == "object" and "properties" in node:
        node.setdefault("additionalProperties", False)
    if node.pop("nullable", False):
        return {"anyOf": [node, {"type": "null"}]}
    return node


def _escaped(part: str) -> str:
    return part.replace("~", "~0").replace("/", "~1")


def assert_valid(openapi: dict, response, path: str, method: str = "get") -> dict:
    """The answer's body validates against what the schema documents for this operation, status and type."""
    content_type = response["Content-Type"].split(";")[0]
    where = [f"{PREFIX}{path}", method, "responses", str(response.status_code), "content", content_type, "schema"]
    registry = Registry().with_resource("urn:openapi", Resource(contents=strict(openapi), specification=DRAFT7))
    validator = jsonschema.Draft7Validator(
        {"$ref": "urn:openapi#/paths/" + "/".join(map(_escaped, where))},
        registry=registry,
        format_checker=jsonschema.FormatChecker(),
    )
    body = response.json()
    errors = sorted(validator.iter_errors(body), key=lambda error: list(error.absolute_path))
    assert not errors, "\n".join(f"{list(error.absolute_path)}: {error.message}" for error in errors[:10])
    return body


@pytest.fixture
def varied(world):
    """Events beside the world's: no place nor point, no actor nor report, claims of every shape."""
    nurse = {"claimant_text": "a nurse", "kind": "wounded", "count_min": None, "count_max": None, "qualifier": "vague"}
    bare = make_event(
        place=None, latitude=None, longitude=None, actors=[], articles=[], country="", admin1="", location_name=""
    )
    rich = make_event(
        actors=[(world.civilians, "side_b"), (world.jnim, "side_a"), (make_actor("Local militia"), "associated")],
        articles=[make_article(), make_article(publisher="")],
        claims=[nurse, {"claimant": world.army, "kind": "killed", "count_min": 84, "count_max": None, "quote": "q"}],
    )
    return bare, rich


def test_event_lists_json_and_geojson_validate_against_the_schema(openapi, analyst, world, varied):
    for params in ({}, {"page_size": 2}, {"status": "draft,approved,rejected", "ordering": "id"}):
        body = assert_valid(openapi, analyst.get(f"{PREFIX}/events/", params), "/events/")
        assert body["results"]
    geojson = analyst.get(f"{PREFIX}/events/", {"format": "geojson", "page_size": 3})
    body = assert_valid(openapi, geojson, "/events/")
    assert len(body["features"]) == 3 and body["next"]
    everything = assert_valid(openapi, analyst.get(f"{PREFIX}/events/", {"format": "geojson"}), "/events/")
    assert any(feature["geometry"] is None for feature in everything["features"])


def test_event_details_validate_against_the_schema(openapi, analyst, reviewer, member, world, varied):
    reviewer.post(f"{PREFIX}/events/{world.draft.id}/approve/", {}, format="json")
    reviewer.patch(f"{PREFIX}/events/{world.approved.id}/", {"notes": "Checked."}, format="json")
    for event in (world.approved, world.draft, world.rejected, world.elsewhere, *varied):
        body = assert_valid(openapi, analyst.get(f"{PREFIX}/events/{event.id}/"), "/events/{event_id}/")
        assert body["id"] == event.id
    detail = assert_valid(openapi, member.get(f"{PREFIX}/events/{world.approved.id}/"), "/events/{event_id}/")
    assert detail["history"] and detail["merge_suggestions"] == []
    edited = reviewer.patch(f"{PREFIX}/events/{world.draft.id}/", {"notes": "Again."}, format="json")
    assert_valid(openapi, edited, "/events/{event_id}/", "patch")


def test_claims_and_the_deleted_feed_validate_against_the_schema(openapi, analyst, world, varied):
    _, rich = varied
    for claim in rich.claims.all():
        assert_valid(openapi, analyst.get(f"{PREFIX}/claims/{claim.id}/"), "/claims/{claim_id}/")
    body = assert_valid(openapi, analyst.get(f"{PREFIX}/deleted/"), "/deleted/")
    assert body["results"]


def test_article_answers_validate_against_the_schema(openapi, analyst, world, varied):
    body = assert_valid(openapi, analyst.get(f"{PREFIX}/articles/"), "/articles/")
    assert body["results"] and any(article["event_ids"] for article in body["results"])
    for article in body["results"]:
        assert_valid(openapi, analyst.get(f"{PREFIX}/articles/{article['id']}/"), "/articles/{article_id}/")
    created = analyst.post(f"{PREFIX}/articles/", {"text": "Fighting was reported near Gao on Sunday."}, format="json")
    assert created.status_code == 201
    assert_valid(openapi, created, "/articles/", "post")
    again = analyst.post(f"{PREFIX}/articles/", {"text": "Fighting was reported near Gao on Sunday."}, format="json")
    assert again.status_code == 200
    assert_valid(openapi, again, "/articles/", "post")


def test_the_check_itself_refuses_a_field_the_schema_does_not_declare(openapi, analyst, world, monkeypatch):
    """The validation is strict: were the documents to grow a field, this test file would fail."""
    from events import exports

    real = exports.event_feature
    monkeypatch.setattr(exports, "event_feature", lambda document: {**real(document), "extra": 1})
    monkeypatch.setattr("events.api.serializers.event_feature", exports.event_feature)
    with pytest.raises(AssertionError, match="extra"):
        assert_valid(openapi, analyst.get(f"{PREFIX}/events/", {"format": "geojson"}), "/events/")
