"""The article's language on its page, a reviewer's correction there, and the articles in languages the parser
cannot read yet on the article list and the dashboard."""

import datetime

import pytest
from django.utils import timezone

from events.models import EventReport
from sources.models import Article
from sources.parsing.lang import SUPPORTED_LANGUAGES
from tests.web.conftest import make_article

pytestmark = pytest.mark.django_db
ENGLISH = (
    "Rebels attacked a Malian army post near Tessalit in northern Mali on Friday, killing five soldiers, the army "
    "said in a statement."
)
UNSUPPORTED = next(code for code in ("es", "pt", "sw") if code not in SUPPORTED_LANGUAGES)


@pytest.fixture
def misread(db):
    """An English report the parser took for a language it cannot read."""
    from sources.languages import unsupported_reason
    from tests.api.helpers import make_actor, make_place

    make_place("Tessalit", "ML", 20.2, 1.01, admin1="Kidal")
    make_actor("Military Forces of Mali", "state_forces", "Malian army", "Malian soldiers", country="ML")
    return make_article(
        ENGLISH,
        status="unsupported",
        language=UNSUPPORTED,
        language_source="detected",
        error=unsupported_reason(UNSUPPORTED),
        parsed_at=timezone.now(),
        parser_version="1.0.0",
    )


def test_the_article_page_says_which_language_it_is_in_and_why_it_was_not_read(client, analyst, misread):
    from sources.languages import language_name

    name = language_name(UNSUPPORTED)
    response = client.get(f"/articles/{misread.id}/")
    page = response.content.decode()
    assert f"Not parsed: No parser for {name} yet." in page and "status--unsupported" in page
    assert f"{name} ({UNSUPPORTED}) · detected" in page
    assert f"None: the parser cannot read {name} yet." in page
    assert response.context["language_form"] is None and f'action="/articles/{misread.id}/language/"' not in page
    assert "Parse again" in page


def test_a_reviewer_corrects_the_language_and_the_article_is_parsed_again_in_it(
    client, reviewer, misread, django_capture_on_commit_callbacks
):
    page = client.get(f"/articles/{misread.id}/").content.decode()
    assert f'<option value="{UNSUPPORTED}" selected>' in page and "Set language and parse again" in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/articles/{misread.id}/language/", {"language": "en"}, follow=True)
    assert response.redirect_chain == [(f"/articles/{misread.id}/", 302)]
    page = response.content.decode()
    assert "Language set to English; the article is queued to be parsed again in it." in page
    assert "English (en) · set by rev on" in page
    misread.refresh_from_db()
    assert (misread.status, misread.language, misread.language_source, misread.language_set_by) == (
        "parsed",
        "en",
        "reviewer",
        reviewer,
    )
    assert EventReport.objects.filter(article=misread).count() == 1


def test_a_code_that_is_no_language_is_a_form_error_and_changes_nothing(client, reviewer, misread):
    response = client.post(f"/articles/{misread.id}/language/", {"language": "xx"})
    assert response.status_code == 400
    assert "“xx” is not a language code: choose a language from the list." in response.content.decode()
    misread.refresh_from_db()
    assert (misread.language, misread.language_source, misread.status) == (UNSUPPORTED, "detected", "unsupported")


def test_an_article_not_yet_read_offers_no_language_as_if_it_were_its_own(client, reviewer):
    import re

    article = make_article("A report still waiting for a worker.", status="queued")
    page = client.get(f"/articles/{article.id}/").content.decode()
    select = re.search(r'<select name="language"[^>]*>(.*?)</select>', page, re.S).group(1)
    first = re.search(r"<option([^>]*)>([^<]*)</option>", select)
    assert first.group(2) == "Choose a language…" and 'value=""' in first.group(1)
    assert "selected" not in select.replace(first.group(0), "")
    response = client.post(f"/articles/{article.id}/language/", {"language": ""})
    assert response.status_code == 400 and "Choose the language the article is in." in response.content.decode()


def test_an_analyst_cannot_correct_the_language(client, analyst, misread):
    assert client.post(f"/articles/{misread.id}/language/", {"language": "en"}).status_code == 403
    misread.refresh_from_db()
    assert (misread.language, misread.language_source) == (UNSUPPORTED, "detected")


def test_a_correction_while_a_worker_parses_the_article_is_refused(client, reviewer, misread):
    Article.objects.filter(id=misread.id).update(status="parsing", parsing_started_at=timezone.now())
    response = client.post(f"/articles/{misread.id}/language/", {"language": "en"})
    assert response.status_code == 409 and "being parsed right now" in response.content.decode()


def test_the_dashboard_counts_articles_in_languages_we_cannot_parse_yet_and_links_to_them(client, analyst):
    for code, name, n in [("es", "Spanish", 2), ("pt", "Portuguese", 1)]:
        for index in range(n):
            make_article(
                f"{name} report {index}.",
                status="unsupported",
                language=code,
                language_source="detected",
                error=f"No parser for {name} yet.",
            )
    make_article("A report in English.", status="parsed", language="en", language_source="detected")
    page = client.get("/").content.decode()
    assert "Languages we cannot parse yet" in page
    assert "articles</a> in languages we cannot parse yet:" in page and '?status=unsupported">3 articles</a>' in page
    assert (
        '<a href="/articles/?status=unsupported&amp;language=es">Spanish (2)</a>, <a '
        'href="/articles/?status=unsupported&amp;language=pt">Portuguese (1)</a>.' in page
    )
    assert page.count("No parser for Spanish yet.") == 2


def test_the_dashboard_says_nothing_of_unsupported_languages_when_there_are_none(client, analyst):
    make_article("A report in English.", status="parsed", language="en", language_source="detected")
    assert "Languages we cannot parse yet" not in client.get("/").content.decode()


def test_the_article_list_filters_by_the_unsupported_status_and_by_language(client, analyst):
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
    make_article(
        "Report one.",
        status="parsed",
        language="en",
        language_source="detected",
        published_at=datetime.date(2024, 7, 1),
    )
    response = client.get("/articles/?status=unsupported")
    assert response.context["articles"].paginator.count == 2
    assert (
        "No parser for Spanish yet." in response.content.decode() and "status--unsupported" in response.content.decode()
    )
    response = client.get("/articles/?status=unsupported&language=es")
    assert [article.id for article in response.context["articles"]] == [spanish.id]
