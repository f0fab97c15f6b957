"""The Celery app; configuration comes from Django settings (CELERY_* names)."""

import gc
import os

from celery import Celery
from celery.signals import task_postrun, task_prerun, worker_process_init
from django.db import close_old_connections

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conflict_tracker.settings")

app = Celery("conflict_tracker")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

# Collections run after this many new container objects (CPython's default is 700).
WORKER_GC_THRESHOLD = 20_000


def tune_garbage_collection() -> None:
    """Parsing allocates many short-lived objects and makes few reference cycles, so CPython's default
    young-generation threshold runs a collection every few hundred allocations. Freezing what the
    process loaded at start and raising the threshold saves a few per cent of a parse task
    (bench/parse_throughput.py --default-gc compares); cycles still get collected, in larger batches."""
    gc.freeze()
    gc.set_threshold(WORKER_GC_THRESHOLD, 50, 100)


@worker_process_init.connect
def _tune_worker_process(**_):
    tune_garbage_collection()


@task_prerun.connect
@task_postrun.connect
def _close_old_database_connections(sender=None, **_):
    """What Django does at each request's start and end: a connection past CONN_MAX_AGE (DB_CONN_MAX_AGE), or left
    unusable by an error, is closed, and the next query opens a new one; the others serve the next task. Not for a
    task run in-process (no broker): it runs inside a request, whose connection that request manages."""
    if sender is not None and getattr(sender.request, "is_eager", False):
        return
    close_old_connections()
