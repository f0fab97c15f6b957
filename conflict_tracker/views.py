import logging

from django.conf import settings
from django.db import connection
from django.http import JsonResponse

logger = logging.getLogger(__name__)


def healthz(request):
    """Liveness for load balancers and compose: the app answers and its database does too (else a 500).
    The broker's state is reported beside it, never failing the check: with Redis down the site still
    answers, and uploads wait for the sweep."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok", "broker": _broker_state()})


def _broker_state() -> str:
    if not settings.REDIS_URL:
        return "none (tasks run in the web process)"
    import redis

    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=1, socket_timeout=1).ping()
    except (redis.RedisError, OSError) as exc:
        logger.warning("Health check: the broker is unreachable: %s", exc)
        return "down"
    return "ok"
