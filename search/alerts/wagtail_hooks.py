from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .report import PERMISSION, FollowedSearchesReport


@hooks.register("register_admin_urls")
def register_followed_searches_urls():
    return [
        path(
            "reports/followed-searches/",
            FollowedSearchesReport.as_view(),
            name="alerts_followed_searches",
        ),
        path(
            "reports/followed-searches/results/",
            FollowedSearchesReport.as_view(results_only=True),
            name="alerts_followed_searches_results",
        ),
    ]


class FollowedSearchesMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def register_followed_searches_menu_item():
    return FollowedSearchesMenuItem(
        _("Followed searches"),
        reverse("alerts_followed_searches"),
        name="followed-searches",
        icon_name="mail",
        order=1360,
    )
