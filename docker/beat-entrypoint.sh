#!/bin/sh
# Celery beat: sends the periodic sweep (sources.tasks.sweep_stranded_articles) that re-sends articles whose
# task message was lost and frees claims of dead workers. Run exactly one (docker-compose.yml's beat service).
set -e
exec celery -A conflict_tracker beat --loglevel="${LOG_LEVEL:-INFO}" --schedule="${BEAT_SCHEDULE_FILE:-/tmp/celerybeat-schedule}"
