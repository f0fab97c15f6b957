"""Parsing an article and attaching its events: the one service the parse task calls.

It lives in events because it writes events (through ``events.services.article_events_replace``) with the
events app's dictionaries (actors, gazetteer); what it does to the article row — claiming it for this task,
reading an uploaded file, marking it failed — is ``sources.services``'s. The apps depend one way: events on
sources (tests/conflict_tracker/test_layering.py).
"""

import copy
import logging

from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError, transaction

from events.candidates import lock_matching, result_countries
from events.deferred_rows import DeferredRows
from events.dictionaries import parser_dictionaries
from events.services import article_events_replace
from sources.models import Article
from sources.parsing import PARSER_VERSION, parse_article
from sources.parsing.results import ParseResult
from sources.services import (
    ArticleDone,
    article_claim_for_parsing,
    article_mark_failed,
    article_read_original,
    article_send_alone,
    articles_claim_waiting,
    articles_free_batch_mates,
)

logger = logging.getLogger(__name__)

TRANSIENT_ERRORS = (OperationalError, InterfaceError)


def article_parse(*, article_id: int, task_id: str = "", retrying: bool = False, batch_size: int = 1) -> bool:
    """Parse one article into draft events and claims (with a ``batch_size`` above 1, up to that many - 1 queued
    behind it too: articles_parse_batch); False when there was nothing to do.

    An article in a language the parser has no lexicon for ends ``unsupported`` with the reason
    ("No parser for Spanish yet."), never "parsed" with no event. Transient database errors
    propagate (the task retries); anything the parser raises marks the article failed with a
    readable reason instead.
    """
    taken = articles_parse_batch(first_article_id=article_id, task_id=task_id, retrying=retrying, size=batch_size)
    return bool(taken)


def articles_parse_batch(*, first_article_id: int, task_id: str, retrying: bool = False, size: int) -> list[int]:
    """Parse the task's own article and, when more are queued, up to ``size`` - 1 more (a batch): the ids of the
    articles this delivery took, its own first; empty when its own was taken by another delivery or done.

    A batch is claimed in two statements, parsed with no lock held, and written in one transaction with each
    article in a savepoint of its own, so what one article does (a parser error, a database error in its write)
    ends that article alone: its batch-mates commit. Transient database errors outside one article's write
    propagate, as for a single article: the task hands back every article this delivery holds and retries.
    """
    own = article_claim_for_parsing(article_id=first_article_id, task_id=task_id, retrying=retrying)
    if own is None:
        return []
    if own.parsing_interruptions and task_id:
        # A delivery cut off before (its worker killed) may have held batch-mates: they are parsed on their own now.
        articles_free_batch_mates(task_id=task_id, besides=own.id, counted=not retrying)
    batch = [own]
    if _may_batch(own, task_id=task_id, size=size):
        batch += articles_claim_waiting(task_id=task_id, besides=own.id, limit=size - 1, retrying=retrying)
    actors, gazetteer = parser_dictionaries()  # checked once for the whole batch
    results = [(article, _parse_one(article, actors, gazetteer)) for article in batch]  # no lock held while parsing
    parsed = [(article, result) for article, result in results if result is not None]
    if len(batch) == 1:
        for article, result in parsed:  # one article: written as it always was, errors propagating
            article_events_replace(article=article, result=result, parser_version=PARSER_VERSION)
    else:
        _write_batch(parsed, own=own)
    return [article.id for article in batch]


def _may_batch(own: Article, *, task_id: str, size: int) -> bool:
    """Batch-mates are held under the delivery's task id, so a delivery without one parses alone; so does an article
    whose parse was cut off before (it may be what kills its worker) or whose file is still to be read (a library
    may take minutes: the time limit is the batch's). With a single allowed cut-off, a batch killed by one article
    would fail all its batch-mates at once."""
    return (
        size > 1
        and bool(task_id)
        and own.parsing_interruptions == 0
        and not own.awaits_reading
        and settings.PARSE_MAX_INTERRUPTIONS > 1
    )


def _parse_one(article: Article, actors, gazetteer) -> ParseResult | None:
    """What the parser found; None when the article ended without a result (its file unreadable or a duplicate,
    or the parser failed on it: marked failed with the reason)."""
    if article.awaits_reading:
        try:
            article_read_original(article)
        except ArticleDone:
            return None
    # A reviewer's language is read as given; otherwise the parser guesses it again (its detector may have improved).
    language = article.language if article.language_source == Article.LanguageSource.REVIEWER else None
    try:
        return parse_article(
            article.text,
            published=article.published_at,
            title=article.title,
            actors=actors,
            gazetteer=gazetteer,
            language=language,
        )
    except TRANSIENT_ERRORS:
        raise
    except Exception as exc:  # a parser bug must not leave the article stuck in "parsing"
        logger.exception("Parsing article %s failed", article.id)
        article_mark_failed(
            article_id=article.id, error=f"The parser could not read this article ({type(exc).__name__}: {exc})."
        )
        return None


def _write_batch(parsed: list[tuple[Article, ParseResult]], *, own: Article) -> None:
    """Every result in one transaction: at once when every write succeeds (the common case), else each article in a
    savepoint of its own (_write_each_alone), which finds the article at fault."""
    if not _write_all_at_once(parsed):
        _write_each_alone(parsed, own=own)


def _write_all_at_once(parsed: list[tuple[Article, ParseResult]]) -> bool:
    """Write the whole batch with no savepoint per article (each costs two statements, SAVEPOINT and RELEASE) and
    the rows no batch-mate reads back held to its end (DeferredRows);
    False when any write raised: the transaction rolled back whole and nothing of the batch is stored. The writes
    work on copies, since a write sets fields of its Article that the rolled-back rows no longer have."""
    try:
        with transaction.atomic():
            lock_matching(set().union(*(result_countries(result) for _, result in parsed)))
            rows = DeferredRows()  # the batch's reports, claims and articles: one statement each, at the end
            for article, result in parsed:
                article_events_replace(
                    article=copy.copy(article),
                    result=result,
                    parser_version=PARSER_VERSION,
                    matching_locked=True,
                    rows=rows,
                )
            rows.flush()
    except SoftTimeLimitExceeded:
        raise  # the batch as a whole ran out of time
    except Exception as exc:
        logger.info("A batch of %s articles is written again one savepoint each: %r", len(parsed), exc)
        return False
    return True


def _write_each_alone(parsed: list[tuple[Article, ParseResult]], *, own: Article) -> None:
    """Every result in one transaction, each article in a savepoint; then each article whose write failed is handed
    back for a retry (a transient database error) or marked failed (any other error, a bug included), and the own
    article's transient error is raised for the task to retry it as it retries a single article."""
    failed: list[tuple[Article, Exception]] = []
    with transaction.atomic():
        # Every country's lock at once, in sorted order (inside): two batching workers cannot deadlock.
        lock_matching(set().union(*(result_countries(result) for _, result in parsed)))
        for article, result in parsed:
            try:
                with transaction.atomic():
                    article_events_replace(
                        article=article, result=result, parser_version=PARSER_VERSION, matching_locked=True
                    )
            except SoftTimeLimitExceeded:
                raise  # the batch as a whole ran out of time, not this article
            except Exception as exc:  # its savepoint rolled back: this article alone ends
                if transaction.get_rollback():  # the savepoint could not be rolled back (the connection is lost)
                    raise
                logger.warning("Writing article %s of a batch failed: %s", article.id, exc, exc_info=True)
                failed.append((article, exc))
    own_error = None
    for article, exc in failed:
        if isinstance(exc, TRANSIENT_ERRORS) and article.id == own.id:
            own_error = exc
        elif isinstance(exc, TRANSIENT_ERRORS):
            article_send_alone(article_id=article.id)  # its own message may already have found it taken
        else:
            article_mark_failed(
                article_id=article.id, error=f"Writing what the parser found failed ({type(exc).__name__}: {exc})."
            )
    if own_error is not None:
        raise own_error
