"""Celery tasks: they take ids, claim their row, and retry when the database hiccups.

The task wiring, and the one module of sources that imports events: the parse task runs
``events.ingestion.article_parse`` (parsing an article writes events). The task stays here, under its name
``sources.tasks.parse_article_task``, because the uploads and the sweep in ``sources.services`` must enqueue
it (sources cannot import an events module), and because that name is what messages already in the broker,
the fault tests and operators' scripts use. tests/conflict_tracker/test_layering.py names this exception.
"""

import contextlib
import logging

from celery import shared_task
from django.conf import settings
from django.db import InterfaceError, OperationalError

from events.ingestion import article_parse
from sources.services import article_mark_failed, article_release, articles_sweep

logger = logging.getLogger(__name__)

TRANSIENT_ERRORS = (OperationalError, InterfaceError)


# Retries are read from settings at each run, not fixed when the module is imported (PARSE_MAX_RETRIES).
@shared_task(bind=True, acks_late=True)
def parse_article_task(self, article_id: int) -> None:
    """Parse the article, and up to PARSE_BATCH_SIZE - 1 more of those queued behind it (events.ingestion)."""
    task_id = self.request.id or ""
    # Run in-process (no broker) there is no queue to drain, and a request must not parse other articles.
    size = 1 if self.request.is_eager else settings.PARSE_BATCH_SIZE
    try:
        article_parse(article_id=article_id, task_id=task_id, retrying=self.request.retries > 0, batch_size=size)
    except TRANSIENT_ERRORS as exc:
        retries = self.request.retries
        _release(article_id, task_id)
        if retries >= settings.PARSE_MAX_RETRIES:
            _give_up(article_id, exc)
            return
        logger.warning("Parsing article %s hit a transient database error; retrying: %s", article_id, exc)
        raise self.retry(exc=exc, countdown=_backoff(retries), max_retries=settings.PARSE_MAX_RETRIES) from exc


def _backoff(retries: int) -> int:
    """Seconds before the next try: PARSE_RETRY_BACKOFF_SECONDS, doubled at each retry."""
    return settings.PARSE_RETRY_BACKOFF_SECONDS * 2**retries


@shared_task
def sweep_stranded_articles() -> dict[str, int]:
    """Run by Celery beat every SWEEP_INTERVAL_SECONDS: every article reaches parsed or failed by itself."""
    found = articles_sweep()
    if found["stranded"] or found["freed"]:
        logger.info("Sweep: %(freed)s stale claims freed, %(stranded)s stranded articles, %(sent)s sent", found)
    return found


def _release(article_id: int, task_id: str) -> None:
    """Hand the article and its batch-mates back to the queue, so the retry can claim them again (a batch-mate whose
    own message already found it taken is taken by the next batch, or sent again by the sweep)."""
    with contextlib.suppress(*TRANSIENT_ERRORS):  # still down: the sweep frees the rows after the task time limit
        article_release(article_id=article_id, task_id=task_id)


def _give_up(article_id: int, exc: Exception) -> None:
    """Retries exhausted: failed with a reason, or (the database still down) left for the sweep."""
    try:
        article_mark_failed(article_id=article_id, error=f"The database was unavailable while parsing: {exc}")
    except TRANSIENT_ERRORS:
        logger.error("Article %s could not be marked failed (database down); the sweep will send it again", article_id)
