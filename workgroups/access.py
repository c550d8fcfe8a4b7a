"""Who may moderate every group: editors (granted the working group permissions by a migration).
Members, editors and administrators (`members.access.is_member`) propose and join groups."""


def is_moderator(user):
    return user.is_authenticated and user.has_perm("workgroups.change_workinggroup")
