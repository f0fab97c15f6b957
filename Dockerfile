FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY requirements.txt .
RUN pip install -r requirements.txt

COPY . .
# Hashed names (STATIC_MANIFEST) as production serves them; DEBUG=1 only because no SECRET_KEY exists at build time.
RUN DEBUG=1 STATIC_MANIFEST=1 python manage.py collectstatic --noinput \
    && useradd --system --home /app conflict \
    && mkdir -p /data/media && chown -R conflict /data /app/var

USER conflict
EXPOSE 8000
CMD ["gunicorn", "conflict_tracker.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "3", "--access-logfile", "-"]
