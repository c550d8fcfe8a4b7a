"""The site's address from `SITE_URL`, written where Wagtail and Django look for it.

Wagtail builds every full URL (canonical links, hreflang, sitemaps, feeds, page links in emails)
from the default `Site`'s host name and port; Django's syndication and comments frameworks read
the `django.contrib.sites` record. Both take `SITE_URL` after every `migrate`, so no output names
the placeholder hosts (`localhost`, `example.com`) the databases start with.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sites.models import Site as DjangoSite

from wagtail.models import Site


def host_and_port():
    """`SITE_URL` as Wagtail's `Site` holds it: 443 stands for https, 80 for http."""
    parts = urlsplit(settings.SITE_URL)
    return parts.hostname, parts.port or (443 if parts.scheme == "https" else 80)


def apply_site_url(**kwargs):
    """Point the default Wagtail `Site` and Django's sites record at `SITE_URL`."""
    hostname, port = host_and_port()
    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and (site.hostname, site.port) != (hostname, port):
        site.hostname, site.port = hostname, port
        site.save()  # save(), not update(): Wagtail refreshes its cached site list on save
    DjangoSite.objects.update_or_create(
        pk=settings.SITE_ID,
        defaults={"domain": urlsplit(settings.SITE_URL).netloc, "name": settings.WAGTAIL_SITE_NAME},
    )
