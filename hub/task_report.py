"""The "Failed tasks" admin report: background tasks that failed for good.

A task that failed on its last attempt (``hub.tasks.retried_task``) waits for an
administrator: the report lists it with its arguments, when it failed and its error, newest
first; "Run again" queues the same call once more. Attempts that queued a retry are not
listed. Superusers only: an error's text may name internals that editors need not see.

The rows are django-tasks-db's results: with ``TASKS_BACKEND=immediate`` nothing is
recorded (a failing task is logged instead) and the report stays empty.
"""

import json

from django.http import Http404
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

from .tasks import ATTEMPT, RetryQueued

RETRY_QUEUED = f"{RetryQueued.__module__}.{RetryQueued.__qualname__}"
MAX_ARGUMENTS = 200  # characters of a task's arguments shown in the table


def failed_tasks():
    """Failed results nobody will run again (see the module's docstring)."""
    return DBTaskResult.objects.failed().exclude(exception_class_path=RETRY_QUEUED)


def arguments(result: DBTaskResult) -> str:
    kwargs = {k: v for k, v in result.args_kwargs.get("kwargs", {}).items() if k != ATTEMPT}
    text = json.dumps([*result.args_kwargs.get("args", []), *([kwargs] if kwargs else [])])
    return text if len(text) <= MAX_ARGUMENTS else text[: MAX_ARGUMENTS - 1] + "…"


def error(result: DBTaskResult) -> str:
    """The exception's last line: its class and message."""
    lines = [line for line in result.traceback.strip().splitlines() if line.strip()]
    return lines[-1] if lines else result.exception_class_path


def attempts(result: DBTaskResult) -> int:
    return result.args_kwargs.get("kwargs", {}).get(ATTEMPT, 1)


class SuperuserOnly:
    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class RunAgainColumn(Column):
    """A "Run again" button: a POST form, so it works without JavaScript."""

    cell_template_name = "hub/admin/run_again_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["csrf_token"] = get_token(parent_context["request"])
        return context


class FailedTasksReport(SuperuserOnly, ReportView):
    page_title = _("Failed tasks")
    header_icon = "warning"
    index_url_name = "hub_failed_tasks"
    index_results_url_name = "hub_failed_tasks_results"
    columns = [
        Column("task_name", label=_("Task"), accessor=lambda r: r.task_path.rsplit(".", 1)[-1]),
        Column("arguments", label=_("Arguments"), accessor=arguments),
        Column("attempts", label=_("Attempts"), accessor=attempts),
        DateColumn("finished_at", label=_("Failed")),
        Column("error", label=_("Error"), accessor=error),
        RunAgainColumn("run_again", label=_("Actions")),
    ]
    list_export = ["task_path", "args_kwargs", "finished_at", "exception_class_path"]

    def get_queryset(self):
        return failed_tasks().order_by("-finished_at")

    def get_filename(self):
        return f"failed-tasks-{timezone.localdate():%Y-%m-%d}"


@require_POST
def run_again(request, result_id):
    """Queue the failed call once more (a new result; the failed one is kept, marked)."""
    if not request.user.is_superuser:
        return permission_denied(request)
    result = get_object_or_404(failed_tasks(), pk=result_id)
    try:
        task = import_string(result.task_path)  # as defined now, without a retry's old delay
    except ImportError as missing:
        raise Http404("This task no longer exists.") from missing
    if not isinstance(task, Task):
        raise Http404("This task no longer exists.")
    kwargs = {k: v for k, v in result.args_kwargs["kwargs"].items() if k != ATTEMPT}
    task.enqueue(*result.args_kwargs["args"], **kwargs)
    # Taken off the report: its call is queued again, and fails there anew if it must.
    result.exception_class_path = RETRY_QUEUED
    result.save(update_fields=["exception_class_path"])
    messages.success(request, _("The task is queued again."))
    return redirect("hub_failed_tasks")
