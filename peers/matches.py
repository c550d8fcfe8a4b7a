"""Members who could help, each with why: "People who can help" beside a question, a topic or a
case study, and "You might talk to…" on a member's own profile. A fixed number of queries
whatever the number of candidates."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from wagtail.search.backends import get_search_backend

from members.directory import listed_profiles

from .contributions import Contribution, about, contributions_of, shares_words, words
from .expertise import in_default_language
from .models import blocked_ids

LIMIT = 5


@dataclass(frozen=True)
class Match:
    profile: object
    reasons: list


def candidates(viewer, exclude=()):
    """Listed members other than the viewer, those excluded, and those either one blocked."""
    hidden = {viewer.pk, *blocked_ids(viewer), *exclude}
    return listed_profiles().exclude(user_id__in=hidden).select_related("user", "region")


def for_topics(viewer, topics, exclude=(), limit=LIMIT):
    """Members who know `topics` (any language), those whose contributions on them show it first."""
    keys = {topic.translation_key for topic in topics}
    topic_ids = list(in_default_language(topics).values_list("pk", flat=True))
    if not topic_ids:
        return []
    profiles = list(
        candidates(viewer, exclude)
        .filter(topics__in=topic_ids)
        .annotate(shared=Count("topics", filter=Q(topics__in=topic_ids), distinct=True))
        .prefetch_related("topics")
        .order_by("-shared", "user__first_name", "pk")[: limit * 4]
    )
    found = contributions_of([profile.user_id for profile in profiles])
    matches = []
    for profile in profiles:
        reasons = [
            item
            for item in found.get(profile.user_id, [])
            if keys & {topic.translation_key for topic in item.topics}
        ]
        if not reasons:
            shared = [topic for topic in profile.topics.all() if topic.pk in topic_ids]
            reasons = [shared_topics(shared)]
        matches.append(Match(profile, reasons[:3]))
    matches.sort(key=lambda match: not match.reasons[0].url)  # contributions before topics
    return matches[:limit]


SHARED_TOPIC = _("Shared topic")


def shared_topics(topics):
    return Contribution(SHARED_TOPIC, ", ".join(topic.name for topic in topics), "", ())


CAN_HELP_WITH = _("Can help with")


def for_member(profile, limit=LIMIT):
    """Members whose "can help with" or contributions answer `profile`'s "looking for", found by
    the search backend; each with the contributions or offer that share its words."""
    wanted = profile.looking_for.strip()
    if not wanted:
        return []
    results = get_search_backend().search(wanted, candidates(profile.user), operator="or")[:limit]
    profiles = list(results)
    found = contributions_of([other.user_id for other in profiles])
    asked = words(wanted)
    matches = []
    for other in profiles:
        reasons = [
            item for item in found.get(other.user_id, []) if shares_words(about(item), asked)
        ]
        if other.can_help_with and (not reasons or shares_words(other.can_help_with, asked)):
            reasons.append(Contribution(CAN_HELP_WITH, other.can_help_with, "", ()))
        matches.append(Match(other, reasons[:3]))
    return matches
