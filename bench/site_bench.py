"""Load-test the demo site under gunicorn and print the figures issues #17 and #9 ask for.

    .venv/bin/python bench/site_bench.py [--duration 5] [--repeat 3] [--connections 16]

Builds a fresh SQLite database (or uses DATABASE_URL), migrates, loads the demo content, collects
the static files into a scratch directory and renders every page once (its image renditions are
made once per image and size, as on a running site, not in the measured workers). Then serves the
site with production settings (2 gunicorn workers on 127.0.0.1) and drives each page kind with
`wrk -t2 -c16` (--connections) over loopback for a bounded time, in three modes:

- cached: visitors with the page cache warm (#17: >= 1,000 req/s);
- member: a signed-in member, always a fresh render (#17: >= 200 req/s, <= 15 queries);
- uncached: visitors with `PAGE_CACHE=off`, which turns every cache off, fragments included
  (#9: >= 120 req/s).

The search page is never stored (each search is logged): it is rendered afresh in every mode,
against #9's target (>= 150 req/s). Also printed: the peak RSS of each worker (#9: <= 150 MB),
the SQL queries and in-process CPU of each member page, and the page cache's hit rate while
visitors read and a draft of a page they read is autosaved (#17: >= 95%). Medians over --repeat
runs; the same figures are written as JSON to bench-results/. Needs `wrk` (apt-get install wrk).
"""

import argparse
import datetime
import json
import os
import re
import resource
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# Issue #17: cached visitor pages, member pages and their queries, the hit rate while autosaving.
# Issue #9: uncached visitor pages, the (never cached) search page, each worker's peak memory.
TARGETS = {
    "cached": 1000,
    "member": 200,
    "member_queries": 15,
    "hit_rate": 0.95,
    "uncached": 120,
    "search": 150,
    "rss_mb": 150,
}
WRK_THREADS = 2
WORKERS = 2
# Page kinds never stored in the page cache (`Cache-Control: no-store`: every search is logged):
# rendered afresh for visitors too, measured against their own target.
UNCACHED_KINDS = {"search"}

# Prints {kind: path} for the page kinds that exist in this checkout's demo content, once each
# public page has been rendered: its image renditions are made here, once per image and size as on
# a running site, and not in the workers whose memory is measured (making them peaks ~30 MB).
FIND_URLS = """
import json
from django.apps import apps
from django.test import Client
from wagtail.models import Page

def first(label, **filters):
    try:
        model = apps.get_model(label)
    except LookupError:
        return None
    return model.objects.live().public().filter(locale__language_code="en", **filters).first()

def find():
    urls = {"home": "/"}
    for kind, label in [
        ("news index", "news.NewsIndexPage"),
        ("news page", "news.NewsPage"),
        ("case study index", "casestudies.CaseStudyIndexPage"),
        ("case study", "casestudies.CaseStudyPage"),
        ("knowledge index", "knowledge.KnowledgeIndexPage"),
        ("article", "knowledge.KnowledgeArticlePage"),
    ]:
        page = first(label)
        if page is not None:
            urls[kind] = page.url
    study = first("casestudies.CaseStudyPage", sector__isnull=False)
    if "case study index" in urls and study is not None:
        urls["case study index"] += f"?sector={study.sector.slug}&sort=newest"
    urls["search"] = "/search/?q=climate"
    return urls

def find_member_pages():
    # Pages only members see: the directory, a profile, the questions and a question, the working
    # groups, a group and the board of one the member belongs to.
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    member = get_user_model().objects.filter(groups__name="Members", is_staff=False).first()
    urls = {
        "directory": reverse("members:directory"),
        "profile": reverse("members:profile", args=[member.pk]),
    }
    if apps.is_installed("questions"):
        question = apps.get_model("questions.Question").objects.order_by("pk").first()
        urls["questions"] = reverse("questions:index")
        if question is not None:
            urls["question"] = reverse("questions:detail", args=[question.pk])
    if apps.is_installed("workgroups"):
        membership = apps.get_model("workgroups.Membership").objects.filter(
            user=member, status="active"
        ).first()
        urls["groups"] = reverse("workgroups:index")
        if membership is not None:
            urls["group"] = reverse("workgroups:detail", args=[membership.group_id])
            urls["group board"] = reverse("workgroups:board", args=[membership.group_id])
    return urls

public = find()
client = Client(HTTP_HOST="127.0.0.1")
for path in public.values():
    if (status := client.get(path).status_code) != 200:
        raise SystemExit(f"{path} answered {status}")
print(json.dumps({"public": public, "members": find_member_pages()}))
"""

# Signs a demo member in; prints their session cookie, and the SQL queries and the CPU time per
# request (in this process, over 50 requests: fair on a busy machine) of each member page.
MEMBER_SESSION = """
import json, sys, time
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

urls = json.loads(sys.argv[-1])
member = get_user_model().objects.filter(groups__name="Members", is_staff=False).first()
client = Client(HTTP_HOST="127.0.0.1")
client.force_login(member)
queries, cpu_ms = {}, {}
for kind, url in urls.items():
    client.get(url)
    client.get(url)  # renditions and settings made, then fragments cached
    with CaptureQueriesContext(connection) as context:
        client.get(url)
    queries[kind] = len(context.captured_queries)
    start = time.process_time()
    for _ in range(50):
        client.get(url)
    cpu_ms[kind] = round((time.process_time() - start) * 1000 / 50, 2)
session = client.cookies["sessionid"].value
print(json.dumps({"session": session, "queries": queries, "cpu_ms": cpu_ms}))
"""

# The owner of a live article autosaves a draft of it every 0.2 s for the given seconds, as
# Wagtail's editor does while they type: a first revision, then overwriting it (never publishing).
AUTOSAVE = """
import sys, time
from knowledge.models import KnowledgeArticlePage
# The "article" page the visitors read (the same query as FIND_URLS).
page = KnowledgeArticlePage.objects.live().public().filter(locale__language_code="en").first()
author = page.owner
end = time.monotonic() + float(sys.argv[-1])
revision = None
saves = 0
while time.monotonic() < end:
    page.title = f"Draft {saves}"
    revision = page.save_revision(user=author, log_action=True, overwrite_revision=revision)
    saves += 1
    time.sleep(0.2)
print(saves)
"""


# Every command line below is built here from fixed arguments: nothing untrusted reaches a shell.
def run(args, env, **kwargs):
    return subprocess.run(args, env=env, cwd=ROOT, check=True, **kwargs)  # noqa: S603


def prepare(env):
    manage = [PYTHON, "manage.py"]
    run([*manage, "migrate", "--noinput", "-v0"], env)
    run([*manage, "load_demo_content"], env, stdout=subprocess.DEVNULL)
    run([*manage, "collectstatic", "--noinput", "-v0"], env)
    # Rendered with every cache off: nothing is stored before the measured runs.
    found = run(
        [*manage, "shell", "-c", FIND_URLS], env | {"PAGE_CACHE": "off"}, capture_output=True
    )
    urls = json.loads(found.stdout.decode().strip().splitlines()[-1])
    return urls["public"], urls["members"]


def sign_in_member(env, urls):
    """A demo member's session cookie and the queries of each page as that member."""
    script = MEMBER_SESSION.replace("sys.argv[-1]", repr(json.dumps(urls)))
    found = run([PYTHON, "manage.py", "shell", "-c", script], env, capture_output=True)
    return json.loads(found.stdout.decode().strip().splitlines()[-1])


def fetch(url, headers=None):
    request = urllib.request.Request(url, headers=headers or {})  # noqa: S310 (http://127.0.0.1)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


class Server:
    """gunicorn with production settings; `workers` gives the worker process ids."""

    def __init__(self, env, port, page_cache):
        # The deployment's gunicorn.conf.py, with its PORT and WEB_CONCURRENCY variables.
        self.env = {
            **env,
            "PAGE_CACHE": "on" if page_cache else "off",
            "PORT": str(port),
            "WEB_CONCURRENCY": str(WORKERS),
        }
        self.base = f"http://127.0.0.1:{port}"

    def __enter__(self):
        self.process = subprocess.Popen(  # noqa: S603
            [PYTHON, "-m", "gunicorn", "--config", "gunicorn.conf.py", "--log-level", "warning"],
            env=self.env, cwd=ROOT,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                fetch(self.base + "/")
                return self
            except OSError:
                time.sleep(0.3)
        self.process.kill()
        raise RuntimeError("gunicorn did not start within a minute")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)

    @property
    def workers(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()]


def cpu_seconds(pids):
    """User and system CPU time the worker processes have used so far."""
    total = 0
    for pid in pids:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime and stime, in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


def peak_rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmHWM for process {pid}")


def to_ms(text):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def wrk(url, duration, connections, headers=()):
    command = [shutil.which("wrk"), f"-t{WRK_THREADS}", f"-c{connections}", f"-d{duration}s"]
    command.append("--latency")
    for header in headers:
        command += ["-H", header]
    command += ["--timeout", "10s", url]
    # wrk's own CPU, on the same two cores as the workers (~0.25 ms per request).
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    output = run(command, os.environ, capture_output=True, text=True).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    wrk_cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50_ms": to_ms(re.search(r"^\s+50%\s+(\S+)", output, re.MULTILINE).group(1)),
        "p99_ms": to_ms(re.search(r"^\s+99%\s+(\S+)", output, re.MULTILINE).group(1)),
        "requests": requests,
        "wrk_cpu_ms": 1000 * wrk_cpu / max(requests, 1),
        "errors": int(errors.group(1)) if errors else 0,
    }


def check_static(base, env):
    """A fingerprinted stylesheet: far-future immutable caching and a compressed variant."""
    manifest = json.loads((Path(env["STATIC_ROOT"]) / "staticfiles.json").read_text())
    hashed = manifest["paths"]["css/portal.css"]
    status, headers, _ = fetch(f"{base}/static/{hashed}", {"Accept-Encoding": "gzip, br"})
    return {
        "url": f"/static/{hashed}",
        "status": status,
        "cache_control": headers.get("Cache-Control"),
        "content_encoding": headers.get("Content-Encoding"),
    }


def measure(env, urls, page_cache, args, cookie=None):
    headers = (f"Cookie: sessionid={cookie}",) if cookie else ()
    pages = {kind: (path, headers) for kind, path in urls.items()}
    with Server(env, args.port, page_cache) as server:
        for kind, (path, headers) in pages.items():
            for _ in range(3):  # renditions, lazily made settings, then the cache
                status, response_headers, _ = fetch(
                    server.base + path, dict(header.split(": ", 1) for header in headers)
                )
                if status != 200:
                    raise RuntimeError(f"{path} answered {status}")
            stored = page_cache and not cookie and kind not in UNCACHED_KINDS
            if stored and response_headers.get("X-Page-Cache") != "hit":
                raise RuntimeError(f"{path} is not served from the page cache: {response_headers}")
        runs = {kind: [] for kind in pages}
        for _ in range(args.repeat):
            for kind, (path, headers) in pages.items():
                before = cpu_seconds(server.workers)
                run = wrk(server.base + path, args.duration, args.connections, headers)
                used = cpu_seconds(server.workers) - before
                run["worker_cpu_ms"] = 1000 * used / max(run["requests"], 1)
                runs[kind].append(run)
        static = check_static(server.base, env) if page_cache else None
        rss = [round(peak_rss_mb(pid), 1) for pid in server.workers]
    results = {
        kind: {
            field: statistics.median(run[field] for run in samples)
            for field in ("rps", "p50_ms", "p99_ms", "worker_cpu_ms", "wrk_cpu_ms")
        }
        | {"errors": sum(run["errors"] for run in samples), "runs": samples}
        for kind, samples in runs.items()
    }
    return results, rss, static


def hit_rate_while_autosaving(env, urls, args):
    """Visitors read every stored page kind in turn (the article among them) while its owner's
    draft of that article is autosaved: the share of their requests served from the page cache."""
    paths = [path for kind, path in urls.items() if kind not in UNCACHED_KINDS]
    with Server(env, args.port, page_cache=True) as server:
        for path in paths:
            fetch(server.base + path)
        script = AUTOSAVE.replace("sys.argv[-1]", str(args.duration * 2))
        saver = subprocess.Popen(  # noqa: S603
            [PYTHON, "manage.py", "shell", "-c", script],
            env=env, cwd=ROOT, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        hits = total = 0
        while saver.poll() is None:
            _status, headers, _body = fetch(server.base + paths[total % len(paths)])
            hits += headers.get("X-Page-Cache") == "hit"
            total += 1
        saves = int(saver.stdout.read().strip().splitlines()[-1])
    return {"pages": paths, "requests": total, "hits": hits, "drafts_saved": saves,
            "hit_rate": hits / max(total, 1)}  # fmt: skip


def target(mode, kind):
    """The req/s a page kind must reach in a mode, and the issue that set it."""
    if mode == "member":
        return TARGETS["member"], 17
    if kind in UNCACHED_KINDS:
        return TARGETS["search"], 9
    return TARGETS[mode], 17 if mode == "cached" else 9


def print_rows(report, rows):
    # CPU per request counts only the workers' own time, so it holds on a busy machine too; the
    # capacity column is what the workers could serve with every core to themselves.
    cores = os.cpu_count()
    print(
        f"{'page':<18} {'mode':<9} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'errors':>6} "
        f"{'cpu ms/req':>10} {'wrk ms':>6} {f'cap/{cores} cores':>13}  target"
    )
    for mode, kind in rows:
        row = report[mode]["pages"][kind]
        capacity = cores * 1000 / row["worker_cpu_ms"] if row["worker_cpu_ms"] else 0
        goal, _issue = target(mode, kind)
        ok = "ok" if row["rps"] >= goal else "LOW"
        print(
            f"{kind:<18} {mode:<9} {row['rps']:>7.0f} {row['p50_ms']:>7.2f} {row['p99_ms']:>7.2f} "
            f"{row['errors']:>6} {row['worker_cpu_ms']:>10.2f} {row['wrk_cpu_ms']:>6.2f} "
            f"{capacity:>13.0f}  {ok} (≥{goal})"
        )


def print_table(report):
    settings = report["settings"]
    print(
        f"\nwrk -t{WRK_THREADS} -c{settings['connections']}, {settings['duration']} s x "
        f"{settings['repeat']} runs (medians); gunicorn {settings['workers']} workers, "
        f"{settings['database']}, demo content; load average {report['load_average'][0]:.1f} "
        f"before, {report['load_average_after'][0]:.1f} after"
    )
    rows = [
        (mode, kind) for mode in ("member", "cached", "uncached") for kind in report[mode]["pages"]
    ]
    print("\nIssue #17: member pages, anonymous cached pages, hit rate while autosaving")
    print_rows(report, [(mode, kind) for mode, kind in rows if target(mode, kind)[1] == 17])
    limit = TARGETS["member_queries"]
    cpu = report["member"]["render_cpu_ms"]
    for kind, count in report["member"]["queries"].items():
        ok = "ok" if count <= limit else "HIGH"
        print(
            f"member {kind:<18} queries {count:>3}  {ok} (≤{limit})   "
            f"render CPU {cpu[kind]:>6.2f} ms (one process, test client)"
        )
    autosave = report["autosave"]
    ok = "ok" if autosave["hit_rate"] >= TARGETS["hit_rate"] else "LOW"
    print(
        f"hit rate while a draft is autosaved: {autosave['hit_rate']:.1%} of "
        f"{autosave['requests']} requests over {len(autosave['pages'])} pages, "
        f"{autosave['drafts_saved']} drafts saved  {ok} (≥{TARGETS['hit_rate']:.0%})"
    )
    print("\nIssue #9: visitors' pages with every cache off (PAGE_CACHE=off), search, memory")
    print_rows(report, [(mode, kind) for mode, kind in rows if target(mode, kind)[1] == 9])
    for mode in ("cached", "uncached", "member"):
        rss = report[mode]["worker_peak_rss_mb"]
        ok = "ok" if max(rss) <= TARGETS["rss_mb"] else "HIGH"
        print(f"peak RSS per worker ({mode}): {rss} MB  {ok} (≤{TARGETS['rss_mb']})")
    print(f"static: {report['static']}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds of load per page and run")
    parser.add_argument("--repeat", type=int, default=3, help="runs per page; medians reported")
    parser.add_argument("--connections", type=int, default=16, help="wrk's open connections")
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", 8005)))
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("site_bench needs wrk: apt-get install wrk")

    scratch = Path(tempfile.mkdtemp(prefix="site-bench-"))
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{scratch / 'bench.sqlite3'}"),
        "MEDIA_ROOT": str(scratch / "media"),
        "STATIC_ROOT": str(scratch / "static"),
        "PAGE_CACHE_DIR": str(scratch / "page-cache"),
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",  # demo members' mail
    }
    try:
        urls, member_urls = prepare(env)
        member_urls = urls | member_urls
        print("pages:", json.dumps(member_urls, indent=1))
        load_before = os.getloadavg()  # before the measured runs: others' load shows here
        cached, cached_rss, static = measure(env, urls, True, args)
        uncached, uncached_rss, _ = measure(env, urls, False, args)
        member = sign_in_member(env, member_urls)
        signed_in, member_rss, _ = measure(env, member_urls, True, args, cookie=member["session"])
        autosave = hit_rate_while_autosaving(env, urls, args)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    report = {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "cpus": os.cpu_count(),
        "load_average": load_before,
        "settings": vars(args)
        | {"workers": WORKERS, "database": env["DATABASE_URL"].split(":")[0]},
        "urls": member_urls,
        "cached": {"pages": cached, "worker_peak_rss_mb": cached_rss},
        "uncached": {"pages": uncached, "worker_peak_rss_mb": uncached_rss},
        "member": {
            "pages": signed_in,
            "worker_peak_rss_mb": member_rss,
            "queries": member["queries"],
            "render_cpu_ms": member["cpu_ms"],
        },
        "autosave": autosave,
        "load_average_after": os.getloadavg(),
        "static": static,
    }
    print_table(report)
    out = ROOT / "bench-results" / f"site-{report['when'].replace(':', '')}.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(json.dumps(report, indent=2))
    print(f"written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
