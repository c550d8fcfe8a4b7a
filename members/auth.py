"""Login throttling with django-axes."""

from axes.backends import AxesBackend

from home.groups import GroupsLoadedWithUser


class LoginThrottleBackend(GroupsLoadedWithUser, AxesBackend):
    """Axes' backend, for logins made with a request.

    It extends ``ModelBackend`` (as ``AxesBackend`` does) so that it can also load a session's user:
    tools such as Wagtail's page test helpers log in with the first configured backend.

    A check without a request (a script, the test client's login()) comes from no login form.

    Every login form (the public one and Wagtail's) passes the request, so every attempt made over
    the web is counted and throttled.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
