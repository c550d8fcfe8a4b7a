"""The user's groups, which most permission checks read: loaded with the signed-in user."""

from django.contrib.auth import backends, get_user_model


class GroupsLoadedWithUser:
    """For authentication backends: a session's user comes with their groups prefetched, so a
    page's permission checks share one query. `user.groups.add(...)` and the like drop the
    prefetched groups (Django's related managers do), so later checks see the change."""

    def get_user(self, user_id):
        users = get_user_model()._default_manager.prefetch_related("groups").filter(pk=user_id)
        # One row or none: `[:1]` spares `first()`'s ORDER BY (every signed-in request runs this).
        user = next(iter(users[:1]), None)
        return user if user is not None and self.user_can_authenticate(user) else None


class ModelBackend(GroupsLoadedWithUser, backends.ModelBackend):
    """Django's backend, loading the user's groups with the user."""


def group_names(user):
    """The names of the user's groups (prefetched for the signed-in user)."""
    if not user.is_authenticated:
        return frozenset()
    return frozenset(group.name for group in user.groups.all())
