"""The public site: demo content, listings, feeds, sitemap and the bad-input cases."""

import datetime

import pytest
from defusedxml import ElementTree

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db.models.signals import pre_init
from django.urls import reverse
from django.utils.html import escape

from wagtail.images import get_image_model
from wagtail.images.models import Image
from wagtail.models import Collection, Page, PageViewRestriction
from wagtail.permissions import policy_registry

from home.factories import StandardPageFactory, TopicFactory
from news.factories import NewsPageFactory
from news.models import NewsPage

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def hidden_news(news_index):
    """A draft and a private news item, which must never reach visitors."""
    draft = NewsPageFactory(parent=news_index, title="Secret draft plan", live=False)
    private = NewsPageFactory(parent=news_index, title="Private board minutes")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return draft, private


def test_demo_content_builds_twice_without_duplicates(db):
    call_command("load_demo_content", "--seed", "7")
    counts = Page.objects.count(), NewsPage.objects.count(), Image.objects.count()
    call_command("load_demo_content", "--seed", "7")
    assert (Page.objects.count(), NewsPage.objects.count(), Image.objects.count()) == counts
    assert counts[1] >= 12


def test_demo_images_sit_in_one_collection_under_root_that_editors_can_use(db):
    call_command("load_demo_content", "--seed", "7")
    collections = set(Image.objects.values_list("collection", flat=True))
    assert len(collections) == 1
    collection = Collection.objects.get(pk=collections.pop())
    assert collection.name == "Demo images"
    assert collection.get_parent() == Collection.get_first_root_node()
    editor = get_user_model().objects.get(username="editor")
    policy = policy_registry.get_by_type(get_image_model())
    usable = policy.instances_user_has_any_permission_for(editor, ["choose"])
    assert usable.count() == Image.objects.count() > 0


def test_every_page_of_the_demo_site_renders(client, db):
    call_command("load_demo_content")
    pages = Page.objects.live().public().exclude(depth=1).specific()
    assert pages.count() >= 17
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert f"<title>{escape(page.seo_title or page.title)} ·" in response.content.decode()
    for path in ["/topics/", "/topics/cyber-security/", "/news/feed/", "/news/feed/atom/"]:
        assert client.get(path).status_code == 200, path


def test_home_page_shows_latest_news_and_the_call_to_join(client, home, news_index):
    join = StandardPageFactory(parent=home, slug="join", title="Join us")
    home.join_heading, home.join_page = "Join the network", join
    home.save_revision().publish()
    for day in range(1, 5):
        NewsPageFactory(parent=news_index, title=f"News of May {day}", date=f"2026-05-0{day}")
    NewsPageFactory(parent=news_index, title="Older news", date="2026-01-01")
    html = client.get("/").content.decode()
    assert html.index("News of May 4") < html.index("News of May 3") < html.index("News of May 2")
    assert "News of May 1" not in html and "Older news" not in html
    assert "Join the network" in html and join.url in html


def test_home_page_hides_empty_sections(client, home):
    html = client.get("/").content.decode()
    assert "Latest news" not in html
    assert "Featured case studies" not in html
    assert "Join the network" not in html


def test_unknown_url_gets_the_404_page(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


@pytest.mark.parametrize("page", ["abc", "99999", "-1", "0", "1.5", "x" * 500])
def test_bad_page_numbers_give_a_valid_page(client, news_index, page):
    for number in range(15):
        NewsPageFactory(parent=news_index, title=f"Item {number}")
    response = client.get(news_index.url, {"page": page})
    assert response.status_code == 200
    assert len(response.context["items"]) > 0


def test_news_filters_by_topic(client, news_index):
    climate = TopicFactory(name="Climate action")
    other = TopicFactory(name="Transport")
    NewsPageFactory(parent=news_index, title="Net zero plan", topics=[climate])
    NewsPageFactory(parent=news_index, title="Bike lanes", topics=[other])
    response = client.get(news_index.url, {"topic": "climate-action"})
    titles = [item.title for item in response.context["items"]]
    assert titles == ["Net zero plan"]


def test_unknown_topic_filter_gives_an_empty_result_with_a_message(client, news_index):
    NewsPageFactory(parent=news_index, title="Net zero plan")
    response = client.get(news_index.url, {"topic": "<b>nonsense</b>"})
    assert response.status_code == 200
    assert list(response.context["items"]) == []
    html = response.content.decode()
    assert "There is no topic called" in html
    assert "&lt;b&gt;nonsense&lt;/b&gt;" in html and "<b>nonsense" not in html


def test_topic_page_spans_page_types_and_hides_private_pages(client, home, news_index):
    topic = TopicFactory(name="Cyber security")
    NewsPageFactory(parent=news_index, title="Phishing wave", topics=[topic])
    private = NewsPageFactory(parent=news_index, title="Internal incident", topics=[topic])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    response = client.get("/topics/cyber-security/")
    titles = [page.title for page in response.context["pages"]]
    assert titles == ["Phishing wave"]
    assert client.get("/topics/no-such-topic/").status_code == 404


@pytest.mark.parametrize("path,root_tag", [("feed/", "rss"), ("feed/atom/", f"{ATOM}feed")])
def test_feeds_are_valid_xml_listing_only_live_public_news(
    client, news_index, hidden_news, path, root_tag
):
    NewsPageFactory(parent=news_index, title="Public announcement", date=datetime.date(2026, 3, 1))
    response = client.get(news_index.url + path)
    assert response.status_code == 200
    tree = ElementTree.fromstring(response.content)
    assert tree.tag == root_tag
    text = response.content.decode()
    assert "Public announcement" in text
    assert "Secret draft plan" not in text and "Private board minutes" not in text


def test_sitemap_is_valid_xml_listing_only_live_public_pages(client, news_index, hidden_news):
    public = NewsPageFactory(parent=news_index, title="Public announcement")
    response = client.get(reverse("sitemap"))
    tree = ElementTree.fromstring(response.content)
    locations = {loc.text for loc in tree.iter(f"{SITEMAP}loc")}
    assert public.full_url in locations
    assert news_index.full_url in locations
    draft, private = hidden_news
    assert private.full_url not in locations
    assert not any(draft.slug in location for location in locations)


def test_robots_txt_points_to_the_sitemap(client, home):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


def test_server_error_gets_the_500_page(client, home, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("database on fire")

    monkeypatch.setattr("home.models.HomePage.serve", broken)
    client.raise_request_exception = False
    response = client.get("/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong" in html and "database on fire" not in html


def test_news_cards_name_their_type_without_making_a_page_each(client, news_index):
    """A card reads its type from Wagtail's `page_type_display_name`: a template reading
    `specific_class` calls the class, making one more page per card."""
    for day in range(1, 4):
        NewsPageFactory(parent=news_index, title=f"News of May {day}", date=f"2026-05-0{day}")
    made = []

    def count(sender, **kwargs):
        made.append(sender)

    pre_init.connect(count, sender=NewsPage)
    try:
        html = client.get("/news/").content.decode()
    finally:
        pre_init.disconnect(count, sender=NewsPage)
    assert html.count('<p class="card__kind">News item</p>') == 3
    assert len(made) == 3
