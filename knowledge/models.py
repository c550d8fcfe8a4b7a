"""Member-written knowledge articles, listed by topic, reviewed by editors before they go live."""

import datetime
from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from home.blocks import BodyBlock
from home.listing import public, topic_filtered
from home.models import BasePage, PrefetchedFilterField, Topic, TopicsMixin
from home.panels import HeadedFieldPanel
from members.access import is_member
from members.choosers import member_chooser

from .roles import EDITORS, MEMBERS

# How long an approved article is trusted before it should be checked again.
REVIEW_PERIOD = datetime.timedelta(days=365)


class KnowledgeIndexPage(BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["knowledge.KnowledgeArticlePage"]

    class Meta:
        verbose_name = _("knowledge index")

    def articles(self, user=None):
        """Live articles, newest first; members-only ones only for someone allowed to read them."""
        articles = KnowledgeArticlePage.objects.child_of(self).live()
        if not can_read_members_only(user):
            articles = public(articles)
        return (
            articles.select_related("listing_image")
            .prefetch_related("topics", "listing_image__renditions")
            .order_by("-first_published_at", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        topics = Topic.objects.filter(locale_id=self.locale_id)
        context.update(topic_filtered(request, partial(self.articles, request.user), topics))
        return context


def can_read_members_only(user):
    return user is not None and is_member(user)


class KnowledgeArticlePage(TopicsMixin, BasePage):
    body = StreamField(BodyBlock(), verbose_name=_("body"))
    authors = ParentalManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("co-authors"),
        blank=True,
        related_name="knowledge_articles",
        limit_choices_to={"groups__name": MEMBERS},
        help_text=_("Members who wrote this with you. The article's owner is always an author."),
    )
    members_only = models.BooleanField(
        _("members only"),
        default=False,
        help_text=_(
            "Only signed-in members and editors can read it; visitors are asked to sign in."
        ),
    )
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("Set when an editor approves the article."),
    )
    review_by = models.DateField(
        _("review by"),
        null=True,
        blank=True,
        help_text=_("After this date readers are told the article may be out of date."),
    )

    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types = []
    content_panels = [
        *Page.content_panels,
        HeadedFieldPanel(
            "intro",
            heading=_("Summary"),
            help_text=_(
                "Two sentences on what the reader will be able to do after reading. E.g. “How to "
                "move a small charity’s email to the cloud in a weekend, and what it costs.”"
            ),
        ),
        FieldPanel(
            "body",
            help_text=_(
                "The guide itself: short sections with headings, steps as lists, and your own "
                "experience. E.g. “We moved on a Friday evening so nobody missed mail.”"
            ),
        ),
        *TopicsMixin.panels,
        MultiFieldPanel(
            [
                FieldPanel("authors", widget=member_chooser.multiple_widget_class),
                FieldPanel("members_only"),
                FieldPanel("review_by"),
                FieldPanel("last_reviewed", read_only=True),
            ],
            heading=_("About this article"),
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        PrefetchedFilterField("topics"),
        index.FilterField("members_only"),
    ]

    class Meta:
        verbose_name = _("knowledge article")
        verbose_name_plural = _("knowledge articles")

    @property
    def summary(self):
        return self.intro

    @property
    def out_of_date(self):
        return self.review_by is not None and self.review_by < timezone.localdate()

    def get_authors(self):
        """The owner first, then co-authors, each once: one query for all of them."""
        people = get_user_model().objects.filter(
            models.Q(pk=self.owner_id) | models.Q(pk__in=self.authors.values_list("id", flat=True))
        )
        return sorted(people, key=lambda user: (user.pk != self.owner_id, user.pk))

    def related_articles(self, user=None, limit=3):
        """Other live articles in the page's language sharing a topic, those sharing most first
        (never the page's own translations)."""
        topic_ids = [topic.pk for topic in self.topic_list]
        if not topic_ids:
            return KnowledgeArticlePage.objects.none()
        articles = (
            KnowledgeArticlePage.objects.live()
            .filter(locale_id=self.locale_id)
            .exclude(translation_key=self.translation_key)
        )
        if not can_read_members_only(user):
            articles = public(articles)
        return (
            articles.filter(topics__in=topic_ids)
            .annotate(shared=models.Count("topics"))
            .order_by("-shared", "-first_published_at")
            .select_related("listing_image")
            .prefetch_related("listing_image__renditions")[:limit]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Found when the template first asks: not at all when its fragment is cached.
        context["related_articles"] = partial(self.related_articles, request.user)
        return context

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "members_only" in update_fields:
            self.sync_view_restriction()
        return result

    def sync_view_restriction(self):
        """Members-only articles carry a group restriction for Members and Editors; others none."""
        restrictions = PageViewRestriction.objects.filter(
            page=self, restriction_type=PageViewRestriction.GROUPS
        )
        if not self.members_only:
            restrictions.delete()
            return
        restriction = restrictions.first() or PageViewRestriction.objects.create(
            page=self, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set(Group.objects.filter(name__in=[MEMBERS, EDITORS]))

    def mark_reviewed(self, revision, renew=False):
        """Record a review on the live page and on the revision it published (no new
        revision): today as last reviewed, and a new review date if the old one has come, or
        always with `renew` (an editor confirming the article is still accurate)."""
        today = timezone.localdate()
        review_by = self.review_by
        if renew or review_by is None or review_by <= today:
            review_by = today + REVIEW_PERIOD
        KnowledgeArticlePage.objects.filter(pk=self.pk).update(
            last_reviewed=today, review_by=review_by
        )
        self.last_reviewed, self.review_by = today, review_by
        revisions = {revision, self.latest_revision} if renew else {revision}
        for each in filter(None, revisions):
            each.content["last_reviewed"] = today.isoformat()
            each.content["review_by"] = review_by.isoformat()
            each.save(update_fields=["content"])
