"""What a member's profile page shows about them, worked out on first use: it is the same for
every member who may open the profile, so the template caches it per member and a cached page
asks nothing of this (docs/caching.md, Members). Who may open it is checked afresh by the view."""

from django_comments_xtd.models import XtdComment

from django.utils.functional import cached_property

from localization.locales import term_names
from peers.contributions import contributions_of

RECENT_COMMENTS = 10


class ProfileDetails:
    def __init__(self, member):
        self.member = member

    @cached_property
    def expertise(self):
        return list(self.member.expertise.all())

    @cached_property
    def languages(self):
        return list(self.member.languages.all())

    @cached_property
    def term_names(self):
        return term_names([self.member.region, self.member.sector, *self.expertise])

    @cached_property
    def contributions(self):
        return contributions_of([self.member.user_id]).get(self.member.user_id, [])

    @cached_property
    def comments(self):
        """Their latest public comments on pages that are live."""
        comments = (
            XtdComment.objects.filter(user_id=self.member.user_id, is_public=True, is_removed=False)
            .select_related("content_type")
            .prefetch_related("content_object")
            .order_by("-submit_date")[:RECENT_COMMENTS]
        )
        return [c for c in comments if c.content_object and c.content_object.live]
