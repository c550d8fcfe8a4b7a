"""Faceted browsing of case studies: filters combined, with a count beside every option.

Values within one facet are alternatives (sector A or sector B); facets combine (sector and year).
Each option's count applies every other active facet, so it says how many results choosing it gives.
"""

from urllib.parse import urlencode

from django.db.models import Count, F
from django.utils.translation import gettext_lazy as _

from home.models import Region, Sector, Topic
from portal import parameters

MAX_LENGTH = 100
SORTS = {
    "newest": (F("year").desc(nulls_last=True), "-first_published_at", "-pk"),
    "title": ("title", "pk"),
}
SORT_LABELS = [("newest", _("Newest first")), ("title", _("A–Z"))]


class Facet:
    """One filterable attribute; subclasses say how to `narrow` a queryset to the chosen values."""

    def __init__(self, name, label, chosen):
        self.name = name
        self.label = label
        self.chosen = chosen
        self.options = []

    def counts(self, queryset):
        """{option key: number of case studies} over an already narrowed queryset."""
        rows = queryset.order_by().values(self.field).annotate(n=Count("pk", distinct=True))
        return {row[self.field]: row["n"] for row in rows if row[self.field] is not None}


class TermFacet(Facet):
    """Sector, region or topic, chosen by slug; an unknown slug matches nothing."""

    def __init__(self, name, label, model, field, request, locale_id):
        super().__init__(name, label, parameters.texts(request.GET, name, max_length=MAX_LENGTH))
        self.field = field
        self.terms = list(model.objects.filter(locale_id=locale_id))
        self.ids = [term.pk for term in self.terms if term.slug in self.chosen]

    def narrow(self, queryset):
        if not self.chosen:
            return queryset
        matching = queryset.model.objects.filter(**{f"{self.field}__in": self.ids})
        return queryset.filter(pk__in=matching.values("pk"))

    def build_options(self, counts):
        self.options = [
            {
                "value": term.slug,
                "label": term.name,
                "count": counts.get(term.pk, 0),
                "chosen": term.slug in self.chosen,
            }
            for term in self.terms
        ]


class YearFacet(Facet):
    field = "year"

    def __init__(self, request, all_years):
        years = parameters.integers(request.GET, "year", minimum=1900, maximum=2100)
        super().__init__("year", _("Year"), years)
        self.all_years = all_years

    def narrow(self, queryset):
        return queryset.filter(year__in=self.chosen) if self.chosen else queryset

    def build_options(self, counts):
        self.options = [
            {
                "value": year,
                "label": year,
                "count": counts.get(year, 0),
                "chosen": year in self.chosen,
            }
            for year in self.all_years
        ]


def years_of(case_studies):
    """The years the case studies took place, newest first."""
    years = case_studies.order_by().values_list("year", flat=True)
    return sorted({year for year in years if year}, reverse=True)


class CaseStudyFilter:
    """Reads the GET parameters `sector`, `region`, `topic`, `year`, `sort` and `page`."""

    def __init__(self, request, case_studies, locale_id):
        self.case_studies = case_studies
        self.facets = [
            TermFacet("sector", _("Sector"), Sector, "sector", request, locale_id),
            TermFacet("region", _("Region"), Region, "region", request, locale_id),
            TermFacet("topic", _("Topic"), Topic, "topics", request, locale_id),
            YearFacet(request, years_of(case_studies)),
        ]
        sort = parameters.text(request.GET, "sort")
        self.sort = sort if sort in SORTS else "newest"
        for facet in self.facets:
            facet.build_options(facet.counts(self.narrow(exclude=facet)))

    def narrow(self, exclude=None):
        queryset = self.case_studies
        for facet in self.facets:
            if facet is not exclude:
                queryset = facet.narrow(queryset)
        return queryset

    def results(self):
        return self.narrow().order_by(*SORTS[self.sort])

    @property
    def is_active(self):
        return any(facet.chosen for facet in self.facets)

    def query_string(self):
        """The cleaned filters and sort, for pagination links (without `page`)."""
        pairs = [(facet.name, value) for facet in self.facets for value in facet.chosen]
        if self.sort != "newest":
            pairs.append(("sort", self.sort))
        return urlencode(pairs)

    def sort_options(self):
        return [
            {"value": value, "label": label, "chosen": value == self.sort}
            for value, label in SORT_LABELS
        ]
