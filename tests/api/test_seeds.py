"""End to end through the API: the seed reports (../shared/seeds, read at run time, never copied
here) are uploaded, parsed, and come back as events with their claims, as JSON, GeoJSON and CSV."""

import csv
import io
import json

import geojson_validator
import pytest

from events.exports import ACLED_COLUMNS

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


@pytest.fixture(scope="session")
def parser_ready():
    """Skip before the (slow) gazetteer load when the parser is not there yet."""
    try:
        from sources.parsing import parse_article  # noqa: F401
    except ImportError as exc:
        pytest.skip(f"sources.parsing.parse_article is not importable yet: {exc}")


def test_it_turns_the_seed_reports_into_events_with_claims_geojson_and_csv(
    parser_ready, seeds_dir, full_gazetteer, analyst, django_capture_on_commit_callbacks
):
    expected = json.loads((seeds_dir / "expected.json").read_text(encoding="utf-8"))
    uploaded = {}
    for filename, meta in sorted(expected["articles"].items()):
        payload = {"text": (seeds_dir / filename).read_text(encoding="utf-8"), "title": filename, **meta}
        with django_capture_on_commit_callbacks(execute=True):  # tasks run eagerly once the upload commits
            response = analyst.post("/api/v1/articles/", payload, format="json")
        assert response.status_code == 201, response.json()
        assert response.json()["status"] == "queued" and response.json()["published_at"] == meta["published_at"]
        uploaded[filename] = response.json()["id"]

    first = min(uploaded)
    again = analyst.post("/api/v1/articles/", {"text": (seeds_dir / first).read_text(encoding="utf-8")}, format="json")
    assert again.status_code == 200 and again.json()["id"] == uploaded[first]

    articles = {name: analyst.get(f"/api/v1/articles/{article_id}/").json() for name, article_id in uploaded.items()}
    assert {name: article["status"] for name, article in articles.items()} == dict.fromkeys(uploaded, "parsed"), (
        articles
    )
    main = expected["events"][0]
    for name in main["articles"]:
        assert articles[name]["event_ids"], f"{name} produced no event"

    events = analyst.get("/api/v1/events/", {"page_size": 500}).json()["results"]
    assert events and all(event["status"] == "draft" for event in events)
    reported = {article_id for event in events for article_id in event["article_ids"]}
    assert reported == set(uploaded.values())
    # The list summarises each event's claims; its own answer gives them with their quotes.
    details = {event["id"]: analyst.get(f"/api/v1/events/{event['id']}/").json() for event in events}
    claims = [claim for detail in details.values() for claim in detail["claims"]]
    assert claims and all(claim["article_id"] in reported and claim["quote"] for claim in claims)
    assert any(claim["kind"] == "killed" and claim["claimant"]["name"] for claim in claims)
    assert all(event["claims_summary"]["count"] == len(details[event["id"]]["claims"]) for event in events)
    fighting = max(events, key=lambda event: len(event["article_ids"]))
    assert fighting["location"]["country"] == main["location"]["country"]
    assert main["start_date"] <= fighting["start_date"] <= main["end_date"]

    geojson = json.loads(analyst.get("/api/v1/events/", {"format": "geojson", "page_size": 500}).content)
    assert geojson_validator.validate_structure(geojson) == {}
    assert geojson_validator.validate_geometries(geojson)["invalid"] == {}
    assert {feature["id"] for feature in geojson["features"]} == {event["id"] for event in events}
    located = [feature for feature in geojson["features"] if feature["geometry"]]
    assert all(
        -180 <= f["geometry"]["coordinates"][0] <= 180 and -90 <= f["geometry"]["coordinates"][1] <= 90 for f in located
    )

    response = analyst.get("/api/v1/events/", {"format": "csv"})
    reader = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8")))
    rows = list(reader)
    assert reader.fieldnames == [*ACLED_COLUMNS, "status"]
    assert len(rows) == len(events) and all(row["event_type"] and row["event_date"] for row in rows)
    assert any(row["country"] == "Mali" for row in rows)
