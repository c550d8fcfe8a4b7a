"""Members who could help, each with why: "People who can help" beside a question, a topic or a
case study, and "You might talk to…" on a member's own profile. A fixed number of queries
whatever the number of candidates."""

from dataclasses import dataclass

from django.db.models import Count, F, Q, Value
from django.utils.translation import gettext_lazy as _

from wagtail.search.backends import get_search_backend

from members.directory import listed_profiles

from .contributions import Contribution, about, contributions_of, shares_words, words
from .models import blocked_ids

LIMIT = 5
# Candidates kept beyond those shown, for the readers who may not be offered some of them.
HIDDEN_MARGIN = 10


@dataclass(frozen=True)
class Match:
    profile: object
    reasons: list

    @property
    def user_id(self):
        return self.profile.user_id

    @property
    def shows_work(self):
        """Whether a contribution (not only a shared topic) says why."""
        return bool(self.reasons[0].url)


def hidden_from(viewer, exclude=()):
    """Ids of the members `viewer` is never offered: themselves, `exclude` (the page's asker or
    contact), and anyone either one blocked."""
    return {viewer.pk, *exclude, *blocked_ids(viewer)}


def pick(found, hidden, limit=LIMIT):
    """The first `limit` of `found` (anything with `user_id` and `shows_work`, in `for_topics`'s
    order) that are not `hidden`: among the best placed, those whose work shows it first."""
    shown = [item for item in found if item.user_id not in hidden][: limit * 4]
    shown.sort(key=lambda item: not item.shows_work)  # stable: contributions before topics
    return shown[:limit]


def for_topics(topics, limit=LIMIT):
    """Listed members who know `topics` (any language: profiles hold the default language's,
    matched by translation key), most shared topics first, each with why. The same for every
    reader: `pick` leaves out whom a reader may not be offered, so `limit` (×4, and a margin for
    those) are kept."""
    named = {topic.translation_key: topic.name for topic in topics}
    if not named:
        return []
    # One count per topic of the page (a page has a few), so the query says which are shared.
    counts = {
        f"has_{number}": Count("topics", filter=Q(topics__translation_key=key), distinct=True)
        for number, key in enumerate(named)
    }
    profiles = list(
        listed_profiles()
        .filter(topics__translation_key__in=named)
        .annotate(**counts)
        .annotate(shared=sum((F(name) for name in counts), Value(0)))
        .select_related("user", "region")
        .order_by("-shared", "user__first_name", "pk")[: limit * 4 + HIDDEN_MARGIN]
    )
    found = contributions_of([profile.user_id for profile in profiles])
    matches = []
    for profile in profiles:
        reasons = [
            item
            for item in found.get(profile.user_id, [])
            if named.keys() & {topic.translation_key for topic in item.topics}
        ]
        if not reasons:
            shared = [
                name
                for field, name in zip(counts, named.values(), strict=True)
                if getattr(profile, field)
            ]
            reasons = [Contribution(SHARED_TOPIC, ", ".join(shared), "", ())]
        matches.append(Match(profile, reasons[:3]))
    return matches


SHARED_TOPIC = _("Shared topic")


CAN_HELP_WITH = _("Can help with")


def for_member(profile, limit=LIMIT):
    """Members whose "can help with" or contributions answer `profile`'s "looking for", found by
    the search backend; each with the contributions or offer that share its words."""
    wanted = profile.looking_for.strip()
    if not wanted:
        return []
    # Ids, not subqueries, for the backend: a search engine takes a list of values.
    hidden = {profile.user_id, *blocked_ids(profile.user)}
    others = listed_profiles().exclude(user_id__in=hidden).select_related("user", "region")
    results = get_search_backend().search(wanted, others, operator="or")[:limit]
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
