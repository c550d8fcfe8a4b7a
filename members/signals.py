"""Comment rules that django-comments-xtd leaves to the site: who a comment is from, and holding
new members' first comments."""

from django_comments.signals import comment_will_be_posted
from django_comments_xtd.models import TmpXtdComment, XtdComment

from django.conf import settings
from django.dispatch import receiver

from .access import can_moderate
from .names import display_name


def is_trusted_commenter(user):
    """Moderators, and members with enough approved comments, post without waiting."""
    if can_moderate(user):
        return True
    approved = XtdComment.objects.filter(user=user, is_public=True, is_removed=False).count()
    return approved >= settings.MEMBERS_TRUSTED_AFTER_APPROVED_COMMENTS


@receiver(comment_will_be_posted, sender=TmpXtdComment)
def sign_with_the_account(sender, comment, request, **kwargs):
    """The name, email and link shown with a signed-in member's comment come from their account,
    never from the form: it would let anyone pose as staff or store someone else's address."""
    user = request.user
    comment.user_name = display_name(user)
    comment.user_email = user.email
    comment.user_url = ""
    return True


@receiver(comment_will_be_posted, sender=TmpXtdComment)
def hold_new_members_comments(sender, comment, request, **kwargs):
    comment.is_public = is_trusted_commenter(request.user)
    request.comment_held = not comment.is_public
    return True
