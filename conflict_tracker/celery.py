"""The Celery app; configuration comes from Django settings (CELERY_* names)."""

import gc
import os

from celery import Celery
from celery.signals import worker_process_init

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
