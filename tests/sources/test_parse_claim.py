"""The parse claim takes the article and loads it in one statement (issue 15: fewer statements per article)."""

import datetime

import pytest

from sources.models import Article
from sources.services import article_claim_for_parsing, article_submit_text

pytestmark = pytest.mark.django_db
REPORT = "Gunmen attacked a village near Kaya on Sunday, killing at least 12 people, a local official said."


@pytest.fixture
def article(monkeypatch) -> Article:
    monkeypatch.setattr("sources.services.enqueue_parse", lambda article_id: True)
    published = datetime.date(2024, 3, 10)
    return article_submit_text(text=REPORT, uploaded_by=None, title="Kaya", published_at=published).article


def test_claiming_an_article_takes_and_loads_it_in_one_statement(article, django_assert_num_queries):
    with django_assert_num_queries(1):
        claimed = article_claim_for_parsing(article_id=article.id, task_id="delivery-1")
        # Everything the parse reads is loaded: reading these runs no query.
        assert (claimed.id, claimed.text, claimed.title, str(claimed.published_at)) == (
            article.id,
            REPORT,
            "Kaya",
            "2024-03-10",
        )
        assert (claimed.language, claimed.language_source, claimed.awaits_reading) == ("", "", False)
    assert (claimed.status, claimed.parsing_task_id, claimed.parsing_interruptions) == ("parsing", "delivery-1", 0)
    assert claimed.parsing_started_at is not None and claimed.uploaded_at == article.uploaded_at


def test_claiming_an_article_another_delivery_holds_or_that_is_done_loads_nothing(article):
    assert article_claim_for_parsing(article_id=article.id, task_id="delivery-1") is not None
    assert article_claim_for_parsing(article_id=article.id, task_id="delivery-2") is None
    Article.objects.filter(id=article.id).update(status=Article.Status.PARSED)
    assert article_claim_for_parsing(article_id=article.id, task_id="delivery-1") is None
    assert article_claim_for_parsing(article_id=article.id + 1000) is None


def test_a_redelivery_retaking_its_claim_loads_the_counted_cut_off(article):
    article_claim_for_parsing(article_id=article.id, task_id="delivery-1")
    assert article_claim_for_parsing(article_id=article.id, task_id="delivery-1").parsing_interruptions == 1
    retried = article_claim_for_parsing(article_id=article.id, task_id="delivery-1", retrying=True)
    assert retried.parsing_interruptions == 1
