"""Who is a member, who is an editor, and what a member may see of other people's pages."""

from django.db.models import Q

from wagtail.models import GroupPagePermission, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from home.groups import group_names

from ..roles import EDITORS, MEMBERS


def is_editor(user):
    return user.is_superuser or EDITORS in group_names(user)


def is_member(user):
    return MEMBERS in group_names(user)


def others_unpublished_work(user):
    """Pages someone else is still writing: never live, or live with a pending draft (whose title
    the admin would show). The pages a member's permissions start from, and the path down to them,
    stay visible so the explorer can be navigated."""
    paths = set(
        GroupPagePermission.objects.filter(group__user=user).values_list("page__path", flat=True)
    )
    steps = {
        path[:end] for path in paths for end in range(Page.steplen, len(path) + 1, Page.steplen)
    }
    return (
        Page.objects.filter(Q(live=False) | Q(has_unpublished_changes=True))
        .exclude(owner=user)
        .exclude(path__in=steps)
    )


def own_or_live(pages, user):
    """Members see their own pages and live ones without pending drafts; others are unaffected."""
    if not user.is_authenticated or is_editor(user) or not is_member(user):
        return pages
    return pages.exclude(pk__in=others_unpublished_work(user).values("pk"))


class PortalPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permissions, without other members' unpublished work for members.

    "Add" permission on a knowledge index makes every page below it explorable in Wagtail's eyes,
    and the admin lists explorable pages by title in many places: the admin API behind the sidebar
    explorer, the site history report, listings and searches. Filtering here covers them all.
    """

    def explorable_instances(self, user):
        return own_or_live(super().explorable_instances(user), user)
