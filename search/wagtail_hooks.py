from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from search.reports import PERMISSION, ZeroResultQueriesReport


@hooks.register("register_admin_urls")
def register_zero_results_urls():
    return [
        path(
            "reports/searches-with-no-results/",
            ZeroResultQueriesReport.as_view(),
            name="hubsearch_zero_results",
        ),
        path(
            "reports/searches-with-no-results/results/",
            ZeroResultQueriesReport.as_view(results_only=True),
            name="hubsearch_zero_results_results",
        ),
    ]


class ZeroResultsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def register_zero_results_menu_item():
    return ZeroResultsMenuItem(
        _("Searches with no results"),
        reverse("hubsearch_zero_results"),
        name="searches-with-no-results",
        icon_name="search",
        order=1350,
    )
