"""Dated editorial news, listed by topic and syndicated as RSS and Atom."""

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
        return self.render(request, context_overrides=topic_filtered(request, self.news(), topics))

    @path("feed/", name="rss")
    def rss(self, request):
        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="atom")
    def atom(self, request):
        return NewsAtomFeed(self)(request)


class NewsPage(TopicsMixin, BasePage):
    date = models.DateField(_("date"), default=timezone.localdate)
    author = models.CharField(_("author"), max_length=120, blank=True)
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
            help_text=_(
                "Who wrote it, as readers should see it, e.g. “Ana García, network coordinator”."
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
        index.SearchField("author"),
        index.FilterField("date"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        PrefetchedFilterField("topics"),
    ]

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
