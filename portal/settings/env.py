"""Read configuration from the environment; every variable is listed in .env.example."""

import os

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


def search_backends(kind, url, index_prefix):
    """WAGTAILSEARCH_BACKENDS for the engine named by SEARCH_BACKEND (and SEARCH_URL)."""
    kind = kind or ("elasticsearch9" if url else "database")
    if kind not in SEARCH_BACKEND_MODULES:
        choices = ", ".join(SEARCH_BACKEND_MODULES)
        raise ImproperlyConfigured(f"SEARCH_BACKEND must be one of {choices}, not {kind!r}")
    backend = {"BACKEND": SEARCH_BACKEND_MODULES[kind]}
    if kind != "database":
        if not url:
            raise ImproperlyConfigured(f"SEARCH_BACKEND={kind} needs SEARCH_URL")
        backend.update(
            URLS=[u.strip() for u in url.split(",") if u.strip()],
            INDEX_PREFIX=index_prefix,
            TIMEOUT=10,
            OPTIONS={},
            INDEX_SETTINGS={},
        )
    return {"default": backend}


def cache_settings(redis_url):
    """Redis when REDIS_URL is set, local memory otherwise."""
    if redis_url:
        return {
            "default": {
                "BACKEND": "django.core.cache.backends.redis.RedisCache",
                "LOCATION": redis_url,
                "KEY_PREFIX": "portal",
                "TIMEOUT": 600,
            }
        }
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
            "TIMEOUT": 600,
        }
    }
