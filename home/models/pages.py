"""The home page, plain content pages, and topic pages that span every page type."""

from django.apps import apps
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, get_page_models
from wagtail.search import index

from home.blocks import BodyBlock
from home.listing import lazy_context, public, with_listing_images
from home.pagination import paginate
from localization.locales import localized_pages

from .base import BasePage, TopicsMixin
from .taxonomy import Topic

# Sections of the home page, filled once the app that owns each page type is installed.
# (app label, model name, newest first by, heading)
LATEST_SECTIONS = [
    ("news", "NewsPage", "-date", _("Latest news")),
    ("knowledge", "KnowledgeArticlePage", "-first_published_at", _("Latest knowledge")),
]


def live_public(model, locale_id):
    return public(model.objects.live().filter(locale_id=locale_id))


class HomePage(RoutablePageMixin, BasePage):
    hero_heading = models.CharField(_("hero heading"), max_length=120)
    hero_link = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("hero link"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_link_label = models.CharField(_("hero link label"), max_length=60, blank=True)
    join_heading = models.CharField(_("call to join: heading"), max_length=120, blank=True)
    join_text = models.TextField(_("call to join: text"), blank=True)
    join_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("call to join: page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    parent_page_types = ["wagtailcore.Page"]
    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_heading"), FieldPanel("hero_link"), FieldPanel("hero_link_label")],
            heading=_("Hero"),
        ),
        InlinePanel("featured", label=_("Featured case studies"), max_num=6),
        MultiFieldPanel(
            [FieldPanel("join_heading"), FieldPanel("join_text"), FieldPanel("join_page")],
            heading=_("Call to join"),
        ),
    ]

    class Meta:
        verbose_name = _("home page")

    def featured_pages(self):
        """The chosen case studies in the editor's order, in this home page's language only: a
        translated home keeps its source's choices, so each is shown by its translation, and
        one not translated yet is left out. Their images are left to the caller."""
        chosen = HomePageFeatured.objects.filter(home=self)
        order = chosen.filter(page__translation_key=OuterRef("translation_key")).values(
            "sort_order"
        )[:1]
        return list(
            public(
                Page.objects.live().filter(
                    locale_id=self.locale_id,
                    translation_key__in=chosen.values("page__translation_key"),
                )
            )
            .annotate(featured_order=Subquery(order))
            .order_by("featured_order", "pk")
            .specific()
        )

    def latest_sections(self, count=3):
        sections = []
        for app_label, model_name, ordering, heading in LATEST_SECTIONS:
            try:
                model = apps.get_model(app_label, model_name)
            except LookupError:
                continue
            items = list(live_public(model, self.locale_id).order_by(ordering, "-pk")[:count])
            if items:
                sections.append({"heading": heading, "items": items})
        return sections

    def links(self):
        """The hero and call-to-join pages in the current language: {"hero_link": page, ...}."""
        ids = {"hero_link": self.hero_link_id, "join_page": self.join_page_id}
        found = Page.objects.in_bulk(pk for pk in ids.values() if pk)
        pages = {name: found[pk] for name, pk in ids.items() if pk in found}
        return dict(zip(pages, localized_pages(pages.values()), strict=True))

    def listings(self):
        """The featured pages, the latest sections and the hero and join links, in the active
        language."""
        featured = self.featured_pages()
        sections = self.latest_sections()
        # Every card's image and its renditions, in two queries for the whole page.
        with_listing_images(
            [*featured, *(item for section in sections for item in section["items"])]
        )
        return {"featured_pages": featured, "latest_sections": sections, **self.links()}

    @path("")
    def index(self, request):
        keys = ("featured_pages", "latest_sections", "hero_link", "join_page")
        return self.render(request, context_overrides=lazy_context(self.listings, keys))

    @path("topics/", name="topics")
    def topic_list(self, request):
        topics = Topic.objects.filter(locale_id=self.locale_id)
        return self.render(
            request, context_overrides={"topics": topics}, template="home/topic_list.html"
        )

    @path("topics/<slug:slug>/", name="topic")
    def topic_detail(self, request, slug):
        topic = Topic.objects.filter(locale_id=self.locale_id, slug=slug).first()
        if topic is None:
            raise Http404(_("No such topic"))
        tagged = Q(pk__in=[])
        for model in get_page_models():
            if issubclass(model, TopicsMixin):
                tagged |= Q(pk__in=model.objects.filter(topics=topic).values("pk"))
        pages = paginate(
            request,
            public(Page.objects.live().filter(tagged)).order_by("-first_published_at").specific(),
        )
        pages.object_list = with_listing_images(pages.object_list)
        return self.render(
            request,
            context_overrides={"topic": topic, "pages": pages},
            template="home/topic_detail.html",
        )


class HomePageFeatured(Orderable):
    home = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured")
    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("page"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [PageChooserPanel("page", page_type="casestudies.CaseStudyPage")]


class StandardPage(BasePage):
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = [*BasePage.content_panels, FieldPanel("body")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")

    def is_join_page(self):
        """Whether the home page's call to join points here, in any language: that page ends
        with the way to the application form (home/standard_page.html)."""
        home = self.get_parent().specific
        join_page_id = getattr(home, "join_page_id", None)
        return (
            bool(join_page_id)
            and Page.objects.filter(pk=join_page_id, translation_key=self.translation_key).exists()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["is_join_page"] = self.is_join_page()
        return context
