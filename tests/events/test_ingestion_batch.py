"""A parse task takes the articles queued behind its own as one batch: parsed first, written in one transaction
(again one savepoint per article when a write fails), so one bad article never fails its batch-mates (issue 15)."""

import datetime

import pytest
from django.db import IntegrityError, OperationalError, connection
from django.utils import timezone

from events.ingestion import articles_parse_batch
from events.models import Event
from sources.models import Article
from sources.services import article_claim_for_parsing, article_submit_text, articles_claim_waiting, articles_sweep
from sources.tasks import parse_article_task

pytestmark = pytest.mark.django_db
TOWNS = ["Gao", "Kidal", "Mopti", "Tabankort", "Menaka", "Segou", "Timbuktu", "Sikasso"]


def _report(n: int) -> str:
    town = TOWNS[n % len(TOWNS)]
    return f"Jihadists killed {n + 2} soldiers in the village of {town}, Mali, on Tuesday, the army said."


@pytest.fixture
def sent(monkeypatch):
    """The article ids handed to the broker (none is parsed by it)."""
    ids = []
    monkeypatch.setattr("sources.services.enqueue_parse", lambda article_id: ids.append(article_id) or True)
    return ids


def _queued(count: int, start: int = 0) -> list[Article]:
    return [article_submit_text(text=_report(n), uploaded_by=None).article for n in range(start, start + count)]


def _statuses(articles: list[Article]) -> list[str]:
    found = dict(Article.objects.filter(id__in=[a.id for a in articles]).values_list("id", "status"))
    return [found[article.id] for article in articles]


def _write_fails_for(monkeypatch, article_id: int, error: Exception) -> None:
    """The database refuses the write of one article's result (after part of it was written)."""
    from events import ingestion

    replace = ingestion.article_events_replace

    def failing(*, article, result, **options):
        events = replace(article=article, result=result, **options)
        if article.id == article_id:
            raise error
        return events

    monkeypatch.setattr(ingestion, "article_events_replace", failing)


@pytest.mark.django_db(transaction=True)
def test_a_batch_parses_every_article_queued_behind_its_own_in_one_transaction(sent, monkeypatch):
    articles = _queued(5)
    commits = []
    commit = connection.commit
    monkeypatch.setattr(connection, "commit", lambda: commits.append(1) or commit())

    taken = articles_parse_batch(first_article_id=articles[2].id, task_id="delivery-1", size=20)

    assert taken[0] == articles[2].id and sorted(taken) == sorted(a.id for a in articles)
    assert _statuses(articles) == ["parsed"] * 5
    assert all(Event.objects.filter(reports__article=article).exists() for article in articles)
    # One commit claims the batch-mates, one writes every result: not one per article.
    assert len(commits) == 2
    assert set(Article.objects.values_list("parsing_task_id", flat=True)) == {"delivery-1"}


def test_a_batch_that_writes_cleanly_takes_no_savepoint_per_article(sent):
    from django.test.utils import CaptureQueriesContext

    def savepoints_for(count: int, start: int) -> int:
        articles = _queued(count, start=start)
        with CaptureQueriesContext(connection) as queries:
            articles_parse_batch(first_article_id=articles[0].id, task_id=f"delivery-{start}", size=20)
        assert _statuses(articles) == ["parsed"] * count
        return sum(query["sql"].startswith("SAVEPOINT") for query in queries.captured_queries)

    articles_parse_batch(first_article_id=_queued(1, start=100)[0].id, task_id="warm-up", size=20)
    assert savepoints_for(2, start=0) == savepoints_for(6, start=10)


def test_a_batch_writes_its_reports_claims_and_articles_in_one_statement_each_however_many_articles(sent):
    from django.test.utils import CaptureQueriesContext

    def writes_for(count: int, start: int) -> dict[str, int]:
        articles = _queued(count, start=start)
        with CaptureQueriesContext(connection) as queries:
            articles_parse_batch(first_article_id=articles[0].id, task_id=f"delivery-{start}", size=20)
        assert _statuses(articles) == ["parsed"] * count
        statements = [query["sql"] for query in queries.captured_queries]
        return {
            "reports": sum(sql.startswith('INSERT INTO "events_eventreport"') for sql in statements),
            "claims": sum(sql.startswith('INSERT INTO "events_claim"') for sql in statements),
            "articles": sum(sql.startswith('UPDATE "sources_article"') and '"spans" =' in sql for sql in statements),
        }

    articles_parse_batch(first_article_id=_queued(1, start=100)[0].id, task_id="warm-up", size=20)
    assert writes_for(2, start=0) == writes_for(6, start=10) == {"reports": 1, "claims": 1, "articles": 1}
    assert Event.objects.filter(reports__article__in=Article.objects.all()).count() >= 6


def test_a_batch_takes_at_most_its_size_the_oldest_first(sent):
    articles = _queued(6)
    old = timezone.now() - datetime.timedelta(minutes=5)
    Article.objects.filter(id=articles[5].id).update(queued_at=old)  # requeued long ago: waited longest

    taken = articles_parse_batch(first_article_id=articles[3].id, task_id="delivery-1", size=3)

    assert taken[0] == articles[3].id and sorted(taken[1:]) == [articles[0].id, articles[5].id]
    assert _statuses(articles) == ["parsed", "queued", "queued", "parsed", "queued", "parsed"]


@pytest.mark.parametrize(
    "error", [IntegrityError("duplicate key value violates unique constraint"), KeyError("event_index")]
)
def test_an_article_whose_write_raises_fails_alone_and_its_batch_mates_commit(sent, monkeypatch, error):
    articles = _queued(4)
    _write_fails_for(monkeypatch, articles[1].id, error)

    articles_parse_batch(first_article_id=articles[0].id, task_id="delivery-1", size=20)

    assert _statuses(articles) == ["parsed", "failed", "parsed", "parsed"]
    refused = Article.objects.get(id=articles[1].id)
    assert type(error).__name__ in refused.error and refused.parsed_at is None
    # Its savepoint rolled back what it had written; its batch-mates' events are there.
    assert not Event.objects.filter(reports__article=refused).exists()
    assert all(Event.objects.filter(reports__article=a).exists() for a in articles if a.id != refused.id)


def test_a_batch_mate_whose_write_hits_a_transient_error_is_queued_and_sent_again_on_its_own(
    sent, monkeypatch, django_capture_on_commit_callbacks
):
    articles = _queued(3)
    _write_fails_for(monkeypatch, articles[2].id, OperationalError("canceling statement due to statement timeout"))
    sent.clear()

    with django_capture_on_commit_callbacks(execute=True):
        articles_parse_batch(first_article_id=articles[0].id, task_id="delivery-1", size=20)

    assert _statuses(articles) == ["parsed", "parsed", "queued"]
    assert sent == [articles[2].id]
    assert not Event.objects.filter(reports__article=articles[2]).exists()


def test_a_transient_error_in_the_tasks_own_write_is_raised_for_its_retry_after_the_batch_mates_commit(
    sent, monkeypatch
):
    articles = _queued(3)
    _write_fails_for(monkeypatch, articles[0].id, OperationalError("could not serialize access"))

    with pytest.raises(OperationalError):
        articles_parse_batch(first_article_id=articles[0].id, task_id="delivery-1", size=20)

    assert _statuses(articles) == ["parsing", "parsed", "parsed"]  # the task hands its own back and retries it


def test_a_parser_exception_fails_only_its_article(sent, monkeypatch):
    from events import ingestion

    articles = _queued(3)
    parse = ingestion.parse_article

    def explode_on_kidal(text, **kwargs):
        if "Kidal" in text:
            raise RuntimeError("unexpected token")
        return parse(text, **kwargs)

    monkeypatch.setattr(ingestion, "parse_article", explode_on_kidal)
    articles_parse_batch(first_article_id=articles[0].id, task_id="delivery-1", size=20)

    assert _statuses(articles) == ["parsed", "failed", "parsed"]
    assert "unexpected token" in Article.objects.get(id=articles[1].id).error


def test_the_batch_mates_own_messages_find_them_taken_or_parsed_and_do_nothing(sent):
    articles = _queued(3)
    own = article_claim_for_parsing(article_id=articles[0].id, task_id="delivery-1")
    mates = articles_claim_waiting(task_id="delivery-1", besides=own.id, limit=19)
    assert sorted(m.id for m in mates) == [articles[1].id, articles[2].id]
    # While the batch holds them, their own messages are refused.
    assert articles_parse_batch(first_article_id=articles[1].id, task_id="delivery-2", size=20) == []
    Article.objects.filter(id__in=[a.id for a in articles]).update(status=Article.Status.QUEUED, parsing_task_id="")

    articles_parse_batch(first_article_id=articles[0].id, task_id="delivery-1", size=20)
    parsed = dict(Article.objects.values_list("id", "parsed_at"))
    events = Event.objects.count()
    for mate in articles[1:]:
        parse_article_task.apply(args=[mate.id], task_id=f"delivery-of-{mate.id}")

    assert _statuses(articles) == ["parsed"] * 3
    assert dict(Article.objects.values_list("id", "parsed_at")) == parsed and Event.objects.count() == events


def _run_task(article_id: int, *, task_id: str) -> None:
    """The task as a worker runs it (not in-process: an eager task never batches)."""
    parse_article_task.push_request(id=task_id, retries=0, is_eager=False)
    try:
        parse_article_task.run(article_id)
    finally:
        parse_article_task.pop_request()


def test_the_task_batches_up_to_parse_batch_size_and_a_size_of_one_parses_its_article_alone(sent, settings):
    articles = _queued(5)
    settings.PARSE_BATCH_SIZE = 1
    _run_task(articles[0].id, task_id="delivery-1")
    assert _statuses(articles) == ["parsed", "queued", "queued", "queued", "queued"]

    settings.PARSE_BATCH_SIZE = 3
    _run_task(articles[1].id, task_id="delivery-2")
    assert _statuses(articles) == ["parsed", "parsed", "parsed", "parsed", "queued"]


def test_a_task_run_in_process_parses_only_its_own_article(sent, settings):
    articles = _queued(3)
    settings.PARSE_BATCH_SIZE = 20
    parse_article_task.apply(args=[articles[0].id], task_id="eager-1")
    assert _statuses(articles) == ["parsed", "queued", "queued"]


def test_articles_cut_off_before_or_with_a_file_to_read_are_not_taken_as_batch_mates(sent):
    articles = _queued(3)
    Article.objects.filter(id=articles[1].id).update(parsing_interruptions=1)
    Article.objects.filter(id=articles[2].id).update(text="", content_hash=None, original_file="originals/a.pdf")
    assert articles_parse_batch(first_article_id=articles[0].id, task_id="delivery-1", size=20) == [articles[0].id]
    assert _statuses(articles) == ["parsed", "queued", "queued"]


def test_a_retry_after_a_database_error_takes_back_uncounted_the_batch_mates_it_could_not_hand_back(sent):
    articles = _queued(3)
    own = article_claim_for_parsing(article_id=articles[0].id, task_id="delivery-1")
    articles_claim_waiting(task_id="delivery-1", besides=own.id, limit=19)
    # The database went down: nothing could be handed back; the task retries under the same id.

    taken = articles_parse_batch(first_article_id=articles[0].id, task_id="delivery-1", retrying=True, size=20)

    assert sorted(taken) == sorted(a.id for a in articles)
    assert _statuses(articles) == ["parsed"] * 3
    assert set(Article.objects.values_list("parsing_interruptions", flat=True)) == {0}


def _cut_off_all(settings) -> datetime.datetime:
    """The worker holding the claims died: they outlived the task's hard time limit."""
    long_ago = timezone.now() - datetime.timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT + 5)
    Article.objects.filter(status=Article.Status.PARSING).update(parsing_started_at=long_ago)
    return timezone.now()


def test_the_sweep_frees_and_sends_again_every_article_of_a_batch_whose_worker_died(sent, settings):
    articles = _queued(4)
    own = article_claim_for_parsing(article_id=articles[0].id, task_id="delivery-1")
    articles_claim_waiting(task_id="delivery-1", besides=own.id, limit=19)
    now = _cut_off_all(settings)
    sent.clear()

    assert articles_sweep(now=now)["freed"] == 4
    assert _statuses(articles) == ["queued"] * 4
    assert set(Article.objects.values_list("parsing_interruptions", flat=True)) == {1}
    later = now + datetime.timedelta(seconds=settings.SWEEP_QUEUED_AFTER_SECONDS + 1)
    assert articles_sweep(now=later)["sent"] == 4 and sorted(sent) == sorted(a.id for a in articles)
    # Cut off once, each is parsed alone from now on: none is taken into another batch.
    assert articles_parse_batch(first_article_id=articles[1].id, task_id="delivery-2", size=20) == [articles[1].id]


def test_a_redelivered_batch_parses_its_own_article_alone_and_sends_its_batch_mates_on_their_own(
    sent, django_capture_on_commit_callbacks
):
    articles = _queued(3)
    own = article_claim_for_parsing(article_id=articles[0].id, task_id="delivery-1")
    articles_claim_waiting(task_id="delivery-1", besides=own.id, limit=19)
    sent.clear()
    # Its worker was killed mid-batch: Redis hands the same message (same task id) to another worker.

    with django_capture_on_commit_callbacks(execute=True):
        taken = articles_parse_batch(first_article_id=articles[0].id, task_id="delivery-1", size=20)

    assert taken == [articles[0].id]

    assert _statuses(articles) == ["parsed", "queued", "queued"]
    assert sorted(sent) == [articles[1].id, articles[2].id]
    counted = dict(Article.objects.values_list("id", "parsing_interruptions"))
    assert [counted[a.id] for a in articles] == [1, 1, 1]
