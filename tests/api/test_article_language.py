"""PATCH /api/v1/articles/{id}/ {"language": …}: reviewers correct an article's language, and it is parsed again
in it; articles in a language the parser cannot read are `unsupported`, with the reason in `error`."""

import datetime

import pytest
from django.utils import timezone

from sources.models import Article
from sources.parsing.lang import SUPPORTED_LANGUAGES
from tests.api import helpers
from tests.api.helpers import make_actor, make_place

pytestmark = pytest.mark.django_db
ENGLISH = (
    "Rebels attacked a Malian army post near Tessalit in northern Mali on Friday, killing five soldiers, the army "
    "said in a statement."
)
UNSUPPORTED = next(code for code in ("es", "pt", "sw") if code not in SUPPORTED_LANGUAGES)


def make_article(text: str, **fields) -> Article:
    """An article as parsing left it (the shared helper makes them "parsed")."""
    article = helpers.make_article(text)
    Article.objects.filter(id=article.id).update(**fields)
    article.refresh_from_db()
    return article


def url(article) -> str:
    return f"/api/v1/articles/{article.id}/"


@pytest.fixture
def english(db):
    """An English report the parser read as another language, which it cannot parse."""
    make_place("Tessalit", "ML", 20.2, 1.01, admin1="Kidal")
    make_actor("Military Forces of Mali", "state_forces", "Malian army", "Malian soldiers", country="ML")
    return make_article(
        ENGLISH,
        status="unsupported",
        language=UNSUPPORTED,
        language_source="detected",
        error="No parser for that yet.",
        published_at=datetime.date(2024, 7, 28),
        parsed_at=timezone.now(),
        parser_version="1.0.0",
    )


def test_it_lets_a_reviewer_correct_the_language_and_parses_the_article_again_in_it(
    reviewer, english, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = reviewer.patch(url(english), {"language": "EN"}, format="json")
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["language"], body["language_source"], body["language_set_by"], body["status"]) == (
        "en",
        "reviewer",
        "reviewer",
        "queued",
    )
    assert body["language_set_at"]

    body = reviewer.get(url(english)).json()  # the parse the commit queued has run (in-process in tests)
    assert (body["status"], body["error"], body["language"], body["language_source"]) == (
        "parsed",
        "",
        "en",
        "reviewer",
    )
    assert len(body["event_ids"]) == 1


def test_it_marks_the_article_unsupported_when_the_reviewer_names_a_language_without_a_parser(
    reviewer, english, django_capture_on_commit_callbacks
):
    from sources.languages import language_name

    with django_capture_on_commit_callbacks(execute=True):
        reviewer.patch(url(english), {"language": "en"}, format="json")
    with django_capture_on_commit_callbacks(execute=True):
        reviewer.patch(url(english), {"language": UNSUPPORTED}, format="json")
    body = reviewer.get(url(english)).json()
    assert (body["status"], body["language"], body["event_ids"]) == ("unsupported", UNSUPPORTED, [])
    assert body["error"] == f"No parser for {language_name(UNSUPPORTED)} yet."


def test_it_keeps_corrections_to_reviewers(analyst, member, anonymous, english):
    response = analyst.patch(url(english), {"language": "en"}, format="json")
    assert (
        response.status_code == 403 and response.json()["detail"] == "Only reviewers may correct an article's language."
    )
    assert member.patch(url(english), {"language": "en"}, format="json").status_code == 403
    assert anonymous.patch(url(english), {"language": "en"}, format="json").status_code == 401
    english.refresh_from_db()
    assert (english.language, english.language_source, english.status) == (UNSUPPORTED, "detected", "unsupported")


@pytest.mark.parametrize(
    "payload", [{"language": "xx"}, {"language": "english"}, {"language": ""}, {"language": 12}, {}]
)
def test_it_refuses_what_is_not_a_language_code_with_a_clear_400(reviewer, english, payload):
    response = reviewer.patch(url(english), payload, format="json")
    assert response.status_code == 400
    body = response.json()
    assert "language" in body["errors"] and body["detail"].startswith("language:")
    english.refresh_from_db()
    assert (english.language, english.language_source, english.status) == (UNSUPPORTED, "detected", "unsupported")


def test_it_names_the_iso_code_expected(reviewer, english):
    body = reviewer.patch(url(english), {"language": "xx"}, format="json").json()
    assert (
        body["detail"]
        == "language: “xx” is not a language code: give an ISO 639-1 code of two letters, such as en, fr or es."
    )


def test_it_answers_404_for_no_such_article_and_409_while_a_worker_parses_it(reviewer, english):
    assert reviewer.patch("/api/v1/articles/999999/", {"language": "en"}, format="json").status_code == 404
    Article.objects.filter(id=english.id).update(status="parsing", parsing_started_at=timezone.now())
    response = reviewer.patch(url(english), {"language": "en"}, format="json")
    assert response.status_code == 409 and "being parsed" in response.json()["detail"]


def test_it_lists_unsupported_articles_with_the_reason_by_status_and_language(analyst):
    spanish = make_article(
        "Informe uno.",
        status="unsupported",
        language="es",
        language_source="detected",
        error="No parser for Spanish yet.",
    )
    make_article(
        "Relatório um.",
        status="unsupported",
        language="pt",
        language_source="detected",
        error="No parser for Portuguese yet.",
    )
    make_article("Report one.", status="parsed", language="en", language_source="detected")
    rows = analyst.get("/api/v1/articles/?status=unsupported").json()["results"]
    assert {(row["language"], row["error"]) for row in rows} == {
        ("es", "No parser for Spanish yet."),
        ("pt", "No parser for Portuguese yet."),
    }
    rows = analyst.get("/api/v1/articles/?status=unsupported&language=es").json()["results"]
    assert [row["id"] for row in rows] == [spanish.id]
    assert analyst.get("/api/v1/articles/?status=unread").status_code == 400


def test_it_documents_the_unsupported_status_and_the_correction(anonymous):
    import yaml

    document = yaml.safe_load(anonymous.get("/api/v1/schema/").content)
    assert "unsupported" in document["components"]["schemas"]["ArticleStatusEnum"]["enum"]
    patch = document["paths"]["/api/v1/articles/{article_id}/"]["patch"]
    assert set(patch["responses"]) >= {"200", "400", "403", "404", "409"}
    assert document["components"]["schemas"]["ArticleLanguageRequest"]["required"] == ["language"]
