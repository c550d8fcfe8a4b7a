"""Every page kind renders in a bounded number of SQL queries, the same whether its listings,
menu and related items hold 3 entries or 12: for visitors (rendered afresh, as on a page cache
miss) and for signed-in members, who always get a fresh render.

Each page is requested once before counting: the first request makes image renditions and the
site settings.
"""

import pytest

from django.urls import reverse

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from casestudies.models import CaseStudyRelatedLink
from home.factories import (
    ImageFactory,
    MainMenuFactory,
    RegionFactory,
    SectorFactory,
    StandardPageFactory,
    TopicFactory,
)
from home.models import HomePageFeatured
from knowledge.factories import KnowledgeArticlePageFactory, KnowledgeIndexPageFactory
from members.factories import MemberProfileFactory
from news.factories import NewsIndexPageFactory, NewsPageFactory

# Visitors' renders (page cache misses) and members' renders.
CEILING = 25
MEMBER_CEILING = 30  # 29, and one COUNT for the unread notifications in the header
# Search asks the backend once for each facet (type, language, topics of each page type, sector,
# region), counts the pages matching every word and those matching some, and logs the query; the
# questions section (questions/search.py) asks the backend once more.
SEARCH_EXTRA = 10


class Site:
    """A site with every page kind, and `grow(n)` to add n of everything listed or linked."""

    def __init__(self, home):
        self.home = home
        self.topic = TopicFactory(name="Energy")
        self.sector = SectorFactory(name="Councils")
        self.region = RegionFactory(name="Wales")
        self.standard = StandardPageFactory(parent=home, title="About")
        self.news_index = NewsIndexPageFactory(parent=home)
        self.case_index = CaseStudyIndexPageFactory(parent=home)
        self.knowledge_index = KnowledgeIndexPageFactory(parent=home)
        self.menu = MainMenuFactory()
        self.member = MemberProfileFactory(expertise=[self.topic], listed_in_directory=True).user
        self.news = []
        self.case_studies = []
        self.articles = []
        self.grow(3)
        self.news_page = self.news[0]
        self.case_study = self.case_studies[0]
        self.article = self.articles[0]
        self.members_only = KnowledgeArticlePageFactory(
            parent=self.knowledge_index, members_only=True, topics=[self.topic]
        )
        self.members_only.authors.set([self.member])

    def grow(self, count):
        for _ in range(count):
            self.news.append(
                NewsPageFactory(
                    parent=self.news_index, listing_image=ImageFactory(), topics=[self.topic]
                )
            )
            case_study = CaseStudyPageFactory(
                parent=self.case_index,
                listing_image=ImageFactory(),
                sector=self.sector,
                region=self.region,
                topics=[self.topic],
            )
            self.case_studies.append(case_study)
            article = KnowledgeArticlePageFactory(
                parent=self.knowledge_index, listing_image=ImageFactory(), topics=[self.topic]
            )
            article.authors.set([MemberProfileFactory(listed_in_directory=True).user])
            self.articles.append(article)
            # Menu links to pages, editor's picks on the home page and beside the case study.
            self.menu.items.append(("link", {"label": "", "page": article, "link_url": ""}))
            HomePageFeatured.objects.create(home=self.home, page=case_study)
        self.menu.save()
        first = self.case_studies[0]
        linked = CaseStudyRelatedLink.objects.filter(source=first).count()
        for other in self.case_studies[1 + linked :]:
            CaseStudyRelatedLink.objects.create(source=first, page=other)


@pytest.fixture
def content(home):
    return Site(home)


PAGES = {
    "home": (lambda c: c.home.url, {}, False),
    "standard page": (lambda c: c.standard.url, {}, False),
    "topic list": (lambda c: "/topics/", {}, False),
    "topic page": (lambda c: f"/topics/{c.topic.slug}/", {}, False),
    "news index": (lambda c: c.news_index.url, {}, False),
    "news page": (lambda c: c.news_page.url, {}, False),
    "case study index": (lambda c: c.case_index.url, {}, False),
    "case study index, filtered": (
        lambda c: c.case_index.url,
        {"sector": "councils", "topic": "energy", "sort": "title"},
        False,
    ),
    "case study": (lambda c: c.case_study.url, {}, False),
    "knowledge index": (lambda c: c.knowledge_index.url, {}, False),
    "knowledge article": (lambda c: c.article.url, {}, False),
    # Every listed item has the topic "Energy": all page types and facets show with 3 items or 12.
    "search": (lambda c: reverse("search"), {"q": "energy"}, False),
    "join": (lambda c: reverse("members:join"), {}, False),
    "member directory": (lambda c: reverse("members:directory"), {}, True),
    "member profile": (lambda c: reverse("members:profile", args=[c.member.pk]), {}, True),
}


def count_every_page(client, count_queries, content, user=None):
    """{kind: queries} for each page kind, as a visitor or as `user`."""
    counts = {}
    for kind, (url_of, params, signed_in) in PAGES.items():
        if user is not None:
            client.force_login(user)
        elif signed_in:
            continue
        else:
            client.logout()
        url = url_of(content)
        count_queries(url, **params)  # renditions; site settings made on first use
        counts[kind] = count_queries(url, **params)
    return counts


def assert_bounded_and_constant(few, many, ceiling):
    # Fewer is fine: a page of 12 listed items may hold fewer page types than one of 3.
    grew = {kind: (few[kind], many[kind]) for kind in few if many[kind] > few[kind]}
    assert not grew, f"queries with 3 items and with 12: {grew}"
    over = {
        kind: (few[kind], many[kind])
        for kind in few
        if max(few[kind], many[kind]) > ceiling + (SEARCH_EXTRA if kind == "search" else 0)
    }
    assert not over, f"more than {ceiling} queries (with 3 items, with 12): {over}"


def test_every_page_kind_renders_for_visitors_in_bounded_queries_however_much_it_lists(
    client, content, count_queries
):
    few = count_every_page(client, count_queries, content)
    content.grow(9)
    many = count_every_page(client, count_queries, content)
    assert_bounded_and_constant(few, many, CEILING)


def test_every_page_kind_renders_for_members_in_bounded_queries_however_much_it_lists(
    client, content, count_queries
):
    pages = count_every_page(client, count_queries, content, content.member)
    pages["members-only article"] = count_queries(content.members_only.url)
    content.grow(9)
    more = count_every_page(client, count_queries, content, content.member)
    more["members-only article"] = count_queries(content.members_only.url)
    print("member queries (3 items, 12):", {kind: (pages[kind], more[kind]) for kind in pages})
    assert_bounded_and_constant(pages, more, MEMBER_CEILING)
