"""What a visitor's browser receives: WebP renditions in a srcset sized to their slot, compressed
HTML, and a meta description on every page type."""

import gzip
import json
import re

import pytest

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.factories import ImageFactory, StandardPageFactory, picture
from home.models import SiteSettings
from knowledge.factories import KnowledgeArticlePageFactory
from news.factories import NewsPageFactory


def images(html):
    return re.findall(r"<img [^>]*>", html)


def attribute(tag, name):
    return re.search(rf'{name}="([^"]*)"', tag).group(1)


def srcset_widths(tag):
    return [int(candidate.split()[-1][:-1]) for candidate in attribute(tag, "srcset").split(", ")]


@pytest.fixture
def case_study(home):
    index = CaseStudyIndexPageFactory(parent=home)
    gallery = json.dumps([{"type": "image", "value": {"image": ImageFactory().pk, "caption": ""}}])
    return CaseStudyPageFactory(parent=index, listing_image=ImageFactory(), gallery=gallery)


def test_cards_offer_webp_renditions_sized_for_the_card_slot(client, case_study):
    card = images(client.get("/case-studies/").content.decode())[0]
    assert srcset_widths(card) == [320, 480, 720, 960]
    assert all(".webp " in candidate for candidate in attribute(card, "srcset").split(", "))
    assert attribute(card, "sizes").endswith("100vw")
    assert 'loading="lazy"' in card


def test_case_study_hero_and_gallery_renditions_fit_what_is_shown(client, case_study):
    hero, figure = images(client.get(case_study.url).content.decode())
    assert srcset_widths(hero) == [480, 800, 1152]  # the 1,200 px original gives no larger
    assert attribute(hero, "sizes") == "(min-width: 74rem) 72rem, calc(100vw - 2rem)"
    assert "loading" not in hero  # above the fold
    assert max(srcset_widths(figure)) == 720  # gallery figures are shown at about 18rem
    assert "18rem" in attribute(figure, "sizes")


def test_article_and_news_images_fill_their_text_column_with_renditions_that_fit_it(
    client, knowledge_index, news_index, settings
):
    article = KnowledgeArticlePageFactory(parent=knowledge_index, listing_image=ImageFactory())
    news = NewsPageFactory(parent=news_index, listing_image=ImageFactory())
    for page in (article, news):
        hero = images(client.get(page.url).content.decode())[0]
        assert srcset_widths(hero) == [480, 720, 960]  # not 1,152 px for a 44rem column
        assert "40rem" in attribute(hero, "sizes")
        assert "page-image" in attribute(hero, "class") and 'loading="lazy"' not in hero
    stylesheet = (settings.BASE_DIR / "static/css/portal.css").read_text()
    assert re.search(r"\.page-image[^{]*\{[^}]*width: 100%", stylesheet)  # not its 480 px


def test_a_small_original_gives_no_repeated_width(client, home):
    index = CaseStudyIndexPageFactory(parent=home)
    small = ImageFactory(file=picture("small", 400, 225))
    CaseStudyPageFactory(parent=index, listing_image=small)
    card = images(client.get("/case-studies/").content.decode())[0]
    assert "srcset" not in card  # one rendition that fits: no list of repeated widths
    assert attribute(card, "src").endswith(".fill-320x180.format-webp.webp")


def test_html_is_sent_compressed_to_browsers_that_accept_it(client, case_study):
    response = client.get("/case-studies/", headers={"accept-encoding": "gzip, br"})
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert "<html" in gzip.decompress(response.content).decode()
    assert "Content-Encoding" not in client.get("/case-studies/")  # nor to those that don't


def test_images_are_not_compressed_again(client, case_study):
    rendition = case_study.listing_image.get_rendition("width-320|format-webp")
    response = client.get(rendition.url, headers={"accept-encoding": "gzip"})
    assert response.status_code == 200
    assert not response.has_header("Content-Encoding")


def description(html):
    found = re.findall(r'<meta name="description" content="([^"]*)">', html)
    assert len(found) == 1
    return found[0]


def test_every_page_type_has_a_meta_description(client, case_study, home):
    site_settings = SiteSettings.for_site(home.get_site())
    site_settings.tagline = "Organisations learning from each other."
    site_settings.save()
    bare = StandardPageFactory(parent=home, title="Bare", slug="bare", intro="")
    assert description(client.get(case_study.url).content.decode()) == case_study.intro
    assert description(client.get(bare.url).content.decode()) == site_settings.tagline
    assert "Search" in description(client.get("/search/", {"q": "water"}).content.decode())
    assert "join" in description(client.get("/members/join/").content.decode())
    french = client.get("/fr/search/").content.decode()
    assert "Rechercher" in description(french)
