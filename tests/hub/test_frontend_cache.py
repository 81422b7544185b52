"""Publishing purges the page from a proxy or CDN in front of the hub, in every language:
a real HTTP server on this machine stands for the proxy and records what it is asked."""

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.conf import settings as django_settings

import pytest

from hub.settings.base import frontend_cache_settings
from tests.stories.conftest import make_story, network  # noqa: F401  (the network fixture)

pytestmark = pytest.mark.django_db


class Recorder(BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802  (the method's name is the HTTP verb)
        self.server.requests.append((self.command, self.headers["Host"], self.path))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):  # quiet
        pass


@pytest.fixture(scope="module")
def proxy():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    server.requests = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture
def purging(proxy, settings, monkeypatch):
    monkeypatch.setenv("FRONTEND_CACHE_PURGE_URL", f"http://127.0.0.1:{proxy.server_port}")
    settings.WAGTAILFRONTENDCACHE = frontend_cache_settings()
    proxy.requests.clear()
    return proxy.requests


def test_publishing_purges_the_page_in_every_language(network, purging):  # noqa: F811
    story = make_story(network["alpha"], "Budget hearings", live=False)
    story.save_revision().publish()

    path = story.url_path.removeprefix(network["home"].url_path)
    expected = {("PURGE", f"/{code}/{path}") for code, _ in django_settings.LANGUAGES}
    assert expected <= {(method, p) for method, _host, p in purging}

    purging.clear()
    story.refresh_from_db()
    story.unpublish()
    assert ("PURGE", f"/en/{path}") in {(method, p) for method, _h, p in purging}


def test_no_purge_without_configuration(network, proxy, monkeypatch):  # noqa: F811
    monkeypatch.delenv("FRONTEND_CACHE_PURGE_URL", raising=False)
    assert frontend_cache_settings() == {}
    proxy.requests.clear()
    make_story(network["alpha"], "Quiet story", live=False).save_revision().publish()
    assert proxy.requests == []


def test_a_proxy_that_never_answers_does_not_hold_the_publish(
    network,  # noqa: F811
    settings,
    monkeypatch,
    caplog,
):
    with socket.socket() as silent:  # accepts connections (the backlog), never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(16)
        monkeypatch.setenv(
            "FRONTEND_CACHE_PURGE_URL", f"http://127.0.0.1:{silent.getsockname()[1]}"
        )
        monkeypatch.setenv("FRONTEND_CACHE_PURGE_TIMEOUT", "0.2")
        settings.WAGTAILFRONTENDCACHE = frontend_cache_settings()
        story = make_story(network["alpha"], "Budget hearings", live=False)
        story.save_revision().publish()
    story.refresh_from_db()
    assert story.live
    assert "Couldn't purge" in caplog.text and "timed out" in caplog.text
