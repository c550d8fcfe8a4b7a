"""Who knows about a question's topics: members offered it with "Can you help?"."""

from django.contrib.auth import get_user_model
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce

from knowledge.models import KnowledgeArticlePage
from knowledge.roles import EDITORS, MEMBERS
from members.models import MemberProfile

from .models import Answer, State

EXPERTS_PER_QUESTION = 5


def members():
    """Active members and editors: the only people told about members-only questions."""
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__name__in=[MEMBERS, EDITORS]) | Q(is_superuser=True))
        .distinct()
    )


def count(queryset):
    """A correlated count of `queryset`'s rows, 0 when none."""
    counted = queryset.order_by().values(one=Value(1)).annotate(n=Count("*")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def experts(question, limit=EXPERTS_PER_QUESTION):
    """Up to `limit` members who know the question's topics, in any language: by their profile's
    expertise, their published knowledge articles and their accepted answers, most matches first.
    Members who turned "Can you help?" off are left out, as is the asker."""
    keys = list(question.topics.values_list("translation_key", flat=True))
    if not keys:
        return []
    by_profile = MemberProfile.expertise.through.objects.filter(
        memberprofile__user=OuterRef("pk"), topic__translation_key__in=keys
    )
    by_articles = KnowledgeArticlePage.objects.live().filter(
        owner=OuterRef("pk"), topics__translation_key__in=keys
    )
    by_answers = Answer.objects.filter(
        author=OuterRef("pk"),
        is_accepted=True,
        state=State.PUBLISHED,
        question__topics__translation_key__in=keys,
    )
    candidates = (
        members()
        .exclude(pk=question.author_id)
        .exclude(notification_preference__can_help=False)
        .annotate(score=count(by_profile) + count(by_articles) + count(by_answers))
        .filter(score__gt=0)
        .order_by("-score", "pk")
    )
    return list(candidates[:limit])
