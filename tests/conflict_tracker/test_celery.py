import gc

from conflict_tracker.celery import WORKER_GC_THRESHOLD, tune_garbage_collection


def test_worker_processes_collect_garbage_in_larger_batches():
    thresholds = gc.get_threshold()
    try:
        tune_garbage_collection()
        assert gc.get_threshold()[0] == WORKER_GC_THRESHOLD > thresholds[0]
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)
