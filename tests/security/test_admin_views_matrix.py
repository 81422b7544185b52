"""The hub's own admin views, for every role: who may open them and who may act through them.
(Page and media actions are in test_permission_matrix.py.)"""

import uuid

from django.core import mail
from django.urls import reverse
from django.utils import timezone

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from network.models import PartnerProfilePage
from tests.worker import tasks

from .test_permission_matrix import ROLES

pytestmark = pytest.mark.django_db
Y, N = True, False

#                                     anonymous partner_a partner_b translator editor admin
MATRIX = {
    "onboard_partner":                (N, N, N, N, Y, Y),
    "list_partner_accounts":          (N, N, N, N, Y, Y),
    "resend_invitation":              (N, N, N, N, Y, Y),
    "translation_status":             (N, N, N, Y, Y, Y),
    "failed_tasks":                   (N, N, N, N, N, Y),
    "run_failed_task_again":          (N, N, N, N, N, Y),
    "healthz":                        (Y, Y, Y, Y, Y, Y),
    "readyz":                         (Y, Y, Y, Y, Y, Y),
    "followed_searches_report":       (N, N, N, N, Y, Y),
}  # fmt: skip


def act(client, action, users):
    """Do ``action``; True when it took effect (a page shown, a partner made, a mail sent)."""
    if action == "onboard_partner":
        client.post(reverse("hub_onboard_partner"), {"name": "Omega", "organisation_type": "cso"})
        return PartnerProfilePage.objects.filter(title="Omega").exists()
    if action == "resend_invitation":
        invited = users["partner_b"]
        invited.set_unusable_password()
        invited.save()
        client.post(reverse("hub_resend_invitation", args=[invited.pk]))
        return [m.to for m in mail.outbox] == [[invited.email]]
    if action == "run_failed_task_again":
        return run_failed_task_again(client)
    url = {
        "list_partner_accounts": reverse("hub_partner_accounts"),
        "translation_status": reverse("translation_status"),
        "failed_tasks": reverse("hub_failed_tasks"),
        "healthz": "/healthz",
        "readyz": "/readyz",
        "followed_searches_report": reverse("alerts_followed_searches"),
    }[action]
    return client.get(url).status_code == 200


def run_failed_task_again(client):
    """True when the failed call ran once more (the test settings run tasks at once)."""
    token = uuid.uuid4().hex
    failed = DBTaskResult.objects.create(
        status=TaskResultStatus.FAILED,
        args_kwargs={"args": [token], "kwargs": {}},
        task_path="tests.worker.tasks.flaky",
        backend_name="default",
        run_after=timezone.now(),
        exception_class_path="builtins.ConnectionError",
        traceback="ConnectionError: not there yet",
    )
    client.post(reverse("hub_failed_task_run_again", args=[failed.pk]))
    return tasks.RUNS.get(token) == 1


@pytest.mark.parametrize(
    ("action", "role", "allowed"),
    [
        pytest.param(action, role, allowed, id=f"{action}-{role}")
        for action, row in MATRIX.items()
        for role, allowed in zip(ROLES, row, strict=True)
    ],
)
def test_admin_views_matrix(action, role, allowed, users, login):
    assert act(login(role), action, users) is allowed
