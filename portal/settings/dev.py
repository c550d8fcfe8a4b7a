"""Local development: DEBUG, console email, a throwaway key; relaxes base."""

from .base import *  # noqa: F403
from .base import env

DEBUG = True
SECRET_KEY = env.get("SECRET_KEY", "dev-only-not-secret")  # noqa: S105
ALLOWED_HOSTS = env.get_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
EMAIL_BACKEND = env.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
