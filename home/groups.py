"""The user's groups, asked once per request however many permission checks a page makes."""


def group_names(user):
    """The names of the user's groups, fetched once per user object (so once per request)."""
    if not user.is_authenticated:
        return frozenset()
    names = getattr(user, "_group_names", None)  # getattr: request.user is a lazy proxy
    if names is None:
        names = user._group_names = frozenset(user.groups.values_list("name", flat=True))
    return names


def forget_group_names(sender, instance, **kwargs):
    """`user.groups.add(...)` and the like: that user object asks again (connected in apps.py)."""
    instance.__dict__.pop("_group_names", None)
