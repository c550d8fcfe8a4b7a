"""Admin reports: what people search for most, and searches that found nothing (content gaps)."""

import django_filters

from django.db.models import F, Sum
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import QueryDailyHits, SearchPromotion
from wagtail.permission_policies import ModelPermissionPolicy

from .models import ZeroResultQuery

permission_policy = ModelPermissionPolicy(SearchPromotion)


def date_filterset(model):
    """A filter set on the day's `date` of `model` (Wagtail's daily hits, or ours)."""
    meta = type("Meta", (), {"model": model, "fields": ["date"]})
    date = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)
    return type(f"{model.__name__}FilterSet", (WagtailFilterSet,), {"date": date, "Meta": meta})


class SearchReportView(ReportView):
    """Searches summed over the chosen period, most frequent first."""

    permission_policy = permission_policy
    any_permission_required = ["add", "change", "delete"]
    header_icon = "search"
    query_path = "query_string"
    columns = [Column("search", label=_("Search")), Column("searches", label=_("Searches"))]
    list_export = ["search", "searches"]
    export_headings = {"search": _("Search"), "searches": _("Searches")}

    def get_filtered_queryset(self):
        return (
            self.filter_queryset(self.get_queryset())
            .values(search=F(self.query_path))
            .annotate(searches=Sum("hits"))
            .order_by("-searches", "search")
        )


class PopularQueriesView(SearchReportView):
    page_title = _("Popular searches")
    model = QueryDailyHits
    filterset_class = date_filterset(QueryDailyHits)
    query_path = "query__query_string"
    index_url_name = "search_popular_queries"
    index_results_url_name = "search_popular_queries_results"


class ZeroResultQueriesView(SearchReportView):
    page_title = _("Searches with no results")
    model = ZeroResultQuery
    filterset_class = date_filterset(ZeroResultQuery)
    index_url_name = "search_zero_result_queries"
    index_results_url_name = "search_zero_result_queries_results"
