"""What visitors share besides whole pages: fragments of public pages and search results, kept
per content generation, never for members, bounded against made-up input; and the memo under it."""

import pytest

from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.http import Http404
from django.template import engines
from django.test.utils import CaptureQueriesContext

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from knowledge.factories import KnowledgeArticlePageFactory, KnowledgeIndexPageFactory
from members.factories import MemberProfileFactory, approved_comment
from news.factories import NewsIndexPageFactory, NewsPageFactory
from portal import page_cache
from portal.page_cache import GENERATION_KEY, remember

SEARCH = "/search/"


@pytest.fixture
def article(home):
    return KnowledgeArticlePageFactory(
        parent=KnowledgeIndexPageFactory(parent=home), title="Moving email to the cloud"
    )


@pytest.fixture
def member(db):
    return MemberProfileFactory().user


def stored(kind):
    """Keys of the shared cache holding `kind` (fragment:<name>, search)."""
    return [key for key in caches["pages"]._cache if f":{kind}:" in key]


def test_visitors_share_the_discussion_and_a_new_comment_shows_at_once(client, article, member):
    approved_comment(article, member, "We moved in a weekend.")
    assert "We moved in a weekend." in client.get(article.url).content.decode()
    assert stored("fragment:discussion")
    approved_comment(article, member, "Ours took a month.")
    page = client.get(article.url).content.decode()
    assert "We moved in a weekend." in page and "Ours took a month." in page


def test_members_get_their_own_forms_never_the_visitors_fragments(client, article, member):
    visitor_page = client.get(article.url).content.decode()
    assert "Log in</a> to join the discussion" in visitor_page
    client.force_login(member)
    member_page = client.get(article.url).content.decode()
    assert 'name="comment"' in member_page and "Log out" in member_page
    assert "Log in</a> to join the discussion" not in member_page
    client.logout()
    assert 'name="comment"' not in client.get(article.url).content.decode()
    assert not any(b"csrfmiddlewaretoken" in value for value in caches["pages"]._cache.values())


def test_a_fragment_rendered_with_a_csrf_token_is_not_kept(rf, home):
    template = engines["django"].from_string(
        '{% load shared_tags %}{% shared "form" %}{% csrf_token %}{% endshared %}'
    )
    for _ in range(2):
        request = rf.get("/")
        request.user = AnonymousUser()
        request.serves_public_page = True
        html = template.render({"page": home}, request)
        assert "csrfmiddlewaretoken" in html
    assert stored("fragment:form") == []


def test_a_changed_title_reaches_visitors_of_a_shared_listing(client, home):
    news_index = NewsIndexPageFactory(parent=home)
    item = NewsPageFactory(parent=news_index, title="Flood defences work")
    assert "Flood defences work" in client.get(news_index.url).content.decode()
    item.title = "Flood defences held"
    item.save_revision().publish()
    listing = client.get(news_index.url).content.decode()
    assert "Flood defences held" in listing and "Flood defences work" not in listing


def test_made_up_filters_store_a_bounded_number_of_fragments(client, home, settings):
    settings.PAGE_CACHE_MAX_VARIANTS = 3
    index = CaseStudyIndexPageFactory(parent=home)
    CaseStudyPageFactory(parent=index)
    for number in range(10):
        response = client.get(index.url, {"sector": f"made-up-{number}", "page": number})
        assert response.status_code == 200
    assert len(stored("fragment:case-browser")) == 3
    assert client.get(index.url, {"sector": "made-up-99"}).status_code == 200


def test_members_only_article_never_enters_a_shared_fragment(client, home, member):
    index = KnowledgeIndexPageFactory(parent=home)
    KnowledgeArticlePageFactory(parent=index, title="Grant budget template", members_only=True)
    client.force_login(member)
    assert "Grant budget template" in client.get(index.url).content.decode()
    client.logout()
    assert "Grant budget template" not in client.get(index.url).content.decode()
    kept = [*caches["pages"]._cache.values(), *page_cache.local_memo.entries.values()]
    assert not any(b"Grant budget template" in value for value in kept)


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


def warm_up(client):
    """Render once (the site's settings are made on first use, a change) and start afresh."""
    client.get("/")
    caches["pages"].clear()


def publish(page):
    page.save_revision().publish()
    return page


def test_members_search_on_their_own_and_visitors_never_see_their_results(
    client, news_index, member
):
    private = publish(NewsPageFactory(parent=news_index, title="Board pump minutes"))
    private.view_restrictions.create(restriction_type="login")
    publish(NewsPageFactory(parent=news_index, title="Public pump news"))
    client.force_login(member)
    assert "Board pump minutes" in client.get(SEARCH, {"q": "pump"}).content.decode()
    client.logout()
    html = client.get(SEARCH, {"q": "pump"}).content.decode()
    assert "Public pump news" in html and "Board pump minutes" not in html
    assert not any(b"Board pump minutes" in value for value in caches["pages"]._cache.values())


def test_a_visitor_with_a_session_searches_afresh(client, news_index, settings):
    publish(NewsPageFactory(parent=news_index, title="Heat pump trial"))
    client.cookies[settings.SESSION_COOKIE_NAME] = "may-hold-a-page-password"
    assert "Heat pump trial" in client.get(SEARCH, {"q": "pump"}).content.decode()
    assert stored("search") == []


def test_remembered_values_are_copies_and_follow_another_workers_change(db):
    first = remember("numbers", lambda: [1, 2])
    again = remember("numbers", lambda: [3])
    assert again == [1, 2] and again is not first
    again.append(9)
    assert remember("numbers", lambda: [3]) == [1, 2]
    caches["pages"].set(GENERATION_KEY, "set-by-another-worker")  # a change saved elsewhere
    assert remember("numbers", lambda: [3]) == [3]


def test_a_request_reads_the_generation_once(client, home, monkeypatch):
    client.get(home.url)
    reads = []
    get = type(caches["pages"]).get

    def counting_get(cache, key, *args, **kwargs):
        if key == GENERATION_KEY:
            reads.append(key)
        return get(cache, key, *args, **kwargs)

    monkeypatch.setattr(type(caches["pages"]), "get", counting_get)
    assert client.get(home.url).status_code == 200
    assert len(reads) == 1


def test_a_deploy_starts_a_new_generation(db):
    remember("menu", lambda: "old code's menu")
    emit_post_migrate_signal(verbosity=0, interactive=False, db="default")
    assert remember("menu", lambda: "new code's menu") == "new code's menu"


def test_a_public_pages_remembered_route_spares_the_restriction_query(client, news_index):
    item = NewsPageFactory(parent=news_index)
    warm_up(client)
    client.get(item.url)
    with CaptureQueriesContext(connection) as context:
        assert client.get(item.url).status_code == 200
    assert not [q for q in context.captured_queries if "pageviewrestriction" in q["sql"]]
    item.view_restrictions.create(restriction_type="login")
    assert client.get(item.url).status_code == 302


def test_an_error_page_at_a_public_address_leaves_the_pages_fragments_alone(
    client, news_index, monkeypatch
):
    item = publish(NewsPageFactory(parent=news_index, title="Flood defences work"))
    warm_up(client)
    with monkeypatch.context() as patched:
        patched.setattr(type(item), "serve", lambda page, request, *a, **k: raise_not_found())
        assert client.get(item.url).status_code == 404
    page = client.get(item.url).content.decode()
    assert "<title>Flood defences work" in page


def raise_not_found():
    raise Http404("gone for a moment")


def test_each_workers_copies_stay_within_their_budget(db, monkeypatch):
    monkeypatch.setattr(page_cache.LocalMemo, "MAX_BYTES", 10_000)
    for number in range(20):
        assert remember(f"big-{number}", lambda: "x" * 1000) == "x" * 1000
    assert 0 < page_cache.local_memo.size <= 10_000
    assert len(page_cache.local_memo.entries) < 20
