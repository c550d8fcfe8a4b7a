"""Rate limits hold across workers: production counts them in a store every process shares."""

import os
import secrets
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest

from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connection

from portal.settings import env

ROOT = Path(__file__).resolve().parent.parent


def production_environ(**variables):
    """The environment of a production worker: no REDIS_URL unless given."""
    environ = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environ.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY=secrets.token_urlsafe(60),
        ALLOWED_HOSTS="testserver",
        **variables,
    )
    return environ


@pytest.fixture
def database_url(django_db_setup, tmp_path):
    """The suite's database for workers in other processes: PostgreSQL's test database, or (as
    SQLite's test database lives in this process's memory) a SQLite file."""
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        user, password = quote(db["USER"], safe=""), quote(db["PASSWORD"], safe="")
        return f"postgres://{user}:{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"
    return f"sqlite:///{tmp_path / 'portal.sqlite3'}"


def run_workers(environ, workers=2, attempts=10, count=5):
    """Start the workers, let them hit the same limit at once, and return what each allowed."""
    scope = f"test-{uuid.uuid4().hex}"
    processes = [
        subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "tests.limit_worker", scope, str(attempts), str(count)],
            cwd=ROOT,
            env=environ,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _worker in range(workers)
    ]
    try:
        for process in processes:
            ready = process.stdout.readline().strip()
            assert ready == "ready", process.communicate(timeout=60)[1]
        for process in processes:
            process.stdin.write("go\n")
            process.stdin.flush()
        outputs = [process.communicate(timeout=120) for process in processes]
    finally:
        for process in processes:
            process.kill()
    for process, (_stdout, stderr) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, stderr
    return [int(stdout) for stdout, _stderr in outputs]


def test_production_without_redis_holds_a_limit_across_two_processes(database_url):
    environ = production_environ(DATABASE_URL=database_url)
    created = subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "createcachetable"],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert created.returncode == 0, created.stderr
    allowed = run_workers(environ, attempts=10, count=5)
    assert sum(allowed) == 5, allowed


def test_production_with_redis_holds_a_limit_across_two_processes():
    redis_url = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")
    cache = env.cache_settings(redis_url)["limits"]
    try:
        import redis

        redis.Redis.from_url(cache["LOCATION"]).ping()
    except redis.exceptions.ConnectionError as error:
        pytest.skip(f"no Redis server here: {error}")
    allowed = run_workers(production_environ(REDIS_URL=redis_url), attempts=10, count=5)
    assert sum(allowed) == 5, allowed


@pytest.mark.parametrize("redis_url", ["", "redis://127.0.0.1:6379/0"])
def test_production_never_counts_limits_in_one_process_memory(redis_url):
    limits = env.cache_settings(redis_url)["limits"]
    assert "locmem" not in limits["BACKEND"]
    assert limits["BACKEND"].endswith("DatabaseCache" if not redis_url else "RedisCache")


def test_failed_logins_are_counted_in_the_database():
    assert django_settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"


def test_migrate_creates_the_database_caches_table(db, settings):
    settings.CACHES = {
        **settings.CACHES,
        "limits": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "portal_test_rate_limits",
        },
    }
    assert "portal_test_rate_limits" not in connection.introspection.table_names()
    call_command("migrate", verbosity=0)
    assert "portal_test_rate_limits" in connection.introspection.table_names()
