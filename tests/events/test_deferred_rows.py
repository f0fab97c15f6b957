"""Attaching holds each report's rows until the article's (or the batch's) write ends (events.deferred_rows)."""

import random

import pytest

from events.deferred_rows import DeferredRows
from events.models import Event, EventReport
from events.services import article_events_replace
from sources.models import Article
from sources.parsing.results import ParseResult
from tests.events.test_incremental_derivation import _article, _places, _random_event

pytestmark = pytest.mark.django_db


def test_an_article_that_reports_one_story_twice_does_not_attach_twice_to_one_event():
    """Its held report already names the first event: the second reading makes an event of its own, as a stored
    report of the article would have it (the candidate search skips the events an article reports)."""
    parsed = _random_event(random.Random(3), _places())
    article = _article(1)
    article_events_replace(article=article, result=ParseResult(language="en", events=[parsed, parsed], spans=[]))
    assert EventReport.objects.filter(article=article).count() == 2
    assert Event.objects.count() == 2


def test_the_rows_of_a_batch_are_written_when_it_flushes_and_not_before():
    rng, places = random.Random(5), _places()
    rows = DeferredRows()
    first, second = _article(1), _article(2)
    for article in (first, second):
        article_events_replace(
            article=article, result=ParseResult(language="en", events=[_random_event(rng, places)], spans=[]), rows=rows
        )
    assert not EventReport.objects.exists()
    assert Article.objects.get(id=first.id).language == ""
    rows.flush()
    assert EventReport.objects.filter(article__in=[first, second]).count() == 2
    assert Event.objects.count() == 1, "the second report found the event the first made, its report still held"
    assert Article.objects.filter(id__in=[first.id, second.id], language="en").count() == 2


def test_re_parsing_an_article_in_a_batch_first_writes_what_its_batch_mates_hold():
    rng, places = random.Random(7), _places()
    earlier = _article(1)
    article_events_replace(
        article=earlier, result=ParseResult(language="en", events=[_random_event(rng, places)], spans=[])
    )
    rows = DeferredRows()
    mate = _article(2)
    article_events_replace(
        article=mate, result=ParseResult(language="en", events=[_random_event(rng, places)], spans=[]), rows=rows
    )
    earlier.refresh_from_db()
    article_events_replace(
        article=earlier, result=ParseResult(language="en", events=[_random_event(rng, places)], spans=[]), rows=rows
    )
    assert EventReport.objects.filter(article=mate).exists(), "detaching flushed the batch-mate's held report"
    rows.flush()
    event = Event.objects.get()
    assert event.reports.count() == 2 and event.derivation["reports"] == 2
