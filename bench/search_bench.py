"""Search benchmark: seed N news articles in a scratch database, build the index, time searches.

    make bench-search                 # SQLite, 10,000 articles
    N=100000 make bench-search        # 100,000 articles
    DATABASE_URL=postgres://portal:portal@127.0.0.1:5432/portal make bench-search  # portal_bench
    REUSE=1 N=100000 make bench-search  # time the searches again on the last run's database

Prints the index build time and p50/p95/p99 latency of the search page over a fixed set of queries.
"""

import argparse
import datetime
import gc
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# Each article is about two of these themes; its text mixes their words with everyday words, as
# real articles do, so a query matches a share of the articles rather than nearly all of them.
THEMES = [
    "retrofit insulation wall roof loft draught glazing damp ventilation survey",
    "heat pump boiler heating radiator district network storage hot water",
    "solar panel roof battery storage inverter generation export tariff meter",
    "community energy cooperative share offer investors members dividend turbine",
    "flood resilience river drainage barrier sandbag warning volunteers plan",
    "school pupils teachers curriculum assembly playground eco council lesson",
    "housing association tenant landlord rent repair estate homes fuel poverty",
    "grant funding budget bid application lottery council match finance",
    "volunteer training skills apprentice mentoring workshop course trainer",
    "procurement contract tender supplier framework specification quote value",
    "transport cycling bus walking car club electric vehicle charging route",
    "food waste recycling repair circular economy compost garden surplus",
    "monitoring evaluation outcome data survey baseline indicator report impact",
    "biodiversity garden trees meadow wildlife pond hedgerow habitat species",
    "health wellbeing elderly youth loneliness activity clinic care visits",
    "policy planning consultation engagement residents meeting strategy vote",
]
EVERYDAY_TEXT = (
    "the and of to in for with on we our a was it that this by from at as year first new "
    "people local group project work time help made more than about after also many most "
    "team started found small next town village city area month week both each other what "
    "learned worked changed shared helped asked ran set up left still good better hard easy"
)
EVERYDAY = EVERYDAY_TEXT.split()
THEME_WORDS = [theme.split() for theme in THEMES]
QUERIES = [
    "retrofit",
    "retrofitting schools",
    "heat pump",
    "community energy cooperative",
    "flood resilience",
    "district heating battery",
    "volunteer training",
    "procurement",
    "zebra",
    "solar panel grant funding",
]


def scratch_database_url():
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        base, _, name = url.rpartition("/")
        return f"{base}/{name or 'portal'}_bench"
    return "sqlite:////tmp/portal_search_bench.sqlite3"


def sentence(rng, low, high, themes):
    """Everyday words with about one in three from the article's themes."""
    vocabulary = [word for theme in themes for word in THEME_WORDS[theme]]
    words = [
        rng.choice(vocabulary) if rng.random() < 0.35 else rng.choice(EVERYDAY)  # noqa: S311
        for _ in range(rng.randint(low, high))
    ]
    return " ".join(words).capitalize() + "."


def reset(url):
    if url.startswith("sqlite"):
        Path(url.removeprefix("sqlite:///")).unlink(missing_ok=True)
        return
    import psycopg

    base, _, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def seed(n, rng):
    """Bulk-insert N NewsPages under a news index, computing treebeard paths directly."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction

    from wagtail.models import Locale, Page

    from home.factories import HomePageFactory
    from news.factories import NewsIndexPageFactory
    from news.models import NewsPage

    root = Page.get_first_root_node()
    root.get_children().delete()
    home = HomePageFactory(parent=root)
    index = NewsIndexPageFactory(parent=home)
    locale = Locale.get_default()
    content_type = ContentType.objects.get_for_model(NewsPage)
    child_fields = list(NewsPage._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in child_fields)
    placeholders = ", ".join(["%s"] * len(child_fields))
    insert = f"INSERT INTO {NewsPage._meta.db_table} ({columns}) VALUES ({placeholders})"  # noqa: S608
    now = datetime.datetime.now(datetime.UTC)
    batch = 2000
    for start in range(0, n, batch):
        pages, page_themes = [], []
        for number in range(start, min(n, start + batch)):
            themes = rng.sample(range(len(THEMES)), 2)
            page_themes.append(themes)
            title = sentence(rng, 3, 7, themes).rstrip(".")
            slug = f"article-{number}"
            pages.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    path=index.path + to_step(number + 1),
                    depth=index.depth + 1,
                    numchild=0,
                    url_path=f"{index.url_path}{slug}/",
                    content_type=content_type,
                    locale=locale,
                    translation_key=uuid.uuid4(),
                    live=True,
                    first_published_at=now - datetime.timedelta(minutes=number),
                    last_published_at=now,
                )
            )
        with transaction.atomic():
            Page.objects.bulk_create(pages)
            ids = dict(
                Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk")
            )
            rows = []
            for page, themes in zip(pages, page_themes, strict=True):
                article = NewsPage(
                    page_ptr_id=ids[page.path],
                    intro=sentence(rng, 12, 25, themes),
                    author="Bench",
                    date=(now - datetime.timedelta(days=rng.randint(0, 2000))).date(),
                    body=[
                        ("paragraph", f"<p>{sentence(rng, 40, 120, themes)}</p>")
                        for _ in range(rng.randint(2, 5))
                    ],
                )
                rows.append(
                    [
                        f.get_db_prep_save(f.pre_save(article, True), connection)
                        for f in child_fields
                    ]
                )
            with connection.cursor() as cursor:
                cursor.executemany(insert, rows)
    Page.objects.filter(pk=index.pk).update(numchild=n)


def to_step(number):
    from wagtail.models import Page

    alphabet = Page.alphabet
    digits = ""
    while number:
        number, remainder = divmod(number, len(alphabet))
        digits = alphabet[remainder] + digits
    return digits.rjust(Page.steplen, alphabet[0])


def calibration():
    """The median time of a fixed pure-Python loop: shared machines change speed by half from one
    minute to the next, and this tells a slow run from a slow search."""
    timings = []
    for _ in range(7):
        started = time.perf_counter()
        sum(number * number for number in range(300_000))
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="time the searches on the scratch database the last run left (same N), unseeded",
    )
    args = parser.parse_args()

    url = scratch_database_url()
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    if not args.reuse:
        reset(url)

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client

    from news.models import NewsPage

    call_command("migrate", verbosity=0)
    if not args.reuse:
        rng = random.Random(args.seed)  # noqa: S311 - seeded benchmark text
        started = time.perf_counter()
        seed(args.n, rng)
        seeded = time.perf_counter() - started
        started = time.perf_counter()
        call_command("update_index", verbosity=0)
        indexed = time.perf_counter() - started
    elif NewsPage.objects.count() != args.n:
        raise SystemExit(
            f"--reuse: the scratch database holds no {args.n} articles; run without it"
        )
    with django.db.connection.cursor() as cursor:
        if django.db.connection.vendor == "postgresql":
            # What autovacuum does soon after a bulk load: planner statistics for the new rows.
            cursor.execute("ANALYZE")
        else:
            # What SQLite does once the bulk load's readers are gone: the write-ahead log (the
            # size of the database after a full index build) copied back and emptied.
            cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    client = Client()
    # A visitor with a session is matched afresh every time: the results visitors share per
    # content generation (search/views.py) would otherwise answer every search after the first.
    client.cookies[settings.SESSION_COOKIE_NAME] = "bench"
    for query in QUERIES:
        client.get("/search/", {"q": query})
    gc.freeze()  # as portal/wsgi.py does in every worker once the app is loaded
    by_query = {query: [] for query in QUERIES}
    for _ in range(args.rounds):
        for query in QUERIES:
            started = time.perf_counter()
            response = client.get("/search/", {"q": query})
            by_query[query].append((time.perf_counter() - started) * 1000)
            if response.status_code != 200:
                raise SystemExit(f"search for {query!r} answered {response.status_code}")
    timings = [timing for query_timings in by_query.values() for timing in query_timings]

    vendor = django.db.connection.vendor
    print(f"database: {vendor} ({url})")
    print(f"machine: {calibration():.1f} ms for a fixed Python loop (compare runs by it)")
    if args.reuse:
        print(f"articles: {args.n}  (reused: seeded and indexed by an earlier run)")
    else:
        print(f"articles: {args.n}  seeded in {seeded:.1f} s")
        print(f"index build (update_index): {indexed:.1f} s")
    print(
        f"{len(timings)} searches over {len(QUERIES)} queries "
        "(full search page: results, facets; none answered from the shared results)"
    )
    print(
        "median by query: "
        + ", ".join(f"{query} {statistics.median(t):.0f}" for query, t in by_query.items())
    )
    print(
        f"p50 {percentile(timings, 0.5):.1f} ms  p95 {percentile(timings, 0.95):.1f} ms  "
        f"p99 {percentile(timings, 0.99):.1f} ms  mean {statistics.mean(timings):.1f} ms"
    )


if __name__ == "__main__":
    main()
