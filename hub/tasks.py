"""Background tasks of the hub: retried a few times, then left failed for administrators.

django-tasks runs a task once. ``retried_task`` wraps a task function so that a failure
queues the same call again, with its attempt number, after a growing delay (``backoff``
seconds, doubled at each attempt), up to ``attempts`` runs in all. An attempt that failed and
queued a retry ends as ``RetryQueued`` (the original error chained below it); the last attempt
ends with the original error. The "Failed tasks" report (``hub.task_report``) lists the
latter only: what nobody will run again unless an administrator does.

With the database backend (``TASKS_BACKEND=database``) the worker (``manage.py db_worker``,
``make worker``) runs the queued calls; with the immediate backend a retry runs at once,
without the delay (that backend cannot defer).

Every task must be idempotent: a retry, or a task run twice, leaves the same end state as one
run. The hub's tasks replace what they write (search documents and vectors by source,
renditions by filter spec) or record what they did (an e-mail's key, ``hub.mail``).
"""

from __future__ import annotations

import functools
import logging
from datetime import timedelta

from django.utils import timezone

from django_tasks import task

logger = logging.getLogger(__name__)

ATTEMPT = "hub_attempt"  # the keyword carrying the attempt number of a retry
DEFAULT_ATTEMPTS = 3
DEFAULT_BACKOFF = 30  # seconds before the second attempt; doubled for each later one


class RetryQueued(Exception):
    """This attempt failed and another is queued: not a failure anyone needs to act on."""


def retry_delay(backoff: float, attempt: int) -> timedelta:
    """The wait before the attempt after ``attempt``: backoff, 2 x backoff, 4 x backoff..."""
    return timedelta(seconds=backoff * 2 ** (attempt - 1))


def retried_task(attempts: int = DEFAULT_ATTEMPTS, backoff: float = DEFAULT_BACKOFF, **options):
    """``@task(**options)`` whose failures are retried up to ``attempts`` runs in all."""

    def decorate(function):
        @functools.wraps(function)
        def run(*args, **kwargs):
            attempt = kwargs.pop(ATTEMPT, 1)
            try:
                return function(*args, **kwargs)
            except Exception as error:
                if attempt >= attempts:
                    raise
                _queue_retry(queued, args, kwargs, attempt, backoff)
                raise RetryQueued(f"attempt {attempt} of {attempts} failed: {error!r}") from error

        queued = task(**options)(run)
        return queued

    return decorate


def _queue_retry(queued, args, kwargs, attempt: int, backoff: float) -> None:
    retry = queued
    if queued.get_backend().supports_defer:
        retry = queued.using(run_after=timezone.now() + retry_delay(backoff, attempt))
    logger.warning("task %s failed (attempt %d); retrying", queued.name, attempt)
    retry.enqueue(*args, **{**kwargs, ATTEMPT: attempt + 1})
