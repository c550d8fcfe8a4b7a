"""Leaks: a token planted in unpublished or restricted content never reaches visitors (issue 10).

One token goes into a member's never-published draft, a member's submission waiting for review,
the pending draft of a live article, a draft, a pending change and a members-only item of news,
and a members-only article. Visitors then look everywhere the site publishes content: site search
with its facets and suggestions, listings, topic pages, feeds, the sitemap, the page itself, the
page cache, and the (absent) public API.
"""

import pytest

from django.core.cache import caches
from django.test import Client
from django.urls import reverse
from django.utils.text import slugify

from wagtail.models import Page, PageViewRestriction
from wagtail.search.backends import get_search_backend
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.factories import TopicFactory
from home.models import SiteSettings
from knowledge.factories import (
    KnowledgeArticlePageFactory,
    KnowledgeIndexPageFactory,
    MemberFactory,
)
from knowledge.models import KnowledgeArticlePage
from news.factories import NewsIndexPageFactory, NewsPageFactory
from tests.helpers import login

TOKEN = "quokkazephyr"
COMMON = "harbour"  # in every page, so searches and facets span visible and hidden ones


def body(text):
    return [("paragraph", f"<p>{text}</p>")]


@pytest.fixture
def planted(site, settings):
    home = site.root_page
    SiteSettings.for_site(site)
    settings.PAGE_CACHE_ENABLED = True
    caches["pages"].clear()
    index = KnowledgeIndexPageFactory(parent=home)
    news = NewsIndexPageFactory(parent=home, slug="news")
    secret = TopicFactory(name="Lighthouses", slug="lighthouses")  # used by hidden pages only
    public = TopicFactory(name="Harbours", slug="harbours")
    author, other = MemberFactory(username="amira"), MemberFactory(username="bruno")

    # What visitors may see: a live article and a live news item, about the harbour.
    KnowledgeArticlePageFactory(
        parent=index, title="Harbour walls guide", intro=f"The {COMMON}.", topics=[public]
    )
    NewsPageFactory(parent=news, title="Harbour reopens", intro=f"The {COMMON}.", topics=[public])

    # A member's draft, never published.
    KnowledgeArticlePageFactory(
        parent=index,
        title=f"Draft {TOKEN} notes",
        intro=f"{COMMON} {TOKEN}",
        body=body(TOKEN),
        owner=author,
        live=False,
        topics=[secret],
    ).save_revision(user=author)

    # A member's submission, waiting for the editors' review.
    title = f"Submitted {TOKEN} guide"
    response = login(other).post(
        reverse("wagtailadmin_pages:add", args=["knowledge", "knowledgearticlepage", index.pk]),
        {
            **nested_form_data(
                {
                    "title": title,
                    "slug": slugify(title),
                    "intro": f"{COMMON} {TOKEN}",
                    "body": streamfield([("paragraph", rich_text(f"<p>{TOKEN}</p>"))]),
                    "review_by": "",
                }
            ),
            "topics": [secret.pk],
            "action-submit": "submit",
        },
    )
    assert response.status_code == 302
    assert KnowledgeArticlePage.objects.get(title=title).workflow_in_progress

    # A live article whose author is drafting a change.
    live = KnowledgeArticlePageFactory(
        parent=index, title="Harbour tides", intro=f"The {COMMON}.", owner=author
    )
    live.title = f"Harbour tides {TOKEN}"
    live.intro = TOKEN
    live.save_revision(user=author)

    # A members-only article.
    KnowledgeArticlePageFactory(
        parent=index,
        title=f"Private {TOKEN} costs",
        intro=f"{COMMON} {TOKEN}",
        members_only=True,
        topics=[secret],
    )

    # News: a draft, a live item with a pending change, and an item behind a login.
    NewsPageFactory(parent=news, title=f"News draft {TOKEN}", intro=f"{COMMON} {TOKEN}", live=False)
    changing = NewsPageFactory(parent=news, title="Harbour dredging", intro=f"The {COMMON}.")
    changing.title = f"Harbour dredging {TOKEN}"
    changing.save_revision()
    hidden = NewsPageFactory(
        parent=news, title=f"Internal {TOKEN} memo", intro=f"{COMMON} {TOKEN}", topics=[secret]
    )
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    return {"index": index, "news": news, "live": live, "changing": changing, "member": author}


def visitor_urls(planted):
    search = reverse("search")
    return [
        "/",
        planted["index"].url,
        planted["news"].url,
        planted["live"].url,
        planted["changing"].url,
        "/topics/harbours/",
        # Queries are echoed back, so they use the token in capitals; content has it in lower case.
        f"{search}?q={TOKEN.upper()}",
        f"{search}?q={COMMON}",
        f"{search}?q={COMMON}&topic=lighthouses",
        "/topics/lighthouses/",
        f"{reverse('search_suggest')}?q={TOKEN[:5].upper()}",
        f"{planted['news'].url}feed/",
        f"{planted['news'].url}feed/atom/",
        "/sitemap.xml",
    ]


@pytest.mark.live_search
def test_the_token_is_indexed_and_members_find_what_they_may_read(planted):
    """The hidden content is in the search index, so the next test proves filtering, not luck."""
    assert get_search_backend().search(TOKEN, Page).count() >= 5
    html = login(planted["member"]).get(reverse("search"), {"q": TOKEN}).content.decode()
    assert f"Private {TOKEN} costs" in html
    assert f"Draft {TOKEN} notes" not in html and f"Submitted {TOKEN} guide" not in html


@pytest.mark.live_search
def test_unpublished_and_members_only_content_never_reaches_visitors(planted):
    member = login(planted["member"])
    for url in visitor_urls(planted):  # a member first: nothing they see may be cached for others
        assert member.get(url).status_code == 200, url
    visitor = Client()
    for attempt in ("first", "cached"):
        for url in visitor_urls(planted):
            response = visitor.get(url)
            assert response.status_code == 200, (url, attempt)
            assert TOKEN not in response.content.decode(), (url, attempt)


@pytest.mark.live_search
def test_search_facets_count_only_what_visitors_may_read(planted):
    response = Client().get(reverse("search"), {"q": COMMON})
    facets = {
        facet["name"]: {option["label"]: option["count"] for option in facet["options"]}
        for facet in response.context["facets"]
    }
    assert facets["type"] == {"Knowledge articles": 2, "News items": 2}
    assert facets["topic"] == {"Harbours": 2}
    filtered = Client().get(reverse("search"), {"q": COMMON, "topic": "lighthouses"})
    assert [item["page"].title for item in filtered.context["items"]] == []


def test_no_public_api_answers(planted):
    for url in ["/api/v2/pages/", f"/api/v2/pages/?search={TOKEN}", "/api/v2/documents/"]:
        assert Client().get(url).status_code == 404
