"""Public questions reach visitors through site search, the sitemap and the feeds; members-only,
held, hidden and merged ones never do, neither directly nor through the page cache."""

import pytest

from django.test import Client
from django.urls import reverse

from home.factories import TopicFactory
from knowledge.factories import MemberFactory
from questions.factories import AnswerFactory, QuestionFactory
from questions.models import Question, State
from tests.helpers import login

TOKEN = "quokkazephyr"
COMMON = "harbour"  # in every question, so searches span visible and hidden ones
PUBLIC_TITLE = "How did you rebuild the harbour wall?"


def resolved(**fields):
    question = QuestionFactory(**fields)
    AnswerFactory(question=question, is_accepted=True, body="With local stone.")
    return question


@pytest.fixture
def planted(site, settings):
    settings.PAGE_CACHE_ENABLED = True
    secret = TopicFactory(name="Lighthouses", slug="lighthouses")  # on hidden questions only
    harbours = TopicFactory(name="Harbours", slug="harbours")
    public = resolved(
        title=PUBLIC_TITLE, details=f"The {COMMON} wall fell in a storm.", topics=[harbours]
    )
    public.is_public = True
    public.save()  # saved, not updated: the search index learns of it as from the site
    # Members-only, resolved but never made public.
    resolved(title=f"Members {TOKEN} costs", details=f"{COMMON} {TOKEN}", topics=[secret])
    # Public once, then held, hidden or merged: none of them is readable by visitors now.
    for state, title in ((State.HELD, "Held"), (State.HIDDEN, "Hidden")):
        QuestionFactory(
            title=f"{title} {TOKEN}",
            details=f"{COMMON} {TOKEN}",
            state=state,
            is_public=True,
            topics=[secret],
        )
    duplicate = resolved(title=f"Merged {TOKEN}", details=f"{COMMON} {TOKEN}", topics=[secret])
    duplicate.is_public, duplicate.merged_into = True, public
    duplicate.save()
    return {"public": public, "member": MemberFactory()}


def visitor_urls():
    search = reverse("search")
    return [
        f"{search}?q={TOKEN.upper()}",  # queries are echoed back: the token in capitals
        f"{search}?q={COMMON}",
        f"{search}?q={COMMON}&topic=lighthouses",
        f"{search}?q={COMMON}&lang=all",
        "/sitemap.xml",
        reverse("questions:feed"),
        reverse("questions:atom"),
        reverse("questions:index"),
    ]


@pytest.mark.live_search
def test_members_find_members_only_questions_in_search(planted):
    html = login(planted["member"]).get(reverse("search"), {"q": TOKEN}).content.decode()
    assert f"Members {TOKEN} costs" in html
    assert f"Held {TOKEN}" not in html and f"Hidden {TOKEN}" not in html
    assert f"Merged {TOKEN}" not in html


@pytest.mark.live_search
def test_members_only_questions_never_reach_visitors(planted):
    member = login(planted["member"])
    for url in visitor_urls():  # a member first: nothing they see may be cached for others
        assert member.get(url).status_code == 200, url
    visitor = Client()
    for attempt in ("first", "cached"):
        for url in visitor_urls():
            response = visitor.get(url)
            assert response.status_code == 200, (url, attempt)
            assert TOKEN not in response.content.decode(), (url, attempt)


@pytest.mark.live_search
def test_visitors_find_public_questions_in_search_sitemap_and_feeds(planted):
    visitor = Client()
    path = planted["public"].get_absolute_url()
    search = visitor.get(reverse("search"), {"q": "rebuild harbour"})
    [section] = search.context["sections"]
    assert [item["title"] for item in section.items] == [PUBLIC_TITLE]
    assert f'href="{path}"' in search.content.decode()
    assert f"http://localhost{path}" in visitor.get("/sitemap.xml").content.decode()
    for feed in ("questions:feed", "questions:atom"):
        content = visitor.get(reverse(feed)).content.decode()
        assert PUBLIC_TITLE in content and f"http://localhost{path}" in content


@pytest.mark.live_search
def test_search_filters_apply_to_questions(planted):
    visitor = Client()
    by_topic = visitor.get(reverse("search"), {"q": COMMON, "topic": "harbours"})
    assert [s.count for s in by_topic.context["sections"]] == [1]
    other_topic = visitor.get(reverse("search"), {"q": COMMON, "topic": "lighthouses"})
    assert other_topic.context["sections"] == []
    a_page_type = visitor.get(
        reverse("search"), {"q": COMMON, "type": "knowledge.knowledgearticlepage"}
    )
    assert a_page_type.context["sections"] == []


def test_a_french_question_is_listed_at_its_french_address(planted, settings):
    from wagtail.models import Locale

    french = Locale.objects.get_or_create(language_code="fr")[0]
    Question.objects.filter(pk=planted["public"].pk).update(locale=french)
    sitemap = Client().get("/sitemap.xml").content.decode()
    assert f"http://localhost/fr/questions/{planted['public'].pk}/" in sitemap
    assert PUBLIC_TITLE in Client().get("/fr/questions/feed/").content.decode()
    assert PUBLIC_TITLE not in Client().get("/questions/feed/").content.decode()


def searched(client, words):
    """The questions section's count on the search page, 0 when it has none."""
    sections = client.get(reverse("search"), {"q": words}).context["sections"]
    return sum(section.count for section in sections)


@pytest.mark.live_search
def test_making_a_question_public_or_members_only_reaches_search_and_cached_feeds(planted, editor):
    question = Question.objects.get(title=f"Members {TOKEN} costs")
    visitor = Client()
    assert TOKEN not in visitor.get(reverse("questions:feed")).content.decode()
    moderate = reverse("questions:moderate", args=[question.pk])
    login(editor).post(moderate, {"action": "make_public"})
    address = f"http://localhost{question.get_absolute_url()}"
    assert TOKEN in visitor.get(reverse("questions:feed")).content.decode()
    assert address in visitor.get("/sitemap.xml").content.decode()
    assert searched(visitor, TOKEN) == 1
    login(editor).post(moderate, {"action": "make_private"})
    assert TOKEN not in visitor.get(reverse("questions:feed")).content.decode()
    assert address not in visitor.get("/sitemap.xml").content.decode()
    assert searched(visitor, TOKEN) == 0


@pytest.mark.live_search
def test_hiding_a_public_question_takes_it_out_of_search_and_cached_feeds(planted, editor):
    visitor = Client()
    assert PUBLIC_TITLE in visitor.get(reverse("questions:feed")).content.decode()
    assert searched(visitor, "rebuild harbour") == 1
    moderate = reverse("questions:moderate", args=[planted["public"].pk])
    login(editor).post(moderate, {"action": "hide"})
    assert PUBLIC_TITLE not in visitor.get(reverse("questions:feed")).content.decode()
    assert searched(visitor, "rebuild harbour") == 0


def test_feed_descriptions_escape_what_members_typed(planted):
    Question.objects.filter(pk=planted["public"].pk).update(
        details="<script>alert(1)</script> & more"
    )
    feed = Client().get(reverse("questions:feed")).content.decode()
    assert "<script>" not in feed
    assert "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;" in feed
