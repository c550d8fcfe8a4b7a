from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, register_converter
from django.views.generic import TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from knowledge.permissions import admin_views as boundary
from localization.sitemaps import sitemaps
from portal import admin_input, media, parameters
from questions.sitemaps import PublicQuestionSitemap

# `<id:name>`: an `<int:name>` a database can hold (portal/parameters.py).
register_converter(parameters.IdConverter, "id")

# Private routes: never cached, never translated.
urlpatterns = [
    # Wagtail admin views that take ids, ahead of Wagtail's own routes: answering only with pages
    # the user may see (knowledge/permissions/admin_views.py), and 400 to a malformed id
    # (portal/admin_input.py).
    *boundary.urlpatterns,
    *admin_input.urlpatterns,
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path(
        "sitemap.xml",
        sitemap,
        {"sitemaps": {**sitemaps, "questions": PublicQuestionSitemap}},
        name="sitemap",
    ),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain"),
    ),
]

# Image folders only: documents go through Wagtail's view, which checks collection privacy.
urlpatterns += media.image_urlpatterns()

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()

# Public, cacheable routes, prefixed by language except the default one.
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("accounts/", include("members.account_urls")),
    path("members/", include("members.urls")),
    path("introductions/", include("peers.urls")),
    path("comments/", include("members.comment_urls")),
    path("questions/", include("questions.urls")),
    path("groups/", include("workgroups.urls")),
    path("inbox/", include("notifications.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
