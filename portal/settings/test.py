"""Tests: fast hashing, local-memory cache, immediate tasks, database search, outbox email."""

from .base import *  # noqa: F403

SECRET_KEY = "test-only-not-secret"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = env.cache_settings("")  # noqa: F405
# Rate limits in this process's memory, for speed; tests/test_rate_limits.py runs production's
# shared store with two processes.
CACHES["limits"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "limits",
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
# Page cache: per-process memory, and off unless a test turns it on (tests/test_page_cache.py).
CACHES["pages"] = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"}
PAGE_CACHE_ENABLED = False
# Sessions as production keeps them with Redis (one process here, so local memory will do).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_CACHE_ALIAS = "default"
