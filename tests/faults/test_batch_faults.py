"""Batches on the real stack (issue 15): a Celery worker on a Redis of this test's own, and PostgreSQL.

Skipped without PostgreSQL or redis-server; CI runs them (.ci/run)."""

import shutil

import pytest

from sources.models import Article
from tests.faults import test_worker_faults as faults
from tests.faults.test_worker_faults import (
    QUICK_SWEEP,
    SENTENCE,
    _assert_all_parsed_once,
    _fail_with_log,
    _pool_children,
    _report,
    _send_parse,
    _sweep_recovery_seconds,
    _wait,
)

# The fault tests' fixtures: a Redis of this test's own, and workers on it.
redis_server, redis_url, start_worker = faults.redis_server, faults.redis_url, faults.start_worker

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not shutil.which("redis-server"), reason="needs redis-server"),
    pytest.mark.django_db(transaction=True),
]


def test_a_real_worker_drains_a_burst_in_batches_and_parses_each_article_once(start_worker, redis_url):
    articles = [_report(f"Report {n}. " + SENTENCE) for n in range(30)]
    _send_parse(redis_url, *articles)  # the burst is queued before the worker starts: its first task finds it all
    worker = start_worker(PARSE_BATCH_SIZE="10")
    _assert_all_parsed_once(worker, articles, within=120)
    # An article keeps the task id of the delivery that parsed it: a handful of batches, not one task each.
    deliveries = set(Article.objects.values_list("parsing_task_id", flat=True))
    assert 3 <= len(deliveries) <= 10, deliveries
    assert "Traceback" not in worker.log()  # the batch-mates' own messages were no-ops, not errors


def test_a_worker_killed_mid_batch_is_freed_by_the_sweep_and_every_batch_mate_parsed_once(start_worker, redis_url):
    first = start_worker(beat=True, PARSE_BATCH_SIZE="10", **QUICK_SWEEP)
    if not _wait(lambda: _pool_children(first.pid), 60):
        _fail_with_log(first, "the worker started no pool process")
    slow = _report(SENTENCE * 1000)  # parsed first, long enough to kill the worker while the batch is in hand
    mates = [_report(f"Report {n}. " + SENTENCE) for n in range(3)]
    _send_parse(redis_url, slow, *mates)
    batch = [slow, *mates]

    def all_held_by_one_delivery() -> bool:
        rows = Article.objects.filter(id__in=[a.id for a in batch])
        return set(rows.values_list("status", flat=True)) == {"parsing"} and (
            len(set(rows.values_list("parsing_task_id", flat=True))) == 1
        )

    if not _wait(all_held_by_one_delivery, 60):
        _fail_with_log(first, "the batch was never held by one delivery")
    first.kill()
    assert all_held_by_one_delivery(), "the batch ended before the kill: nothing was tested"

    second = start_worker(beat=True, PARSE_BATCH_SIZE="10", **QUICK_SWEEP)
    _assert_all_parsed_once(second, batch, within=_sweep_recovery_seconds() + 30)
    assert "4 stale claims freed" in second.log(), "the sweep did not free the whole batch"
    assert set(Article.objects.values_list("parsing_interruptions", flat=True)) == {1}
