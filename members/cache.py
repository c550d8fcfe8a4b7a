"""What purges members' cached fragments (docs/caching.md, Members): the directory, profiles and
"You might talk to…" show members' profiles, names, topics and contributions, and leave out
whom each blocked; a change to any of them starts a new generation (`portal.page_cache.purge`),
so an unlisted, deactivated or blocking member disappears at once. Contributions purge through
`peers.expertise.refresh`; pages, comments and topics through the page cache's own signals."""

from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_delete, post_save

from portal.page_cache import purge

# The account fields shown beside a profile (the name) or deciding whether it shows (active).
SHOWN_USER_FIELDS = {"first_name", "last_name", "username", "is_active"}


def on_change(sender, **kwargs):
    purge()


def on_relation_change(sender, action, **kwargs):
    if action.startswith("post_"):
        purge()


def on_user_save(sender, update_fields=None, **kwargs):
    """Not on a sign-in: Django then saves `last_login` alone."""
    if update_fields is None or SHOWN_USER_FIELDS & set(update_fields):
        purge()


def connect():
    from peers.models import Block

    from .models import MemberProfile

    for model in (MemberProfile, Block):
        post_save.connect(on_change, sender=model, dispatch_uid="members_cache")
        post_delete.connect(on_change, sender=model, dispatch_uid="members_cache")
    for field in ("expertise", "topics", "languages"):
        through = getattr(MemberProfile, field).through
        m2m_changed.connect(on_relation_change, sender=through, dispatch_uid="members_cache")
    post_save.connect(on_user_save, sender=get_user_model(), dispatch_uid="members_cache")
    post_delete.connect(on_change, sender=get_user_model(), dispatch_uid="members_cache")
