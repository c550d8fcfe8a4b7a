"""Storing the reason a member gave when reporting a comment."""

from django_comments.models import CommentFlag

from .models import FlagReview


def record_report(comment, user, form):
    """The member's reason with their report; a second report by them replaces it and reopens
    a dismissed one (they are telling moderators something new)."""
    flag = CommentFlag.objects.get(comment=comment, user=user, flag=CommentFlag.SUGGEST_REMOVAL)
    FlagReview.objects.update_or_create(
        flag=flag,
        defaults={
            **form.cleaned_data,
            "dismissed_at": None,
            "dismissed_by": None,
            "dismissal_reason": "",
        },
    )
