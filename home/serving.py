"""Serving pages without looking up, for every request, what changes only with the content."""

from django.http import Http404
from django.http.request import split_domain_port
from django.utils.translation import get_language

from wagtail import views as wagtail_views
from wagtail.models import Site

from portal.page_cache import remember


class ServingMiddleware:
    """Finds the request's `Site`, and for a page its route (the page and its arguments), once
    per content generation rather than with queries every request.

    Wagtail looks up the site for every page, setting and URL, and to serve a page fetches the
    root page, its translation, its specific page and then every page on the path anew; saving a
    site or a page starts a new generation. The route is found as `Page.route_for_request` finds
    it and handed to Wagtail's `serve` the way it caches it on the request.
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

    def process_view(self, request, view_func, view_args, view_kwargs):
        site = request._wagtail_site
        if view_func is not wagtail_views.serve or site is None:
            return None
        path = view_kwargs.get("path", view_args[0] if view_args else "")
        language = get_language()

        def find_route():
            root = remember(
                f"root-page:{site.pk}:{language}", lambda: site.root_page.localized.specific
            )
            try:
                return root.route(request, [part for part in path.split("/") if part])
            except Http404:
                return None

        # Only routes to pages anyone may see are shared: never a private page, nor a miss or a
        # routable page's subpage with arguments (`/topics/<slug>/`), which made-up addresses add.
        route = remember(f"route:{site.pk}:{language}:{path}", find_route, keep=is_public_route)
        request._wagtail_route_for_request = route
        request.serves_public_page = route is not None and getattr(route[0], PUBLIC, False)
        return None


# Set on a remembered route's page: it had no view restriction when the generation began, and any
# restriction added since has started a new one (`BasePage.get_view_restrictions` skips the query).
PUBLIC = "known_public"


def is_public_route(route):
    if route is None:
        return False
    page, args, kwargs = route
    public = is_fixed_address(args, kwargs) and not page.get_view_restrictions().exists()
    setattr(page, PUBLIC, public)
    return public


def is_fixed_address(args, kwargs):
    """No part of the address is an argument: a page, or a routable page's index or feed, whose
    route is `(view, (), {})`; not `/topics/<slug>/`, which any slug would match."""
    if kwargs:
        return False
    return not args or (len(args) == 3 and callable(args[0]) and not args[1] and not args[2])
