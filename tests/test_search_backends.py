"""Search backends chosen by environment; what Wagtail's Elasticsearch backend builds for our pages.

The mappings and query bodies are checked without a server, through the backend's own mapping and
query compiler classes (as Wagtail's own tests do). The live test at the end runs when SEARCH_URL
names a real server: CI's third run starts OpenSearch for it (scripts/search-engine.sh).
"""

import importlib
import importlib.metadata
import importlib.util
import json
import os
import subprocess
import sys
import tomllib
import uuid
from pathlib import Path

import pytest

from django.contrib.auth.models import AnonymousUser, Group, User
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection
from django.db.models.functions import Length
from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from casestudies.models import CaseStudyPage
from home.factories import RegionFactory, SectorFactory, TopicFactory
from knowledge.factories import KnowledgeArticlePageFactory, KnowledgeIndexPageFactory
from knowledge.models import KnowledgeArticlePage
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsPage
from portal.settings import env
from search import query as q

ROOT = Path(__file__).resolve().parent.parent
ENGINES = ["elasticsearch8", "elasticsearch9", "opensearch2", "opensearch3"]


def settings_from(**environ):
    """WAGTAILSEARCH_BACKENDS as a fresh process reads it from `environ`."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("SEARCH_")}
    clean.update(DJANGO_SETTINGS_MODULE="portal.settings.test", **environ)
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.WAGTAILSEARCH_BACKENDS))"
    )
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])["default"]


def test_settings_use_the_database_backend_without_search_variables():
    assert settings_from() == {"BACKEND": "search.backends"}


def test_settings_take_engine_url_and_index_prefix_from_the_environment():
    backend = settings_from(
        SEARCH_BACKEND="opensearch3",
        SEARCH_URL="https://search.example.org:9200",
        SEARCH_INDEX_PREFIX="network_",
    )
    assert backend["BACKEND"] == "search.engine"
    assert backend["ENGINE"] == "wagtail.search.backends.opensearch3"
    assert backend["URLS"] == ["https://search.example.org:9200"]
    assert backend["INDEX_PREFIX"] == "network_"
    assert "INDEX" not in backend


@pytest.mark.parametrize("kind", ENGINES)
def test_engine_modules_are_wagtails_own_over_django_modelsearch(kind):
    path = env.search_backends(kind, "http://search:9200", "portal_")["default"]["ENGINE"]
    assert path == f"wagtail.search.backends.{kind}"
    # Found without importing: the OpenSearch modules need opensearch-py, installed only with them.
    wrapper = Path(importlib.util.find_spec(path).origin).read_text()
    assert f"from modelsearch.backends.{kind} import *" in wrapper


def test_installed_elasticsearch_client_matches_the_default_engine_module():
    """SEARCH_URL alone selects elasticsearch9, so the pinned client must be 9.x."""
    default = env.search_backends("", "http://search:9200", "portal_")["default"]["ENGINE"]
    major = int(importlib.metadata.version("elasticsearch").split(".")[0])
    assert default == f"wagtail.search.backends.elasticsearch{major}"
    pins = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert f"elasticsearch>={major},<{major + 1}" in pins
    assert f"elasticsearch=={importlib.metadata.version('elasticsearch')}" in (
        (ROOT / "requirements.txt").read_text().splitlines()
    )
    module = importlib.import_module(default)
    assert module.SearchBackend.__name__ == f"Elasticsearch{major}SearchBackend"


def engine(prefix="portal_"):
    """The Elasticsearch backend object our settings describe; building it opens no connection."""
    params = env.search_backends("elasticsearch9", "http://search.invalid:9200", prefix)
    return get_search_backend(params["default"]["BACKEND"], **dict(params["default"]))


def test_engine_backend_puts_every_page_type_in_one_prefixed_index(db):
    backend = engine("network_")
    assert backend.index_prefix == "network_"
    names = {backend.get_index_for_model(m).name for m in (NewsPage, CaseStudyPage, Page)}
    assert names == {"network_wagtailcore_page"}


def properties(model):
    return engine().mapping_class(model).get_mapping()["properties"]


def copies_to(field):
    targets = field["copy_to"]
    return [targets] if isinstance(targets, str) else targets


@pytest.mark.parametrize(
    "model,prefix",
    [
        (KnowledgeArticlePage, "knowledge_knowledgearticlepage"),
        (CaseStudyPage, "casestudies_casestudypage"),
        (NewsPage, "news_newspage"),
    ],
)
def test_mapping_boosts_title_and_summary_and_nests_topic_names(model, prefix):
    mapping = properties(model)
    assert mapping["title"]["type"] == "text"
    assert "_all_text_boost_2_0" in copies_to(mapping["title"])
    assert copies_to(mapping[f"{prefix}__intro"]) == ["_all_text", "_all_text_boost_2_0"]
    body = "challenge" if model is CaseStudyPage else "body"
    assert copies_to(mapping[f"{prefix}__{body}"]) == ["_all_text"]
    topics = mapping[f"{prefix}__topics"]
    assert topics["type"] == "nested"
    assert topics["properties"]["name"] == {"type": "text", "copy_to": "_all_text"}
    assert mapping["title_edgengrams"]["analyzer"] == "edgengram_analyzer"
    for name, kind in (
        ("live_filter", "boolean"),
        ("locale_id_filter", "integer"),
        ("content_type_id_filter", "integer"),
        ("path_filter", "keyword"),
        ("id_filter", "integer"),
        ("first_published_at_filter", "date"),
    ):
        assert mapping[name] == {"type": kind}, name


def test_case_study_mapping_boosts_organisation_and_filters_sector_region_year():
    mapping = properties(CaseStudyPage)
    prefix = "casestudies_casestudypage"
    assert copies_to(mapping[f"{prefix}__organisation_name"]) == [
        "_all_text",
        "_all_text_boost_2_0",
    ]
    for name in ("sector", "region"):
        assert mapping[f"{prefix}__{name}"]["properties"]["name"]["type"] == "text"
        assert mapping[f"{prefix}__{name}_id_filter"]["type"] in ("integer", "long")
    assert mapping[f"{prefix}__year_filter"] == {"type": "integer"}


def test_knowledge_mapping_filters_members_only():
    mapping = properties(KnowledgeArticlePage)
    assert mapping["knowledge_knowledgearticlepage__members_only_filter"] == {"type": "boolean"}


def test_case_study_document_carries_organisation_topics_sector_and_region(home):
    topic = TopicFactory(name="Heat pumps", slug="heat-pumps")
    study = CaseStudyPageFactory(
        parent=CaseStudyIndexPageFactory(parent=home),
        title="A warmer hall",
        organisation_name="Northfield Energy Trust",
        sector=SectorFactory(name="Housing", slug="housing"),
        region=RegionFactory(name="North", slug="north"),
        topics=[topic],
    )
    document = engine().mapping_class(CaseStudyPage).get_document(study.specific)
    prefix = "casestudies_casestudypage"
    assert document["title"] == "A warmer hall"
    assert document[f"{prefix}__organisation_name"] == "Northfield Energy Trust"
    assert document[f"{prefix}__topics"] == [{"name": "Heat pumps"}]
    assert document[f"{prefix}__sector"] == {"name": "Housing"}
    assert document[f"{prefix}__region"] == {"name": "North"}
    assert document["live_filter"] is True
    assert document["path_filter"] == study.path


def leaves(node, key):
    """Every clause `{key: ...}` anywhere in an Elasticsearch query body."""
    if isinstance(node, dict):
        for name, value in node.items():
            if name == key:
                yield value
            yield from leaves(value, key)
    elif isinstance(node, list):
        for value in node:
            yield from leaves(value, key)


@pytest.fixture
def restricted(home):
    """A members-only knowledge article: its path must be excluded for visitors."""
    article = KnowledgeArticlePageFactory(
        parent=KnowledgeIndexPageFactory(parent=home), title="Private notes", members_only=True
    )
    return article


def visitor_pages(rf, params):
    request = rf.get(reverse("search"), params)
    request.user = AnonymousUser()
    filters = q.Filters.from_params(request.GET)
    return filters.apply(q.readable_pages(request))


def test_engine_query_for_a_filtered_search_keeps_privacy_language_and_facets(rf, home, restricted):
    topic = TopicFactory(name="Heat pumps", slug="heat-pumps")
    NewsPageFactory(parent=NewsIndexPageFactory(parent=home))
    pages = visitor_pages(rf, {"q": "retrofitting", "type": "news.newspage", "topic": topic.slug})
    body = (
        engine()
        .search(q.search_query(engine(), ["retrofitting"]), pages)
        .query_compiler.get_query()
    )

    terms = list(leaves(body, "term"))
    assert {"live_filter": True} in terms
    assert {"locale_id_filter": Locale.get_default().pk} in terms
    assert {"content_type_id_filter": ContentType.objects.get_for_model(NewsPage).pk} in terms
    assert {"path_filter": restricted.path} in list(leaves(body, "prefix"))
    must_not = list(leaves(body, "must_not"))
    assert must_not and all("prefix" in json.dumps(clause) for clause in must_not)
    assert list(leaves(body, "terms")) == [{"id_filter": []}]  # topic with no tagged page

    # The word as typed and within the engine's fuzziness (search/engine.py), in each field:
    # title and summary weigh double; the same text stemmed in the reader's language.
    matches = [
        (field, match)
        for clause in leaves(body, "match")
        for field, match in clause.items()
        if field != "_django_content_type"
    ]
    assert {field for field, _match in matches} == {
        "_all_text",
        "_all_text_boost_2_0",
        "_all_text.english",
        "_all_text_boost_2_0.english",
    }
    assert all(match["query"] == "retrofitting" for _field, match in matches)
    assert {"fuzziness" in match for _field, match in matches} == {True, False}
    assert all(
        match.get("boost") == 2.0 for field, match in matches if field.startswith("_all_text_boost")
    )


def test_engine_query_for_members_has_no_path_exclusion(rf, restricted):
    request = rf.get(reverse("search"), {"q": "notes"})
    request.user = User.objects.create_user("member")
    request.user.groups.add(Group.objects.get(name="Members"))
    pages = q.Filters.from_params(request.GET).apply(q.readable_pages(request))
    body = engine().search(q.search_query(engine(), ["notes"]), pages).query_compiler.get_query()
    assert list(leaves(body, "prefix")) == []


def test_engine_sorts_newest_first_and_autocompletes_on_edge_ngrams(rf, restricted):
    pages = visitor_pages(rf, {"q": "retrofit"}).order_by("-first_published_at", "-id")
    compiler = (
        engine()
        .search(q.search_query(engine(), ["retrofit"]), pages, order_by_relevance=False)
        .query_compiler
    )
    assert compiler.get_sort() == [
        {"first_published_at_filter": "desc"},
        {"id_filter": "desc"},
    ]
    suggest = engine().autocomplete("retro", visitor_pages(rf, {})).query_compiler.get_query()
    assert {"_edgengrams": {"query": "retro"}} in list(leaves(suggest, "match"))


@pytest.mark.live_search
@pytest.mark.skipif(not os.environ.get("SEARCH_URL"), reason="SEARCH_URL names no search engine")
def test_live_engine_indexes_publishes_searches_and_cleans_up(client, settings, home):
    """Against a real server: build a prefixed index, publish into it, search, then delete it."""
    prefix = f"portal_test_{uuid.uuid4().hex[:8]}_"
    settings.WAGTAILSEARCH_BACKENDS = env.search_backends(
        os.environ.get("SEARCH_BACKEND", ""), os.environ["SEARCH_URL"], prefix
    )
    backend = get_search_backend()
    try:
        call_command("update_index", verbosity=0)
        index = NewsIndexPageFactory(parent=home)
        NewsPageFactory(parent=index, title="Retrofit of the town hall", intro="Walls.")
        CaseStudyPageFactory(
            parent=CaseStudyIndexPageFactory(parent=home),
            title="A warmer hall",
            organisation_name="Northfield Energy Trust",
        )
        KnowledgeArticlePageFactory(
            parent=KnowledgeIndexPageFactory(parent=home),
            title="Private retrofit notes",
            members_only=True,
        )
        backend.refresh_indexes()

        def titles(query):
            response = client.get(reverse("search"), {"q": query})
            assert response.status_code == 200
            return [item["page"].title for item in response.context["items"]]

        assert titles("retrofitting") == ["Retrofit of the town hall"]
        assert titles("northfield") == ["A warmer hall"]
        suggestions = client.get(reverse("search_suggest"), {"q": "retro"}).json()["results"]
        assert [s["title"] for s in suggestions] == ["Retrofit of the town hall"]
    finally:
        for name in backend.es.indices.get(index=f"{prefix}*"):
            backend.es.indices.delete(index=name)


def test_any_other_database_counts_facets_of_readable_pages_only(
    client, settings, monkeypatch, home, restricted
):
    """On a database without a full-text backend of ours (modelsearch's MySQL or LIKE fallback),
    the results still count facets, and only over what the searcher may read."""
    settings.WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}
    monkeypatch.setattr(connection, "vendor", "other")
    assert type(get_search_backend()).__name__ == "DatabaseSearchBackend"
    topic = TopicFactory(name="Heat pumps", slug="heat-pumps")
    public = NewsPageFactory(parent=NewsIndexPageFactory(parent=home), title="Public notes")
    for page in (public, restricted):
        page.topics.add(topic)
        page.save_revision().publish()

    facets = {
        found["name"]: {option["label"]: option["count"] for option in found["options"]}
        for found in client.get(reverse("search"), {"q": "notes"}).context["facets"]
    }
    assert facets["type"] == {"News items": 1}
    assert facets["topic"] == {"Heat pumps": 1}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="modelsearch's PostgreSQL index")
def test_postgres_update_index_stems_each_language_as_its_own_and_norms_every_title(home):
    """A rebuild in batches of one, of pages in two languages: each page's words are stemmed in its
    language's configuration, and every title norm comes out as modelsearch defines it (mean
    title length / length), over both languages."""
    index = NewsIndexPageFactory(parent=home)
    for title in ["Heat pumps", "Heat pumps for the village school", "New bus routes"]:
        NewsPageFactory(parent=index, title=title)
    french = Locale.objects.create(language_code="fr")
    translated = (
        index.get_children().first().specific.copy_for_translation(french, copy_parents=True)
    )
    translated.title = "Pompes énergétiques"
    translated.save_revision().publish()
    call_command("update_index", chunk_size=1, verbosity=0)
    entries = IndexEntry.objects.annotate(length=Length("title")).filter(length__gt=0)
    mean = sum(entry.length for entry in entries) / len(entries)
    assert len(entries) >= 5  # the home page, the index, three pages, the translation
    assert all(entry.title_norm == pytest.approx(mean / entry.length) for entry in entries)
    french_entry = entries.get(object_id=str(translated.pk))
    assert "'énerget'" in french_entry.title  # French stems; English would keep "énergétiqu"


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a PostgreSQL index")
def test_postgres_pages_have_an_index_on_the_key_search_entries_join_on(home):
    """modelsearch joins index entries to pages on the page id as text; an index of pages on
    exactly that expression lets each match find its page, not every page be read per search."""
    backend = get_search_backend()
    sql = str(backend.search("heat", Page.objects.live()).get_queryset().query)
    assert '"wagtailsearch_indexentry"."object_id" = ("wagtailcore_page"."id")::varchar(50)' in sql
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE tablename = 'wagtailcore_page'")
        definitions = [row[0] for row in cursor.fetchall()]
    assert any("((id)::character varying(50))" in definition for definition in definitions)
