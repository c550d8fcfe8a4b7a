"""Dated editorial news, listed by topic and syndicated as RSS and Atom."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from home.blocks import BodyBlock
from home.listing import public, topic_filtered
from home.models import BasePage, PrefetchedFilterField, Topic, TopicsMixin
from members.choosers import author_chooser
from members.names import display_name

from .feeds import NewsAtomFeed, NewsRssFeed


class NewsIndexPage(RoutablePageMixin, BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]

    class Meta:
        verbose_name = _("news index")

    def news(self):
        return (
            public(NewsPage.objects.child_of(self).live())
            .select_related("listing_image")
            .prefetch_related("topics", "listing_image__renditions")
            .order_by("-date", "-pk")
        )

    @path("")
    def index(self, request):
        topics = Topic.objects.filter(locale_id=self.locale_id)
        return self.render(request, context_overrides=topic_filtered(request, self.news, topics))

    @path("feed/", name="rss")
    def rss(self, request):
        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom(self, request):
        return NewsAtomFeed(self)(request)


class NewsPage(TopicsMixin, BasePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="news_items",
    )
    # For the network's own voice, which no one person signs (and which translators translate).
    byline = models.CharField(_("byline"), max_length=120, blank=True)
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    content_panels = [
        *BasePage.content_panels[:-1],
        FieldPanel(
            "intro",
            help_text=_(
                "One or two sentences for listings and the feed: the news in brief. E.g. "
                "“Applications for the 2027 exchange visits open on 1 March.”"
            ),
        ),
        FieldPanel(
            "date",
            help_text=_("The day the news happened or was announced."),
        ),
        FieldPanel(
            "author",
            widget=author_chooser.widget_class,
            help_text=_(
                "The member or editor who wrote it: members reading it can open their profile."
            ),
        ),
        FieldPanel(
            "byline",
            help_text=_(
                "Only when no one person wrote it, e.g. “Editorial team”. Shown if no author is "
                "chosen."
            ),
        ),
        FieldPanel(
            "body",
            help_text=_(
                "The news: what happened, who it matters to, and what readers can do next (a link "
                "to sign up, a date to note)."
            ),
        ),
        *TopicsMixin.panels,
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.RelatedFields(
            "author", [index.SearchField("first_name"), index.SearchField("last_name")]
        ),
        index.SearchField("byline"),
        index.FilterField("date"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        PrefetchedFilterField("topics"),
    ]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")

    @property
    def author_name(self):
        """The name readers see: the author's, or the byline when no one person wrote it."""
        if self.author_id:
            return display_name(self.author)
        return self.byline
