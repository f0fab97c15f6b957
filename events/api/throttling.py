"""Request rates per API token (per session user without one, per address for anonymous
users), at settings.API_THROTTLE_RATE, read on every request. The counts live in the cache (Redis in
production); when it is unreachable the throttles fail open with a logged warning, so Redis being down
is not an outage of the API."""

import hashlib
import logging

from django.conf import settings
from rest_framework.authtoken.models import Token
from rest_framework.throttling import SimpleRateThrottle

logger = logging.getLogger(__name__)


class FailOpenThrottle(SimpleRateThrottle):
    def allow_request(self, request, view) -> bool:
        try:
            return super().allow_request(request, view)
        except Exception as exc:  # cache backends' connection errors share no base class
            logger.warning("Throttling skipped: the cache is unavailable (%s: %s)", type(exc).__name__, exc)
            return True


class TokenRateThrottle(FailOpenThrottle):
    scope = "token"

    def get_rate(self) -> str:
        return settings.API_THROTTLE_RATE

    def get_cache_key(self, request, view) -> str | None:
        if not (request.user and request.user.is_authenticated):
            return None
        if isinstance(request.auth, Token):
            ident = "t" + hashlib.sha256(request.auth.key.encode()).hexdigest()[:32]
        else:
            ident = f"u{request.user.pk}"
        return self.cache_format % {"scope": self.scope, "ident": ident}


class AnonymousRateThrottle(FailOpenThrottle):
    scope = "anonymous"

    def get_rate(self) -> str:
        return settings.API_THROTTLE_RATE

    def get_cache_key(self, request, view) -> str | None:
        if request.user and request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
