"""The anonymous-page cache: served from the cache, invalidated on publish, never personal."""

from django.core.cache import caches
from django.test import override_settings

from wagtail.models import PageViewRestriction

import pytest

from hub import content_version
from hub.content_version import VERSION_KEY
from hub.factories import ThemeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache():
    caches["pages"].clear()
    with override_settings(PAGE_CACHE_ENABLED=True, PAGE_CACHE_BROWSER_MAX_AGE=60):
        yield caches["pages"]
    caches["pages"].clear()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")


def test_anonymous_pages_are_served_from_the_cache_and_public(client, homes):
    first = client.get("/en/")
    second = client.get("/en/")
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert second.content == first.content
    assert set(second["Cache-Control"].split(", ")) == {"public", "max-age=60"}
    assert second["ETag"] == first["ETag"]
    revalidated = client.get("/en/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert revalidated.status_code == 304


def test_each_language_and_query_is_its_own_entry(client, homes):
    client.get("/en/")
    assert client.get("/fr/")["X-Page-Cache"] == "miss"
    assert client.get("/fr/?page=2")["X-Page-Cache"] == "miss"
    assert "Accueil" in client.get("/fr/").content.decode()


def test_a_published_change_is_visible_at_once(client, homes):
    client.get("/en/")
    assert client.get("/en/")["X-Page-Cache"] == "hit"
    home = homes["en"]
    home.title = "A new title for the hub"
    home.save_revision().publish()
    response = client.get("/en/")
    assert response["X-Page-Cache"] == "miss"
    assert "A new title for the hub" in response.content.decode()


def test_a_draft_change_is_not_shown_and_keeps_the_cache(client, homes):
    client.get("/en/")
    home = homes["en"]
    home.title = "Draft title"
    home.save_revision()  # not published
    response = client.get("/en/")
    assert response["X-Page-Cache"] == "hit"
    assert "Draft title" not in response.content.decode()


def test_unpublishing_and_deleting_take_pages_out_at_once(client, homes):
    # Without a live translation of the home page, Wagtail serves the site's root page.
    assert "<h1>Accueil</h1>" in client.get("/fr/").content.decode()
    assert "<h1>Inicio</h1>" in client.get("/es/").content.decode()
    for page in homes.values():
        page.refresh_from_db()  # the fixture published through revisions
    homes["fr"].unpublish()
    assert "<h1>Accueil</h1>" not in client.get("/fr/").content.decode()
    homes["es"].delete()
    assert "<h1>Inicio</h1>" not in client.get("/es/").content.decode()


def test_snippet_changes_invalidate_too(client, homes):
    client.get("/en/")
    ThemeFactory(name="Water security")
    assert client.get("/en/")["X-Page-Cache"] == "miss"


def test_a_new_view_restriction_takes_a_stored_page_out(client, homes):
    client.get("/fr/")
    assert client.get("/fr/")["X-Page-Cache"] == "hit"
    PageViewRestriction.objects.create(page=homes["fr"], restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/fr/")
    assert response.status_code == 302 and "/_util/login/" in response["Location"]


def test_a_lost_version_key_never_brings_back_old_pages(client, homes, page_cache):
    page_cache.delete(VERSION_KEY)
    client.get("/en/")  # stored under a first version
    home = homes["en"]
    home.title = "A renamed hub"
    home.save_revision().publish()
    page_cache.delete(VERSION_KEY)  # a full cache evicts entries, the version key among them
    response = client.get("/en/")
    assert response["X-Page-Cache"] == "miss"
    assert "A renamed hub" in response.content.decode()


def test_logged_in_users_never_get_or_leave_cached_pages(client, homes, editor):
    client.get("/en/")  # an anonymous copy is stored
    client.force_login(editor)
    response = client.get("/en/")
    assert "X-Page-Cache" not in response
    assert {"private", "no-store"} <= set(response["Cache-Control"].split(", "))
    client.get("/fr/")  # rendered for the editor: must not be stored
    client.logout()
    assert client.get("/fr/")["X-Page-Cache"] == "miss"


def test_pages_with_a_form_token_are_private(client, homes):
    """A password-protected page shows a form with a CSRF token tied to the visitor."""
    PageViewRestriction.objects.create(
        page=homes["fr"], restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    first = client.get("/fr/")
    assert first.status_code == 200 and "csrfmiddlewaretoken" in first.content.decode()
    assert "X-Page-Cache" not in first
    assert {"private", "no-store"} <= set(first["Cache-Control"].split(", "))
    assert "X-Page-Cache" not in client.get("/fr/")


def test_only_get_requests_and_short_queries_are_stored(client, homes):
    assert "X-Page-Cache" not in client.post("/en/")
    long_query = "/en/?q=" + "x" * 600
    assert "X-Page-Cache" not in client.get(long_query)
    assert "X-Page-Cache" not in client.get(long_query)


def test_the_cache_can_be_switched_off(client, homes):
    with override_settings(PAGE_CACHE_ENABLED=False):
        client.get("/en/")
        response = client.get("/en/")
    assert "X-Page-Cache" not in response and "public" not in response.get("Cache-Control", "")


def test_a_request_reads_the_content_version_once(client, homes, page_cache, monkeypatch):
    """The page cache and every remembered lookup (site, home page, sections, themes)
    share one read of the shared cache."""
    reads = []
    original = page_cache.get

    def counting_get(key, *args, **kwargs):
        reads.append(key)
        return original(key, *args, **kwargs)

    monkeypatch.setattr(page_cache, "get", counting_get)
    assert client.get("/fr/")["X-Page-Cache"] == "miss"
    assert reads.count(VERSION_KEY) == 1


def test_a_change_within_a_request_is_seen_by_the_rest_of_it(db):
    with content_version.request_scope():
        before = content_version.current_version()
        content_version.bump_version()
        assert content_version.current_version() == before + 1
