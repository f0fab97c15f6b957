"""Nothing lost, nothing stuck: claims by delivery, the sweep, a broker that is down, a cache that is down."""

import datetime

import pytest
from django.db import OperationalError
from django.utils import timezone
from kombu.exceptions import OperationalError as BrokerError

from sources.models import Article
from sources.services import article_claim_for_parsing, article_submit_text, articles_sweep
from sources.tasks import _give_up

pytestmark = pytest.mark.django_db
REPORT = "Gunmen attacked a village near Kaya on Sunday, killing at least 12 people, a local official said."


@pytest.fixture
def sent(monkeypatch):
    """The article ids handed to the broker."""
    ids = []
    monkeypatch.setattr("sources.services.enqueue_parse", lambda article_id: ids.append(article_id) or True)
    return ids


def test_a_redelivered_message_takes_its_own_claim_back_and_no_other_delivery_does(sent):
    article = article_submit_text(text=REPORT, uploaded_by=None).article
    assert article_claim_for_parsing(article_id=article.id, task_id="delivery-1")
    # The worker was SIGKILLed mid-parse: Redis hands the same message (same task id) to another worker.
    assert article_claim_for_parsing(article_id=article.id, task_id="delivery-1")
    assert not article_claim_for_parsing(article_id=article.id, task_id="delivery-2")
    assert not article_claim_for_parsing(article_id=article.id)


def test_the_sweep_sends_articles_whose_message_was_lost_and_frees_claims_of_dead_workers(sent, settings):
    now = timezone.now()
    lost = article_submit_text(text=REPORT, uploaded_by=None).article
    fresh = article_submit_text(text=REPORT + " Another.", uploaded_by=None).article
    dead = article_submit_text(text=REPORT + " A third.", uploaded_by=None).article
    Article.objects.filter(id=lost.id).update(
        queued_at=now - datetime.timedelta(seconds=settings.SWEEP_QUEUED_AFTER_SECONDS + 5)
    )
    held_since = now - datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 5)
    Article.objects.filter(id=dead.id).update(
        status=Article.Status.PARSING, parsing_started_at=held_since, parsing_task_id="gone"
    )
    sent.clear()
    # The freed claim is queued again now, so it is sent by the next sweep, not this one.
    assert articles_sweep(now=now) == {"freed": 1, "stranded": 1, "sent": 1}
    assert sent == [lost.id]
    assert Article.objects.get(id=dead.id).status == Article.Status.QUEUED
    assert (
        articles_sweep(now=now + datetime.timedelta(seconds=settings.SWEEP_QUEUED_AFTER_SECONDS + 1))["stranded"] == 3
    )
    assert fresh.id in sent


def test_an_upload_while_the_broker_is_down_is_kept_queued_and_sent_by_the_sweep(
    monkeypatch, client, user_factory, django_capture_on_commit_callbacks
):
    from rest_framework.authtoken.models import Token

    def broker_down(*args, **kwargs):
        raise BrokerError("Error 111 connecting to 127.0.0.1:6399. Connection refused.")

    monkeypatch.setattr("sources.tasks.parse_article_task.delay", broker_down)
    analyst = user_factory("ana", "analyst")
    token = Token.objects.create(user=analyst)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/api/v1/articles/",
            {"text": REPORT},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Token {token.key}",
        )
    assert response.status_code == 201, response.content
    article = Article.objects.get()
    assert article.status == Article.Status.QUEUED
    sent = []
    monkeypatch.setattr("sources.services.enqueue_parse", lambda article_id: sent.append(article_id) or True)
    Article.objects.filter(id=article.id).update(queued_at=timezone.now() - datetime.timedelta(minutes=5))  # stranded
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(
            "/api/v1/articles/",
            {"text": REPORT},
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Token {token.key}",
        )
    assert again.status_code in (200, 201) and sent == [article.id]  # uploading a stranded article sends it again


def test_a_database_still_down_after_the_last_retry_leaves_the_article_for_the_sweep(monkeypatch, sent):
    article = article_submit_text(text=REPORT, uploaded_by=None).article

    def down(**kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr("sources.tasks.article_mark_failed", down)
    _give_up(article.id, OperationalError("terminating connection"))  # logs, never raises
    assert Article.objects.get(id=article.id).status == Article.Status.QUEUED


def test_the_api_answers_when_the_cache_behind_its_throttles_is_down(client, user_factory, settings):
    from rest_framework.authtoken.models import Token

    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
    token = Token.objects.create(user=user_factory("ana", "analyst"))
    assert client.get("/api/v1/events/", HTTP_AUTHORIZATION=f"Token {token.key}").status_code == 200
    assert client.get("/api/v1/events/").status_code in (200, 401, 403)


def test_the_health_check_reports_a_broker_that_is_down_without_failing(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:1/0"
    response = client.get("/healthz/")
    assert response.status_code == 200 and response.json() == {"status": "ok", "broker": "down"}


def _cut_off(article: Article, settings) -> None:
    """The worker holding the claim died: its claim outlived the task's hard time limit."""
    long_ago = timezone.now() - datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 5)
    Article.objects.filter(id=article.id).update(parsing_started_at=long_ago)


def test_an_article_whose_parse_is_cut_off_again_and_again_ends_failed_instead_of_being_sent_for_ever(sent, settings):
    settings.PARSE_MAX_INTERRUPTIONS = 3
    article = article_submit_text(text=REPORT, uploaded_by=None).article
    for attempt in range(3):
        assert article_claim_for_parsing(article_id=article.id, task_id=f"delivery-{attempt}")
        _cut_off(article, settings)
        articles_sweep()
    article.refresh_from_db()
    assert article.status == "failed" and "cut off 3 times" in article.error


def test_a_message_redelivered_again_and_again_stops_taking_its_claim_back_and_the_sweep_fails_it(sent, settings):
    settings.PARSE_MAX_INTERRUPTIONS = 3
    article = article_submit_text(text=REPORT, uploaded_by=None).article
    taken = [bool(article_claim_for_parsing(article_id=article.id, task_id="delivery-1")) for _ in range(4)]
    assert taken == [True, True, True, False]
    _cut_off(article, settings)
    articles_sweep()
    article.refresh_from_db()
    assert article.status == "failed" and "cut off 3 times" in article.error


def test_parsing_again_on_request_starts_the_count_of_cut_offs_afresh(sent, settings):
    from sources.services import article_requeue

    article = article_submit_text(text=REPORT, uploaded_by=None).article
    Article.objects.filter(id=article.id).update(
        status="failed", parsing_interruptions=settings.PARSE_MAX_INTERRUPTIONS
    )
    article_requeue(article=article)
    article.refresh_from_db()
    assert article.status == "queued" and article.parsing_interruptions == 0


def test_a_retry_after_a_database_outage_takes_its_own_claim_back_without_counting_a_cut_off(sent, settings):
    settings.PARSE_MAX_INTERRUPTIONS = 2
    article = article_submit_text(text=REPORT, uploaded_by=None).article
    assert article_claim_for_parsing(article_id=article.id, task_id="delivery-1")
    # The database went down: the task could not hand the row back, and retries under the same task id.
    for _ in range(3):
        assert article_claim_for_parsing(article_id=article.id, task_id="delivery-1", retrying=True)
    article.refresh_from_db()
    assert article.status == "parsing" and article.parsing_interruptions == 0
