"""Routing to a page in a fixed number of queries, however deep it lies."""

from django.http import Http404

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page


def fetch_for_serving(page):
    """`page.specific` with the relations its template shows (`serve_select_related`) joined."""
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page
    related = getattr(model, "serve_select_related", ())
    specific = model._default_manager.select_related(*related).get(pk=page.pk)
    for name, value in page.__dict__.items():  # as get_specific() does: parent, annotations
        specific.__dict__.setdefault(name, value)
    return specific


def own_route_comes_first(page, path_components):
    """Whether Wagtail would route the rest of the path through this page's own code before its
    children: a live routable page whose routes match it, or a page type with its own `route`."""
    model = page.specific_class
    if model is None:
        return False
    routable = issubclass(model, RoutablePageMixin)
    if model.route not in (Page.route, RoutablePageMixin.route, PathRoutingMixin.route):
        return True  # some other routing: leave it to the page
    if not routable or not page.live:
        return False
    try:
        page.specific_deferred.resolve_subpage("/" + "/".join(path_components) + "/")
    except Http404:
        return False
    return True


class PathRoutingMixin:
    """Finds the page for a path with one query for every page on it, then one for the page.

    Wagtail's `Page.route` fetches each level's child and then its specific page: two queries per
    level. This follows the same rules over the pages fetched at once: a page's own routes (a live
    routable page's subpage URLs, or an overridden `route`) come before its children, and the
    page finally routed to is asked to `route` the rest, so it must be live as before.
    """

    def route(self, request, path_components):
        if not path_components or own_route_comes_first(self, path_components):
            return super().route(request, path_components)
        prefixes = ["/".join(path_components[:n]) + "/" for n in range(1, len(path_components) + 1)]
        candidates = Page.objects.filter(
            path__startswith=self.path,
            depth__gt=self.depth,
            url_path__in=[self.url_path + prefix for prefix in prefixes],
        ).order_by("-path")  # at a depth with two candidates, keep the first in tree order
        chain = {page.depth: page for page in candidates}
        parent = self
        for position, slug in enumerate(path_components):
            page = chain.get(self.depth + position + 1)
            if page is None or page.slug != slug or page.path[: -page.steplen] != parent.path:
                raise Http404
            page._cached_parent_obj = parent
            remaining = path_components[position + 1 :]
            if remaining and own_route_comes_first(page, remaining):
                return fetch_for_serving(page).route(request, remaining)
            parent = page
        return fetch_for_serving(page).route(request, [])
