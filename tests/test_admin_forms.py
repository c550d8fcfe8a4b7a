"""Admin forms that guide: help text on content fields, topics in the page's language, members
landing on their work, and "My articles" saying each article's language and where it is live."""

import re

import pytest

from django.urls import reverse

from wagtail.models import Locale
from wagtail.users.models import UserProfile

from casestudies.factories import CaseStudyIndexPageFactory
from home.factories import TopicFactory
from knowledge.factories import KnowledgeArticlePageFactory, KnowledgeIndexPageFactory
from tests.helpers import login
from tests.test_members import PASSWORD


@pytest.fixture
def index(home):
    return KnowledgeIndexPageFactory(parent=home)


def test_the_case_study_form_explains_what_good_looks_like(home, editor):
    parent = CaseStudyIndexPageFactory(parent=home)
    url = reverse("wagtailadmin_pages:add", args=["casestudies", "casestudypage", parent.pk])
    html = login(editor).get(url).content.decode()
    for guidance in ("Our 40 volunteers lost a day", "Train two champions", "step by step"):
        assert guidance in html


def test_topics_offered_are_only_those_in_the_pages_language(index, member):
    french = Locale.objects.get_or_create(language_code="fr")[0]
    english_topic = TopicFactory(name="Energy")
    french_topic = TopicFactory(name="Énergie", locale=french)
    url = reverse("wagtailadmin_pages:add", args=["knowledge", "knowledgearticlepage", index.pk])
    form = login(member).get(url).context["form"]
    assert list(form.fields["topics"].queryset) == [english_topic]
    assert french_topic not in form.fields["topics"].queryset


def test_members_land_on_my_articles_after_logging_in(client, index, member):
    member.set_password(PASSWORD)
    member.save()
    response = client.post(
        reverse("login"), {"username": member.username, "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    assert "My articles" in response.content.decode()


def test_my_articles_shows_each_articles_language_and_live_page(index, member):
    article = KnowledgeArticlePageFactory(parent=index, title="Heat pumps in halls", owner=member)
    html = login(member).get(reverse("wagtailadmin_home")).content.decode()
    assert "English" in html
    assert f'href="{article.url}"' in html and "View live" in html


def test_the_revisions_comparison_names_the_summary_as_the_form_does(index, editor):
    article = KnowledgeArticlePageFactory(parent=index, intro="What we did first.")
    first = article.save_revision(user=editor)
    article.intro = "What we did, and what it cost."
    second = article.save_revision(user=editor)
    url = reverse("wagtailadmin_pages:revisions_compare", args=[article.pk, first.pk, second.pk])
    html = login(editor).get(url).content.decode()
    assert "Summary" in html
    assert "Introduction" not in html


def test_a_members_pages_menu_opens_the_knowledge_section_in_their_language(index, member):
    """With a section per language Wagtail's explorer would start at the Root above them."""
    french = Locale.objects.get_or_create(language_code="fr")[0]
    french_index = index.copy_for_translation(french, copy_parents=True)
    client = login(member)

    def pages_menu_url():
        html = client.get(reverse("wagtailadmin_home")).content.decode()
        return re.search(r'"label": "Pages"[^}]*}, "url": "([^"]+)"', html).group(1)

    assert pages_menu_url() == reverse("wagtailadmin_explore", args=[index.pk])
    profile = UserProfile.get_for_user(member)
    profile.preferred_language = "fr"
    profile.save()
    assert pages_menu_url() == reverse("wagtailadmin_explore", args=[french_index.pk])
