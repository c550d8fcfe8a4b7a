"""Each profile's `topics`: the topics a member states and those of their published
contributions, in the default language, kept current so the directory can filter and count them
through the search backend and matches can compare them in one query."""

from modelsearch.index import insert_or_update_object

from home.models import Topic
from members.models import MemberProfile
from portal.page_cache import purge

from .contributions import contributions_of, default_language


def in_default_language(topics):
    """The default language's topics for `topics` in any language (by translation key)."""
    return Topic.objects.filter(
        locale__language_code=default_language(),
        translation_key__in={topic.translation_key for topic in topics},
    )


def refresh(user_ids):
    """Recompute the members' topics from their expertise and contributions, then re-index them;
    and purge the pages and fragments that list their contributions (profiles, matches)."""
    user_ids = [user_id for user_id in set(user_ids) if user_id is not None]
    profiles = MemberProfile.objects.filter(user_id__in=user_ids).prefetch_related("expertise")
    found = contributions_of(user_ids)
    for profile in profiles:
        topics = [*profile.expertise.all()]
        for item in found.get(profile.user_id, []):
            topics.extend(item.topics)
        profile.topics.set(in_default_language(topics))
        insert_or_update_object(profile)
    purge()
