"""Languages hold together: a translated page carries its language's topics, featured and related
items are in the visitor's language, and members write in their language's knowledge section."""

import re
from importlib import import_module

import pytest

from django.apps import apps

from wagtail.models import Locale

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from demo.casestudies import _gallery
from demo.home import listing_picture
from demo.translations import picture_texts, translate
from home.factories import ImageFactory, RegionFactory, SectorFactory, TopicFactory
from home.models import HomePageFeatured
from knowledge.factories import KnowledgeArticlePageFactory, KnowledgeIndexPageFactory
from knowledge.models import KnowledgeArticlePage
from members.models import MemberProfile

FRENCH = {
    "Cloud and infrastructure": "Cloud et infrastructure",
    "Home": "Accueil",
    "Case studies": "Études de cas",
    "Knowledge": "Connaissances",
    "Wales": "Pays de Galles",
    "Housing": "Logement",
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


def run_migration(name):
    """A data migration's forward step on the test database, as `migrate` runs it."""
    import_module(name).topics_in_page_language(apps, None)


def test_upgrading_points_translated_case_studies_at_their_languages_topics(
    client, case_studies, cloud
):
    _index, story, french_story = case_studies
    # As saved before topics were translated on save: the French case study has the English topic.
    french_story.topics.through.objects.filter(casestudypage=french_story).update(topic=cloud)
    assert list(type(french_story).objects.get(pk=french_story.pk).topics.all()) == [cloud]
    run_migration("casestudies.migrations.0002_topics_in_page_language")
    test_french_case_study_filters_count_and_find_french_case_studies(client, case_studies)
    assert list(story.topics.all()) == [cloud]


def test_upgrading_leaves_one_topic_where_a_page_had_both_languages(
    home, french_home, french, cloud
):
    index = KnowledgeIndexPageFactory(parent=home)
    translate(index, french, FRENCH)
    article = KnowledgeArticlePageFactory(parent=index, title="Moving email", topics=[cloud])
    french_article = translate(article, french, {"Moving email": "Migrer la messagerie"})
    french_cloud = cloud.get_translation(french)
    KnowledgeArticlePage.topics.through.objects.create(
        knowledgearticlepage=french_article, topic=cloud
    )
    run_migration("knowledge.migrations.0004_topics_in_page_language")
    assert list(KnowledgeArticlePage.objects.get(pk=french_article.pk).topics.all()) == [
        french_cloud
    ]
    assert list(KnowledgeArticlePage.objects.get(pk=article.pk).topics.all()) == [cloud]


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


@pytest.fixture
def profile(member, french, cloud):
    """The member's profile with terms stored in the default language, as the forms store them."""
    wales = RegionFactory(name="Wales", slug="wales")
    housing = SectorFactory(name="Housing", slug="housing")
    for term in (wales, housing):
        translate(term, french, FRENCH)
    profile = MemberProfile.objects.get(user=member)
    profile.region, profile.sector = wales, housing
    profile.save()
    profile.expertise.set([cloud])
    profile.topics.set([cloud])
    return profile


def test_members_pages_name_topics_sectors_and_regions_in_the_pages_language(
    client, home, member, profile
):
    client.force_login(member)
    for address in ["/fr/members/profile/edit/", "/fr/members/", f"/fr/members/{member.pk}/"]:
        html = client.get(address).content.decode()
        for french_name in ["Cloud et infrastructure", "Pays de Galles"]:
            assert french_name in html, (address, french_name)
        assert "Cloud and infrastructure" not in html and "Wales" not in html, address
        assert not re.search(r"<label[^>]*>[^<]*:\s*<", html), address  # no colon after labels
    assert "Logement" in client.get(f"/fr/members/{member.pk}/").content.decode()
    english = client.get("/members/").content.decode()
    assert "Cloud and infrastructure" in english and "Cloud et infrastructure" not in english


def test_a_profile_saved_in_french_keeps_the_default_languages_terms(
    client, home, member, profile, cloud
):
    client.force_login(member)
    response = client.post(
        "/fr/members/profile/edit/",
        {
            "first_name": "Ada",
            "last_name": "Lovelace",
            "organisation": "Analytical Co",
            "role": "Engineer",
            "region": profile.region.pk,
            "sector": profile.sector.pk,
            "expertise": [cloud.pk],
            "contact_preference": MemberProfile.Contact.EMAIL,
            "listed_in_directory": "on",
        },
    )
    assert response.status_code == 302
    profile.refresh_from_db()
    assert list(profile.expertise.all()) == [cloud] and profile.region.name == "Wales"
    found = client.get("/fr/members/", {"topic": "cloud", "region": "wales"})
    assert [found.display_name for found in found.context["listing"].profiles] == ["Ada Lovelace"]


def alt_texts(html):
    return re.findall(r'<img[^>]* alt="([^"]*)"', html) + re.findall(
        r'<meta property="og:image:alt" content="([^"]*)"', html
    )


def test_a_translated_case_study_describes_its_images_in_its_language(client, case_studies, french):
    index, _story, _french_story = case_studies
    title = "Bike share for council staff"
    story = CaseStudyPageFactory(
        parent=index, title=title, gallery=_gallery(title), **listing_picture(title)
    )
    translated = {title: "Vélos partagés pour les agents", **FRENCH}
    french_story = translate(story, french, {**translated, **picture_texts("fr", translated)})
    english = alt_texts(client.get(story.url).content.decode())
    french_alts = alt_texts(client.get(french_story.url).content.decode())
    assert "Illustration: a street with cyclists, midday light" in english
    assert "Illustration 1 for Bike share for council staff" in english
    assert "Illustration : une rue avec des cyclistes, lumière de midi" in french_alts
    assert "Illustration 1 pour « Vélos partagés pour les agents »" in french_alts
    assert not any("Illustration:" in alt or " for " in alt for alt in french_alts)


def test_without_its_own_alt_text_a_page_describes_its_image_by_the_images(client, case_studies):
    index, _story, _french_story = case_studies
    image = ImageFactory(title="Harbour", description="Boats in a harbour at dawn")
    story = CaseStudyPageFactory(parent=index, listing_image=image)
    assert "Boats in a harbour at dawn" in alt_texts(client.get(story.url).content.decode())
