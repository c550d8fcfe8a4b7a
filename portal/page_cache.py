"""Whole pages for anonymous visitors, and fragments of everyone else's, kept until something a
visitor can see changes: then a new *generation* makes every older entry stop matching. What is
stored for whom, and what purges it: docs/caching.md."""

import hashlib
import uuid
from urllib.parse import urlencode

from django.apps import AppConfig, apps
from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import caches
from django.core.cache.utils import make_template_fragment_key
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save, pre_save
from django.http.request import split_domain_port
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers
from django.utils.functional import cached_property
from django.utils.translation import get_language

from wagtail import signals as wagtail_signals

CACHE_ALIAS = "pages"
GENERATION_KEY = "generation"
# Cookies that carry one visitor's state into a page: their presence skips the shared cache.
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, CookieStorage.cookie_name)
# Cache-Control directives that forbid a shared copy.
UNSHAREABLE_DIRECTIVES = ("private", "no-store", "no-cache")
# Request headers a shared copy may vary on: the language comes from the URL, not the header.
SHAREABLE_VARY = {"accept-language", "accept-encoding", "cookie"}


def cache_key(request):
    """The key for an anonymous GET or HEAD of a known address, else None (not shared)."""
    if request.method not in ("GET", "HEAD"):
        return None
    if any(name in request.COOKIES for name in PERSONAL_COOKIES):
        return None
    values = [(name, value) for name in sorted(request.GET) for value in request.GET.getlist(name)]
    if len(values) > settings.PAGE_CACHE_MAX_QUERY_VALUES:
        return None
    known = settings.PAGE_CACHE_QUERY_PARAMETERS
    if any(name not in known or len(value) > 100 for name, value in values):
        return None
    host = split_domain_port(request.get_host())[0]
    address = f"{host}{request.path}?{urlencode(values)}"
    return "page:" + hashlib.sha256(address.encode()).hexdigest()


def is_personal(request, response):
    """Whether the response belongs to one visitor: signed in, holding a session or a CSRF token."""
    user = getattr(request, "user", None)
    return bool(
        any(name in request.COOKIES for name in PERSONAL_COOKIES)
        or (user is not None and user.is_authenticated)
        or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")  # the page asked for a CSRF token
        or response.cookies
    )


def is_shareable(response):
    if response.status_code != 200 or response.streaming:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(directive in cache_control for directive in UNSHAREABLE_DIRECTIVES):
        return False
    vary = {header.strip().lower() for header in response.get("Vary", "").split(",") if header}
    return vary <= SHAREABLE_VARY


def current_generation(key=GENERATION_KEY):
    """The generation pages and fragments are rendered under, starting one if there is none;
    with `key` (`scope_key()`), that of one scope's fragments."""
    page_cache = caches[CACHE_ALIAS]
    generation = page_cache.get(key)
    if generation is None:
        page_cache.add(key, uuid.uuid4().hex, timeout=None)
        generation = page_cache.get(key)
    return generation


def scope_key(scope):
    return f"{GENERATION_KEY}:{scope}"


def scope_generation(scope):
    """The generation of a scope's fragments (`purge_scope`): a vary-on value of fragments that
    change with members' posts (questions, a group's board), which visitors' pages do not show."""
    return current_generation(scope_key(scope))


class Fragments:
    """`fragments` in templates: the timeout and key of every cached fragment, so it is purged
    with the pages and only shown to the site, language and audience (members, who may read
    members-only content, or public) it was rendered for (docs/caching.md, Fragments)."""

    def __init__(self, request):
        self.request = request

    @cached_property
    def key(self):
        from knowledge.models import can_read_members_only

        user = getattr(self.request, "user", None)  # none before the auth middleware
        audience = "members" if can_read_members_only(user) else "public"
        return f"{current_generation()}:{self.request.get_host()}:{get_language()}:{audience}"

    @property
    def timeout(self):
        return settings.PAGE_CACHE_TIMEOUT if settings.PAGE_CACHE_ENABLED else 0

    def get_or_set(self, name, compute, *vary_on):
        """What `compute()` returns, for everyone in the audience, kept as fragments are: for
        parts of a page a template tag puts together per reader (never one reader's own); as
        Wagtail's tags do, never for a preview."""
        if not self.timeout or getattr(self.request, "is_preview", False):
            return compute()
        key = make_template_fragment_key(name, [self.key, *vary_on])
        return caches["default"].get_or_set(key, compute, self.timeout)


def fragments(request):
    """Context processor: `fragments` (see `Fragments`); its key is worked out when first used."""
    return {"fragments": Fragments(request)}


def purge_all():
    """Start a new generation: every stored page stops matching."""
    caches[CACHE_ALIAS].set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


class PageCacheMiddleware:
    """Serve and store whole pages for anonymous visitors; see the module docstring."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = cache_key(request)
        if key is None or not settings.PAGE_CACHE_ENABLED:
            response = self.get_response(request)
            self.set_headers(request, response, shareable=key is not None)
            return response
        page_cache = caches[CACHE_ALIAS]
        found = page_cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or current_generation()
        entry = found.get(key)
        if entry is not None and entry[0] == generation:
            response = entry[1]
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self.set_headers(request, response, shareable=True):
            page_cache.set(key, (generation, response), settings.PAGE_CACHE_TIMEOUT)
            response["X-Page-Cache"] = "miss"
        return response

    def set_headers(self, request, response, shareable):
        """Mark shareable pages public for browsers and proxies, personal ones never-cache;
        True if the page may be stored."""
        if is_personal(request, response):
            if not response.has_header("Cache-Control"):
                add_never_cache_headers(response)
            return False
        if not shareable or not is_shareable(response):
            return False
        patch_cache_control(
            response,
            public=True,
            max_age=settings.PAGE_CACHE_MAX_AGE,
            s_maxage=settings.PAGE_CACHE_SHARED_MAX_AGE,
        )
        patch_vary_headers(response, ["Cookie"])
        return True


def purge(pages=()):
    """A new generation now and once the transaction commits (discarding pages rendered from
    the old data meanwhile); then `pages` in the frontend cache."""
    purge_all()

    def run():
        purge_all()
        if settings.WAGTAILFRONTENDCACHE and pages:
            from wagtail.contrib.frontend_cache.utils import PurgeBatch

            batch = PurgeBatch()
            batch.add_pages(pages)
            batch.purge()

    transaction.on_commit(run)


def purge_scope(scope):
    """A new generation for one scope's fragments (not visitors' pages), now and once the
    transaction commits."""

    def run():
        caches[CACHE_ALIAS].set(scope_key(scope), uuid.uuid4().hex, timeout=None)

    run()
    transaction.on_commit(run)


def listing_pages(page):
    """The page's ancestors below the tree root: its index and home page list it."""
    return list(page.get_ancestors().filter(depth__gt=1).specific(defer=True))


def on_page_shown_or_hidden(sender, instance, **kwargs):
    """Published, unpublished or deleted (Wagtail purges the page itself from the CDN)."""
    purge(listing_pages(instance))


def on_page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        purge()


def on_page_move(sender, instance, parent_page_before, **kwargs):
    moved = instance.get_descendants(inclusive=True).specific(defer=True)
    purge([*moved, *listing_pages(instance), parent_page_before])


def on_view_restriction_change(sender, instance, **kwargs):
    page = getattr(instance, "page", None)  # a collection's restriction has no page
    purge(page.get_descendants(inclusive=True).specific(defer=True) if page else ())


def on_content_change(sender, instance, **kwargs):
    """A snippet, setting, image, document, site or search promotion: shown all over the site."""
    purge()


def on_comment_save(sender, instance, **kwargs):
    """An approved comment, or one that was approved until now; never a held one."""
    was_public = instance.pk and sender.objects.filter(pk=instance.pk, is_public=True).exists()
    if instance.is_public or was_public:
        purge([instance.content_object] if instance.content_object else ())


def on_comment_delete(sender, instance, **kwargs):
    if instance.is_public:
        purge()


def content_models():
    """Models shown on public pages besides pages: snippets (published ones, for those with
    drafts), settings, images, documents, sites and search promotions."""
    from wagtail.contrib.settings.registry import registry as settings_registry
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Site
    from wagtail.snippets.models import get_snippet_models

    models = [
        Site,
        get_image_model(),
        get_document_model(),
        *settings_registry,
        *get_snippet_models(),
    ]
    if apps.is_installed("wagtail.contrib.search_promotions"):
        models.append(apps.get_model("wagtailsearchpromotions", "SearchPromotion"))
    return models


class PageCacheConfig(AppConfig):
    """Connects the purges in every process: workers and management commands."""

    name = "portal.page_cache"
    label = "page_cache"
    verbose_name = "Page cache"

    def ready(self):
        import django_comments

        from wagtail.models import CollectionViewRestriction, DraftStateMixin, PageViewRestriction

        wagtail_signals.page_published.connect(on_page_shown_or_hidden, dispatch_uid="page_cache")
        wagtail_signals.page_unpublished.connect(on_page_shown_or_hidden, dispatch_uid="page_cache")
        post_delete.connect(on_page_deleted, dispatch_uid="page_cache_page_delete")
        wagtail_signals.post_page_move.connect(on_page_move, dispatch_uid="page_cache_move")
        for model in (PageViewRestriction, CollectionViewRestriction):
            post_save.connect(on_view_restriction_change, sender=model)
            post_delete.connect(on_view_restriction_change, sender=model)
        for model in content_models():
            if issubclass(model, DraftStateMixin):
                wagtail_signals.published.connect(on_content_change, sender=model)
                wagtail_signals.unpublished.connect(on_content_change, sender=model)
            else:
                post_save.connect(on_content_change, sender=model)
                post_delete.connect(on_content_change, sender=model)
        comment_model = django_comments.get_model()
        pre_save.connect(on_comment_save, sender=comment_model)
        post_delete.connect(on_comment_delete, sender=comment_model)
        # A deploy runs `migrate`: pages rendered by the previous code are not the new code's.
        post_migrate.connect(
            lambda **kwargs: purge_all(),
            sender=apps.get_app_config("wagtailcore"),
            dispatch_uid="page_cache_migrate",
            weak=False,
        )
