"""What editors are told: a new application to join, a comment held for approval, a comment
reported by a member. Each once, through `notify()`, with a link to where they act on it."""

from django_comments.models import CommentFlag
from django_comments.signals import comment_was_flagged
from django_comments_xtd.models import TmpXtdComment, XtdComment
from django_comments_xtd.signals import confirmation_received

from django.contrib.auth import get_user_model
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.urls import reverse

from members.models import MembershipApplication
from notifications.service import notify

APPLICATION_REVIEWERS = "members.change_membershipapplication"
MODERATORS = "django_comments_xtd.change_xtdcomment"


def people_with(permission):
    """Active users holding `permission` through their groups, directly, or as superusers."""
    users = get_user_model().objects.with_perm(permission, backend="home.groups.ModelBackend")
    return users.filter(is_active=True)


def tell_moderators(kind, key, comment, actor):
    """One notice for each comment moderator, linking to where they act on the comment."""
    page = comment.content_object
    title = str(getattr(page, "title", page))
    url = reverse("member_comments:inspect", args=[comment.pk])
    for moderator in people_with(MODERATORS):
        notify(moderator, kind, key, title, url, actor=actor, detail=comment.comment)


@receiver(post_save, sender=MembershipApplication)
def tell_new_application(sender, instance, created, raw=False, **kwargs):
    if not created or raw:
        return
    url = reverse("membership_applications:inspect", args=[instance.pk])
    subject = (
        f"{instance.name} ({instance.organisation})" if instance.organisation else instance.name
    )
    for editor in people_with(APPLICATION_REVIEWERS):
        notify(editor, "application", f"application:{instance.pk}", subject, url)


@receiver(confirmation_received, sender=TmpXtdComment)
def tell_comment_held(sender, comment, request=None, **kwargs):
    """Sent once the comment is stored (`comment.xtd_comment`), held or not."""
    comment = comment.xtd_comment
    if comment.is_public:
        return
    tell_moderators("comment_held", f"comment_held:{comment.pk}", comment, comment.user)


@receiver(comment_was_flagged, sender=XtdComment)
def tell_comment_reported(sender, comment, flag, created, request=None, **kwargs):
    if not created or flag.flag != CommentFlag.SUGGEST_REMOVAL:
        return
    tell_moderators("comment_reported", f"comment_reported:{flag.pk}", comment, flag.user)
