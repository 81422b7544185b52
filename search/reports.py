"""The "Searches with no results" admin report: what visitors looked for and did not find.

Built on Wagtail's ``ReportView``, so it has the admin's table, filters, search box and the
CSV/XLSX downloads of every report. Only users with ``hubsearch.view_zeroresultquery`` (the
Editors group and superusers) see it; anyone else meets Wagtail's usual denial.
"""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from search.models import ZeroResultQuery

PERMISSION = "hubsearch.view_zeroresultquery"


class ZeroResultQueryFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=settings.LANGUAGES, empty_label=_("All")
    )

    class Meta:
        model = ZeroResultQuery
        fields = ["language"]


class ZeroResultQueriesReport(ReportView):
    model = ZeroResultQuery
    permission_policy = ModelPermissionPolicy(ZeroResultQuery)
    permission_required = "view"
    page_title = _("Searches with no results")
    header_icon = "search"
    index_url_name = "hubsearch_zero_results"
    index_results_url_name = "hubsearch_zero_results_results"
    filterset_class = ZeroResultQueryFilterSet
    is_searchable = True
    search_fields = ["query"]
    default_ordering = "-count"
    columns = [
        Column("query", label=_("Query"), sort_key="query"),
        Column("language", label=_("Language"), sort_key="language"),
        NumberColumn("count", label=_("Searches"), sort_key="count"),
        DateColumn("last_seen", label=_("Last seen"), sort_key="last_seen"),
    ]
    list_export = ["query", "language", "count", "first_seen", "last_seen"]
    export_headings = {
        "query": _("Query"),
        "language": _("Language"),
        "count": _("Searches"),
        "first_seen": _("First seen"),
        "last_seen": _("Last seen"),
    }

    def order_queryset(self, queryset):
        # Among equal counts the most recent first, so a new gap shows above an old one.
        ordered = super().order_queryset(queryset)
        return ordered.order_by(*ordered.query.order_by, "-last_seen", "query")

    def get_filename(self):
        return f"searches-with-no-results-{timezone.localdate():%Y-%m-%d}"
