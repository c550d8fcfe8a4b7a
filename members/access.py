"""Who counts as a member, and who may see a page's discussion."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied

from home.groups import group_names

MEMBERS_GROUP = "Members"
EDITORS_GROUP = "Editors"


def is_member(user):
    """Members, editors and administrators: who may see profiles and the directory, and post."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    return bool(group_names(user) & {MEMBERS_GROUP, EDITORS_GROUP})


def member_required(view):
    """Visitors go to the login page; signed-in people who are not members are refused."""

    def wrapped(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_member(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def sees_unlisted_profiles(user):
    """Editors and administrators (the network team) see every profile; members see listed ones."""
    return user.is_superuser or EDITORS_GROUP in group_names(user)


def can_moderate(user):
    return user.is_authenticated and user.has_perm("django_comments_xtd.change_xtdcomment")


def can_see_page(request, page):
    """A page's discussion is only for those who may read the page: live, past its restrictions."""
    if not page.live:
        return False
    return all(restriction.accept_request(request) for restriction in page.get_view_restrictions())


def comments_enabled_for(model):
    """Discussion is on for the page types listed in COMMENTS_XTD_APP_MODEL_OPTIONS."""
    return model._meta.label_lower in settings.COMMENTS_XTD_APP_MODEL_OPTIONS
