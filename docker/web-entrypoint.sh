#!/bin/sh
# Start-up of the web container: schema, dictionaries, then the app server.
# .ci/production_smoke.py runs this very file from a venv built from requirements.txt alone.
set -e
python manage.py migrate --noinput
python manage.py load_gazetteer --if-empty
python manage.py load_actors
exec gunicorn conflict_tracker.wsgi:application --bind "${WEB_BIND:-0.0.0.0:8000}" --workers "${WEB_WORKERS:-3}" \
    --access-logfile -
