"""Read configuration from the environment; every variable is listed in .env.example."""

import os
import stat
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

SEARCH_BACKEND_MODULES = {
    "database": "search.backends",  # Wagtail's, with stemming and field weights
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
    "opensearch2": "wagtail.search.backends.opensearch2",
    "opensearch3": "wagtail.search.backends.opensearch3",
}


def get(name, default=""):
    return os.environ.get(name, default)


def get_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() in {"1", "true", "yes", "on"}:
        return True
    if value.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {value!r}")


def get_int(name, default):
    value = os.environ.get(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from error


def get_list(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


def site_url(name, default):
    """The site's public address, `scheme://host[:port]` with no path: Wagtail's `Site` holds
    only a host name and a port (443 means https)."""
    value = get(name, default).rstrip("/")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path:
        raise ImproperlyConfigured(f"{name} must look like https://portal.example.org: {value!r}")
    return value


def search_backends(kind, url, index_prefix):
    """WAGTAILSEARCH_BACKENDS for the engine named by SEARCH_BACKEND (and SEARCH_URL)."""
    kind = kind or ("elasticsearch9" if url else "database")
    if kind not in SEARCH_BACKEND_MODULES:
        choices = ", ".join(SEARCH_BACKEND_MODULES)
        raise ImproperlyConfigured(f"SEARCH_BACKEND must be one of {choices}, not {kind!r}")
    if kind == "database":
        return {"default": {"BACKEND": SEARCH_BACKEND_MODULES[kind]}}
    if not url:
        raise ImproperlyConfigured(f"SEARCH_BACKEND={kind} needs SEARCH_URL")
    backend = {
        # Wagtail's engine backend, with an analyzer per language (search/engine.py).
        "BACKEND": "search.engine",
        "ENGINE": SEARCH_BACKEND_MODULES[kind],
        "URLS": [u.strip() for u in url.split(",") if u.strip()],
        "INDEX_PREFIX": index_prefix,
        # No retries: when the engine is down, saving a page logs the error at once and goes on.
        "TIMEOUT": 10,
        "OPTIONS": {"max_retries": 0},
        # One shard per index (scores from one set of statistics); no replicas: one node is green.
        "INDEX_SETTINGS": {"settings": {"index": {"number_of_shards": 1, "number_of_replicas": 0}}},
    }
    return {"default": backend}


def cache_settings(redis_url):
    """Redis when REDIS_URL is set, local memory otherwise; rate limits always in a store every
    worker shares (Redis, else the database cache, whose table `migrate` creates)."""
    if redis_url:
        default = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
            "KEY_PREFIX": "portal",
            "TIMEOUT": 600,
        }
        return {"default": default, "limits": {**default, "KEY_PREFIX": "portal-limits"}}
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
            "TIMEOUT": 600,
        },
        "limits": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_rate_limits",
            # Past MAX_ENTRIES the backend drops live counters too: room for a flood of addresses.
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        },
    }


def private_directory(path):
    """`path`, created mode 0700 if missing, and refused unless this user owns it and nobody else
    may enter it: the file cache unpickles what it reads, so nobody else may write there."""
    path = Path(path)
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    found = path.lstat()
    if stat.S_ISLNK(found.st_mode) or found.st_uid != os.getuid() or found.st_mode & 0o077:
        raise ImproperlyConfigured(
            f"{path} must be a folder of this user's that others cannot open (chmod 700)"
        )
    return str(path)


def frontend_cache_settings(purge_url, cloudflare_zone, cloudflare_token):
    """`WAGTAILFRONTENDCACHE`: a reverse proxy taking PURGE requests and/or Cloudflare; none by
    default."""
    backends = {}
    if purge_url:
        backends["proxy"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": purge_url,
        }
    if cloudflare_zone:
        backends["cloudflare"] = {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "ZONEID": cloudflare_zone,
            "BEARER_TOKEN": cloudflare_token,
        }
    return backends
