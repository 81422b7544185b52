from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import partner_isolation  # noqa: F401  (registers the chooser and admin API hooks)
from .dashboard import add_panels
from .models import HomePage, Theme
from .task_report import FailedTasksReport, run_again
from .translation import permissions  # noqa: F401  (registers the translators hooks)
from .translation.views import REPORT_PERMISSION, translation_status

HOME_DELETE_REFUSED = _(
    "Only administrators may delete a home page: it holds the whole site in its language."
)


class ThemeViewSet(SnippetViewSet):
    model = Theme
    icon = "tag"
    menu_label = _("Themes")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


register_snippet(ThemeViewSet)


hooks.register("construct_homepage_panels", add_panels)


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [path("reports/translation-status/", translation_status, name="translation_status")]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return TranslationStatusMenuItem(
        _("Translation status"),
        reverse("translation_status"),
        icon_name="globe",
        order=700,
    )


@hooks.register("register_admin_urls")
def register_failed_tasks_urls():
    return [
        path("reports/failed-tasks/", FailedTasksReport.as_view(), name="hub_failed_tasks"),
        path(
            "reports/failed-tasks/results/",
            FailedTasksReport.as_view(results_only=True),
            name="hub_failed_tasks_results",
        ),
        path(
            "reports/failed-tasks/<uuid:result_id>/run-again/",
            run_again,
            name="hub_failed_task_run_again",
        ),
    ]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_reports_menu_item")
def register_failed_tasks_menu_item():
    return SuperuserMenuItem(
        _("Failed tasks"), reverse("hub_failed_tasks"), icon_name="warning", order=1400
    )


def _is_home(page) -> bool:
    return page.specific_class is not None and issubclass(page.specific_class, HomePage)


# Editors hold "bulk delete" from the root so that they can remove a section with its pages;
# that would also let them delete a language's home page, and with it the whole site in that
# language. Only administrators may.
@hooks.register("before_delete_page")
def only_administrators_delete_a_home_page(request, page):
    if _is_home(page) and not request.user.is_superuser:
        return permissions.forbidden(request, HOME_DELETE_REFUSED)
    return None


@hooks.register("before_bulk_action")
def only_administrators_bulk_delete_a_home_page(request, action_type, objects, action_class):
    pages = [page for page in objects if hasattr(page, "specific_class")]
    if action_type == "delete" and not request.user.is_superuser and any(map(_is_home, pages)):
        return permissions.forbidden(request, HOME_DELETE_REFUSED)
    return None
