"""Events of the rest of the portal told through `notify()`: a reply to a member's comment, a
comment on their article, and new content on a topic they follow.

Each is told once (its key), only when visitors of the page could see it: a comment when it is
public (posted by a trusted member, or approved by a moderator), a page when it is first published
(never a draft, an autosave, a scheduled publication still to come, or a republication).
"""

from django_comments_xtd.models import XtdComment

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published

from home.models.base import TopicsMixin

from .models import TopicFollow
from .service import notify


@receiver(post_save, sender=XtdComment, dispatch_uid="notifications_comment")
def comment_saved(sender, instance, **kwargs):
    comment = instance
    page = comment.content_object
    if not comment.is_public or comment.is_removed or comment.user is None or page is None:
        return
    key, url = f"comment:{comment.pk}", f"{page.url}#c{comment.pk}"
    if comment.parent_id and comment.parent_id != comment.pk:
        parent = XtdComment.objects.filter(pk=comment.parent_id, is_removed=False).first()
        if parent is not None and parent.user is not None:
            notify(parent.user, "comment_reply", key, page.title, url, actor=comment.user)
    # The same key: a reply to an author's own comment on their article is one notification.
    for author in page.get_authors() if hasattr(page, "get_authors") else ():
        notify(author, "article_comment", key, page.title, url, actor=comment.user)


def first_publication(page):
    """Live now for the first time: Wagtail sets both dates to the same moment then, and keeps
    the first one on every later publication."""
    return page.live and page.first_published_at == page.last_published_at


def allowed_readers(page, people):
    """Those of `people` a view restriction on the page lets in: a password keeps everyone
    out (it is shared by other means), groups keep out those in none of them."""
    for restriction in page.get_view_restrictions():
        if restriction.restriction_type == PageViewRestriction.PASSWORD:
            return people.none()
        if restriction.restriction_type == PageViewRestriction.GROUPS:
            groups = restriction.groups.all()
            people = people.filter(Q(groups__in=groups) | Q(is_superuser=True)).distinct()
    return people


@receiver(page_published, dispatch_uid="notifications_followed_topics")
def page_published_first(sender, instance, **kwargs):
    """News, case studies and knowledge articles (the pages with topics), keyed by translation
    key: the page and its translations are one piece of content, told once."""
    page = instance
    if not isinstance(page, TopicsMixin) or not first_publication(page):
        return
    keys = page.topics.values_list("translation_key", flat=True)
    followers = get_user_model().objects.filter(
        is_active=True,
        pk__in=TopicFollow.objects.filter(topic__translation_key__in=keys).values("user"),
    )
    url = page.url
    for follower in allowed_readers(page, followers):
        notify(
            follower,
            "followed_topic_page",
            f"page:{page.translation_key}",
            page.title,
            url,
            actor=page.owner,
        )
