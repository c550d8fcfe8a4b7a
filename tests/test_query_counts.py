"""Every page kind renders in a bounded number of SQL queries, the same whether its listings,
menu, related items and discussions hold 3 entries or 12: for visitors (rendered afresh, as on a
page cache miss) and for signed-in members, who always get a fresh page: with its cached fragments
(the header, footer and page content, docs/caching.md) and without them.

Each page is requested twice before counting: the first request makes image renditions and the
site settings (a change that purges the fragments), the second caches the fragments.
"""

import pytest
from django_comments_xtd.models import XtdComment

from django.core.cache import caches
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
from questions.factories import AnswerFactory, QuestionFactory
from workgroups.factories import MembershipFactory, ReplyFactory, ThreadFactory

# Visitors' renders (page cache misses); members' renders without cached fragments.
CEILING = 25
FRESH_MEMBER_CEILING = 30
# Members' pages with their fragments cached: Wagtail's routing (the site, the active locale, a
# page and its specific fields per level), the user and their groups, the unread count in the
# header, the page's discussion, and what is particular to the reader (docs/caching.md). Pages
# that are no Wagtail page look up no site (the language switcher has no translations to find).
MEMBER_CEILING = 14
# Pages with their own allowances: a topic page (its pages, a query per page type, and "People who
# can help": the reader's blocks, the cards being cached); a case study and a question, below the
# ceiling. The search page keeps its pages found, facets and promotions as a fragment: the
# questions section and the search's count remain.
MEMBER_ALLOWANCES = {"topic page": 17, "case study": 13, "question": 9}
# Pages that are no Wagtail page, their listings cached by scope: the reader's permissions, the
# page's group and the reader's membership or role, and whether they wrote a held post.
MEMBER_ALLOWANCES |= {"questions": 6, "working groups": 6, "working group": 7, "group board": 8}
# "People who can help" (peers/matches.py) rendered afresh, on case studies, questions and topic
# pages: one query for the candidates and at most five for their contributions (articles 2, case
# studies 2, accepted answers 1), whatever their number.
FRESH_MATCHES_EXTRA = 6
MATCHES_PAGES = {"case study", "question", "topic page"}
# Sections that ask their few queries only once there is something to show: "You might talk to…"
# on a profile (the candidates and their contributions: one query per kind, two for groups), and
# the questions section and a facet per page type found on the search page. Bounded, whatever the
# list's length.
SHOWN_ONCE = {"member profile": 6, "search": 3}


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
        # Another member, co-author of every article: their profile lists each one.
        self.author = MemberProfileFactory(listed_in_directory=True).user
        self.group = MembershipFactory(user=self.member).group
        self.news = []
        self.case_studies = []
        self.articles = []
        self.grow(3)
        self.news_page = self.news[0]
        self.case_study = self.case_studies[0]
        self.article = self.articles[0]
        # Its title holds the search page's query, so the questions section is always counted.
        question = QuestionFactory(
            title="How do you cut energy use in council buildings?", topics=[self.topic]
        )
        self.question = AnswerFactory(question=question).question
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
            article.authors.set([MemberProfileFactory(listed_in_directory=True).user, self.author])
            self.articles.append(article)
            # Menu links to pages, editor's picks on the home page and beside the case study.
            self.menu.items.append(("link", {"label": "", "page": article, "link_url": ""}))
            HomePageFeatured.objects.create(home=self.home, page=case_study)
            AnswerFactory(question=QuestionFactory(topics=[self.topic]))
            # Groups listed, and threads with a reply on the member's group's board.
            MembershipFactory(user=self.member)
            ReplyFactory(thread=ThreadFactory(group=self.group))
            # A thread under the first article and case study: a comment and a reply.
            for page in (self.articles[0], self.case_studies[0]):
                comment = XtdComment.objects.create(
                    content_object=page, site_id=1, user=self.member, comment="Thanks"
                )
                XtdComment.objects.create(
                    content_object=page, site_id=1, user=self.member, comment="+1",
                    parent_id=comment.pk,
                )  # fmt: skip
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
    "another member's profile": (
        lambda c: reverse("members:profile", args=[c.author.pk]),
        {},
        True,
    ),
    "questions": (lambda c: reverse("questions:index"), {}, True),
    "question": (lambda c: reverse("questions:detail", args=[c.question.pk]), {}, True),
    "working groups": (lambda c: reverse("workgroups:index"), {}, True),
    "working group": (lambda c: reverse("workgroups:detail", args=[c.group.pk]), {}, True),
    "group board": (lambda c: reverse("workgroups:board", args=[c.group.pk]), {}, True),
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
        count_queries(url, **params)  # fragments cached
        counts[kind] = count_queries(url, **params)
    return counts


def assert_bounded_and_constant(few, many, ceiling, allowances=None, matches_extra=0):
    # Fewer is fine: a page of 12 listed items may hold fewer page types than one of 3.
    grew = {
        kind: (few[kind], many[kind])
        for kind in few
        if many[kind] > few[kind] + SHOWN_ONCE.get(kind, 0)
    }
    assert not grew, f"queries with 3 items and with 12: {grew}"
    allowances = allowances or {}
    over = {
        kind: (few[kind], many[kind])
        for kind in few
        if max(few[kind], many[kind])
        > allowances.get(kind, ceiling) + (matches_extra if kind in MATCHES_PAGES else 0)
    }
    assert not over, f"more than {ceiling} queries (with 3 items, with 12): {over}"


def test_every_page_kind_renders_for_visitors_in_bounded_queries_however_much_it_lists(
    client, content, count_queries
):
    few = count_every_page(client, count_queries, content)
    content.grow(9)
    many = count_every_page(client, count_queries, content)
    assert_bounded_and_constant(few, many, CEILING)


def count_member_pages(client, count_queries, content):
    pages = count_every_page(client, count_queries, content, content.member)
    for _ in range(2):
        count_queries(content.members_only.url)
    pages["members-only article"] = count_queries(content.members_only.url)
    return pages


def test_every_page_kind_renders_for_members_in_bounded_queries_however_much_it_lists(
    client, content, count_queries, settings
):
    fresh = count_member_pages(client, count_queries, content)
    settings.PAGE_CACHE_ENABLED = True  # and so the fragments (members never get a stored page)
    cached = count_member_pages(client, count_queries, content)
    content.grow(9)
    cached_more = count_member_pages(client, count_queries, content)
    settings.PAGE_CACHE_ENABLED = False
    caches["default"].clear()
    fresh_more = count_member_pages(client, count_queries, content)
    print(
        "member queries, fragments cached (3 items, 12):",
        {k: (cached[k], cached_more[k]) for k in cached},
    )
    print(
        "member queries, rendered afresh (3 items, 12):",
        {k: (fresh[k], fresh_more[k]) for k in fresh},
    )
    assert_bounded_and_constant(cached, cached_more, MEMBER_CEILING, MEMBER_ALLOWANCES)
    assert_bounded_and_constant(
        fresh, fresh_more, FRESH_MEMBER_CEILING, matches_extra=FRESH_MATCHES_EXTRA
    )
