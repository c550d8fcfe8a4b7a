"""Who may moderate every group: editors (granted the working group permissions by a migration)."""

from members.access import is_member


def takes_part(user):
    """Members, editors and administrators propose and join groups."""
    return is_member(user)


def is_moderator(user):
    return user.is_authenticated and user.has_perm("workgroups.change_workinggroup")
