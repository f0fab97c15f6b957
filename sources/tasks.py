"""Celery tasks: they take ids, claim their row, and retry when the database hiccups."""

import logging

from celery import shared_task
from django.db import InterfaceError, OperationalError

from sources.models import Article
from sources.services import article_mark_failed, article_parse

logger = logging.getLogger(__name__)

TRANSIENT_ERRORS = (OperationalError, InterfaceError)


@shared_task(bind=True, max_retries=5, acks_late=True)
def parse_article_task(self, article_id: int) -> None:
    try:
        article_parse(article_id=article_id)
    except TRANSIENT_ERRORS as exc:
        if self.request.retries >= self.max_retries:
            article_mark_failed(article_id=article_id, error=f"The database was unavailable while parsing: {exc}")
            return
        logger.warning("Parsing article %s hit a transient database error; retrying: %s", article_id, exc)
        _release(article_id)
        raise self.retry(exc=exc, countdown=2 ** self.request.retries) from exc


def _release(article_id: int) -> None:
    """Hand the article back to the queue so the retry can claim it again."""
    try:
        Article.objects.filter(id=article_id, status=Article.Status.PARSING).update(status=Article.Status.QUEUED)
    except TRANSIENT_ERRORS:
        pass  # still down: the stale-claim rule frees the row after the task time limit
