"""An uploaded PDF or HTML file is stored at once and read by the worker: a hostile or huge one ends as a
``failed`` article with a reason, never a web request held for minutes, a killed web worker or a 500."""

import io
import zlib

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from django.core.files.uploadedfile import SimpleUploadedFile
from rest_framework.authtoken.models import Token

from events.ingestion import article_parse
from events.models import Event
from sources.models import Article
from sources.services import article_submit_file, article_submit_text

pytestmark = pytest.mark.django_db
REPORT = "Gunmen attacked a village near Kaya on Sunday, killing at least 12 people, a local official said."


def _pdf(*, pages: int = 1, content: bytes | None = None, text: str = "", title: str = "") -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    font = writer._add_object(
        DictionaryObject(
            {
                NameObject("/Type"): NameObject("/Font"),
                NameObject("/Subtype"): NameObject("/Type1"),
                NameObject("/BaseFont"): NameObject("/Helvetica"),
            }
        )
    )
    for _ in range(pages):
        page = writer.add_blank_page(width=612, height=792)
        data = content if content is not None else f"BT /F1 10 Tf 20 700 Td ({text}) Tj ET".encode() if text else None
        if data is not None:
            stream = DecodedStreamObject()
            stream.set_data(data)
            page[NameObject("/Contents")] = writer._add_object(stream)
            page[NameObject("/Resources")] = DictionaryObject(
                {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
            )
    if title:
        writer.add_metadata({"/Title": title})
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def _flate_bomb() -> bytes:
    """A page whose content stream inflates from ~100 KB to 100 MB, past pypdf's output limit."""
    from pypdf import PdfWriter
    from pypdf.generic import NameObject, StreamObject

    writer = PdfWriter()
    page = writer.add_blank_page(width=200, height=200)
    bomb = StreamObject()
    bomb._data = zlib.compress(b" " * 100_000_000, 9)
    bomb[NameObject("/Filter")] = NameObject("/FlateDecode")
    page[NameObject("/Contents")] = writer._add_object(bomb)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture
def sent(monkeypatch):
    ids = []
    monkeypatch.setattr("sources.services.enqueue_parse", lambda article_id: ids.append(article_id) or True)
    return ids


@pytest.fixture
def upload(client, user_factory, sent, django_capture_on_commit_callbacks):
    token = Token.objects.create(user=user_factory("ana", "analyst"))

    def post(name: str, content: bytes, content_type: str = "application/pdf"):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                "/api/v1/articles/",
                {"file": SimpleUploadedFile(name, content, content_type)},
                HTTP_AUTHORIZATION=f"Token {token.key}",
            )

    return post


def _submit(name: str, content: bytes) -> Article:
    return article_submit_file(filename=name, content=content, content_type="", uploaded_by=None).article


def test_a_pdf_upload_returns_at_once_and_the_worker_reads_its_text(upload, sent):
    response = upload("report.pdf", _pdf(text=REPORT, title="Attack near Kaya"))
    assert response.status_code == 201 and response.json()["status"] == "queued" and sent == [response.json()["id"]]
    article = Article.objects.get()
    assert article.text == "" and article.awaits_reading and str(article) == "report.pdf"
    article_parse(article_id=article.id)
    article.refresh_from_db()
    assert (
        article.status == "parsed"
        and "killing at least 12 people" in article.text
        and article.title == "Attack near Kaya"
    )
    assert not article.awaits_reading and article.content_hash


def test_the_worker_gives_an_html_file_the_title_publisher_and_date_it_states(upload):
    page = (
        '<html><head><title>Attack near Kaya</title><meta property="og:site_name" content="Sahel Wire">'
        '<meta name="date" '
        f'content="2024-05-12"></head><body><article><p>{REPORT}</p><p>{REPORT}</p></article></body></html>'
    )
    response = upload("report.html", page.encode(), "text/html")
    assert response.status_code == 201 and response.json()["publisher"] is None
    article_parse(article_id=response.json()["id"])
    article = Article.objects.get()
    assert (article.title, article.publisher.name, str(article.published_at)) == (
        "Attack near Kaya",
        "Sahel Wire",
        "2024-05-12",
    )


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (lambda: _pdf(pages=201), "201 pages"),
        (lambda: _pdf(content=b"[" * 200_000), "not a readable PDF|too deeply|holds no text"),
        (_flate_bomb, "not a readable PDF|holds no text"),
        (lambda: b"%PDF-1.4 this is not really a pdf", "not a readable PDF"),
        (lambda: _pdf(), "holds no text"),
    ],
    ids=["too-many-pages", "nested-brackets", "flate-bomb", "broken", "no-text"],
)
def test_a_hostile_or_oversized_pdf_ends_failed_with_its_reason_and_nothing_half_written(upload, content, reason):
    import re

    response = upload("report.pdf", content())
    assert response.status_code == 201, response.content[:300]
    article_parse(article_id=response.json()["id"])
    article = Article.objects.get()
    assert article.status == "failed" and re.search(reason, article.error), article.error
    assert article.text == "" and article.content_hash is None and not Event.objects.exists()


def test_a_file_that_is_plainly_not_a_pdf_is_refused_at_once(upload):
    response = upload("report.pdf", b"<html>not a pdf</html>")
    assert response.status_code == 400 and "no PDF header" in response.json()["detail"]
    assert not Article.objects.exists()


def test_the_same_file_uploaded_twice_is_one_article_even_before_it_is_read(upload, sent):
    content = _pdf(text=REPORT)
    first, again = upload("report.pdf", content), upload("copy.pdf", content)
    assert (first.status_code, again.status_code) == (201, 200) and again.json()["id"] == first.json()["id"]
    assert Article.objects.count() == 1 and sent == [first.json()["id"]]


def test_a_file_holding_the_text_of_an_article_already_there_ends_a_duplicate_of_it(sent, client, user_factory):
    original = article_submit_text(text=REPORT, uploaded_by=None).article
    copy = _submit("copy.pdf", _pdf(text=REPORT))
    article_parse(article_id=copy.id)
    copy.refresh_from_db()
    assert copy.status == "duplicate" and copy.duplicate_of == original and copy.text == ""
    assert f"article {original.id}" in copy.error
    client.force_login(user_factory("ana", "analyst"))
    page = client.get(f"/articles/{copy.id}/").content.decode()
    assert 'id="duplicate"' in page and f'href="/articles/{original.id}/"' in page


@pytest.mark.parametrize(
    ("raised", "reason"),
    [
        (SoftTimeLimitExceeded(), "took longer than"),
        (MemoryError("no room"), "could not be read (MemoryError: no room)"),
    ],
)
def test_anything_a_library_raises_while_reading_ends_the_article_failed_with_a_reason(
    sent, monkeypatch, raised, reason
):
    article = _submit("report.pdf", _pdf(text=REPORT))

    def explode(**kwargs):
        raise raised

    monkeypatch.setattr("sources.services.extract_document", explode)
    assert article_parse(article_id=article.id)
    article.refresh_from_db()
    assert article.status == "failed" and reason in article.error


def test_a_stored_file_that_went_missing_ends_failed_with_a_reason(sent):
    article = _submit("report.pdf", _pdf(text=REPORT))
    article.original_file.storage.delete(article.original_file.name)
    article_parse(article_id=article.id)
    article.refresh_from_db()
    assert article.status == "failed" and "missing from storage" in article.error


def test_looking_up_a_file_reads_its_metadata_only(client, user_factory, monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("the web request read the whole file")

    monkeypatch.setattr("sources.extraction._from_pdf", never)
    monkeypatch.setattr("sources.extraction.html_to_document", never)
    client.force_login(user_factory("ana", "analyst"))
    pdf = client.post(
        "/upload/inspect/", {"file": SimpleUploadedFile("r.pdf", _pdf(pages=201, title="Kaya"), "application/pdf")}
    )
    assert pdf.status_code == 200 and pdf.json()["title"] == "Kaya"
    page = f"<html><head><title>Attack near Kaya</title></head><body><p>{REPORT}</p></body></html>".encode()
    html = client.post("/upload/inspect/", {"file": SimpleUploadedFile("r.html", page, "text/html")})
    assert html.status_code == 200 and html.json()["title"] == "Attack near Kaya"
