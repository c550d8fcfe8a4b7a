from dataclasses import dataclass
from functools import partial

from django_comments_xtd.models import XtdComment

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import format_html_join

from ..access import is_member as user_is_member
from ..directory import listed_profiles

register = template.Library()


@register.filter
def absolute(path):
    """A full address for emails, on the site's canonical base URL (WAGTAILADMIN_BASE_URL)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + str(path)


@register.filter
def named(term, names):
    """A topic's, sector's or region's name from `term_names` (the page's language)."""
    return names.get(term, term.name)


@register.filter
def is_member(user):
    return user_is_member(user)


@dataclass(frozen=True)
class Shown:
    """A comment as every reader sees it: its author line and text (or the moderator's notice)
    rendered once; what depends on the reader (the report link, replying) is added per page."""

    pk: int
    user_id: int
    is_removed: bool
    html: str
    flag_url: str


def threads_of(page):
    """The page's public comments as [{"comment": Shown, "children": [Shown]}], in two queries:
    the comments, and which authors have a listed profile (only those are linked: an unlisted
    profile answers 404 to other members). django-comments-xtd's tree tag would also load each
    reader's permissions and every comment's flags, which these pages do not show."""
    comments = list(
        XtdComment.norel_objects.for_model(page)
        .filter(site_id=settings.SITE_ID, is_public=True)
        .order_by("thread_id", "order")
    )
    authors = {comment.user_id for comment in comments if comment.user_id}
    listed = set(
        listed_profiles().filter(user_id__in=authors).values_list("user_id", flat=True)
        if authors
        else ()
    )
    threads = []
    for comment in comments:
        html = render_to_string(
            "members/comment_text.html",
            {"comment": comment, "listed": comment.user_id in listed},
        )
        flag_url = reverse("comments-flag", args=[comment.pk])
        shown = Shown(comment.pk, comment.user_id, comment.is_removed, html, flag_url)
        if comment.level == 0 or not threads:
            threads.append({"comment": shown, "children": []})
        else:
            threads[-1]["children"].append({"comment": shown})
    return threads


@register.simple_tag(takes_context=True)
def comment_threads(context, page):
    """`threads_of(page)`, the same for every reader: kept with the page's fragments (purged
    when a comment is approved, hidden or removed, and when a profile changes)."""
    return context["fragments"].get_or_set("discussion", partial(threads_of, page), page.pk)


# What django-comments' form checks a post against (its `initial`: target and a signed time).
SECURITY_FIELDS = ("content_type", "object_pk", "timestamp", "security_hash")


@register.simple_tag(takes_context=True)
def comment_form_hidden(context, form, next_url):
    """The hidden fields every comment form under a page shares (the reader's CSRF token, the
    form's security data, where to return), rendered once for the reply forms and the last."""
    fields = [
        ("csrfmiddlewaretoken", context.get("csrf_token")),
        *((name, form.initial[name]) for name in SECURITY_FIELDS),
        ("next", f"{next_url}#comments"),
    ]
    return format_html_join("", '<input type="hidden" name="{}" value="{}">', fields)


@register.simple_tag(takes_context=True)
def listed_profile_url(context, user):
    """The profile address of `user` if the reader may open it (a member reading a listed
    profile, the rule comments' authors are linked by), else ""."""
    request = context.get("request")
    if user is None or request is None or not user_is_member(request.user):
        return ""
    if not listed_profiles().filter(user_id=user.pk).exists():
        return ""
    return reverse("members:profile", args=[user.pk])
