#!/bin/sh
# A Celery worker: parses articles. Scale with more containers (docker compose up --scale worker=N)
# or more processes per container (WORKER_CONCURRENCY). `make worker` and .ci/production_smoke.py run this file;
# `make worker` sets WORKER_EMBEDDED_BEAT=1 so one development process also runs the periodic sweep
# (production runs docker/beat-entrypoint.sh once, as its own service).
set -e
if [ "${WORKER_EMBEDDED_BEAT:-0}" = "1" ]; then
  exec celery -A conflict_tracker worker --loglevel="${LOG_LEVEL:-INFO}" --concurrency="${WORKER_CONCURRENCY:-2}" \
    --beat --schedule="${BEAT_SCHEDULE_FILE:-/tmp/celerybeat-schedule}"
fi
exec celery -A conflict_tracker worker --loglevel="${LOG_LEVEL:-INFO}" --concurrency="${WORKER_CONCURRENCY:-2}"
