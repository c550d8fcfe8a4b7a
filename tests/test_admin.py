"""Editors' screens for the site shell open and save: page editors, snippets, settings."""

import pytest

from django.urls import reverse

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.factories import StandardPageFactory, TopicFactory
from home.models import Topic
from news.factories import NewsIndexPageFactory, NewsPageFactory
from news.models import NewsPage


@pytest.fixture
def admin(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", "admin@example.org", "pw")
    client.force_login(user)
    return client


def test_page_editors_open_for_every_page_type(admin, home):
    news_index = NewsIndexPageFactory(parent=home)
    pages = [home, StandardPageFactory(parent=home), news_index, NewsPageFactory(parent=news_index)]
    for page in pages:
        assert admin.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    for app_model, parent in [("home/standardpage", home), ("news/newspage", news_index)]:
        app, model = app_model.split("/")
        url = reverse("wagtailadmin_pages:add", args=[app, model, parent.pk])
        assert admin.get(url).status_code == 200


def test_editor_can_publish_a_news_item_with_a_body_and_topics(admin, home):
    news_index = NewsIndexPageFactory(parent=home)
    topic = TopicFactory(name="Transport")
    url = reverse("wagtailadmin_pages:add", args=["news", "newspage", news_index.pk])
    data = nested_form_data(
        {
            "title": "Bike share opens",
            "slug": "bike-share-opens",
            "intro": "Two hundred bikes.",
            "date": "2026-05-01",
            "byline": "Editorial team",
            "body": streamfield(
                [
                    ("heading", {"text": "What happened", "level": "h2"}),
                    ("paragraph", rich_text("<p>It opened.</p>")),
                ]
            ),
            "action-publish": "publish",
        }
    )
    response = admin.post(url, {**data, "topics": [topic.pk]})
    assert response.status_code == 302, response.context["form"].errors
    page = NewsPage.objects.child_of(news_index).get(slug="bike-share-opens")
    assert page.live and list(page.topics.all()) == [topic]
    html = admin.get(page.url).content.decode()
    assert "What happened" in html and "It opened." in html


def test_snippets_and_settings_screens_open(admin, site):
    topic = TopicFactory(name="Climate action")
    screens = [
        reverse("wagtailsnippets_home_topic:list"),
        reverse("wagtailsnippets_home_topic:edit", args=[topic.pk]),
        reverse("wagtailsnippets_home_sector:list"),
        reverse("wagtailsnippets_home_region:list"),
        reverse("wagtailsnippets_home_mainmenu:list"),
        reverse("wagtailsettings:edit", args=["home", "sitesettings", site.pk]),
    ]
    for url in screens:
        assert admin.get(url).status_code == 200, url
    response = admin.get(reverse("wagtailsnippets_home_topic:list"), {"q": "climate"})
    assert "Climate action" in response.content.decode()


def test_settings_edit_changes_the_footer(admin, site, client):
    url = reverse("wagtailsettings:edit", args=["home", "sitesettings", site.pk])
    data = nested_form_data(
        {
            "network_name": "Wales ICT Network",
            "tagline": "",
            "footer_text": "Registered charity 123",
            "contact_email": "hi@example.org",
            "contact_address": "",
            "footer_links": streamfield([]),
            "social_links": streamfield([]),
        }
    )
    assert admin.post(url, data).status_code == 302
    html = admin.get("/").content.decode()
    assert "Wales ICT Network" in html and "Registered charity 123" in html


def test_topic_slugs_are_unique_per_language(admin):
    TopicFactory(name="Transport")
    response = admin.post(
        reverse("wagtailsnippets_home_topic:add"),
        {"name": "Transport again", "slug": "transport", "description": ""},
    )
    assert response.status_code == 200
    assert Topic.objects.filter(slug="transport").count() == 1


def test_main_menu_links_need_a_page_or_an_address(admin, home):
    url = reverse("wagtailsnippets_home_mainmenu:add")
    data = nested_form_data(
        {
            "title": "Main menu",
            "items": streamfield([("link", {"label": "", "page": "", "link_url": ""})]),
        }
    )
    response = admin.post(url, data)
    assert response.status_code == 200
    assert "Choose a page or enter an address" in response.content.decode()
