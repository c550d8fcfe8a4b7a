"""Events of the rest of the portal told through `notify()`: a reply to a member's comment or in a
discussion they replied in, a comment on their article, and new content on a topic they follow.

Each is told once (its key), only when visitors of the page could see it: a comment when it is
public (posted by a trusted member, or approved by a moderator), a page when it is first published
(never a draft, an autosave, a scheduled publication still to come, or a republication).
"""

from functools import partial

from django_comments_xtd.models import XtdComment

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.utils.text import Truncator

from wagtail.models import PageViewRestriction
from wagtail.signals import page_published

from home.models.base import TopicsMixin

from .models import TopicFollow
from .service import notify

# How much of a comment its notification quotes (the inbox and the email).
DETAIL_LENGTH = 300


@receiver(pre_save, sender=XtdComment, dispatch_uid="notifications_no_xtd_followup")
def never_follow_up_by_xtd(sender, instance, **kwargs):
    """django-comments-xtd emails everyone whose stored comment has `followup` about each new
    comment, beside `notify()`; with no such comment, replies are told once, by `notify()`."""
    instance.followup = False


@receiver(post_save, sender=XtdComment, dispatch_uid="notifications_comment")
def comment_saved(sender, instance, **kwargs):
    comment = instance
    page = comment.content_object
    if not comment.is_public or comment.is_removed or comment.user is None or page is None:
        return
    # One key per comment: someone reached by two routes (the parent's author who wrote the
    # article) gets one notification, of the first kind that reaches them.
    tell = partial(
        notify,
        key=f"comment:{comment.pk}",
        subject=page.title,
        url=f"{page.url}#c{comment.pk}",
        actor=comment.user,
        detail=Truncator(comment.comment).chars(DETAIL_LENGTH),
    )
    is_reply = comment.parent_id and comment.parent_id != comment.pk
    if is_reply:
        for person in discussion_people(comment.parent_id, pk=comment.parent_id):
            tell(person, "comment_reply")
    for author in page.get_authors() if hasattr(page, "get_authors") else ():
        tell(author, "article_comment")
    if is_reply:
        for person in discussion_people(comment.parent_id):
            tell(person, "comment_thread")


def discussion_people(parent_id, **where):
    """Those who wrote the comment `parent_id` or its replies (and match `where`), as visitors
    see them. By parent, not thread: xtd fills in a reply's thread on a second save."""
    comments = XtdComment.objects.filter(
        Q(pk=parent_id) | Q(parent_id=parent_id), is_public=True, is_removed=False, **where
    )
    return get_user_model().objects.filter(pk__in=comments.values("user")).order_by("pk")


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
def page_published_first(sender, instance, revision=None, **kwargs):
    """News, case studies and knowledge articles (the pages with topics), keyed by translation
    key: the page and its translations are one piece of content, told once. Not to its owner or
    the one who submitted it: the review's outcome tells them (co-authors learn of it here)."""
    page = instance
    if not isinstance(page, TopicsMixin) or not first_publication(page):
        return
    keys = page.topics.values_list("translation_key", flat=True)
    told_by_review = [pk for pk in (page.owner_id, getattr(revision, "user_id", None)) if pk]
    followers = (
        get_user_model()
        .objects.filter(
            is_active=True,
            pk__in=TopicFollow.objects.filter(topic__translation_key__in=keys).values("user"),
        )
        .exclude(pk__in=told_by_review)
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
