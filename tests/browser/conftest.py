"""Real-browser fixtures: one live server over the demo site, Debian's Chromium via Playwright.

The demo content is loaded once for the whole package into the test database (committed,
so the server thread sees it) and the server reads it from there; tests only read, so they
stay fast and independent of order. The teardown puts the database back exactly as the
migrations left it (the way Django's serialized rollback does), so no other test sees the
demo content.

Playwright's own browser download is never used: ``/usr/bin/chromium`` comes from
Debian (``make test`` installs it when missing).
"""

from pathlib import Path

from django.db import connection

import pytest
from playwright.sync_api import sync_playwright
from pytest_django.live_server_helper import LiveServer

from tests.support.demo import committed_demo

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
OUTPUT = Path(__file__).resolve().parents[1] / "output"
SCREENSHOTS = OUTPUT / "screenshots"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


# Before pytest-django sorts the tests (also tryfirst; conftest hooks run before plugins'):
# marked as database tests, these run before the transactional ones, whose flush would leave
# them an empty database.
@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            # Makes pytest-django create the test database even when only these tests run.
            item.add_marker(pytest.mark.django_db)


def close_server_connections():
    """The server's request threads are daemons that may still hold a PostgreSQL session
    after it stops, which would keep the test database from being dropped at the end."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )


@pytest.fixture(scope="package")
def async_unsafe_allowed():
    """Playwright's sync API runs an event loop in this thread, and Django's ORM refuses to
    run inside one unless told it is deliberate (the ORM calls here are synchronous). Only
    while these tests run: subprocesses of other tests must not inherit it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="package")
def site_server(async_unsafe_allowed, django_db_setup, django_db_blocker):
    """A live server over the demo site; yields its base URL (``http://localhost:PORT``)."""
    with committed_demo(django_db_blocker):
        server = LiveServer("localhost")
        server._live_server_modified_settings.enable()
        try:
            yield server.url
        finally:
            server._live_server_modified_settings.disable()
            server.stop()
            close_server_connections()


@pytest.fixture(scope="package")
def public_urls(site_server, django_db_blocker):
    from hub.sample_urls import sample_urls

    with django_db_blocker.unblock():
        return sample_urls()


@pytest.fixture(scope="package")
def browser(site_server):
    """Depends on the server so that it closes first: no browser connection outlives it."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def context(browser):
    """A fresh browser profile per test: no cookies or cache carried between tests."""
    ctx = browser.new_context(viewport=DESKTOP)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    return context.new_page()
