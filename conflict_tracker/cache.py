"""Django's Redis cache, with one redis.Redis client per connection pool instead of one per operation."""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class PooledClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients_by_pool = {}

    def get_client(self, key=None, *, write=False):
        # Django builds a new redis.Redis for every operation, and building one fills its table of response callbacks:
        # a quarter of a millisecond of Python, twice per API request (the throttles read and write a count). The
        # client holds no connection of its own (its pool does), so one per pool serves every call.
        pool = self._get_connection_pool(write)
        if pool not in self._clients_by_pool:
            self._clients_by_pool[pool] = self._client(connection_pool=pool)
        return self._clients_by_pool[pool]


class PooledClientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = PooledClientRedisCacheClient
