"""Who a member may find, and the directory's search through the site's search backend.

The search covers what members state (name, organisation, role, about, "can help with",
"looking for") and what they did (their topics and contributions, `MemberProfile.search_fields`);
facets are the backend's counts. Members with published work on the query come first.
"""

from modelsearch.query import MATCH_ALL

from django.db.models import Q

from wagtail.search.backends import get_search_backend

from peers.contributions import about, contributions_of, shares_words, words

from .access import sees_unlisted_profiles
from .models import MemberProfile


def visible_profiles(user):
    """Profiles of active members who consented to the directory; their own; all for staff."""
    profiles = MemberProfile.objects.filter(user__is_active=True)
    if sees_unlisted_profiles(user):
        return profiles
    return profiles.filter(Q(listed_in_directory=True) | Q(user=user))


def listed_profiles():
    """Active members who consented to be listed: everything members find each other through
    (directory, search, matches) starts here, for staff too."""
    return MemberProfile.objects.filter(listed_in_directory=True, user__is_active=True)


# Each facet's name in the filter form and the profile field it counts.
FACETS = {"topic": "topics", "sector": "sector", "region": "region", "language": "languages"}


def search(profiles, query, chosen):
    """`profiles` matching `query` (all when empty) and the chosen facet values (`{facet name:
    object}`), members with published work on the query first; and each facet's counts as
    `{facet name: {value id: count}}` (the filter form holds the values themselves)."""
    for name, field in FACETS.items():
        if chosen.get(name) is not None:
            # By id: the search backends filter on a profile's own fields, not through a join.
            having = MemberProfile.objects.filter(**{field: chosen[name]})
            profiles = profiles.filter(id__in=list(having.values_list("pk", flat=True)))
    backend = get_search_backend()
    results = backend.search(query or MATCH_ALL, profiles, operator="and")
    counts = {
        name: results.facet(MemberProfile._meta.get_field(field).attname)
        for name, field in FACETS.items()
    }
    found = list(results)
    if query:
        wanted = words(query)
        work = contributions_of([profile.user_id for profile in found])
        found.sort(
            key=lambda profile: (
                not any(
                    shares_words(about(item), wanted, every=True)
                    for item in work.get(profile.user_id, [])
                )
            )
        )
    else:
        found.sort(key=lambda profile: profile.display_name.lower())
    return found, counts
