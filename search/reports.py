"""Search reports for whoever manages promotions (editors): what people search for, and what
found nothing (content gaps). Wagtail's "Search terms" report is for superusers only."""

from django_filters import DateFromToRangeFilter

from django.db.models import F, Sum
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import QueryDailyHits, SearchPromotion
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView
from wagtail.permission_policies import ModelPermissionPolicy


class DaysFilterSet(WagtailFilterSet):
    date = DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = QueryDailyHits
        fields = []


class SearchTermsView(SearchTermsReportView):
    """Wagtail's report (columns, search, export) summing the days' rows: Wagtail 8's sums every
    day of a query the chosen period includes."""

    page_title = _("Search terms")
    index_url_name = "search_terms"
    index_results_url_name = "search_terms_results"
    filterset_class = DaysFilterSet
    # Counted searches, not Wagtail's "Views" (which has no Spanish translation).
    columns = [
        SearchTermsReportView.columns[0],
        NumberColumn("_hits", label=_("Searches"), sort_key="_hits"),
    ]
    export_headings = {**SearchTermsReportView.export_headings, "_hits": _("Searches")}
    permission_policy = ModelPermissionPolicy(SearchPromotion)
    any_permission_required = ["add", "change", "delete"]
    hits = "hits"  # what each day counts

    def get_base_queryset(self):
        days = QueryDailyHits.objects.filter(**{f"{self.hits}__gt": 0})
        return days.values(query_string=F("query__query_string")).annotate(_hits=Sum(self.hits))

    def dispatch(self, request, *args, **kwargs):
        return ReportView.dispatch(self, request, *args, **kwargs)  # the policy, not superusers


class ZeroResultQueriesView(SearchTermsView):
    page_title = _("Searches with no results")
    index_url_name = "search_zero_result_queries"
    index_results_url_name = "search_zero_result_queries_results"
    hits = "zero_results__hits"
