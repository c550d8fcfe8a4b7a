"""The search page keeps the pages a search found, with their facets and promotions, as a fragment
(docs/caching.md): only ever shown to those refused the same pages, purged when a page is
published, and every search still counted."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.contrib.search_promotions.models import QueryDailyHits
from wagtail.models import PageViewRestriction

from home.models import SiteSettings
from news.factories import NewsPageFactory
from questions.factories import QuestionFactory
from search.models import ZeroResultQuery

URL = reverse("search")


@pytest.fixture(autouse=True)
def fragments_on(settings, site):
    settings.PAGE_CACHE_ENABLED = True
    SiteSettings.for_site(site)  # made on first use, a purge: made before the first search


def body(text):
    return [("paragraph", f"<p>{text}</p>")]


def found(client, query):
    return client.get(URL, {"q": query}).content.decode()


def test_cached_searches_are_still_counted(client, news_index):
    NewsPageFactory(parent=news_index, title="Retrofit of the town hall", body=body("x"))
    for _ in range(3):
        assert "Retrofit of the town hall" in found(client, "retrofit")
        found(client, "geothermal")
    assert QueryDailyHits.objects.get(query__query_string="retrofit").hits == 3
    assert ZeroResultQuery.objects.get().hits == 3


def test_a_page_published_after_a_search_is_found_by_the_next(client, news_index):
    NewsPageFactory(parent=news_index, title="Retrofit of the town hall", body=body("x"))
    assert "Retrofit for schools" not in found(client, "retrofit")
    page = NewsPageFactory(parent=news_index, title="Retrofit for schools", body=body("x"))
    page.save_revision().publish()
    assert "Retrofit for schools" in found(client, "retrofit")


def test_members_never_get_the_results_an_editor_was_shown(client, news_index, member, editor):
    """Both may read members-only pages (one audience), but only editors this page."""
    NewsPageFactory(parent=news_index, title="Retrofit of the town hall", body=body("x"))
    hidden = NewsPageFactory(parent=news_index, title="Retrofit budget draft", body=body("x"))
    restriction = PageViewRestriction.objects.create(
        page=hidden, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name="Editors")])
    client.force_login(editor)
    assert "Retrofit budget draft" in found(client, "retrofit")
    client.force_login(member)
    html = found(client, "retrofit")
    assert "Retrofit of the town hall" in html
    assert "Retrofit budget draft" not in html


def test_a_question_asked_after_a_search_is_listed_by_the_next(client, news_index, member):
    """The questions section is no page (asking one purges nothing): it is searched each time."""
    NewsPageFactory(parent=news_index, title="Retrofit of the town hall", body=body("x"))
    client.force_login(member)
    assert "How did you pay for a retrofit?" not in found(client, "retrofit")
    QuestionFactory(title="How did you pay for a retrofit?")
    assert "How did you pay for a retrofit?" in found(client, "retrofit")
