"""API throttles that let requests through while their cache (Redis) is unreachable.

Throttle counters live in the cache; a cache outage must not turn every API request into a
500. Sign-in attempts stay limited by django-axes, which counts in the database.
"""

import logging

from redis.exceptions import RedisError
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle

logger = logging.getLogger(__name__)


class CacheOutageTolerant:
    """Allow the request when the throttle's cache cannot be reached."""

    def allow_request(self, request, view):
        try:
            return super().allow_request(request, view)
        except (RedisError, OSError) as exc:
            logger.warning("throttle cache unavailable: %s", type(exc).__name__)
            return True


class AnonThrottle(CacheOutageTolerant, AnonRateThrottle):
    pass


class UserThrottle(CacheOutageTolerant, UserRateThrottle):
    pass


class ScopedThrottle(CacheOutageTolerant, ScopedRateThrottle):
    pass
