"""The "Followed searches" admin report: how many confirmed subscriptions follow each search,
never who. Editors (``alerts.view_followedsearch``) and superusers see it."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

import django_filters

from .canonical import InvalidSearch, describe, search_from_query
from .models import FollowedSearch

PERMISSION = "alerts.view_followedsearch"


class FollowedSearchFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Language"), choices=settings.LANGUAGES, empty_label=_("All")
    )

    class Meta:
        model = FollowedSearch
        fields = ["language"]


def label(followed) -> str:
    try:
        return describe(search_from_query(followed.query, followed.language)) or _("Everything")
    except InvalidSearch:  # a facet removed since: show the stored parameters
        return followed.query


class FollowedSearchesReport(ReportView):
    model = FollowedSearch
    permission_policy = ModelPermissionPolicy(FollowedSearch)
    permission_required = "view"
    page_title = _("Followed searches")
    header_icon = "mail"
    index_url_name = "alerts_followed_searches"
    index_results_url_name = "alerts_followed_searches_results"
    filterset_class = FollowedSearchFilterSet
    default_ordering = "-followers"
    columns = [
        TitleColumn("label", label=_("Search"), accessor=label, get_url=lambda s: s.path()),
        Column(
            "language",
            label=_("Language"),
            sort_key="language",
            accessor=lambda s: dict(settings.LANGUAGES).get(s.language, s.language),
        ),
        NumberColumn("followers", label=_("Followers"), sort_key="followers"),
        NumberColumn("daily", label=_("Daily"), sort_key="daily"),
        NumberColumn("weekly", label=_("Weekly"), sort_key="weekly"),
    ]
    list_export = ["language", "query", "followers", "daily", "weekly"]
    export_headings = {
        "language": _("Language"),
        "query": _("Search"),
        "followers": _("Followers"),
        "daily": _("Daily"),
        "weekly": _("Weekly"),
    }

    def get_base_queryset(self):
        return FollowedSearch.objects.with_followers()

    def order_queryset(self, queryset):
        ordered = super().order_queryset(queryset)
        return ordered.order_by(*ordered.query.order_by, "language", "query")

    def get_filename(self):
        return f"followed-searches-{timezone.localdate():%Y-%m-%d}"
