"""Parsing an article and attaching its events: the one service the parse task calls.

It lives in events because it writes events (through ``events.services.article_events_replace``) with the
events app's dictionaries (actors, gazetteer); what it does to the article row — claiming it for this task,
reading an uploaded file, marking it failed — is ``sources.services``'s. The apps depend one way: events on
sources (tests/conflict_tracker/test_layering.py).
"""

import logging

from django.db import InterfaceError, OperationalError

from events.actors import parser_actor_dictionary
from events.gazetteer import DatabaseGazetteer
from events.services import article_events_replace
from sources.models import Article
from sources.parsing import PARSER_VERSION, parse_article
from sources.services import ArticleDone, article_claim_for_parsing, article_mark_failed, article_read_original

logger = logging.getLogger(__name__)


def article_parse(*, article_id: int, task_id: str = "", retrying: bool = False) -> bool:
    """Parse one article into draft events and claims; False when there was nothing to do.

    An article in a language the parser has no lexicon for ends ``unsupported`` with the reason
    ("No parser for Spanish yet."), never "parsed" with no event. Transient database errors
    propagate (the task retries); anything the parser raises marks the article failed with a
    readable reason instead.
    """
    if not article_claim_for_parsing(article_id=article_id, task_id=task_id, retrying=retrying):
        return False
    article = Article.objects.get(id=article_id)
    if article.awaits_reading:
        try:
            article_read_original(article)
        except ArticleDone:
            return True
    # A reviewer's language is read as given; otherwise the parser guesses it again (its detector may have improved).
    language = article.language if article.language_source == Article.LanguageSource.REVIEWER else None
    try:
        result = parse_article(
            article.text,
            published=article.published_at,
            title=article.title,
            actors=parser_actor_dictionary(),
            gazetteer=DatabaseGazetteer(),
            language=language,
        )
    except (OperationalError, InterfaceError):
        raise
    except Exception as exc:  # a parser bug must not leave the article stuck in "parsing"
        logger.exception("Parsing article %s failed", article_id)
        article_mark_failed(
            article_id=article_id, error=f"The parser could not read this article ({type(exc).__name__}: {exc})."
        )
        return True
    article_events_replace(article=article, result=result, parser_version=PARSER_VERSION)
    return True
