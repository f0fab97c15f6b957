import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from events.ingestion import article_parse
from sources.models import Article
from tests.api.helpers import make_article, make_event

pytestmark = pytest.mark.django_db
URL = "/api/v1/articles/"
REPORT = "Gunmen attacked a village near Djibo on Sunday, killing at least 12 people, a local official said."
ARTICLE_FIELDS = {
    "id",
    "duplicate_of",
    "title",
    "publisher",
    "url",
    "published_at",
    "language",
    "language_source",
    "language_set_by",
    "language_set_at",
    "status",
    "error",
    "uploaded_at",
    "parsed_at",
    "event_ids",
}


@pytest.fixture
def parses(monkeypatch):
    """The ids handed to the parsing queue (nothing is parsed)."""
    queued = []
    monkeypatch.setattr("sources.services.enqueue_parse", queued.append)
    return queued


def post_text(client, **fields):
    return client.post(URL, {"text": REPORT, **fields}, format="json")


def test_it_creates_an_article_from_json_text_and_queues_it(analyst, parses, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_text(
            analyst, title="Attack near Djibo", url="https://example.org/a", publisher="AP", published_at="2024-05-12"
        )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert set(body) == ARTICLE_FIELDS
    assert (
        body["status"] == "queued"
        and body["event_ids"] == []
        and body["publisher"] == "AP"
        and body["published_at"] == "2024-05-12"
    )
    assert response["Location"].endswith(f"/api/v1/articles/{body['id']}/")
    assert parses == [body["id"]]
    assert Article.objects.get(id=body["id"]).uploaded_by.username == "analyst"


def test_it_answers_with_the_state_at_creation_even_when_parsing_ran_eagerly(
    analyst, monkeypatch, django_capture_on_commit_callbacks
):
    def parse_at_once(article_id):
        Article.objects.filter(id=article_id).update(status="parsed", language="en")

    monkeypatch.setattr("sources.services.enqueue_parse", parse_at_once)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_text(analyst)
    assert response.status_code == 201 and response.json()["status"] == "queued" and response.json()["language"] == ""
    assert analyst.get(f"{URL}{response.json()['id']}/").json()["status"] == "parsed"


def test_it_returns_the_existing_article_for_the_same_text_with_200_and_parses_once(
    analyst, parses, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = post_text(analyst)
        again = analyst.post(URL, {"text": "  " + REPORT + "\r\n"}, format="json")
    assert first.status_code == 201 and again.status_code == 200
    assert again.json()["id"] == first.json()["id"] and parses == [first.json()["id"]]
    assert Article.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("report.txt", REPORT.encode("utf-8"), "text/plain"),
        (
            "report.html",
            f"<html><head><title>Djibo</title></head><body><article><p>{REPORT}</p><p>{REPORT}</p></article></body></html>".encode(),
            "text/html",
        ),
    ],
)
def test_it_creates_an_article_from_an_uploaded_file(analyst, parses, name, content, content_type):
    upload = SimpleUploadedFile(name, content, content_type=content_type)
    response = analyst.post(
        URL, {"file": upload, "publisher": "Wire", "published_at": "2024-05-12"}, format="multipart"
    )
    assert response.status_code == 201, response.json()
    article_parse(article_id=response.json()["id"])  # what the worker does: an HTML file's text is read there
    article = Article.objects.get(id=response.json()["id"])
    assert REPORT in article.text and article.original_file.name.endswith(name)


@pytest.mark.parametrize(
    ("request_kwargs", "status", "message"),
    [
        ({"data": {"text": ""}, "format": "json"}, 400, "empty"),
        ({"data": {"text": " \n\t "}, "format": "json"}, 400, "empty"),
        ({"data": {}, "format": "json"}, 400, "text"),
        ({"data": {"title": "no text"}, "format": "json"}, 400, "text"),
        ({"data": {"text": REPORT, "published_at": "Sunday"}, "format": "json"}, 400, "published_at"),
        ({"data": {"text": REPORT, "url": "javascript:alert(1)"}, "format": "json"}, 400, "url"),
        ({"data": {"text": ["a", "b"]}, "format": "json"}, 400, "text"),
        ({"data": {"text": "a\x00b"}, "format": "json"}, 400, "text"),
        ({"data": [REPORT], "format": "json"}, 400, "JSON object"),
        ({"data": b"null", "content_type": "application/json"}, 400, "JSON object"),
        ({"data": b'{"text": "unterminated', "content_type": "application/json"}, 400, "JSON parse error"),
        ({"data": b'{"text": "caf\xe9"}', "content_type": "application/json"}, 400, "JSON parse error"),
        ({"data": b"NaN", "content_type": "application/json"}, 400, "JSON parse error"),
        ({"data": REPORT.encode(), "content_type": "text/plain"}, 415, "Unsupported media type"),
        ({"data": b"--x\r\nbroken", "content_type": "multipart/form-data"}, 400, "Multipart"),
    ],
)
def test_it_refuses_bad_text_uploads_with_a_clear_json_error(analyst, parses, request_kwargs, status, message):
    response = analyst.post(URL, **request_kwargs)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/json"
    assert message in response.json()["detail"], response.json()
    assert not Article.objects.exists() and not parses


@pytest.mark.parametrize(
    ("name", "content", "status", "message"),
    [
        ("empty.txt", b"", 400, "empty"),
        ("blank.txt", b"   \n  ", 400, "no text"),
        ("latin1.txt", "Café à Djibo".encode("latin-1"), 400, "not UTF-8"),
        ("report.docx", b"PK\x03\x04 a word file", 415, "not a supported type"),
        ("binary.txt", b"\x00\x01\x02 binary", 415, "binary"),
        ("fake.pdf", b"this is not a pdf at all", 400, "not a readable PDF"),
        ("noext", b"\x89PNG\r\n\x1a\n", 415, "not a supported type"),
    ],
)
def test_it_refuses_bad_files_with_a_clear_json_error(analyst, parses, name, content, status, message):
    response = analyst.post(
        URL, {"file": SimpleUploadedFile(name, content, content_type="application/octet-stream")}, format="multipart"
    )
    assert response.status_code == status, response.content
    assert message in response.json()["detail"], response.json()
    assert not Article.objects.exists()


def test_it_refuses_text_and_a_file_together(analyst, parses):
    response = analyst.post(URL, {"text": REPORT, "file": SimpleUploadedFile("a.txt", b"other")}, format="multipart")
    assert response.status_code == 400 and "not both" in response.json()["detail"]


def test_it_refuses_oversized_uploads_with_413(analyst, parses, settings):
    settings.MAX_UPLOAD_BYTES = 2048
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 2048 + 1024
    text = post_text(analyst, text="word " * 500)  # 2,500 bytes: past the limit, within the body allowance
    assert text.status_code == 413 and "the limit is 2,048 bytes" in text.json()["detail"]
    upload = analyst.post(URL, {"file": SimpleUploadedFile("big.txt", b"x" * 3000)}, format="multipart")
    assert upload.status_code == 413 and "limit" in upload.json()["detail"]
    body = post_text(analyst, text="word " * 5000)  # the body alone is past the allowance: refused before parsing
    assert body.status_code == 413 and "request body" in body.json()["detail"]
    assert not Article.objects.exists() and not parses


def test_it_keeps_articles_to_analysts(anonymous, member, reviewer, world, settings):
    settings.PUBLIC_READ = True
    article = world.first
    assert anonymous.get(URL).status_code == 401 and anonymous.get(f"{URL}{article.id}/").status_code == 401
    assert anonymous.post(URL, {"text": REPORT}, format="json").status_code == 401
    assert member.get(URL).status_code == 403 and member.get(f"{URL}{article.id}/").status_code == 403
    assert member.post(URL, {"text": REPORT}, format="json").status_code == 403
    assert reviewer.get(f"{URL}{article.id}/").status_code == 200
    assert not Article.objects.filter(text=REPORT).exists()


def test_it_lists_articles_newest_first_with_the_events_they_report(analyst, world):
    response = analyst.get(URL)
    results = response.json()["results"]
    assert [item["id"] for item in results] == sorted((item["id"] for item in results), reverse=True)
    first = next(item for item in results if item["id"] == world.first.id)
    assert first["event_ids"] == [world.approved.id] and first["publisher"] == "AP" and first["status"] == "parsed"
    detail = analyst.get(f"{URL}{world.first.id}/").json()
    assert detail == first
    assert analyst.get(URL, {"status": "failed"}).json()["results"] == []
    assert analyst.get(URL, {"status": "bogus"}).status_code == 400
    assert analyst.get(f"{URL}999999/").status_code == 404


def test_it_leaves_merged_events_out_of_an_articles_event_ids(analyst, reviewer, world):
    article = make_article()
    duplicate = make_event(status="draft", articles=[article, world.first])
    reviewer.post(f"/api/v1/events/{duplicate.id}/merge/", {"into": world.approved.id}, format="json")
    assert analyst.get(f"{URL}{world.first.id}/").json()["event_ids"] == [world.approved.id]
    assert analyst.get(f"{URL}{article.id}/").json()["event_ids"] == [world.approved.id]


def test_it_pages_articles_with_a_cursor(analyst):
    made = [make_article() for _ in range(5)]
    first = analyst.get(URL, {"page_size": 2}).json()
    second = analyst.get(first["next"]).json()
    third = analyst.get(second["next"]).json()
    seen = [item["id"] for page in (first, second, third) for item in page["results"]]
    assert seen == sorted((article.id for article in made), reverse=True) and third["next"] is None
