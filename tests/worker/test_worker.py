"""The task worker, for real: tasks wait in the database until ``db_worker`` runs them;
failures are retried, then shown to administrators; a second run changes nothing."""

import uuid

from django.core import mail
from django.urls import reverse

from wagtail.images import get_image_model

import pytest
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from wagtail_factories import ImageFactory

from hub.mail import queue_email, send_email
from hub.renditions import TEMPLATE_RENDITIONS
from hub.task_report import failed_tasks
from tests.stories.conftest import make_story, network  # noqa: F401  (the network fixture)

from . import tasks

pytestmark = pytest.mark.django_db


def api_titles(client, text):
    answer = client.get("/api/search/", {"q": text, "lang": "en"})
    return [result["title"] for result in answer.json()["results"]]


def token():
    return uuid.uuid4().hex


def test_a_published_story_is_findable_once_the_worker_ran(
    network,  # noqa: F811
    run_worker,
    publish,
    client,
):
    story = make_story(network["alpha"], "Budget hearings in Dhaka", live=False)
    publish(lambda: story.save_revision().publish())

    assert "Budget hearings in Dhaka" not in api_titles(client, "hearings")
    run_worker()
    assert "Budget hearings in Dhaka" in api_titles(client, "hearings")
    assert not failed_tasks().exists()

    # The same publish indexed again: the index holds the story once, as before.
    publish(lambda: story.save_revision().publish())
    run_worker()
    assert api_titles(client, "hearings").count("Budget hearings in Dhaka") == 1
    assert not DBTaskResult.objects.ready().exists()


def test_a_retried_task_succeeds(run_worker):
    name = token()
    tasks.FAILURES_LEFT[name] = 2
    tasks.flaky.enqueue(name)

    run_worker()

    assert tasks.RUNS[name] == 3
    results = DBTaskResult.objects.filter(task_path__endswith=".flaky").order_by("enqueued_at")
    assert [r.status for r in results] == ["FAILED", "FAILED", TaskResultStatus.SUCCESSFUL]
    assert results.last().return_value == name
    assert not failed_tasks().exists()  # retried attempts are nobody's concern


def test_a_retry_waits_for_its_delay(run_worker):
    tasks.failing_with_backoff.enqueue(token())

    run_worker()

    retry = DBTaskResult.objects.get(status=TaskResultStatus.READY)
    assert retry.args_kwargs["kwargs"] == {"hub_attempt": 2}
    assert not DBTaskResult.objects.ready().exists()  # 30 seconds from now
    assert not failed_tasks().exists()


@pytest.fixture
def admin_client(client, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("root", "r@example.org", "pw"))
    return client


def test_a_task_failing_every_attempt_shows_in_the_report(run_worker, admin_client):
    name = token()
    tasks.always_failing.enqueue(name)

    run_worker()

    assert tasks.RUNS[name] == 2
    assert failed_tasks().count() == 1
    report = admin_client.get(reverse("hub_failed_tasks"))
    assert report.status_code == 200
    content = report.content.decode()
    assert "always_failing" in content and f"{name} cannot be done" in content

    # "Run again" queues the call once more; it fails again, and is listed once again.
    failed = failed_tasks().get()
    answer = admin_client.post(reverse("hub_failed_task_run_again", args=[failed.pk]))
    assert answer.status_code == 302
    assert not failed_tasks().exists()
    run_worker()
    assert tasks.RUNS[name] == 4
    assert failed_tasks().count() == 1


def test_an_email_is_sent_once_however_often_its_task_runs(run_worker):
    queued = queue_email("Welcome", "Your link", ["partner@example.org"])
    assert mail.outbox == []

    run_worker()
    assert [m.to for m in mail.outbox] == [["partner@example.org"]]

    # The same call run again (a retry after a lost acknowledgement, say): nothing more is sent.
    send_email.enqueue(*queued.args)
    run_worker()
    assert len(mail.outbox) == 1


def test_a_saved_image_gets_its_renditions_from_the_worker(
    run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        image = ImageFactory()
    assert image.renditions.count() == 0

    run_worker()
    assert image.renditions.count() == len(TEMPLATE_RENDITIONS)

    with django_capture_on_commit_callbacks(execute=True):
        get_image_model().objects.get(pk=image.pk).save()
    run_worker()
    assert image.renditions.count() == len(TEMPLATE_RENDITIONS)
    assert not failed_tasks().exists()
