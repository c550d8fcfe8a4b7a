"""Who a member may find, and the directory's search through the site's search backend.

The search covers what members state (name, organisation, role, about, "can help with",
"looking for") and what they did (their topics and contributions, `MemberProfile.search_fields`);
facets are the backend's counts. Members with published work on the query come first.
"""

from modelsearch.query import MATCH_ALL

from django.db.models import Q, prefetch_related_objects
from django.utils.functional import cached_property

from wagtail.search.backends import get_search_backend

from home.pagination import paginate, query_without_page
from localization.locales import term_names
from peers.contributions import about, contributions_of, shares_words, words

from .access import sees_unlisted_profiles
from .forms import DirectoryFilterForm
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


class Listing:
    """The directory page's form, counts and page of members for `request`'s query string,
    worked out on first use: the same for every member, so the template caches it per address
    and a cached page asks nothing of this (docs/caching.md, Members)."""

    def __init__(self, request):
        self.request = request

    @cached_property
    def searched(self):
        """The filter form, its options labelled with the counts of what it found; and the
        members found."""
        form = DirectoryFilterForm(self.request.GET or None)
        query, chosen = "", {}
        if form.is_valid():
            query = form.cleaned_data["q"].strip()
            chosen = {name: value for name, value in form.cleaned_data.items() if name != "q"}
        found, counts = search(listed_profiles().select_related("user", "region"), query, chosen)
        form.show_counts(counts)
        return form, found

    @property
    def form(self):
        return self.searched[0]

    @cached_property
    def profiles(self):
        profiles = paginate(self.request, self.searched[1])
        prefetch_related_objects(profiles.object_list, "topics")  # this page's members only
        return profiles

    @cached_property
    def filter_query(self):
        return query_without_page(self.request)

    @cached_property
    def term_names(self):
        return term_names(
            [term for member in self.profiles for term in (member.region, *member.topics.all())]
        )
