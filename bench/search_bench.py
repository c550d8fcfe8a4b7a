"""Search benchmark: relevance (a known-item test) and speed, per backend.

    make bench-search                      # SQLite, 10,000 articles
    N=100000 make bench-search             # more articles
    DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/portal make bench-search  # + PostgreSQL
    SEARCH_URL=http://127.0.0.1:9200 SEARCH_BACKEND=opensearch2 make bench-search   # + the engine
                                           # (also measured whenever `make search-engine` runs)
    BACKENDS=engine,postgresql make bench-search   # only these (sqlite, postgresql, engine)
    SEARCH_BENCH_DIR=/tmp/b SEARCH_INDEX_PREFIX=b_ make bench-search  # beside another run
    .venv/bin/python bench/search_bench.py --n 100000 --reuse  # the last run's articles again
    .venv/bin/python bench/search_bench.py --n 100000 --reuse --keep-index  # and its index

Seeds N generated news articles (towns, organisations and projects drawn from word lists with
every inflection known) in a scratch database, builds the index with `update_index`, then asks
for known items: queries of what a reader remembers of an article's title, as written ("exact"),
with a word in another form ("inflection": plural for singular, "installed" for "installing"),
and with one typo in one word ("typo"). Prints MRR@10 and success@10 per kind, the index build
rate (and, with the local node, the CPU time the site and the engine spent on it), and p50/p95/p99
latency of the search page (results, facets, corrections) for those queries, with its CPU time.
Each backend runs in a process of its own, since settings are read once.
"""

import argparse
import datetime
import os
import random
import statistics
import subprocess
import sys
import time
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCAL_ENGINE = "http://127.0.0.1:9200"
sys.path.insert(0, str(ROOT))

PLACES = (  # noqa: SIM905 - a word list reads better as text
    "Harwick Dunmore Ellesby Caldwater Penrith Ashgrove Morland Kestrel Bramley Wexcombe "
    "Thornbury Oakhampton Linmouth Redcliffe Saltash Greyford Hollins Marden Corbridge Fenwick "
    "Alderley Brackwell Cresswell Dalby Eastleigh Farnworth Glenrothes Halewood Ilkley Jarrow "
    "Kirkby Langholm Malvern Northam Ormskirk Padiham Quarndon Rothwell Selby Tadcaster "
    "Ulverston Ventnor Wigton Yarm Zennor Almondbury Bishopton Chudleigh Duffield Embleton"
).split()
ORGANISATIONS = (  # noqa: SIM905
    "Energy Trust|Housing Cooperative|Community Garden|Tenants Association|Climate Network|"
    "Youth Forum|Parish Council|Development Trust|Repair Cafe|Cycling Club|Food Partnership|"
    "School Trust|Credit Union|Flood Group|Wildlife Trust"
).split("|")
# Nouns as (singular, plural); verbs as (base, third person, past, -ing).
NOUNS = [
    ("pump", "pumps"),
    ("boiler", "boilers"),
    ("panel", "panels"),
    ("battery", "batteries"),
    ("roof", "roofs"),
    ("window", "windows"),
    ("wall", "walls"),
    ("loft", "lofts"),
    ("tenant", "tenants"),
    ("landlord", "landlords"),
    ("volunteer", "volunteers"),
    ("apprentice", "apprentices"),
    ("school", "schools"),
    ("pupil", "pupils"),
    ("garden", "gardens"),
    ("tree", "trees"),
    ("meadow", "meadows"),
    ("pond", "ponds"),
    ("bike", "bikes"),
    ("charger", "chargers"),
    ("bus", "buses"),
    ("route", "routes"),
    ("grant", "grants"),
    ("loan", "loans"),
    ("budget", "budgets"),
    ("survey", "surveys"),
    ("meter", "meters"),
    ("turbine", "turbines"),
    ("barrier", "barriers"),
    ("drain", "drains"),
    ("library", "libraries"),
    ("clinic", "clinics"),
    ("family", "families"),
    ("workshop", "workshops"),
    ("kitchen", "kitchens"),
    ("repair", "repairs"),
    ("contract", "contracts"),
    ("supplier", "suppliers"),
    ("estate", "estates"),
    ("cooperative", "cooperatives"),
    ("heater", "heaters"),
    ("radiator", "radiators"),
    ("hedgerow", "hedgerows"),
    ("allotment", "allotments"),
    ("warden", "wardens"),
]
VERBS = [
    ("install", "installs", "installed", "installing"),
    ("insulate", "insulates", "insulated", "insulating"),
    ("fund", "funds", "funded", "funding"),
    ("train", "trains", "trained", "training"),
    ("plant", "plants", "planted", "planting"),
    ("repair", "repairs", "repaired", "repairing"),
    ("measure", "measures", "measured", "measuring"),
    ("share", "shares", "shared", "sharing"),
    ("build", "builds", "built", "building"),
    ("replace", "replaces", "replaced", "replacing"),
    ("survey", "surveys", "surveyed", "surveying"),
    ("launch", "launches", "launched", "launching"),
    ("reduce", "reduces", "reduced", "reducing"),
    ("connect", "connects", "connected", "connecting"),
    ("restore", "restores", "restored", "restoring"),
    ("recruit", "recruits", "recruited", "recruiting"),
    ("monitor", "monitors", "monitored", "monitoring"),
    ("protect", "protects", "protected", "protecting"),
]
ADJECTIVES = (  # noqa: SIM905 - a word list reads better as text
    "new old rural urban shared solar electric leaky damp cold warm small large local "
    "community public private green efficient affordable"
).split()
EVERYDAY = (  # noqa: SIM905 - a word list reads better as text
    "the and of to in for with on we our a was it that this by from at as year first people "
    "group project work time help made more than about after also many most team started found "
    "next town village area month week both each other what learned worked changed asked ran "
    "set up still good better hard easy costs season winter summer residents council plan"
).split()
KINDS = ("exact", "inflection", "typo")


def article(rng):
    """A title, summary and body; the title's content words, each with its other forms."""
    place = rng.choice(PLACES)
    subject, obj = rng.sample(NOUNS, 2)
    verb = rng.choice(VERBS)
    forms = {
        "subject": (subject[rng.randrange(2)], subject),
        "verb": (verb[rng.choice([1, 2, 3])], verb),
        "object": (obj[rng.randrange(2)], obj),
    }
    written = [forms[slot][0] for slot in ("subject", "verb", "object")]
    title = f"{place} {written[0]} {written[1]} {rng.choice(ADJECTIVES)} {written[2]}"
    organisation = f"{place} {rng.choice(ORGANISATIONS)}"
    summary = (
        f"How {organisation} {verb[2]} {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)[1]} "
        f"with {rng.randint(3, 90)} {rng.choice(NOUNS)[1]} in {rng.randint(2, 18)} months."
    )

    # The body talks about the article's own subject most, and about a few other things.
    own = [place, *subject, *obj, *verb]
    others = [form for lemma in rng.sample(NOUNS, 6) + rng.sample(VERBS, 3) for form in lemma]
    others += rng.sample(PLACES, 2)

    def sentence():
        words = []
        for _ in range(rng.randint(8, 22)):
            pick = rng.random()
            if pick < 0.08:
                words.append(rng.choice(own))
            elif pick < 0.3:
                words.append(rng.choice(others))
            else:
                words.append(rng.choice(EVERYDAY))
        return " ".join(words).capitalize() + "."

    body = [
        " ".join(sentence() for _ in range(rng.randint(3, 8))) for _ in range(rng.randint(2, 5))
    ]
    return {"title": title, "summary": summary, "body": body, "place": place, "forms": forms}


def typo(rng, word):
    """`word` with one letter swapped with its neighbour, dropped or changed (not the first)."""
    at = rng.randrange(1, len(word) - 1)
    edit = rng.choice(("swap", "drop", "change"))
    if edit == "swap" and word[at] != word[at + 1]:
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    if edit == "drop":
        return word[:at] + word[at + 1 :]
    letters = [c for c in "aeioustrnl" if c != word[at]]
    return word[:at] + rng.choice(letters) + word[at + 1 :]


def queries(rng, item):
    """(kind, query) for a known item: its place and two of its title's content words."""
    slots = rng.sample(["subject", "verb", "object"], 2)
    written = [item["forms"][slot][0] for slot in slots]
    exact = [item["place"].lower(), *written]
    other_slot = slots[0]
    used, lemma = item["forms"][other_slot]
    other = rng.choice([form for form in lemma if form != used])
    inflected = [item["place"].lower(), other, written[1]]
    long_words = [i for i, word in enumerate(exact) if len(word) >= 5]
    mistyped = list(exact)
    at = rng.choice(long_words) if long_words else 0
    mistyped[at] = typo(rng, exact[at]) if len(exact[at]) > 3 else exact[at]
    return [
        ("exact", " ".join(exact)),
        ("inflection", " ".join(inflected)),
        ("typo", " ".join(mistyped)),
    ]


def reset(url):
    if url.startswith("sqlite"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        return
    import psycopg

    base, _, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def seed(items):
    """Bulk-insert the articles as NewsPages under a news index, with treebeard paths computed."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    from wagtail.models import Locale, Page

    from home.factories import HomePageFactory
    from news.factories import NewsIndexPageFactory
    from news.models import NewsPage

    root = Page.get_first_root_node()
    root.get_children().delete()
    index = NewsIndexPageFactory(parent=HomePageFactory(parent=root))
    locale = Locale.get_default()
    content_type = ContentType.objects.get_for_model(NewsPage)
    child_fields = list(NewsPage._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in child_fields)
    placeholders = ", ".join(["%s"] * len(child_fields))
    insert = f"INSERT INTO {NewsPage._meta.db_table} ({columns}) VALUES ({placeholders})"  # noqa: S608
    now = datetime.datetime.now(datetime.UTC)
    ids = []
    for start in range(0, len(items), 2000):
        batch = items[start : start + 2000]
        pages = [
            Page(
                title=item["title"],
                draft_title=item["title"],
                slug=f"article-{start + number}",
                path=index.path + to_step(start + number + 1),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}article-{start + number}/",
                content_type=content_type,
                locale=locale,
                translation_key=uuid.uuid4(),
                live=True,
                first_published_at=now - datetime.timedelta(minutes=start + number),
                last_published_at=now,
            )
            for number, item in enumerate(batch)
        ]
        with transaction.atomic():
            Page.objects.bulk_create(pages)
            by_path = dict(
                Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk")
            )
            rows = []
            for page, item in zip(pages, batch, strict=True):
                ids.append(by_path[page.path])
                news = NewsPage(
                    page_ptr_id=by_path[page.path],
                    intro=item["summary"],
                    byline="Bench",
                    date=now.date(),
                    body=[("paragraph", f"<p>{text}</p>") for text in item["body"]],
                )
                rows.append(
                    [f.get_db_prep_save(f.pre_save(news, True), connection) for f in child_fields]
                )
            with connection.cursor() as cursor:
                cursor.executemany(insert, rows)
    Page.objects.filter(pk=index.pk).update(numchild=len(items))
    return ids


def seeded(n):
    """The page ids of the `n` articles an earlier run seeded (by slug), if it seeded `n`."""
    from news.models import NewsPage

    articles = NewsPage.objects.filter(slug__startswith="article-")
    by_slug = dict(articles.values_list("slug", "pk"))
    if len(by_slug) != n:
        return None
    return [by_slug[f"article-{number}"] for number in range(n)]


def to_step(number):
    from wagtail.models import Page

    digits = ""
    while number:
        number, remainder = divmod(number, len(Page.alphabet))
        digits = Page.alphabet[remainder] + digits
    return digits.rjust(Page.steplen, Page.alphabet[0])


def local_engine_pid(url):
    """The process id of the node `scripts/search-engine.sh` started at `url`, if it runs here."""
    port = url.rstrip("/").rpartition(":")[2]
    if not url.startswith("http://127.0.0.1:") or not port.isdigit():
        return None
    pid_file = Path(os.environ.get("TMPDIR", "/tmp")) / f"portal-search-engine-{port}" / "pid"  # noqa: S108
    return int(pid_file.read_text()) if pid_file.exists() else None


def process_cpu(pid):
    """CPU seconds (user and system) process `pid` used so far, 0 without one (Linux)."""
    if not pid:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def engine_search_stats(backend):
    """(milliseconds, searches) the engine's shards spent on searches so far, or None without an
    engine: the node statistics' query and fetch phases."""
    if not hasattr(backend, "es"):
        return None
    nodes = backend.es.nodes.stats(metric="indices", index_metric="search")["nodes"].values()
    searches = [node["indices"]["search"] for node in nodes]
    spent = sum(s["query_time_in_millis"] + s["fetch_time_in_millis"] for s in searches)
    return spent, sum(s["query_total"] for s in searches)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def ranked_ids(search, words):
    """The first ten page ids the search page would list for `words` (search/views.py)."""
    from home.pagination import PAGE_SIZE
    from search import query as q

    found, _corrections = q.results(search["backend"], search["pages"], words, "relevance")
    return [page.pk for page in found[0:PAGE_SIZE]]


def run_backend(args):
    """Seed, index, measure: one backend, in this process."""
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client, override_settings

    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    call_command("migrate", verbosity=0)
    rng = random.Random(args.seed)  # noqa: S311 - seeded benchmark text
    items = [article(rng) for _ in range(args.n)]
    started = time.perf_counter()
    # Not indexed page by page as they are saved: `update_index` builds the index next.
    quiet = {
        name: {**params, "AUTO_UPDATE": False}
        for name, params in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    ids = seeded(args.n) if args.reuse else None
    ids_seeded = ids is None
    if ids_seeded:
        with override_settings(WAGTAILSEARCH_BACKENDS=quiet):
            ids = seed(items)
    seeding = time.perf_counter() - started
    engine_pid = local_engine_pid(os.environ.get("SEARCH_URL", ""))
    started, started_cpu = time.perf_counter(), time.process_time()
    started_engine = process_cpu(engine_pid)
    keep = args.keep_index and not ids_seeded
    if not keep:
        call_command("update_index", verbosity=0)
    build = time.perf_counter() - started
    build_cpu = time.process_time() - started_cpu
    build_engine = process_cpu(engine_pid) - started_engine
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    backend = get_search_backend()
    search = {"backend": backend, "pages": Page.objects.live().public()}
    targets = rng.sample(range(args.n), min(args.known, args.n))
    reciprocal = {kind: [] for kind in KINDS}
    asked = []
    for target in targets:
        for kind, query in queries(rng, items[target]):
            asked.append(query)
            found = ranked_ids(search, query.split())
            rank = found.index(ids[target]) + 1 if ids[target] in found else None
            reciprocal[kind].append(1 / rank if rank else 0.0)

    client = Client()
    timings, cpu = [], []
    engine_before = engine_search_stats(backend)
    for query in asked[: args.timed]:
        started, started_cpu = time.perf_counter(), time.process_time()
        response = client.get("/search/", {"q": query})
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"search for {query!r} answered {response.status_code}")
    engine_after = engine_search_stats(backend)
    database = (
        database_times(client, asked[: args.timed]) if connection.vendor == "postgresql" else []
    )

    name = type(backend).__name__
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"{name} on {connection.vendor}: {args.n} articles "
        f"(load average {load}, {os.cpu_count()} CPUs)"
    )
    print(f"  seeding the pages: {seeding:.1f} s" if ids_seeded else "  seeding: reused")
    if keep:
        print("  index build: kept the last run's index")
    else:
        print(f"  index build (update_index): {build:.1f} s, {args.n / build:.0f} articles/s")
    if engine_pid and not keep:
        # The two processes take turns (a bulk request waits for the engine), so on a quiet
        # machine the build takes about their CPU time added up.
        print(
            f"  index build CPU time: site {build_cpu:.1f} s + engine {build_engine:.1f} s, "
            f"{args.n / (build_cpu + build_engine):.0f} articles per CPU second"
        )
    for kind in KINDS:
        values = reciprocal[kind]
        success = sum(1 for value in values if value) / len(values)
        print(
            f"  {kind:<10} MRR@10 {statistics.mean(values):.3f}  success@10 {success:.3f}"
            f"  ({len(values)} queries)"
        )
    print(
        f"  search page, {len(timings)} queries: p50 {percentile(timings, 0.5):.0f} ms  "
        f"p95 {percentile(timings, 0.95):.0f} ms  p99 {percentile(timings, 0.99):.0f} ms"
    )
    # CPU time of the site's process alone (not the database server's or the engine's): a figure
    # that holds on a shared machine, where the wall-clock latency above does not.
    print(
        f"  search page CPU time in the site's process: p50 {percentile(cpu, 0.5):.0f} ms  "
        f"p95 {percentile(cpu, 0.95):.0f} ms"
    )
    if engine_before:
        # The engine's own time (its query and fetch phases), less sensitive to load than wall
        # clock: what the engine spends per search page, over how many requests.
        spent, requests = (a - b for a, b in zip(engine_after, engine_before, strict=True))
        print(
            f"  engine time per search page: {spent / len(timings):.1f} ms "
            f"in {requests / len(timings):.1f} requests (query and fetch phases)"
        )
    if database:
        print(
            "  search page time in PostgreSQL (EXPLAIN ANALYZE execution time, summed): "
            f"p50 {percentile(database, 0.5):.0f} ms  p95 {percentile(database, 0.95):.0f} ms"
        )


def database_times(client, asked):
    """Per search page, the execution time PostgreSQL reports for its statements (EXPLAIN
    ANALYZE, asked again after the page): the database's share, apart from the round trips."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    for query in asked:
        with CaptureQueriesContext(connection) as captured:
            client.get("/search/", {"q": query})
        total = 0.0
        with connection.cursor() as cursor:
            for statement in captured.captured_queries:
                if statement["sql"].lstrip().upper().startswith("SELECT"):
                    cursor.execute("EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) " + statement["sql"])
                    total += cursor.fetchone()[0][0]["Execution Time"]  # psycopg reads the JSON
        times.append(total)
    return times


def backends():
    """(name, environment) of each backend to measure: SQLite always, the others when set."""
    scratch = Path(os.environ.get("SEARCH_BENCH_DIR", "/tmp"))  # noqa: S108 - scratch databases
    found = [
        (
            "sqlite",
            {"DATABASE_URL": f"sqlite:///{scratch}/portal_search_bench.sqlite3", "SEARCH_URL": ""},
        )
    ]
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        base, _, name = url.rpartition("/")
        found.append(
            ("postgresql", {"DATABASE_URL": f"{base}/{name or 'portal'}_bench", "SEARCH_URL": ""})
        )
    engine = os.environ.get("SEARCH_URL") or (LOCAL_ENGINE if answers(LOCAL_ENGINE) else "")
    if engine:
        found.append(
            (
                "engine",
                {
                    "DATABASE_URL": f"sqlite:///{scratch}/portal_search_bench_engine.sqlite3",
                    "SEARCH_URL": engine,
                    "SEARCH_BACKEND": os.environ.get("SEARCH_BACKEND") or "opensearch2",
                },
            )
        )
    return found


def answers(url):
    """Whether a search engine answers at `url` (the node `make search-engine` starts)."""
    try:
        with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - our own http://127.0.0.1 node
            return True
    except OSError:
        return False


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--known", type=int, default=200, help="known items asked for, per kind")
    parser.add_argument("--timed", type=int, default=200, help="searches timed on the search page")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--backends",
        default=os.environ.get("BACKENDS", ""),
        help="comma-separated sqlite,postgresql,engine to measure (default: every one available)",
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep a scratch database that holds the N articles already (no seeding)",
    )
    parser.add_argument(
        "--keep-index",
        action="store_true",
        help="with --reuse, search the index the last run built (no update_index)",
    )
    parser.add_argument("--only", help="measure this backend in this process (used internally)")
    args = parser.parse_args()
    if args.only:
        run_backend(args)
        return
    chosen = {name.strip() for name in args.backends.split(",") if name.strip()}
    for name, environment in backends():
        if chosen and name not in chosen:
            continue
        env = {**os.environ, **environment, "DJANGO_SETTINGS_MODULE": "portal.settings.test"}
        if not args.reuse:
            reset(env["DATABASE_URL"])
        command = [sys.executable, __file__, "--only", name, *sys.argv[1:]]
        subprocess.run(command, env=env, check=True)  # noqa: S603 - our own script


if __name__ == "__main__":
    main()
