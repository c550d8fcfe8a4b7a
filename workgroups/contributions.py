"""The groups a member convenes, as contributions that show what they know (a provider listed in
`PEERS_CONTRIBUTION_PROVIDERS`, see peers/contributions.py)."""

from django.utils.translation import gettext_lazy as _

from peers.contributions import Contribution

from .models import Membership, Status, WorkingGroup


def convened_groups(user_ids):
    """Live groups the members convene, in two queries whatever their number (the topics through
    their join table: modelcluster's many-to-many field does not prefetch)."""
    memberships = list(
        Membership.objects.filter(
            user_id__in=user_ids,
            role=Membership.Role.CONVENER,
            status=Membership.Status.ACTIVE,
            group__status=Status.LIVE,
        )
        .select_related("group")
        .order_by("group__name", "pk")
    )
    topics = {}
    links = WorkingGroup.topics.through.objects.filter(
        workinggroup_id__in={membership.group_id for membership in memberships}
    ).select_related("topic")
    for link in links:
        topics.setdefault(link.workinggroup_id, []).append(link.topic)
    for membership in memberships:
        group = membership.group
        yield (
            membership.user_id,
            Contribution(
                _("Group convener"),
                group.name,
                group.get_absolute_url(),
                tuple(topics.get(group.pk, ())),
            ),
        )
