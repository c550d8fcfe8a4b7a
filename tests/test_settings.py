"""Configuration from the environment, and production's refusal to start on bad config."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

from django.core.exceptions import ImproperlyConfigured

from portal.settings import env

ROOT = Path(__file__).resolve().parent.parent
GOOD_PRODUCTION_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(60),
    "ALLOWED_HOSTS": "portal.example.org",
}


def manage(*args, **environ):
    # As production starts: without our variables, nor the browser tests' async-safety switch.
    dropped = {*GOOD_PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {key: value for key, value in os.environ.items() if key not in dropped}
    clean.update(DJANGO_SETTINGS_MODULE="portal.settings.production", **environ)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "environ,message",
    [
        ({"ALLOWED_HOSTS": "portal.example.org"}, "SECRET_KEY"),
        ({"SECRET_KEY": "short", "ALLOWED_HOSTS": "portal.example.org"}, "SECRET_KEY"),
        ({"SECRET_KEY": secrets.token_urlsafe(60)}, "ALLOWED_HOSTS"),
        ({**GOOD_PRODUCTION_ENV, "SEARCH_BACKEND": "solr"}, "SEARCH_BACKEND"),
        ({**GOOD_PRODUCTION_ENV, "SEARCH_BACKEND": "elasticsearch9"}, "SEARCH_URL"),
    ],
)
def test_production_refuses_to_start_on_bad_config(environ, message):
    result = manage("check", **environ)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and message in result.stderr


def test_production_deploy_check_prints_no_warning():
    result = manage("check", "--deploy", **GOOD_PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert "WARNINGS" not in result.stdout + result.stderr


def test_gunicorn_config_serves_the_portal_on_the_port_and_workers_from_the_environment():
    # `make serve`, `make bench` and `make load-test` all start gunicorn with this one file.
    result = subprocess.run(  # noqa: S603
        [str(Path(sys.executable).parent / "gunicorn"), "--config", "gunicorn.conf.py"]
        + ["--print-config"],
        cwd=ROOT,
        env={**os.environ, "PORT": "8123", "WEB_CONCURRENCY": "3"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    printed = (line.split(" = ", 1) for line in result.stdout.splitlines() if " = " in line)
    settings = {name.strip(): value.strip() for name, value in printed}
    assert settings["wsgi_app"] == "portal.wsgi"
    assert settings["bind"] == "['127.0.0.1:8123']"
    assert settings["workers"] == "3"
    assert settings["worker_class"] == "sync"


def test_database_search_backend_is_the_default():
    assert env.search_backends("", "", "portal_") == {"default": {"BACKEND": "search.backends"}}


@pytest.mark.parametrize("kind", ["elasticsearch8", "elasticsearch9", "opensearch2", "opensearch3"])
def test_search_engine_backends_take_url_and_index_prefix(kind):
    backend = env.search_backends(kind, "http://a:9200, http://b:9200", "network_")["default"]
    assert backend["BACKEND"] == "search.engine"
    assert backend["ENGINE"] == f"wagtail.search.backends.{kind}"
    assert backend["URLS"] == ["http://a:9200", "http://b:9200"]
    assert backend["INDEX_PREFIX"] == "network_"


def test_search_url_alone_selects_elasticsearch9():
    backend = env.search_backends("", "http://search:9200", "portal_")["default"]
    assert backend["ENGINE"] == "wagtail.search.backends.elasticsearch9"


def test_redis_url_selects_the_redis_cache_and_local_memory_otherwise():
    redis = env.cache_settings("redis://127.0.0.1:6379/1")["default"]
    assert redis["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert redis["LOCATION"] == "redis://127.0.0.1:6379/1"
    assert "locmem" in env.cache_settings("")["default"]["BACKEND"]


def test_redis_cache_works_against_the_local_server(settings):
    from django.core.cache import caches

    settings.CACHES = env.cache_settings(os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15"))
    cache = caches.create_connection("default")
    try:
        cache.set("portal-test", "ok", 5)
    except Exception as error:  # noqa: BLE001
        pytest.skip(f"no Redis server here: {error}")
    assert cache.get("portal-test") == "ok"
    cache.delete("portal-test")


@pytest.mark.parametrize("value,expected", [("true", True), ("0", False), ("", False)])
def test_boolean_variables(monkeypatch, value, expected):
    monkeypatch.setenv("FLAG", value)
    assert env.get_bool("FLAG") is expected


def test_bad_values_are_refused_with_a_clear_message(monkeypatch):
    monkeypatch.setenv("FLAG", "maybe")
    monkeypatch.setenv("NUMBER", "ten")
    with pytest.raises(ImproperlyConfigured, match="FLAG must be true or false"):
        env.get_bool("FLAG")
    with pytest.raises(ImproperlyConfigured, match="NUMBER must be a whole number"):
        env.get_int("NUMBER", 1)


def test_sqlite_sessions_come_from_a_private_file_cache_every_worker_shares(tmp_path):
    """No session query per request on SQLite (one host): sessions are read from files in the
    page cache's private folder, written through to the database (a sign-out deletes the file,
    which every worker reads); with another database and no Redis, from the database alone."""
    show = (
        "from django.conf import settings; import os, stat; "
        "location = settings.CACHES.get('sessions', {}).get('LOCATION', ''); "
        "print(settings.SESSION_ENGINE, settings.SESSION_CACHE_ALIAS, location, "
        "location and oct(stat.S_IMODE(os.stat(location).st_mode)))"
    )
    folder = tmp_path / "pages"
    sqlite = manage(
        "shell",
        "-c",
        show,
        **GOOD_PRODUCTION_ENV,
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        PAGE_CACHE_DIR=str(folder),
        REDIS_URL="",  # without Redis (CI sets it for the suite)
    )
    assert sqlite.returncode == 0, sqlite.stderr
    assert sqlite.stdout.split()[-4:] == [
        "django.contrib.sessions.backends.cached_db",
        "sessions",
        str(folder / "sessions"),
        "0o700",
    ]
    postgres = manage(
        "shell",
        "-c",
        show,
        **GOOD_PRODUCTION_ENV,
        DATABASE_URL="postgres://portal:portal@127.0.0.1:5432/portal",
        PAGE_CACHE_DIR=str(folder),
        REDIS_URL="",
    )
    assert postgres.returncode == 0, postgres.stderr
    assert postgres.stdout.split()[-2:] == ["django.contrib.sessions.backends.db", "default"]
