"""Odd input gets a clear 4xx or is made harmless; nothing half-written."""

import codecs
import ipaddress

import pytest
from rest_framework.authtoken.models import Token

from sources.extraction import extract_document
from sources.fetch import _is_public
from sources.models import Article

pytestmark = pytest.mark.django_db
REPORT = "Gunmen attacked a village near Kaya on Sunday, killing at least 12 people, a local official said."


@pytest.fixture
def api(client, user_factory, monkeypatch):
    monkeypatch.setattr("sources.services.enqueue_parse", lambda article_id: True)
    token = Token.objects.create(user=user_factory("ana", "analyst"))

    def post(body):
        return client.post(
            "/api/v1/articles/", body, content_type="application/json", HTTP_AUTHORIZATION=f"Token {token.key}"
        )

    return post


@pytest.mark.parametrize(
    "body", [{"text": 12}, {"text": REPORT, "title": ["a"]}, {"text": REPORT, "publisher": {"x": 1}}]
)
def test_a_field_that_is_not_a_string_is_refused(api, body):
    response = api(body)
    assert response.status_code == 400 and "string" in response.content.decode()
    assert not Article.objects.exists()


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1899-12-31"])
def test_a_publication_date_outside_1900_to_tomorrow_is_refused(api, day):
    response = api({"text": REPORT, "published_at": day})
    assert response.status_code == 400 and "outside 1900-01-01" in response.content.decode()
    assert not Article.objects.exists()


def test_invisible_and_reordering_characters_are_removed_from_titles_and_publishers(api):
    response = api({"text": REPORT, "title": "Attack\u202e near\u200b Kaya", "publisher": "\u2066Wire\u2069"})
    assert response.status_code == 201
    article = Article.objects.get()
    assert article.title == "Attack near Kaya" and article.publisher.name == "Wire"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_text_with_a_bom_is_decoded(encoding):
    bom = {"utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    document = extract_document(filename="report.txt", content=bom + REPORT.encode(encoding))
    assert document.text == REPORT


@pytest.mark.parametrize(
    "address",
    ["::127.0.0.1", "::ffff:127.0.0.1", "64:ff9b::7f00:1", "2002:7f00:1::", "2002:c0a8:101::", "::ffff:10.0.0.1"],
)
def test_ipv6_forms_embedding_a_private_or_loopback_ipv4_address_are_not_public(address):
    assert not _is_public(ipaddress.ip_address(address))


def test_a_public_ipv6_address_stays_fetchable():
    assert _is_public(ipaddress.ip_address("2606:4700:4700::1111"))


def test_a_deeply_nested_json_body_is_a_400(client, user_factory):
    token = Token.objects.create(user=user_factory("ana", "analyst"))
    body = '{"text": ' + "[" * 100_000 + "]" * 100_000 + "}"
    response = client.post(
        "/api/v1/articles/", body, content_type="application/json", HTTP_AUTHORIZATION=f"Token {token.key}"
    )
    assert response.status_code == 400 and "nests deeper" in response.content.decode()
    brackets_in_text = client.post(
        "/api/v1/articles/",
        {"text": REPORT + " [" * 50},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Token {token.key}",
    )
    assert brackets_in_text.status_code == 201


def test_an_html_page_whose_canonical_url_is_too_long_is_kept_without_it(api, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    long_url = "https://www.example.org/" + "a" * 3000
    page = (
        f'<html><head><link rel="canonical" href="{long_url}"><title>Attack near '
        f"Kaya</title></head><body><article><p>{REPORT}</p></article></body></html>"
    )
    token = Token.objects.get()
    response = client.post(
        "/api/v1/articles/",
        {"file": SimpleUploadedFile("report.html", page.encode(), "text/html")},
        HTTP_AUTHORIZATION=f"Token {token.key}",
    )
    assert response.status_code == 201, response.content[:300]
    assert Article.objects.get().url == ""
