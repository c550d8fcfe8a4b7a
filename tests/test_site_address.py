"""One address for the site: SITE_URL reaches feeds, sitemaps, canonical links, hreflang and
emails, so none of them names the placeholder hosts the databases start with."""

import pytest

from django.contrib.sites.models import Site as DjangoSite
from django.core import mail
from django.core.exceptions import ImproperlyConfigured

from wagtail.models import Locale, Site

from home.factories import StandardPageFactory
from home.site_address import apply_site_url
from knowledge.factories import (
    EditorFactory,
    KnowledgeArticlePageFactory,
    KnowledgeIndexPageFactory,
)
from members import applications
from members.models import MembershipApplication
from news.factories import NewsIndexPageFactory, NewsPageFactory
from notifications.service import notify
from portal.settings import env
from tests.test_i18n import translate

ADDRESS = "https://learning.network.test"
PLACEHOLDERS = ("example.com", "localhost", "127.0.0.1", "testserver")


@pytest.fixture
def site_url(settings, home):
    """The environment names the real host; `migrate` would apply it (home/apps.py)."""
    settings.SITE_URL = settings.WAGTAILADMIN_BASE_URL = ADDRESS
    apply_site_url()


def assert_only_the_real_host(text):
    assert ADDRESS in text
    for placeholder in PLACEHOLDERS:
        assert placeholder not in text, placeholder


def test_applying_site_url_points_both_site_records_at_it(site_url):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("learning.network.test", 443, ADDRESS)
    assert DjangoSite.objects.get_current().domain == "learning.network.test"


def test_feeds_sitemap_canonical_and_hreflang_name_the_site_url_host(
    client,
    site_url,
    home,
):
    about = StandardPageFactory(parent=home, title="About the network", slug="about")
    translate(about, Locale.objects.get_or_create(language_code="fr")[0], title="À propos")
    index = NewsIndexPageFactory(parent=home)
    NewsPageFactory(parent=index, title="Network passes 300 members")
    for path in ("/news/feed/", "/news/feed/atom/", "/sitemap.xml"):
        response = client.get(path, secure=True)
        assert response.status_code == 200, path
        assert_only_the_real_host(response.content.decode())
    head = client.get("/about/", secure=True).content.decode().split("</head>")[0]
    assert f'<link rel="canonical" href="{ADDRESS}/about/">' in head
    assert f'hreflang="fr" href="{ADDRESS}/fr/about/"' in head
    assert_only_the_real_host(head)


def test_emails_link_to_the_site_url_host(
    client, site_url, home, member, django_capture_on_commit_callbacks
):
    client.post(
        "/members/join/",
        {
            "name": "Ada Lovelace",
            "email": "ada@example.org",
            "organisation": "Analytical Engines",
            "role": "Programmer",
            "hopes_to_share": "Notes on the engine.",
        },
    )
    applications.approve(MembershipApplication.objects.get(), by=None)
    with django_capture_on_commit_callbacks(execute=True):
        notify(member, "answer", "answer:1", "An answer to your question", "/questions/1/")
    article = KnowledgeArticlePageFactory(
        parent=KnowledgeIndexPageFactory(parent=home), owner=member, live=False
    )
    EditorFactory(email="reviewer@example.org")
    article.save_revision(user=member)
    article.get_workflow().start(article, member)
    assert len(mail.outbox) == 4
    bodies = "\n".join(message.body for message in mail.outbox)
    assert bodies.count(ADDRESS) >= 3  # all but the acknowledgement carry links
    assert_only_the_real_host(bodies)


@pytest.mark.parametrize(
    "value", ["portal.example.org", "ftp://portal.example.org", "https://x.org/a"]
)
def test_a_site_url_without_scheme_and_host_alone_is_refused(monkeypatch, value):
    monkeypatch.setenv("SITE_URL", value)
    with pytest.raises(ImproperlyConfigured):
        env.site_url("SITE_URL", "http://127.0.0.1:8000")
