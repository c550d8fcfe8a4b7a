"""Rate limits, counted in the `limits` cache that every worker shares (Redis, else the database).

A limit allows `count` hits per fixed window of `seconds`. Each hit claims one of `count` slots with
`add`, which each shared backend makes atomic (Redis `SET NX`; the database cache's unique key),
where `incr` on the database cache is a read then a write that two workers can interleave.
"""

import hashlib
import time
from dataclasses import dataclass

from django.core.cache import caches


@dataclass(frozen=True)
class Rate:
    count: int
    seconds: int


def allow(scope, identity, rate):
    """Count a hit by `identity` (a member, an address, an email) in `scope`: False over the limit.

    Identities are hashed, so no email or IP address is stored in the cache."""
    cache = caches["limits"]
    digest = hashlib.sha256(str(identity).encode()).hexdigest()[:32]
    window = int(time.time() // rate.seconds)
    keys = [f"{scope}:{digest}:{window}:{slot}" for slot in range(rate.count)]
    taken = cache.get_many(keys)
    return any(cache.add(key, 1, timeout=rate.seconds) for key in keys if key not in taken)
