"""The searches that found nothing (content gaps): Wagtail's "Search terms" report counts every
search, but not what it found."""

from django_filters import DateFromToRangeFilter

from django.db.models import F, Sum
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView
from wagtail.permission_policies import ModelPermissionPolicy

from .models import ZeroResultQuery


class ZeroResultQueryFilterSet(WagtailFilterSet):
    date = DateFromToRangeFilter(
        label=_("Date"), field_name="daily_hits__date", widget=DateRangePickerWidget
    )

    class Meta:
        model = ZeroResultQuery
        fields = []


class ZeroResultQueriesView(SearchTermsReportView):
    """Wagtail's report (columns, search, export), summed over the chosen days."""

    page_title = _("Searches with no results")
    filterset_class = ZeroResultQueryFilterSet
    index_url_name = "search_zero_result_queries"
    index_results_url_name = "search_zero_result_queries_results"
    # Counted searches, not Wagtail's "Views" (which has no Spanish translation).
    columns = [
        SearchTermsReportView.columns[0],
        NumberColumn("_hits", label=_("Searches"), sort_key="_hits"),
    ]
    export_headings = {**SearchTermsReportView.export_headings, "_hits": _("Searches")}
    permission_policy = ModelPermissionPolicy(SearchPromotion)
    any_permission_required = ["add", "change", "delete"]

    def get_base_queryset(self):
        searches = ZeroResultQuery.objects.values(query_string=F("daily_hits__query__query_string"))
        return searches.annotate(_hits=Sum("hits"))

    def dispatch(self, request, *args, **kwargs):
        # Wagtail's report is for superusers; content gaps are for whoever manages promotions.
        return ReportView.dispatch(self, request, *args, **kwargs)
