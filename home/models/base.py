"""What every page shares: an intro for listings and meta tags, a listing image, topics."""

from django import forms
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page
from wagtail.search import index

from home.forms import TopicsPageForm
from localization.review import TranslationReviewPermissionTester

from .taxonomy import Topic


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
    listing_image_alt = models.CharField(
        _("listing image alt text"),
        max_length=250,
        blank=True,
        help_text=_(
            "What the image shows, for people who cannot see it, in this page's language. "
            "Left empty, the image's own description is used."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("listing_image_alt")],
            heading=_("Listings and sharing"),
        ),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro", boost=2)]

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        """Wagtail's permissions, with translations held back until they may go live
        (localization.review)."""
        return TranslationReviewPermissionTester(user, self)

    @property
    def listing_image_alt_text(self):
        """The image's alt text in the page's language: images are not translatable, so the
        page carries it (wagtail-localize translates it with the page)."""
        return self.listing_image_alt or self.listing_image.default_alt_text

    @property
    def meta_description(self):
        return self.search_description or self.intro


class PrefetchedFilterField(index.FilterField):
    """A many-to-many filter (facet) field read from the relation `get_indexed_objects`
    prefetched: modelsearch reads a related manager's ids with a query per object."""

    def get_value(self, obj):
        return [item.pk for item in super().get_value(obj)]


class TopicsMixin(models.Model):
    """Tags a page with topics, so one topic spans news, case studies and knowledge."""

    topics = ParentalManyToManyField(
        "home.Topic",
        verbose_name=_("topics"),
        blank=True,
        related_name="%(app_label)s_%(class)s_pages",
    )

    panels = [
        FieldPanel(
            "topics",
            widget=forms.CheckboxSelectMultiple,
            help_text=_("Pick the one to three topics a reader would look under to find this."),
        )
    ]
    base_form_class = TopicsPageForm

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        """Topics in the page's own language. wagtail-localize copies many-to-many fields to a
        translation unchanged (it translates only foreign keys to snippets), so a French case
        study would carry English topics, and French filters and topic pages would not find it:
        each topic is swapped for its translation in the page's locale, where one exists."""
        if kwargs.get("update_fields") is None and self.locale_id:
            translated = self.topics_translated_to_own_locale()
            if translated is not None:
                self.topics = translated
        return super().save(*args, **kwargs)

    def topics_translated_to_own_locale(self):
        """The topics with those of other languages translated, or None if all are the page's."""
        topics = list(self.topics.all())
        foreign = {t.translation_key for t in topics if t.locale_id != self.locale_id}
        if not foreign:
            return None
        own = Topic.objects.filter(locale_id=self.locale_id, translation_key__in=foreign)
        translated = {topic.translation_key: topic for topic in own}
        return [translated.get(topic.translation_key, topic) for topic in topics]

    @classmethod
    def get_indexed_objects(cls):
        """Indexing reads every page's topics (names to search, ids to filter): fetched once per
        batch. modelsearch prefetches relations of `RelatedFields`, but not modelcluster's."""
        return super().get_indexed_objects().prefetch_related("topics")

    @cached_property
    def topic_list(self):
        """The page's topics, fetched once however often the page and its template need them."""
        return list(self.topics.all())
