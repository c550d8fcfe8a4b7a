from django_comments_xtd.models import XtdComment

from django import template
from django.conf import settings
from django.urls import reverse

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


def tree_user_ids(tree):
    for item in tree:
        yield item["comment"].user_id
        yield from tree_user_ids(item.get("children", []))


@register.simple_tag
def listed_authors(comment_tree):
    """Ids of the comments' authors with a listed profile, in one query: only those are linked
    (an unlisted profile answers 404 to other members)."""
    ids = {user_id for user_id in tree_user_ids(comment_tree) if user_id}
    if not ids:
        return set()
    return set(listed_profiles().filter(user_id__in=ids).values_list("user_id", flat=True))


@register.simple_tag
def comment_threads(page):
    """The page's public comments as [{"comment", "children": [{"comment"}]}], in one query.
    django-comments-xtd's tree tag would also load each reader's permissions (two queries) and
    every comment's flags, which these pages do not show."""
    comments = XtdComment.norel_objects.for_model(page).filter(
        site_id=settings.SITE_ID, is_public=True
    )
    threads = []
    for comment in comments.order_by("thread_id", "order"):
        if comment.level == 0 or not threads:
            threads.append({"comment": comment, "children": []})
        else:
            threads[-1]["children"].append({"comment": comment})
    return threads


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
