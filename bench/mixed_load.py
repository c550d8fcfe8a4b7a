"""A bounded mixed load on loopback: visitors browse and search, members comment, an editor
publishes.

Starts gunicorn with production settings (a generated key, no SSL redirect) on a fresh SQLite
database (or DATABASE_URL) loaded with the demo content, runs the load for --duration seconds or
--max-requests requests, stops the server and checks that every accepted comment and every
successful publish is in the database. Exits non-zero on any 5xx or anything lost.

    .venv/bin/python bench/mixed_load.py --duration 150
"""

import argparse
import collections
import html
import json
import os
import random
import re
import secrets
import shutil
import subprocess  # nosec B404
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
WORDS = ["water", "energy", "transport", "housing", "climate", "data", "budget", "schools", "zzqx"]
PASSWORD = secrets.token_urlsafe(16)

SETUP = """
from django.contrib.auth.models import Group, User
from knowledge.models import KnowledgeArticlePage
from news.models import NewsPage
from knowledge.roles import EDITORS, MEMBERS
editor = User.objects.create_user("load-editor", "editor@example.org", "{password}", is_staff=True)
editor.groups.add(Group.objects.get(name=EDITORS))
for n in range({members}):
    user = User.objects.create_user(f"load-member-{{n}}", f"m{{n}}@example.org", "{password}")
    user.groups.add(Group.objects.get(name=MEMBERS))
articles = [p.url for p in KnowledgeArticlePage.objects.live().public() if not p.members_only][:5]
news = NewsPage.objects.live().order_by("pk").first()
print(json.dumps({{"articles": articles, "news_id": news.pk, "news_url": news.url}}))
"""

REPORT = """
from django_comments_xtd.models import XtdComment
from wagtail.models import Revision
print(json.dumps({{
    "comments": XtdComment.objects.filter(comment__startswith="load-").count(),
    "revisions": Revision.page_revisions.filter(object_id="{news_id}").count(),
}}))
"""


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.status = collections.Counter()
        self.errors = []
        self.requests = 0
        self.comments = 0
        self.publishes = 0
        self.latencies = []

    def record(self, label, response, started):
        with self.lock:
            self.requests += 1
            self.status[response.status_code // 100 * 100] += 1
            self.latencies.append(time.monotonic() - started)
            if response.status_code >= 500:
                self.errors.append(f"{label} {response.request.url} -> {response.status_code}")


class Client:
    """requests with the session cookies production marks Secure sent over loopback HTTP, and the
    https headers gunicorn would get from the reverse proxy."""

    def __init__(self, base, stats, deadline):
        self.base, self.stats, self.deadline = base, stats, deadline
        self.cookies = {}
        origin = base.replace("http://", "https://")
        self.headers = {"X-Forwarded-Proto": "https", "Origin": origin, "Referer": origin + "/"}

    def request(self, method, path, label, **kwargs):
        started = time.monotonic()
        response = requests.request(
            method,
            self.base + path,
            headers=self.headers,
            cookies=self.cookies,
            allow_redirects=False,
            timeout=30,
            **kwargs,
        )
        self.cookies.update(response.cookies.get_dict())
        self.stats.record(label, response, started)
        return response

    def login(self, path, username):
        self.request("GET", path, "login")
        response = self.request(
            "POST",
            path,
            "login",
            data={
                "username": username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": self.cookies["csrftoken"],
            },
        )
        if response.status_code != 302:
            raise SystemExit(f"{username} could not log in: {response.status_code}")

    def running(self, stats, max_requests):
        return time.monotonic() < self.deadline and stats.requests < max_requests


def visitor(client, setup, max_requests):
    rng = random.Random()  # noqa: S311  # nosec B311
    paths = ["/", "/news/", "/knowledge/", "/case-studies/", "/sitemap.xml", "/news/feed/"]
    paths += setup["articles"] + [setup["news_url"]]
    while client.running(client.stats, max_requests):
        if rng.random() < 0.4:
            word = rng.choice(WORDS)
            client.request("GET", "/search/", "search", params={"q": word})
        else:
            client.request("GET", rng.choice(paths), "browse")


def member(client, setup, n, max_requests):
    rng = random.Random(n)  # noqa: S311  # nosec B311
    client.login("/accounts/login/", f"load-member-{n}")
    while client.running(client.stats, max_requests):
        url = rng.choice(setup["articles"])
        page = client.request("GET", url, "member-read").text
        form = re.search(r'<form[^>]*action="/comments/post/"[^>]*>(.*?)</form>', page, re.S)
        if not form:
            raise SystemExit(f"no comment form on {url}")
        fields = {
            html.unescape(name): html.unescape(value)
            for name, value in re.findall(
                r'<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form.group(1)
            )
        }
        fields.update(comment=f"load-{n}-{time.time_ns()}", honeypot="")
        response = client.request("POST", "/comments/post/", "comment", data=fields)
        if response.status_code == 302:
            with client.stats.lock:
                client.stats.comments += 1
        # Members may post five comments a minute; stay under it.
        time.sleep(13)


def editor(client, setup, max_requests):
    client.login("/admin/login/", "load-editor")
    edit = f"/admin/pages/{setup['news_id']}/edit/"
    n = 0
    while client.running(client.stats, max_requests):
        n += 1
        client.request("GET", edit, "editor-open")
        data = {
            "title": f"Load edition {n}",
            "slug": "load-edition",
            "intro": "Published under load.",
            "date": "2026-05-01",
            "byline": "Load",
            # The page editor's StreamField encoding: one heading block.
            "body-count": "1",
            "body-0-type": "heading",
            "body-0-value-text": f"Edition {n}",
            "body-0-value-level": "h2",
            "body-0-deleted": "",
            "body-0-order": "0",
            "body-0-id": "",
            "action-publish": "publish",
            "csrfmiddlewaretoken": client.cookies["csrftoken"],
        }
        response = client.request("POST", edit, "publish", data=data)
        if response.status_code == 302:
            with client.stats.lock:
                client.stats.publishes += 1
        time.sleep(2)


def manage(env, *args, capture=False):
    return subprocess.run(  # noqa: S603  # nosec B603
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=capture,
        text=True,
    )


def shell(env, code):
    output = manage(env, "shell", "-v", "0", "-c", "import json\n" + code, capture=True).stdout
    return json.loads(output.strip().splitlines()[-1])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=150, help="seconds of load")
    parser.add_argument("--max-requests", type=int, default=50_000)
    parser.add_argument("--visitors", type=int, default=8)
    parser.add_argument("--members", type=int, default=4)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="mixed-load-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{work / 'load.sqlite3'}"),
        "MEDIA_ROOT": str(work / "media"),
        "STATIC_ROOT": str(work / "static"),
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "SITE_URL": f"http://127.0.0.1:{args.port}",
    }
    print(f"setting up in {work} ({env['DATABASE_URL'].split('://')[0]})", flush=True)
    manage(env, "migrate", "--noinput", "-v", "0")
    manage(env, "collectstatic", "--noinput", "-v", "0")
    manage(env, "load_demo_content", "-v", "0", capture=True)
    setup = shell(env, SETUP.format(password=PASSWORD, members=args.members))
    before = shell(env, REPORT.format(news_id=setup["news_id"]))

    server = subprocess.Popen(  # noqa: S603  # nosec B603
        [
            str(Path(PYTHON).parent / "gunicorn"),
            "--config=gunicorn.conf.py",  # the deployment's, with its PORT and WEB_CONCURRENCY
            "--log-level=warning",
        ],
        cwd=ROOT,
        env=env | {"PORT": str(args.port), "WEB_CONCURRENCY": str(args.workers)},
    )
    base = f"http://127.0.0.1:{args.port}"
    try:
        for _ in range(60):
            try:
                requests.get(base + "/", timeout=10)
                break
            except requests.RequestException:
                time.sleep(0.5)
        stats = Stats()
        deadline = time.monotonic() + args.duration
        threads = [
            threading.Thread(target=visitor, args=(Client(base, stats, deadline), setup, m))
            for m in [args.max_requests] * args.visitors
        ]
        threads += [
            threading.Thread(
                target=member, args=(Client(base, stats, deadline), setup, n, args.max_requests)
            )
            for n in range(args.members)
        ]
        threads.append(
            threading.Thread(
                target=editor, args=(Client(base, stats, deadline), setup, args.max_requests)
            )
        )
        started = time.monotonic()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.monotonic() - started
    finally:
        server.terminate()
        server.wait(timeout=30)

    after = shell(env, REPORT.format(news_id=setup["news_id"]))
    shutil.rmtree(work)
    lost_comments = stats.comments - after["comments"] + before["comments"]
    lost_revisions = stats.publishes - (after["revisions"] - before["revisions"])
    latencies = sorted(stats.latencies)
    print(
        json.dumps(
            {
                "seconds": round(elapsed, 1),
                "requests": stats.requests,
                "requests_per_second": round(stats.requests / elapsed, 1),
                "status": {str(k): v for k, v in sorted(stats.status.items())},
                "p50_ms": round(latencies[len(latencies) // 2] * 1000),
                "p95_ms": round(latencies[int(len(latencies) * 0.95)] * 1000),
                "comments_accepted": stats.comments,
                "comments_stored": after["comments"] - before["comments"],
                "publishes": stats.publishes,
                "revisions_stored": after["revisions"] - before["revisions"],
                "lost_comments": lost_comments,
                "lost_revisions": lost_revisions,
                "server_errors": stats.errors[:20],
            },
            indent=2,
        )
    )
    failed = stats.status[500] or lost_comments or lost_revisions or not stats.publishes
    return 1 if failed or not stats.comments else 0


if __name__ == "__main__":
    sys.exit(main())
