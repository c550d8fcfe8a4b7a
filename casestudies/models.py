"""Case studies: what an organisation tried, what happened and what it learned."""

from functools import partial

from django.conf import settings
from django.db import models
from django.db.models import Count, Q
from django.utils.functional import SimpleLazyObject
from django.utils.html import json_script
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable
from wagtail.search import index

from home.blocks import DocumentBlock, FigureBlock
from home.listing import public
from home.models import BasePage, PrefetchedFilterField, TopicsMixin, optional_term
from home.pagination import paginate
from home.panels import HeadedFieldPanel
from members.choosers import member_chooser
from members.names import display_name

from .blocks import PartnerBlock, PointBlock, ResultBlock
from .filters import CaseStudyFilter

RICH_TEXT = ["bold", "italic", "link", "document-link", "ol", "ul", "h3"]


class CaseStudyIndexPage(BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["casestudies.CaseStudyPage"]

    class Meta:
        verbose_name = _("case study index")

    def case_studies(self):
        return public(CaseStudyPage.objects.child_of(self).live())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Worked out when the template first uses them: not at all when its fragment is cached.
        case_filter = SimpleLazyObject(
            lambda: CaseStudyFilter(request, self.case_studies(), self.locale_id)
        )
        context["filter"] = case_filter
        context["case_studies"] = SimpleLazyObject(
            lambda: paginate(
                request,
                case_filter.results()
                .select_related("listing_image", "sector", "region")
                .prefetch_related("listing_image__renditions"),
            )
        )
        return context


class CaseStudyPage(TopicsMixin, BasePage):
    class OrganisationKind(models.TextChoices):
        CHARITY = "charity", _("Charity")
        COUNCIL = "council", _("Council or city government")
        SOCIAL_ENTERPRISE = "social_enterprise", _("Social enterprise")
        COOPERATIVE = "cooperative", _("Co-operative")
        HOUSING_ASSOCIATION = "housing_association", _("Housing association")
        PUBLIC_BODY = "public_body", _("Other public body")
        COMMUNITY_GROUP = "community_group", _("Community group")
        BUSINESS = "business", _("Business")
        PARTNERSHIP = "partnership", _("Partnership of organisations")

    class OrganisationSize(models.TextChoices):
        MICRO = "micro", _("Fewer than 10 staff")
        SMALL = "small", _("10 to 49 staff")
        MEDIUM = "medium", _("50 to 249 staff")
        LARGE = "large", _("250 staff or more")

    organisation_name = models.CharField(_("organisation"), max_length=160)
    organisation_kind = models.CharField(
        _("kind of organisation"), max_length=30, choices=OrganisationKind.choices, blank=True
    )
    organisation_size = models.CharField(
        _("size of organisation"), max_length=10, choices=OrganisationSize.choices, blank=True
    )
    organisation_website = models.URLField(_("organisation website"), blank=True)
    sector = optional_term("home.Sector", _("sector"), "case_studies")
    region = optional_term("home.Region", _("region"), "case_studies")
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, help_text=_("When the work took place or finished.")
    )
    challenge = RichTextField(_("the challenge"), blank=True, features=RICH_TEXT)
    approach = RichTextField(_("the approach"), blank=True, features=RICH_TEXT)
    outcomes = RichTextField(_("outcomes"), blank=True, features=RICH_TEXT)
    results = StreamField(
        [("result", ResultBlock())],
        blank=True,
        verbose_name=_("measurable results"),
    )
    lessons = RichTextField(_("lessons learned"), blank=True, features=RICH_TEXT)
    pros = StreamField([("point", PointBlock())], blank=True, verbose_name=_("pros"))
    cons = StreamField([("point", PointBlock())], blank=True, verbose_name=_("cons"))
    partners = StreamField([("partner", PartnerBlock())], blank=True, verbose_name=_("partners"))
    contact_name = models.CharField(_("contact name"), max_length=120, blank=True)
    contact_role = models.CharField(_("contact role"), max_length=120, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("contact's account"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("If the contact is a member, link their account."),
    )
    gallery = StreamField([("image", FigureBlock())], blank=True, verbose_name=_("gallery"))
    documents = StreamField(
        [("document", DocumentBlock())], blank=True, verbose_name=_("documents")
    )

    parent_page_types = ["casestudies.CaseStudyIndexPage"]
    subpage_types = []
    content_panels = [
        *BasePage.content_panels[:-1],
        HeadedFieldPanel(
            "intro",
            heading=_("Summary"),
            help_text=_(
                "Two sentences a busy peer can act on: who did what, and what changed. E.g. “Leeds"
                " replaced 400 street lights with LEDs and cut their energy use by 60 per cent.”"
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel(
                    "organisation_name",
                    help_text=_(
                        "The organisation that did the work, as it names itself. E.g. “Leeds City "
                        "Council”."
                    ),
                ),
                FieldPanel(
                    "organisation_kind",
                    help_text=_("Helps peers find organisations like theirs."),
                ),
                FieldPanel(
                    "organisation_size",
                    help_text=_(
                        "Staff numbers, roughly: peers compare what a team of their size could do."
                    ),
                ),
                FieldPanel(
                    "organisation_website",
                    help_text=_(
                        "The organisation’s home page or the project’s page, e.g. "
                        "https://www.leeds.gov.uk/."
                    ),
                ),
            ],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [
                FieldPanel(
                    "sector",
                    help_text=_(
                        "The field the work was in, e.g. energy, housing, digital services."
                    ),
                ),
                FieldPanel(
                    "region",
                    help_text=_("Where the work happened, so peers nearby can get in touch."),
                ),
                FieldPanel("year"),
            ],
            heading=_("Where and when"),
        ),
        FieldPanel(
            "challenge",
            help_text=_(
                "The problem in the organisation’s own words: what was wrong, for whom, and why it"
                " mattered. E.g. “Our 40 volunteers lost a day a week to paper rotas.”"
            ),
        ),
        FieldPanel(
            "approach",
            help_text=_(
                "What you did, step by step, with the choices you made and why. E.g. “We piloted a"
                " shared calendar with one team for a month before rolling it out.”"
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel(
                    "outcomes",
                    help_text=_(
                        "What changed, with numbers where you have them, and when you measured. "
                        "E.g. “Rota time fell from a day to an hour a week within three months.”"
                    ),
                ),
                FieldPanel(
                    "results",
                    help_text=_(
                        "Key figures shown as highlights: a number, its unit and what it measures."
                    ),
                ),
            ],
            heading=_("Outcomes"),
        ),
        FieldPanel(
            "lessons",
            help_text=_(
                "What you would tell a peer starting the same work: what to repeat, what to avoid."
                " E.g. “Train two champions per team before launch.”"
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel(
                    "pros",
                    help_text=_(
                        "What worked well, one point each. E.g. “Volunteers adopted it within two "
                        "weeks.”"
                    ),
                ),
                FieldPanel(
                    "cons",
                    help_text=_(
                        "What did not, or what it cost, one point each. E.g. “The licence costs "
                        "£400 a year.”"
                    ),
                ),
            ],
            heading=_("Pros and cons"),
        ),
        FieldPanel(
            "partners",
            help_text=_(
                "Organisations that helped, with their role. E.g. “Digital Candle: volunteer tech "
                "advice”."
            ),
        ),
        MultiFieldPanel(
            [
                FieldPanel(
                    "contact_name",
                    help_text=_("Who peers can ask about this work."),
                ),
                FieldPanel(
                    "contact_role",
                    help_text=_("Their role, e.g. “Volunteer coordinator”."),
                ),
                FieldPanel(
                    "contact_email",
                    help_text=_("Only with their agreement: it is shown to readers."),
                ),
                FieldPanel("contact_user", widget=member_chooser.widget_class),
            ],
            heading=_("Contact"),
        ),
        FieldPanel(
            "gallery",
            help_text=_(
                "Photos of the work, each with a caption and alt text describing what it shows."
            ),
        ),
        FieldPanel(
            "documents",
            help_text=_(
                "Plans, reports or templates peers can reuse, e.g. the rota template you used."
            ),
        ),
        *TopicsMixin.panels,
        InlinePanel("related_links", label=_("Related case studies"), max_num=6),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("organisation_name", boost=2),
        index.SearchField("challenge"),
        index.SearchField("approach"),
        index.SearchField("outcomes"),
        index.SearchField("results"),
        index.SearchField("lessons"),
        index.SearchField("pros"),
        index.SearchField("cons"),
        index.SearchField("partners"),
        index.FilterField("sector"),
        index.FilterField("region"),
        index.FilterField("year"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        PrefetchedFilterField("topics"),
        index.RelatedFields("sector", [index.SearchField("name")]),
        index.RelatedFields("region", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    def visible_case_studies(self):
        return (
            public(CaseStudyPage.objects.live())
            .filter(locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .select_related("listing_image", "sector", "region")
        )

    def related_case_studies(self, count=3):
        """Editors' choices first, then those sharing most topics (and the sector), never itself."""
        chosen_ids = list(self.related_links.values_list("page_id", flat=True))
        visible = self.visible_case_studies()
        chosen = sorted(visible.filter(pk__in=chosen_ids), key=lambda p: chosen_ids.index(p.pk))
        related = chosen[:count]
        if len(related) < count:
            topic_ids = [topic.pk for topic in self.topic_list]
            shares = Q(topics__in=topic_ids)
            if self.sector_id:
                shares |= Q(sector_id=self.sector_id)
            similar = (
                visible.exclude(pk__in=chosen_ids)
                .filter(pk__in=CaseStudyPage.objects.filter(shares).values("pk"))
                .annotate(shared=Count("topics", filter=Q(topics__in=topic_ids), distinct=True))
                .order_by("-shared", "-year", "-first_published_at")
            )
            related += list(similar[: count - len(related)])
        return related

    def structured_data(self, request):
        """schema.org JSON-LD: an Article about its topics, by the organisation it describes."""
        organisation = {"@type": "Organization", "name": self.organisation_name}
        if self.organisation_website:
            organisation["url"] = self.organisation_website
        data = {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": self.seo_title or self.title,
            "url": self.get_full_url(request),
            "about": [{"@type": "Thing", "name": topic.name} for topic in self.topic_list],
            "mentions": organisation,
            "sourceOrganization": organisation,
        }
        if self.meta_description:
            data["description"] = self.meta_description
        if self.first_published_at:
            data["datePublished"] = self.first_published_at.isoformat()
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if self.sector_id:
            data["genre"] = self.sector.name
        if self.region_id:
            data["spatialCoverage"] = {"@type": "Place", "name": self.region.name}
        if self.year:
            data["temporalCoverage"] = str(self.year)
        # json_script escapes <, > and & for use inside <script>; keep its contents, not its tag,
        # whose type cannot be application/ld+json.
        escaped = json_script(data)
        return mark_safe(escaped[escaped.index(">") + 1 : escaped.rindex("<")])  # noqa: S308

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Worked out when the template first uses them: not at all when its fragments are cached.
        context["index"] = SimpleLazyObject(self.get_parent)  # title and address: not .specific
        context["related"] = SimpleLazyObject(self.related_case_studies)
        context["structured_data"] = partial(self.structured_data, request)
        return context

    @property
    def has_outcomes(self):
        return bool(self.outcomes or self.results)

    @property
    def contact_display_name(self):
        """The contact's name, or the linked member's name when none was typed."""
        if self.contact_name or not self.contact_user_id:
            return self.contact_name
        return display_name(self.contact_user)

    @property
    def has_contact(self):
        return bool(self.contact_display_name or self.contact_email)


class CaseStudyRelatedLink(Orderable):
    source = ParentalKey(CaseStudyPage, on_delete=models.CASCADE, related_name="related_links")
    page = models.ForeignKey(
        CaseStudyPage,
        verbose_name=_("case study"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [PageChooserPanel("page", page_type="casestudies.CaseStudyPage")]
