"""Serving pages without looking up, for every request, what changes only with the content."""

from django.http import Http404
from django.http.request import split_domain_port
from django.utils.translation import get_language

from wagtail import views as wagtail_views
from wagtail.models import Site

from portal.page_cache import remember


class SiteMiddleware:
    """Finds the request's `Site` once per content generation, not with a query every request.

    Wagtail looks it up for every page, setting and URL; saving a site starts a new generation.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hostname = split_domain_port(request.get_host())[0]
        port = request.get_port()
        request._wagtail_site = remember(
            f"site:{hostname}:{port}", lambda: Site.find_for_request(request)
        )
        return self.get_response(request)


def serve(request, path):
    """Wagtail's `serve`, routed from the site's root page in the active language as remembered
    for this generation: Wagtail fetches that page, its translation and its specific page anew
    for every request."""
    site = Site.find_for_request(request)
    if site is not None and not hasattr(request, "_wagtail_route_for_request"):
        root = remember(
            f"root-page:{site.pk}:{get_language()}", lambda: site.root_page.localized.specific
        )
        try:
            route = root.route(request, [part for part in path.split("/") if part])
        except Http404:
            route = None
        request._wagtail_route_for_request = route
    return wagtail_views.serve(request, path)
