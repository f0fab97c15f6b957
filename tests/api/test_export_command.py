"""manage.py export_events reads what the API reads, filtered as the API filters."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from tests.api.helpers import make_event

pytestmark = pytest.mark.django_db
URL = "/api/v1/events/"


def export(*args: str) -> str:
    out = io.StringIO()
    call_command("export_events", *args, stdout=out)
    return out.getvalue()


def test_it_exports_the_documents_the_api_gives_with_every_claim(analyst, world):
    documents = json.loads(export("--format", "json"))
    assert [document["id"] for document in documents] == sorted(
        item["id"] for item in analyst.get(URL, {"page_size": 500}).json()["results"]
    )
    for document in documents:
        detail = analyst.get(f"{URL}{document['id']}/").json()
        assert document == {key: value for key, value in detail.items() if key not in ("history", "merge_suggestions")}


def test_it_takes_the_api_filters_with_the_api_checks(analyst, world):
    make_event(country="BF", admin1="Sahel", latitude=14.1, longitude=-0.1, location_name="Djibo")
    for params in ({"country": "ml"}, {"status": "draft,rejected"}, {"bbox": "-1,13,1,15"}, {"q": "border"}):
        exported = [document["id"] for document in json.loads(export(*(f"--{k}={v}" for k, v in params.items())))]
        listed = sorted(item["id"] for item in analyst.get(URL, {**params, "page_size": 500}).json()["results"])
        assert exported == listed, params
    with pytest.raises(CommandError, match="--status"):
        export("--status", "merged")
    with pytest.raises(CommandError, match="--bbox"):
        export("--bbox", "oops")


def test_its_geojson_and_csv_are_the_apis(analyst, world):
    collection = json.loads(export("--format", "geojson", "--country", "ML"))
    features = analyst.get(URL, {"format": "geojson", "country": "ML", "ordering": "id"}).json()["features"]
    assert [feature["id"] for feature in collection["features"]] == [feature["id"] for feature in features]
    assert all("claims" in feature["properties"] for feature in collection["features"])
    api = b"".join(analyst.get(URL, {"format": "csv", "country": "ML"}).streaming_content).decode()
    assert export("--format", "csv", "--country", "ML") == api
