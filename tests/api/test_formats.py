import csv
import io
import json

import geojson_validator
import pytest
from django.http import StreamingHttpResponse

from events.exports import ACLED_COLUMNS
from tests.api.helpers import make_event

pytestmark = pytest.mark.django_db
URL = "/api/v1/events/"


def csv_rows(response) -> tuple[list[str], list[dict]]:
    assert isinstance(response, StreamingHttpResponse)
    reader = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8")))
    return reader.fieldnames, list(reader)


def test_it_answers_geojson_that_validates_with_lon_lat_points_and_event_properties(member, world):
    response = member.get(URL, {"format": "geojson"})
    assert response.status_code == 200 and response["Content-Type"] == "application/geo+json"
    collection = json.loads(response.content)
    assert geojson_validator.validate_structure(collection) == {}
    assert geojson_validator.validate_geometries(collection)["invalid"] == {}
    assert collection["type"] == "FeatureCollection" and collection["next"] is None
    feature = next(f for f in collection["features"] if f["id"] == world.approved.id)
    assert feature["geometry"] == {"type": "Point", "coordinates": [2.97, 19.95]}
    assert feature["properties"]["location"]["name"] == "Tinzaouaten"
    assert feature["properties"]["claims_summary"]["count"] == 2 and "claims" not in feature["properties"]
    assert "id" not in feature["properties"] and feature["properties"]["version"] == 1


def test_it_pages_geojson_with_a_next_foreign_member_and_link_header(analyst, world):
    first = analyst.get(URL, {"format": "geojson", "page_size": 2})
    body = first.json()
    assert len(body["features"]) == 2 and body["next"] and first["Link"] == f'<{body["next"]}>; rel="next"'
    assert "format=geojson" in body["next"]
    rest = analyst.get(body["next"]).json()
    assert {f["id"] for f in body["features"] + rest["features"]} == {
        world.approved.id,
        world.draft.id,
        world.rejected.id,
        world.elsewhere.id,
    }


def test_it_gives_events_without_coordinates_a_null_geometry(analyst):
    event = make_event(latitude=None, longitude=None, geo_precision=3)
    collection = analyst.get(URL, {"format": "geojson"}).json()
    assert geojson_validator.validate_structure(collection) == {}
    assert collection["features"][0]["id"] == event.id and collection["features"][0]["geometry"] is None


def test_it_filters_geojson_by_bbox(member, world):
    collection = member.get(URL, {"format": "geojson", "bbox": "-5,10,0,16"}).json()
    assert [f["id"] for f in collection["features"]] == [world.elsewhere.id]


def test_it_streams_csv_in_acled_codebook_columns(member, world):
    response = member.get(URL, {"format": "csv"})
    assert response.status_code == 200 and response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="events.csv"' in response["Content-Disposition"]
    header, rows = csv_rows(response)
    assert header == [*ACLED_COLUMNS, "status"]  # ours after ACLED's own, unchanged
    row = next(row for row in rows if row["event_id_cnty"] == f"MLI{world.approved.id}")
    assert row["actor1"] == "Military Forces of Mali" and row["actor2"] == "JNIM" and row["interaction"] == "12"
    assert row["country"] == "Mali" and row["location"] == "Tinzaouaten" and row["fatalities"] == "10"
    assert row["latitude"] == "19.9500" and row["longitude"] == "2.9700" and row["source"] == "AP; Reuters"
    assert len(rows) == 2  # approved events only, for a user without a role


def test_the_csv_says_each_rows_status_after_acleds_own_columns(analyst, world):
    header, rows = csv_rows(analyst.get(URL, {"format": "csv", "status": "approved,draft"}))
    assert header[: len(ACLED_COLUMNS)] == ACLED_COLUMNS and header[len(ACLED_COLUMNS) :] == ["status"]
    status = {row["event_id_cnty"]: row["status"] for row in rows}
    assert status[f"MLI{world.approved.id}"] == "approved" and status[f"MLI{world.draft.id}"] == "draft"
    _, rows = csv_rows(analyst.get(URL, {"format": "csv"}))
    assert rows and {row["status"] for row in rows} <= {"approved", "draft", "rejected"}


def test_it_streams_every_matching_csv_row_unpaginated_with_the_same_filters(analyst, world):
    extra = [make_event(country="NE", admin1="Tillaberi", location_name=f"Village {n}") for n in range(7)]
    _, rows = csv_rows(analyst.get(URL, {"format": "csv", "country": "NE", "page_size": 2}))
    assert sorted(row["event_id_cnty"] for row in rows) == sorted(f"NER{event.id}" for event in extra)
    _, rows = csv_rows(analyst.get(URL, {"format": "csv", "actor": "FAMa"}))
    assert {row["event_id_cnty"] for row in rows} == {f"MLI{world.approved.id}", f"MLI{world.draft.id}"}


def test_it_streams_csv_in_chunks_of_constant_size(analyst, monkeypatch):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from events import selectors

    if connection.vendor == "postgresql":
        pytest.skip("on PostgreSQL the export is one streamed COPY, not chunks")

    for _ in range(5):
        make_event()
    monkeypatch.setattr(selectors.event_export_rows, "__kwdefaults__", {"chunk": 2})
    with CaptureQueriesContext(connection) as queries:
        _, rows = csv_rows(analyst.get(URL, {"format": "csv"}))
    chunks = [query["sql"] for query in queries.captured_queries if 'FROM "events_event"' in query["sql"]]
    assert len(rows) == 5 and len(chunks) == 4 and all("LIMIT 2" in sql for sql in chunks)


def test_the_streamed_rows_are_the_chunked_reads_rows_and_name_each_side_and_source(analyst, world):
    """On PostgreSQL the CSV is one COPY; it must give what the chunked read (every other database) gives."""
    from events import selectors
    from events.exports import acled_row
    from events.models import Event
    from sources.models import Article

    make_event(
        place=None, latitude=None, longitude=None, actors=[], articles=[], country="", admin1="", location_name=""
    )
    event = make_event(
        actors=[(world.civilians, "side_b"), (world.jnim, "side_a"), (world.army, "associated")],
        articles=[world.first, world.second],
    )
    _, rows = csv_rows(analyst.get(URL, {"format": "csv"}))
    base = Event.objects.exclude(status="merged").order_by("id")
    expected = [acled_row(source) for source in selectors._acled_sources_in_chunks(base, 2)]
    assert rows == [{column: str(value) for column, value in row.items()} for row in expected]
    row = next(row for row in rows if row["event_id_cnty"].endswith(str(event.id)))
    publishers = Article.objects.filter(id__in=[world.first.id, world.second.id]).values_list("publisher__name")
    sides = (row["actor1"], row["assoc_actor_1"], row["actor2"])
    assert sides == (world.jnim.name, world.army.name, world.civilians.name)
    assert row["civilian_targeting"] == "Civilian targeting"
    assert row["source"] == "; ".join(sorted({name for (name,) in publishers if name is not None}))


def test_it_answers_errors_of_a_csv_request_in_json(analyst):
    response = analyst.get(URL, {"format": "csv", "bbox": "oops"})
    assert response.status_code == 400 and response["Content-Type"] == "application/json"
    assert "bbox" in response.json()["errors"]


def test_it_chooses_the_format_from_the_accept_header_too(member, world):
    response = member.get(URL, HTTP_ACCEPT="text/csv")
    assert response["Content-Type"].startswith("text/csv")
    assert member.get(URL, HTTP_ACCEPT="application/geo+json").json()["type"] == "FeatureCollection"
