"""The real worker: tasks queued in the database backend, run by django-tasks-db's
``db_worker`` command in this process, on the test's own database connection."""

import signal

from django.core.management import call_command
from django.db import connection

import pytest
from django_tasks_db.management.commands import db_worker

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
WORKER_SIGNALS = [signal.SIGINT, signal.SIGTERM, signal.SIGQUIT]


@pytest.fixture
def run_worker(settings, monkeypatch):
    """Queue tasks in the database; ``run_worker()`` runs every ready one, then returns."""
    settings.TASKS = DATABASE_BACKEND
    # Between tasks the worker closes connections left in a transaction: here, the test's
    # own. Django's test client disconnects the same call around requests, for that reason.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    # SQLite: the worker opens BEGIN EXCLUSIVE itself unless the connection already uses
    # exclusive transactions; inside the test's transaction it may only take a savepoint.
    mode = getattr(connection, "transaction_mode", None)
    if connection.vendor == "sqlite":
        connection.transaction_mode = "EXCLUSIVE"
    handlers = {number: signal.getsignal(number) for number in WORKER_SIGNALS}

    def run():
        try:
            call_command("db_worker", batch=True, startup_delay=False, interval=0, verbosity=0)
        finally:
            for number, handler in handlers.items():  # the worker sets its own
                signal.signal(number, handler)

    yield run
    if connection.vendor == "sqlite":
        connection.transaction_mode = mode
