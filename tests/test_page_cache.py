"""The page cache: what it stores, what it never stores, when it forgets; and lean rendering."""

import pytest

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.middleware.csrf import get_token

from wagtail.models import PageViewRestriction

from home.factories import MainMenuFactory, StandardPageFactory, TopicFactory
from home.models import HomePage, SiteSettings
from knowledge.factories import (
    KnowledgeArticlePageFactory,
    KnowledgeIndexPageFactory,
    MemberFactory,
)
from news.factories import NewsIndexPageFactory, NewsPageFactory


@pytest.fixture
def page_cache(settings, site):
    SiteSettings.for_site(site)  # made on first use, which would start a new generation
    settings.PAGE_CACHE_ENABLED = True
    pages = caches["pages"]
    pages.clear()
    yield pages
    pages.clear()


def stored_pages(page_cache):
    return sum(1 for key in page_cache._cache if ":page:" in key)


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


@pytest.fixture
def news_page(news_index):
    return NewsPageFactory(parent=news_index, title="Flood defences work")


@pytest.fixture
def member(db):
    return get_user_model().objects.create_user("ada", "ada@example.com", "correct horse")


def test_anonymous_page_is_stored_once_and_then_served_without_queries(
    client, page_cache, news_page, django_assert_num_queries
):
    first = client.get(news_page.url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(news_page.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert stored_pages(page_cache) == 1


def test_cacheable_page_is_public_with_a_short_max_age_and_an_etag(client, page_cache, news_page):
    response = client.get(news_page.url)
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert directives == {"public", "max-age=60"}
    assert "Cookie" in response["Vary"]
    assert response["ETag"]
    cached = client.get(news_page.url)
    assert cached["ETag"] == response["ETag"]
    revalidated = client.get(news_page.url, headers={"if-none-match": response["ETag"]})
    assert revalidated.status_code == 304
    assert revalidated.content == b""


def test_headers_are_set_with_the_cache_turned_off(client, settings, news_page):
    settings.PAGE_CACHE_ENABLED = False
    response = client.get(news_page.url)
    assert "public" in response["Cache-Control"]
    assert "X-Page-Cache" not in response
    assert client.get(news_page.url).get("X-Page-Cache") is None


def test_published_change_appears_for_anonymous_visitors_on_the_next_request(
    client, page_cache, news_page
):
    assert "Flood defences work" in client.get(news_page.url).content.decode()
    news_page.title = "Flood defences held"
    news_page.save_revision().publish()
    response = client.get(news_page.url)
    assert response["X-Page-Cache"] == "miss"
    assert "Flood defences held" in response.content.decode()


def test_new_page_appears_in_a_cached_listing(client, page_cache, news_page, news_index):
    client.get(news_index.url)
    NewsPageFactory(parent=news_index, title="Heat plan adopted")
    assert "Heat plan adopted" in client.get(news_index.url).content.decode()


def test_draft_change_does_not_reach_anonymous_visitors(client, page_cache, news_page):
    client.get(news_page.url)
    news_page.title = "Not yet announced"
    news_page.save_revision()
    assert "Not yet announced" not in client.get(news_page.url).content.decode()


def test_unpublished_page_leaves_the_cache(client, page_cache, news_page):
    assert client.get(news_page.url).status_code == 200
    news_page.unpublish()
    assert client.get(news_page.url).status_code == 404


def test_deleted_page_leaves_the_cache(client, page_cache, news_page, news_index):
    url = news_page.url
    client.get(url)
    client.get(news_index.url)
    news_page.delete()
    assert client.get(url).status_code == 404
    assert "Flood defences work" not in client.get(news_index.url).content.decode()


def test_moved_page_leaves_the_cache(client, page_cache, news_page, home):
    url = news_page.url
    client.get(url)
    news_page.move(home, pos="last-child")
    response = client.get(url)
    assert response.status_code == 301  # Wagtail's automatic redirect to the new address
    news_page.refresh_from_db()
    assert response["Location"] == news_page.url


def test_snippet_change_reaches_cached_pages(client, page_cache, news_index):
    topic = TopicFactory(name="Water")
    page = NewsPageFactory(parent=news_index, topics=[topic])
    assert ">Water<" in client.get(page.url).content.decode()
    topic.name = "Water and drought"
    topic.save()
    assert ">Water and drought<" in client.get(page.url).content.decode()


def test_menu_change_reaches_cached_pages(client, page_cache, news_page, home):
    client.get(news_page.url)
    about = StandardPageFactory(parent=home, title="About the network", slug="about")
    menu = MainMenuFactory()
    menu.items.append(("link", {"label": "Who we are", "page": about, "link_url": ""}))
    menu.save()
    assert "Who we are" in client.get(news_page.url).content.decode()


def test_settings_change_reaches_cached_pages(client, page_cache, news_page, site):
    client.get(news_page.url)
    site_settings = SiteSettings.for_site(site)
    site_settings.network_name = "Resilient Cities Network"
    site_settings.save()
    assert "Resilient Cities Network" in client.get(news_page.url).content.decode()


def test_new_view_restriction_takes_a_cached_page_away(client, page_cache, news_page):
    client.get(news_page.url)
    PageViewRestriction.objects.create(page=news_page, restriction_type="login")
    assert client.get(news_page.url).status_code == 302


def test_logged_in_members_page_is_never_stored_nor_served_from_the_cache(
    client, page_cache, news_page, member
):
    client.get(news_page.url)  # an anonymous copy is stored
    client.force_login(member)
    response = client.get(news_page.url)
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    page_cache.clear()
    client.get(news_page.url)
    assert stored_pages(page_cache) == 0
    client.logout()
    assert client.get(news_page.url)["X-Page-Cache"] == "miss"


def test_visitor_with_a_session_cookie_skips_the_cache(client, page_cache, news_page, settings):
    client.get(news_page.url)
    client.cookies[settings.SESSION_COOKIE_NAME] = "not-a-real-session"
    assert "X-Page-Cache" not in client.get(news_page.url)


@pytest.mark.parametrize("restriction_type", ["login", "groups"])
def test_members_only_page_never_enters_the_shared_cache(
    client, page_cache, news_index, member, restriction_type
):
    private = NewsPageFactory(parent=news_index, title="Board minutes")
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=restriction_type
    )
    if restriction_type == "groups":
        group = member.groups.create(name="Board")
        restriction.groups.add(group)
    assert client.get(private.url).status_code == 302
    client.force_login(member)
    response = client.get(private.url)
    assert response.status_code == 200 and "Board minutes" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    client.logout()
    assert client.get(private.url).status_code == 302
    assert stored_pages(page_cache) == 0


def test_password_protected_page_is_not_stored(client, page_cache, news_page):
    PageViewRestriction.objects.create(page=news_page, restriction_type="password", password="x")
    response = client.get(news_page.url)
    assert response.status_code == 200 and "password" in response.content.decode().lower()
    assert stored_pages(page_cache) == 0


def test_page_that_used_a_csrf_token_is_not_stored(client, page_cache, home, monkeypatch):
    serve = HomePage.serve

    def serve_with_form(page, request, *args, **kwargs):
        get_token(request)
        return serve(page, request, *args, **kwargs)

    monkeypatch.setattr(HomePage, "serve", serve_with_form)
    response = client.get(home.url)
    assert "X-Page-Cache" not in response
    assert "private" in response["Cache-Control"]
    assert stored_pages(page_cache) == 0


def test_page_that_sets_a_cookie_is_not_stored(client, page_cache, home, monkeypatch):
    serve = HomePage.serve

    def serve_with_cookie(page, request, *args, **kwargs):
        response = serve(page, request, *args, **kwargs)
        response.set_cookie("seen_banner", "1")
        return response

    monkeypatch.setattr(HomePage, "serve", serve_with_cookie)
    client.get(home.url)
    assert stored_pages(page_cache) == 0


def test_not_found_is_not_stored(client, page_cache, home):
    assert client.get("/no-such-page/").status_code == 404
    assert stored_pages(page_cache) == 0


def test_cache_busting_parameters_do_not_grow_the_cache(client, page_cache, news_page):
    client.get(news_page.url)
    for number in range(30):
        response = client.get(news_page.url, {f"bust{number}": number})
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
    client.get(news_page.url, {"q": "x" * 101})
    client.get(news_page.url, {"topic": [str(n) for n in range(25)]})
    assert stored_pages(page_cache) == 1


def test_random_values_of_known_parameters_store_a_bounded_number_of_variants(
    client, page_cache, news_index, settings
):
    settings.PAGE_CACHE_MAX_VARIANTS = 3
    for number in range(10):
        response = client.get(news_index.url, {"q": f"random-{number}"})
        assert response.status_code == 200
    assert stored_pages(page_cache) == 3
    assert client.get(news_index.url, {"q": "random-0"})["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in client.get(news_index.url, {"q": "random-9"})
    assert client.get(news_index.url)["X-Page-Cache"] == "miss"  # the plain address still is
    NewsPageFactory(parent=news_index, title="Fresh news")  # a new generation: room again
    assert client.get(news_index.url, {"q": "random-9"})["X-Page-Cache"] == "miss"


def test_known_parameters_are_cached_separately(client, page_cache, news_index):
    for number in range(15):
        NewsPageFactory(parent=news_index, title=f"Item {number}")
    first = client.get(news_index.url, {"page": "2"})
    assert first["X-Page-Cache"] == "miss"
    assert client.get(news_index.url, {"page": "2"})["X-Page-Cache"] == "hit"
    assert client.get(news_index.url)["X-Page-Cache"] == "miss"
    assert stored_pages(page_cache) == 2


def test_post_is_never_served_from_the_cache(client, page_cache, news_page):
    client.get(news_page.url)
    assert "X-Page-Cache" not in client.post(news_page.url)


def test_members_only_article_never_enters_the_shared_cache(client, page_cache, home):
    """Neither as a page nor as any part of one: cards, related lists, translations."""
    knowledge = KnowledgeIndexPageFactory(parent=home)
    topic = TopicFactory()
    article = KnowledgeArticlePageFactory(
        parent=knowledge, title="Grant budget template", members_only=True, topics=[topic]
    )
    public = KnowledgeArticlePageFactory(parent=knowledge, title="Open guide", topics=[topic])
    assert client.get(article.url).status_code == 302
    client.force_login(MemberFactory())
    assert "Grant budget template" in client.get(article.url).content.decode()
    assert "Grant budget template" in client.get(knowledge.url).content.decode()
    assert "Grant budget template" in client.get(public.url).content.decode()  # related
    assert "Open guide" in client.get(article.url).content.decode()
    assert stored_pages(page_cache) == 0
    assert not any(b"Grant budget template" in value for value in page_cache._cache.values())
    client.logout()
    assert client.get(article.url).status_code == 302
    assert "Grant budget template" not in client.get(knowledge.url).content.decode()


def test_made_up_addresses_do_not_grow_the_shared_cache(client, page_cache, news_page, home):
    """Routes are remembered only for pages that exist: misses and routable subpages are not."""
    assert client.get(news_page.url).status_code == 200
    assert client.get("/no-such-page/").status_code == 404
    assert client.get("/topics/no-such-topic/").status_code == 404
    stored = set(page_cache._cache)
    for n in range(10):
        assert client.get(f"/no-such-page-{n}/").status_code == 404
        assert client.get(f"/topics/no-such-topic-{n}/").status_code == 404
    assert set(page_cache._cache) == stored
