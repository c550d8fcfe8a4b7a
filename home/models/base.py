"""What every page shares: an intro for listings and meta tags, a listing image, topics."""

from django import forms
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from localization.review import TranslationReviewPermissionTester


class BasePage(Page):
    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences, shown in listings, search results and shared links."),
    )
    listing_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in listings and when the page is shared."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("listing_image")], heading=_("Listings and sharing")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro", boost=2)]

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        """Wagtail's permissions, with translations held back until they may go live
        (localization.review)."""
        return TranslationReviewPermissionTester(user, self)

    @property
    def meta_description(self):
        return self.search_description or self.intro


class TopicsMixin(models.Model):
    """Tags a page with topics, so one topic spans news, case studies and knowledge."""

    topics = ParentalManyToManyField(
        "home.Topic",
        verbose_name=_("topics"),
        blank=True,
        related_name="%(app_label)s_%(class)s_pages",
    )

    panels = [FieldPanel("topics", widget=forms.CheckboxSelectMultiple)]

    class Meta:
        abstract = True

    @cached_property
    def topic_list(self):
        """The page's topics, fetched once however often the page and its template need them."""
        return list(self.topics.all())
