"""Rate limits per member and action, counted in the "default" cache so they hold across workers
(production's default cache is shared; see the README's Configuration)."""

import time

from django.core.cache import cache

# action: (how many, per how many seconds)
LIMITS = {
    "question": (5, 60 * 60),
    "answer": (10, 10 * 60),
    "vote": (60, 10 * 60),
    "flag": (10, 60 * 60),
    "follow": (60, 10 * 60),
}


def over_limit(user, action):
    """Count this attempt; True once the member has gone past the action's limit in its window."""
    allowed, window = LIMITS[action]
    key = f"questions:limit:{action}:{user.pk}:{int(time.time() // window)}"
    cache.add(key, 0, timeout=window)
    try:
        return cache.incr(key) > allowed
    except ValueError:  # the entry expired between add and incr: this is the window's first
        cache.add(key, 1, timeout=window)
        return False
