"""The site's look that code decides: one date format, case studies dated by their year, the
footer's pages, listings' headings and skip link, the header's menu button, demo pictures."""

import datetime

import pytest
from django_comments_xtd.models import XtdComment

from django.core.management import call_command
from django.db.models import F
from django.utils import translation

from wagtail.images.models import Image

from casestudies.factories import CaseStudyIndexPageFactory, CaseStudyPageFactory
from home.factories import StandardPageFactory, TopicFactory
from home.illustrations import describe, picture
from home.models import SiteSettings
from home.templatetags.date_tags import date_element
from news.factories import NewsPageFactory

pytestmark = pytest.mark.django_db


def test_dates_read_the_same_way_everywhere_with_a_valid_machine_value(client, news_index):
    NewsPageFactory(parent=news_index, slug="exchange", date=datetime.date(2026, 10, 7))
    listing = client.get(news_index.url).content.decode()
    item = client.get(f"{news_index.url}exchange/").content.decode()
    for html in (listing, item):
        assert '<time datetime="2026-10-07">7 October 2026</time>' in html


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "7 October 2026"), ("fr", "7 octobre 2026"), ("es", "7 de octubre de 2026")],
)
def test_a_moment_shows_as_its_day_in_the_visitors_language(language, words):
    moment = datetime.datetime(2026, 10, 7, 7, 21, 3, 491536, tzinfo=datetime.UTC)
    with translation.override(language):
        assert date_element(moment) == f'<time datetime="2026-10-07">{words}</time>'


def test_case_study_cards_carry_the_year_of_the_work_not_the_day_it_was_published(client, home):
    library = CaseStudyIndexPageFactory(parent=home)
    energy = TopicFactory(name="Energy")
    CaseStudyPageFactory(parent=library, title="Solar on the roof", year=2019, topics=[energy])
    html = client.get("/topics/energy/").content.decode()
    assert '<p class="card__meta"><time datetime="2019">2019</time></p>' in html
    assert f'datetime="{datetime.date.today().isoformat()}"' not in html


def test_footer_lists_the_sites_own_pages_and_topics(client, home, site):
    privacy = StandardPageFactory(parent=home, slug="privacy", title="Privacy")
    conduct = StandardPageFactory(parent=home, slug="code-of-conduct", title="Code of conduct")
    settings = SiteSettings.for_site(site)
    settings.footer_links = [
        ("link", {"label": "", "page": page, "link_url": ""}) for page in (privacy, conduct)
    ]
    settings.save()
    footer = client.get("/").content.decode().split('<footer class="site-footer">')[1]
    for link in ('href="/privacy/">Privacy<', 'href="/code-of-conduct/">Code of conduct<'):
        assert link in footer
    assert 'href="/topics/">Topics<' in footer


def test_listings_offer_skip_to_results_and_headings_step_down_one_level(client, news_index):
    NewsPageFactory(parent=news_index)
    html = client.get(news_index.url).content.decode()
    assert '<a class="skip-link" href="#results">Skip to results</a>' in html
    assert '<section id="results"' in html
    assert html.index("<h2") < html.index('<h3 class="card__title">')


def test_header_has_a_menu_button_that_discloses_the_menu(client, home):
    html = client.get("/").content.decode()
    assert 'aria-expanded="false" aria-controls="site-menu">Menu</button>' in html
    assert 'id="site-menu"' in html


def test_demo_pictures_differ_per_item_and_stay_the_same_across_runs():
    first = picture("Bike share for a mid-sized city").file.getvalue()
    assert picture("Bike share for a mid-sized city").file.getvalue() == first
    assert picture("Council e-bike fleet").file.getvalue() != first
    assert describe("Community energy for a rural school").startswith(
        "Illustration: wind turbines and solar panels"
    )


def test_demo_gives_each_page_its_own_discussion_and_picture():
    call_command("load_demo_content")
    threads = {}
    for comment in XtdComment.objects.filter(parent_id=F("pk")):
        threads.setdefault(comment.object_pk, []).append(comment.comment)
    openings = [text for texts in threads.values() for text in texts]
    assert len(threads) >= 7 and len(openings) == len(set(openings))
    pictures = [image.file.read() for image in Image.objects.all()]
    assert len(set(pictures)) == len(pictures) > 20
