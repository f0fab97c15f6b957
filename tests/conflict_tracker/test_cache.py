import os
import socket

import pytest
import redis

from conflict_tracker.cache import PooledClientRedisCache

REDIS_URL = os.environ.get("TEST_REDIS_URL", "")


def _cache(url: str) -> PooledClientRedisCache:
    return PooledClientRedisCache(
        url, {"KEY_PREFIX": "test-cache", "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1}}
    )


@pytest.mark.skipif(not REDIS_URL, reason="needs TEST_REDIS_URL (CI sets REDIS_URL)")
def test_the_redis_cache_reads_and_writes_through_one_client_per_pool(monkeypatch):
    cache = _cache(REDIS_URL)
    built = []
    monkeypatch.setattr(cache._cache, "_client", lambda **options: built.append(options) or redis.Redis(**options))
    cache.set("history", [1.5, 2.5], 30)
    cache.set("count", 1, 30)
    cache.incr("count")
    assert cache.get("history") == [1.5, 2.5]
    assert cache.get_many(["history", "count", "missing"]) == {"history": [1.5, 2.5], "count": 2}
    cache.delete_many(["history", "count"])
    assert cache.get("count") is None
    assert len(built) == 1


def test_the_redis_cache_raises_when_redis_is_unreachable_as_django_s_does():
    with socket.socket() as free:  # a port nothing listens on
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    cache = _cache(f"redis://127.0.0.1:{port}/0")
    with pytest.raises(redis.ConnectionError):
        cache.get("history")  # the throttles catch this and let the request through
