"""Languages hold together: a translated page carries its language's topics, featured and related
items are in the visitor's language, and members write in their language's knowledge section."""

import re

import pytest

from wagtail.models import Locale

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from demo.translations import translate
from home.factories import TopicFactory
from home.models import HomePageFeatured
from knowledge.factories import KnowledgeArticlePageFactory, KnowledgeIndexPageFactory

FRENCH = {
    "Cloud and infrastructure": "Cloud et infrastructure",
    "Home": "Accueil",
    "Case studies": "Études de cas",
    "Knowledge": "Connaissances",
}


@pytest.fixture
def french(db):
    return Locale.objects.get_or_create(language_code="fr")[0]


@pytest.fixture
def cloud(db, french):
    """A topic and its French translation, made as wagtail-localize makes it."""
    topic = TopicFactory(name="Cloud and infrastructure", slug="cloud")
    translate(topic, french, FRENCH)
    return topic


@pytest.fixture
def french_home(home, french):
    return translate(home, french, FRENCH)


@pytest.fixture
def case_studies(home, french_home, french, cloud):
    index = CaseStudyIndexPageFactory(parent=home)
    translate(index, french, FRENCH)
    story = CaseStudyPageFactory(parent=index, title="Shared IT", topics=[cloud])
    return index, story, translate(story, french, {"Shared IT": "Informatique partagée"})


def test_a_translated_case_study_carries_its_languages_topics(case_studies, cloud):
    _index, story, french_story = case_studies
    assert [topic.name for topic in french_story.topics.all()] == ["Cloud et infrastructure"]
    assert list(story.topics.all()) == [cloud]


def test_french_case_study_filters_count_and_find_french_case_studies(client, case_studies):
    html = client.get("/fr/case-studies/").content.decode()
    assert re.search(r"Cloud et infrastructure\s*<span[^>]*>\(1\)</span>", html)
    found = client.get("/fr/case-studies/", {"topic": "cloud"}).content.decode()
    assert "Informatique partagée" in found and "Shared IT" not in found


def test_french_topic_page_lists_french_pages(client, case_studies):
    html = client.get("/fr/topics/cloud/").content.decode()
    assert "Informatique partagée" in html and "Shared IT" not in html


def test_the_french_home_features_french_versions_and_leaves_untranslated_ones_out(
    client, home, french_home, case_studies
):
    index, story, french_story = case_studies
    english_only = CaseStudyPageFactory(parent=index, title="Only in English")
    for number, page in enumerate([story, english_only]):
        HomePageFeatured.objects.create(home=home, page=page, sort_order=number)
        HomePageFeatured.objects.create(home=french_home, page=page, sort_order=number)
    assert [page.title for page in home.featured_pages()] == ["Shared IT", "Only in English"]
    assert [page.title for page in french_home.featured_pages()] == ["Informatique partagée"]


def test_an_article_never_lists_its_own_translations_as_related(
    client, home, french_home, french, cloud
):
    index = KnowledgeIndexPageFactory(parent=home)
    translate(index, french, FRENCH)
    article = KnowledgeArticlePageFactory(parent=index, title="Moving email", topics=[cloud])
    other = KnowledgeArticlePageFactory(parent=index, title="Backups", topics=[cloud])
    translate(article, french, {"Moving email": "Migrer la messagerie"})
    translate(other, french, {"Backups": "Sauvegardes"})
    assert [page.title for page in article.related_articles()] == ["Backups"]
    french_article = article.get_translation(french).specific
    assert [page.title for page in french_article.related_articles()] == ["Sauvegardes"]
    html = client.get(article.url).content.decode()
    assert "Backups" in html and "Migrer la messagerie" not in html


def test_write_an_article_opens_the_knowledge_section_in_the_pages_language(
    client, home, french_home, french, member
):
    index = KnowledgeIndexPageFactory(parent=home)
    french_index = translate(index, french, FRENCH)
    client.force_login(member)
    english = client.get("/").content.decode()
    french_page = client.get("/fr/").content.decode()
    assert f"/admin/pages/add/knowledge/knowledgearticlepage/{index.pk}/" in english
    assert f"/admin/pages/add/knowledge/knowledgearticlepage/{french_index.pk}/" in french_page
