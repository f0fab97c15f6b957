#!/bin/sh
# A Celery worker: parses articles. Scale with more containers (docker compose up --scale worker=N)
# or more processes per container (WORKER_CONCURRENCY). `make worker` and .ci/production_smoke.py run this file.
set -e
exec celery -A conflict_tracker worker --loglevel="${LOG_LEVEL:-INFO}" --concurrency="${WORKER_CONCURRENCY:-2}"
