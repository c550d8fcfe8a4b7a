"""The search engine: stemming per language, typos, and a site that keeps working when it is down.

The mapping and query tests build Wagtail's engine backend without a server. The `live_search`
tests run on the engine at SEARCH_URL (CI's third run, `scripts/search-engine.sh start`); the
failure test starts a node of its own on another port with the same script, so it can stop it.
"""

import os
import subprocess
import threading
import time
import uuid
from pathlib import Path

import pytest
from opensearchpy import OpenSearch

from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import Fuzzy
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.factories import StandardPageFactory, TopicFactory
from knowledge.factories import EditorFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsPage
from portal.settings import env
from search.engine import ANALYZERS

ROOT = Path(__file__).resolve().parent.parent
needs_engine = pytest.mark.skipif(
    not os.environ.get("SEARCH_URL"), reason="SEARCH_URL names no search engine"
)


def engine_backend():
    """Our engine backend as the settings build it for OpenSearch; this opens no connection."""
    params = dict(env.search_backends("opensearch2", "http://search.invalid:9200", "p_")["default"])
    return get_search_backend(params.pop("BACKEND"), **params)


def test_the_catch_all_text_fields_have_a_stemmed_field_per_language(db):
    mapping = engine_backend().mapping_class(NewsPage).get_mapping()["properties"]
    languages = {name: {"type": "text", "analyzer": name} for name in ANALYZERS.values()}
    assert set(languages) == {"english", "french", "spanish"}
    for name in ("_all_text", "_all_text_boost_2_0"):
        assert mapping[name]["fields"] == languages, name
    # Each field is copied there, as written; autocomplete keeps its n-grams, filters stay exact.
    assert copies_to(mapping["news_newspage__intro"]) == ["_all_text", "_all_text_boost_2_0"]
    for name in ("title", "news_newspage__intro", "_edgengrams", "title_edgengrams"):
        assert "fields" not in mapping[name], name
    assert mapping["live_filter"] == {"type": "boolean"}


def test_engine_documents_read_every_pages_topics_from_one_prefetch(
    home, django_assert_max_num_queries
):
    index = NewsIndexPageFactory(parent=home)
    topic = TopicFactory(name="Heat pumps")
    for number in range(6):
        page = NewsPageFactory(parent=index, title=f"Pumps {number}")
        page.topics.add(topic)
        page.save()
    mapping = engine_backend().mapping_class(NewsPage)
    with django_assert_max_num_queries(3):  # the pages, their topics, and nothing per page
        documents = [mapping.get_document(page) for page in NewsPage.get_indexed_objects()]
    assert [document["news_newspage__topics_filter"] for document in documents] == [[topic.pk]] * 6


def copies_to(field):
    return field["copy_to"] if isinstance(field["copy_to"], list) else [field["copy_to"]]


@pytest.mark.parametrize(
    "language,analyzer", [("en", "english"), ("fr", "french"), ("es", "spanish")]
)
def test_a_search_matches_the_words_as_written_or_stemmed_in_the_language_being_read(
    db, language, analyzer
):
    with translation.override(language):
        query = engine_backend().search("pompes", Page).query_compiler.get_query()
    fields = query["bool"]["must"]["multi_match"]["fields"]
    assert "_all_text" in fields and f"_all_text.{analyzer}" in fields
    assert "_all_text_boost_2_0^2.0" in fields and f"_all_text_boost_2_0.{analyzer}^2.0" in fields


@pytest.mark.live_search
@needs_engine
def test_engine_finds_other_inflections_in_each_language(home):
    pages = {
        "en": StandardPageFactory(parent=home, title="Heat pumps for schools"),
        "fr": StandardPageFactory(parent=home, title="Les pompes à chaleur des écoles"),
        "es": StandardPageFactory(parent=home, title="Las bombas de calor en las escuelas"),
    }
    queries = {"en": ["pump", "school"], "fr": ["pompe", "école"], "es": ["bomba", "escuela"]}
    for language, words in queries.items():
        with translation.override(language):
            for word in words:
                assert list(get_search_backend().search(word, Page)) == [pages[language].page_ptr]


@pytest.mark.live_search
@needs_engine
def test_engine_finds_a_page_despite_a_typo_in_a_fuzzy_search(home):
    page = StandardPageFactory(parent=home, title="Retrofitting the town hall")
    with translation.override("en"):
        assert list(get_search_backend().search(Fuzzy("retorfitting"), Page)) == [page.page_ptr]


@pytest.mark.live_search
@needs_engine
def test_engine_highlights_the_paragraph_that_matches_any_form_of_the_word(home):
    StandardPageFactory(
        parent=home,
        title="Town hall",
        intro="A report.",
        body=[("paragraph", "<p>First we met.</p>"), ("paragraph", "<p>Two pumps & more.</p>")],
    )
    with translation.override("en"):
        [found] = get_search_backend().search("pump", Page)
    assert found.search_highlight == "Two <mark>pumps</mark> & more."


def test_engine_searches_each_word_as_typed_or_within_the_engines_fuzziness(db):
    backend = engine_backend()
    with translation.override("en"):
        query = backend.search(backend.word_query("retorfitting"), Page).query_compiler.get_query()
    clauses = [
        clause
        for field in query["bool"]["must"]["dis_max"]["queries"]
        for clause in field["bool"]["should"]
    ]
    assert {"query": "retorfitting", "operator": "and"} in [
        next(iter(clause["match"].values())) for clause in clauses
    ]
    fuzzy = [next(iter(c["match"].values())) for c in clauses if "fuzziness" in str(c)]
    assert fuzzy and all(match["fuzziness"] == "AUTO" for match in fuzzy)


@pytest.mark.live_search
@needs_engine
def test_engine_finds_a_misspelled_word_without_a_correction_and_ranks_the_exact_word_first(
    client, home
):
    index = NewsIndexPageFactory(parent=home)
    # Fixed intros and bylines: generated ones could hold "survey" or a surname like "Warden".
    fixed = {"intro": "A note from the network.", "byline": "Editorial team"}
    warden = NewsPageFactory(parent=index, title="Warden survey in Selby", **fixed)
    garden = NewsPageFactory(parent=index, title="Garden survey in Selby", **fixed)
    NewsPageFactory(parent=index, title="Bus routes in Selby", **fixed)
    response = client.get(reverse("search"), {"q": "garden survey"})
    assert [page.pk for page in response.context["results"]] == [garden.pk, warden.pk]
    typo = client.get(reverse("search"), {"q": "gardne survey"})
    assert garden.pk in [page.pk for page in typo.context["results"]]
    assert not typo.context["correction"]


@pytest.mark.live_search
@needs_engine
def test_engine_ranks_a_page_with_every_word_one_misspelled_above_pages_with_some_words(
    client, home
):
    index = NewsIndexPageFactory(parent=home)
    fixed = {"intro": "A note from the network.", "byline": "Editorial team"}
    # "buess" is one swap from "buses", but its stem ("buess") is two edits from theirs ("buse").
    buses = NewsPageFactory(parent=index, title="Selby buses repaired in winter", **fixed)
    some = NewsPageFactory(parent=index, title="Selby repaired", **fixed)
    response = client.get(reverse("search"), {"q": "selby buess repaired"})
    assert [page.pk for page in response.context["results"]] == [buses.pk, some.pk]


@pytest.mark.live_search
@needs_engine
def test_a_rebuild_fills_its_new_index_unrefreshed_and_restores_refreshing_after(db):
    prefix = f"portal_test_{uuid.uuid4().hex[:8]}_"
    params = dict(env.search_backends("opensearch2", os.environ["SEARCH_URL"], prefix)["default"])
    backend = get_search_backend(params.pop("BACKEND"), **params)
    rebuilder = backend.rebuilder_class(backend.get_index_for_model(Page))
    index = rebuilder.start()

    def refresh_interval():
        found = backend.es.indices.get_settings(index=index.name)
        return found[index.name]["settings"]["index"].get("refresh_interval")

    def index_settings():
        found = backend.es.indices.get_settings(index=index.name)[index.name]["settings"]["index"]
        return found.get("refresh_interval"), found.get("translog", {}).get("durability")

    try:
        assert index_settings() == ("-1", "async")
        rebuilder.finish()
        assert index_settings() == (None, None)
    finally:
        backend.es.indices.delete(index=f"{prefix}*")


@pytest.mark.live_search
@needs_engine
def test_update_index_sends_its_bulk_requests_from_threads_while_it_builds_the_next_batch(
    home, monkeypatch
):
    index = NewsIndexPageFactory(parent=home)
    pages = [NewsPageFactory(parent=index, title=f"Warden survey {n}") for n in range(7)]
    sent_from = []
    # modelsearch's backend class, under our mixins: it sends the requests.
    engine_class = next(
        c for c in type(get_search_backend()).__mro__ if c.__module__.startswith("modelsearch.")
    )
    send = engine_class.bulk

    def recorded(self, *args, **kwargs):
        sent_from.append(threading.current_thread().name)
        return send(self, *args, **kwargs)

    monkeypatch.setattr(engine_class, "bulk", recorded)
    call_command("update_index", chunk_size=2, verbosity=0)
    assert sent_from and all(name.startswith("bulk") for name in sent_from)
    found = get_search_backend().search("warden survey", NewsPage)
    assert {page.pk for page in found} == {page.pk for page in pages}


class Node:
    """An OpenSearch node of the test's own, started and stopped by the project's script."""

    def __init__(self, port):
        self.port = port
        self.url = f"http://127.0.0.1:{port}"

    def run(self, action):
        subprocess.run(  # noqa: S603
            ["bash", str(ROOT / "scripts/search-engine.sh"), action],  # noqa: S607
            env={**os.environ, "SEARCH_ENGINE_PORT": str(self.port)},
            check=True,
            timeout=600,
        )


@pytest.fixture
def own_node():
    node = Node(9201)
    node.run("start")
    yield node
    node.run("stop")


def publish_news(client, index, title):
    data = nested_form_data(
        {
            "title": title,
            "slug": title.lower().replace(" ", "-"),
            "intro": "Two hundred bikes.",
            "date": "2026-05-01",
            "byline": "Editorial team",
            "body": streamfield([("paragraph", rich_text("<p>It opened.</p>"))]),
            "action-publish": "publish",
        }
    )
    url = reverse("wagtailadmin_pages:add", args=["news", "newspage", index.pk])
    started = time.monotonic()
    response = client.post(url, data)
    assert response.status_code == 302, response.context and response.context["form"].errors
    return time.monotonic() - started


@pytest.mark.live_search
@needs_engine
def test_publishing_and_editing_go_on_while_the_engine_is_down_and_update_index_catches_up(
    client, settings, home, own_node
):
    settings.WAGTAILSEARCH_BACKENDS = env.search_backends(
        "opensearch2", own_node.url, f"portal_test_{uuid.uuid4().hex[:8]}_"
    )
    call_command("update_index", verbosity=0)
    index = NewsIndexPageFactory(parent=home)
    existing = NewsPageFactory(parent=index, title="Bike lanes planned")
    client.force_login(EditorFactory())

    own_node.run("stop")
    assert publish_news(client, index, "Bike share opens") < 5
    edit = client.post(
        reverse("wagtailadmin_pages:edit", args=[existing.pk]),
        nested_form_data(
            {
                "title": "Bike lanes opened",
                "slug": existing.slug,
                "intro": "Four kilometres.",
                "date": "2026-05-02",
                "byline": "Editorial team",
                "body": streamfield([("paragraph", rich_text("<p>Open.</p>"))]),
                "action-publish": "publish",
            }
        ),
    )
    assert edit.status_code == 302
    assert NewsPage.objects.get(pk=existing.pk).title == "Bike lanes opened"
    assert NewsPage.objects.live().filter(title="Bike share opens").exists()

    own_node.run("start")  # a new node, empty: update_index builds everything again
    call_command("update_index", verbosity=0)
    backend = get_search_backend()
    backend.refresh_indexes()
    with translation.override("en"):
        found = {page.title for page in backend.search("bike", NewsPage)}
    assert found == {"Bike share opens", "Bike lanes opened"}


@pytest.fixture
def engine_down(settings, db):
    """The engine configured, and nothing listening at its address."""
    settings.WAGTAILSEARCH_BACKENDS = env.search_backends(
        "opensearch2", "http://127.0.0.1:9", f"portal_test_{uuid.uuid4().hex[:8]}_"
    )


def test_search_page_says_search_is_unavailable_while_the_engine_is_down(client, home, engine_down):
    NewsPageFactory(parent=NewsIndexPageFactory(parent=home), title="Bike share opens")
    response = client.get(reverse("search"), {"q": "bike"})
    assert response.status_code == 503
    assert "Search is unavailable" in response.content.decode()
    suggestions = client.get(reverse("search_suggest"), {"q": "bik"})
    assert suggestions.status_code == 200 and suggestions.json()["results"] == []


@pytest.mark.live_search
@needs_engine
def test_engine_answers_a_search_page_in_one_request_and_one_for_its_facets(
    client, home, monkeypatch
):
    index = NewsIndexPageFactory(parent=home)
    for title in ("Selby heat pumps", "Selby heat pump grants", "Selby garden"):
        NewsPageFactory(parent=index, title=title)
    sent = []
    for name in ("search", "count", "msearch"):
        send = getattr(OpenSearch, name)
        monkeypatch.setattr(OpenSearch, name, recording(send, name, sent))
    response = client.get(reverse("search"), {"q": "selby heat pumps"})
    assert response.status_code == 200
    assert response.context["results"].paginator.count == 3
    pages = [name for name, index in sent if "wagtailcore_page" in index]
    assert pages == ["search", "search"]  # the page of hits with its counts; the facets


def recording(send, name, sent):
    def record(client, *args, **kwargs):
        sent.append((name, str(kwargs.get("index"))))
        return send(client, *args, **kwargs)

    return record


@pytest.mark.live_search
@needs_engine
def test_engine_ranks_every_word_in_another_form_above_pages_with_some_words_as_written(
    client, home
):
    index = NewsIndexPageFactory(parent=home)
    fixed = {"intro": "A note from the network.", "byline": "Editorial team"}
    # The reader remembers "pump" and "installing" in a title, and asks for "pumps installed".
    remembered = NewsPageFactory(parent=index, title="Selby pump installing", **fixed)
    body = [("paragraph", "<p>Volunteers installed them in Selby.</p>")]
    written = NewsPageFactory(parent=index, title="Selby pumps", body=body, **fixed)
    some = NewsPageFactory(parent=index, title="Selby pumps survey", **fixed)
    response = client.get(reverse("search"), {"q": "selby pumps installed"})
    assert [page.pk for page in response.context["results"]] == [remembered.pk, written.pk, some.pk]
