"""django-comments-xtd's public routes, with posting and flagging behind the site's own checks.

Moderation is not here: editors moderate in the Wagtail admin (members/wagtail_hooks.py).
"""

from django_comments.views.comments import comment_done
from django_comments.views.moderation import flag_done

from django.contrib.contenttypes.views import shortcut
from django.urls import path, re_path, reverse_lazy
from django.views.generic import RedirectView

from . import views

urlpatterns = [
    path("post/", views.post_comment, name="comments-post-comment"),
    path("posted/", comment_done, name="comments-comment-done"),
    path("flag/<id:comment_id>/", views.flag_comment, name="comments-flag"),
    path("flagged/", flag_done, name="comments-flag-done"),
    # Mute links in django-comments-xtd's follow-up emails, sent before notify() replaced them.
    re_path(
        r"^mute/(?P<key>[^/]+)/$",
        RedirectView.as_view(url=reverse_lazy("notifications:settings")),
        name="comments-xtd-mute",
    ),
    re_path(r"^cr/(\d+)/(.+)/$", shortcut, name="comments-url-redirect"),
]
