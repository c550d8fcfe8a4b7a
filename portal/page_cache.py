"""Whole-page cache for anonymous visitors, emptied at once by any change a page may show.

`PageCacheMiddleware` answers anonymous GET and HEAD requests from the ``pages`` cache alias
(Redis when ``REDIS_URL`` is set, otherwise a file cache that every worker on the host shares).
Each entry is stored with the cache *generation* it was rendered under; saving or deleting a page,
moving one, or changing a snippet, a setting, a view restriction, an image, a document or a comment
writes a new generation, so every older entry stops matching: no entry outlives the change, even
one rendered while the change was being saved.

A response is shared only when it is a 200 for a visitor without a session and it did not use a
CSRF token, set a cookie or mark itself private (Wagtail marks every page with a view restriction
``no-store``). Requests with a query parameter outside ``PAGE_CACHE_QUERY_PARAMETERS`` are never
cached, so random cache-busting parameters cannot fill the cache; nor can random values of the
known ones (``?q=...`` on every page): each address keeps at most ``PAGE_CACHE_MAX_VARIANTS``
query-string variants per generation, and further ones are served without being stored.
"""

import hashlib
import pickle  # noqa: S403  # nosec B403 (only values this process stored itself)
import uuid
from contextvars import ContextVar
from functools import cache
from urllib.parse import urlencode

from django.apps import AppConfig, apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save
from django.utils.cache import (
    add_never_cache_headers,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)

from wagtail.signals import post_page_move

CACHE_ALIAS = "pages"
GENERATION_KEY = "generation"
# Cookies that carry one visitor's state into a page: their presence skips the shared cache.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
# Cache-Control directives that forbid a shared copy.
UNSHAREABLE_DIRECTIVES = ("private", "no-store", "no-cache")
# Request headers a shared copy may vary on: the language comes from the URL, not the header.
SHAREABLE_VARY = {"accept-language", "accept-encoding", "cookie"}


def cache_key(request):
    """The cache key for a request, or None when the request must not use the shared cache."""
    if request.method not in ("GET", "HEAD"):
        return None
    if any(name in request.COOKIES for name in PERSONAL_COOKIES):
        return None
    known = settings.PAGE_CACHE_QUERY_PARAMETERS
    values = [(name, value) for name in sorted(request.GET) for value in request.GET.getlist(name)]
    if len(values) > settings.PAGE_CACHE_MAX_QUERY_VALUES:
        return None
    if any(name not in known or len(value) > 100 for name, value in values):
        return None
    url = f"{request.scheme}://{request.get_host()}{request.path}?{urlencode(values)}"
    return "page:" + hashlib.sha256(url.encode()).hexdigest()


def is_personal(request, response):
    """Whether the response belongs to one visitor: signed in, holding a session or a CSRF token."""
    user = getattr(request, "user", None)
    return bool(
        any(name in request.COOKIES for name in PERSONAL_COOKIES)
        or (user is not None and user.is_authenticated)
        or used_csrf_token(request)
        or response.cookies
    )


def used_csrf_token(request):
    """Whether rendering asked for a CSRF token (Django 5 flags it so; CSRF_COOKIE_USED is gone)."""
    return bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))


def is_shareable(response):
    if response.status_code != 200 or response.streaming:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in UNSHAREABLE_DIRECTIVES):
        return False
    vary = {header.strip().lower() for header in response.get("Vary", "").split(",") if header}
    return vary <= SHAREABLE_VARY


def admit_variant(address):
    """Whether one more variant of `address` (a query string, a fragment's keys) may be stored
    in this generation: at most PAGE_CACHE_MAX_VARIANTS, so random values cannot fill the cache."""
    page_cache = caches[CACHE_ALIAS]
    key = f"variants:{generation()}:{hashlib.sha256(address.encode()).hexdigest()}"
    page_cache.add(key, 0, settings.PAGE_CACHE_TIMEOUT)
    try:
        return page_cache.incr(key) <= settings.PAGE_CACHE_MAX_VARIANTS
    except ValueError:  # expired between add and incr: count afresh next time
        return False


def current_generation(page_cache, stored):
    if stored is not None:
        return stored
    page_cache.add(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    return page_cache.get(GENERATION_KEY)


# The generation a request renders under, read once per request rather than for every value it
# remembers (a page remembers 10-25): {"generation": ...} while a request runs, else None.
request_generation = ContextVar("request_generation", default=None)


def generation():
    """The current generation: the request's, read at its first use, or read afresh outside one."""
    state = request_generation.get()
    if state is not None and state["generation"] is not None:
        return state["generation"]
    page_cache = caches[CACHE_ALIAS]
    found = current_generation(page_cache, page_cache.get(GENERATION_KEY))
    if state is not None:
        state["generation"] = found
    return found


class PageCacheMiddleware:
    """Serve and store whole pages for anonymous visitors; see the module docstring."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = request_generation.set({"generation": None})
        try:
            return self.respond(request)
        finally:
            request_generation.reset(token)

    def respond(self, request):
        key = cache_key(request)
        if key is None or not settings.PAGE_CACHE_ENABLED:
            response = self.get_response(request)
            self.set_headers(request, response, key)
            return response
        page_cache = caches[CACHE_ALIAS]
        found = page_cache.get_many([GENERATION_KEY, key])
        current = current_generation(page_cache, found.get(GENERATION_KEY))
        request_generation.get()["generation"] = current  # read with the page: once
        entry = found.get(key)
        if entry is not None and entry[0] == current:
            response = entry[1]
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        shared = self.set_headers(request, response, key)
        if shared and (not request.GET or admit_variant(f"{request.get_host()}{request.path}")):
            page_cache.set(key, (current, response), settings.PAGE_CACHE_TIMEOUT)
            response["X-Page-Cache"] = "miss"
        return response

    def set_headers(self, request, response, key):
        """Mark shareable pages public with an ETag, personal ones never-cache; True if shared."""
        if is_personal(request, response):
            if not response.has_header("Cache-Control"):
                add_never_cache_headers(response)
            return False
        if key is None or not is_shareable(response):
            return False
        patch_cache_control(response, public=True, max_age=settings.PAGE_CACHE_MAX_AGE)
        patch_vary_headers(response, ["Cookie"])
        if not response.has_header("ETag"):
            set_response_etag(response)
        return True


class LocalMemo:
    """This process's copies of remembered values, all of one generation, as pickles: a hit costs
    no trip to the shared cache, and every caller gets its own copy to change, as from the cache.
    Emptied when it outgrows MAX_BYTES, so a large site cannot swell the workers.
    """

    MAX_BYTES = 16 * 1024 * 1024

    def __init__(self):
        self.generation = None
        self.entries = {}
        self.size = 0

    def get(self, generation, key):
        if generation != self.generation:
            self.generation, self.entries, self.size = generation, {}, 0
            return None
        found = self.entries.get(key)
        return None if found is None else (pickle.loads(found),)  # noqa: S301  # nosec B301 (our own pickle)

    def set(self, generation, key, value):
        if generation != self.generation:
            return
        pickled = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)
        if self.size + len(pickled) > self.MAX_BYTES:
            self.entries, self.size = {}, 0
        self.entries[key] = pickled
        self.size += len(pickled)


local_memo = LocalMemo()


def remember(key, compute, keep=None):
    """A value derived from content (a menu, the site settings), computed once per generation:
    kept until the next change that would empty the page cache. Used with the cache on or off.
    `keep(value)`, when given, decides whether a computed value may be stored at all.

    Looked up in this process's memo first, then in the shared cache every worker fills."""
    current = generation()
    found = local_memo.get(current, key)
    if found is not None:
        return found[0]
    page_cache = caches[CACHE_ALIAS]
    entry = page_cache.get(key)
    if entry is not None and entry[0] == current:
        local_memo.set(current, key, entry[1])
        return entry[1]
    value = compute()
    if keep is None or keep(value):
        page_cache.set(key, (current, value), settings.PAGE_CACHE_TIMEOUT)
        local_memo.set(current, key, value)
    return value


def bump_generation():
    caches[CACHE_ALIAS].set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    state = request_generation.get()
    if state is not None:
        state["generation"] = None


def invalidate():
    """Start a new generation now and again after the transaction commits.

    The second one discards pages rendered from the old data while the change was uncommitted.
    """
    bump_generation()
    transaction.on_commit(bump_generation)


@cache
def invalidating_models():
    """Models whose changes can show on public pages; snippets and settings are found at startup."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, Site
    from wagtail.snippets.models import get_snippet_models

    models = [
        Page,
        PageViewRestriction,
        CollectionViewRestriction,
        Site,
        BaseSiteSetting,
        BaseGenericSetting,
        get_image_model(),
        get_document_model(),
        *get_snippet_models(),
    ]
    if apps.is_installed("wagtail.contrib.search_promotions"):
        models.append(apps.get_model("wagtailsearchpromotions", "SearchPromotion"))
    if apps.is_installed("django_comments"):
        import django_comments

        models.append(django_comments.get_model())
    return tuple(models)


def on_model_change(sender, instance, **kwargs):
    if isinstance(instance, invalidating_models()):
        invalidate()


def on_page_move(sender, **kwargs):
    invalidate()


def on_migrate(sender, **kwargs):
    """A deploy runs `migrate`: the values the previous code remembered are not for the new code."""
    bump_generation()


class PageCacheConfig(AppConfig):
    """Connects the invalidation receivers in every process: workers and management commands."""

    name = "portal.page_cache"
    label = "page_cache"
    verbose_name = "Page cache"

    def ready(self):
        post_save.connect(on_model_change, dispatch_uid="page_cache_save")
        post_delete.connect(on_model_change, dispatch_uid="page_cache_delete")
        post_page_move.connect(on_page_move, dispatch_uid="page_cache_move")
        # Sent once per app with models: wagtailcore's stands for the whole `migrate`.
        post_migrate.connect(
            on_migrate, sender=apps.get_app_config("wagtailcore"), dispatch_uid="page_cache_migrate"
        )
