"""Fixtures shared by the whole suite: locales, the site's home pages, users."""

from django.core.cache import caches

from wagtail.models import Locale, Site

import factory.random
import pytest

from tests.support.object_storage import object_storage, s3_server  # noqa: F401  (fixtures)


@pytest.fixture(autouse=True)
def same_invented_text():
    """The factories' invented text (Faker) is the same whatever ran before in this worker:
    search by meaning ranks it, so text drawn from a shared random stream made a ranking
    depend on the order of the tests."""
    factory.random.reseed_random("knowledge-hub")


@pytest.fixture(autouse=True)
def fresh_caches():
    """Every test starts with empty caches: what one test's pages remembered (sites, home
    pages, themes: ``hub.remembered``) must not leak into the next, whose database rolled back."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def locales(db):
    return {
        code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "fr", "es")
    }


@pytest.fixture
def home(db):
    """The English home page the migrations create as the default site's root."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def homes(home, locales):
    """Live home pages in every language, as a site with translations has them."""
    pages = {"en": home}
    for code in ("fr", "es"):
        page = home.get_translation_or_none(locales[code]) or home.copy_for_translation(
            locales[code]
        )
        page.title = {"fr": "Accueil", "es": "Inicio"}[code]
        page.save_revision().publish()
        pages[code] = page.specific
    return pages


@pytest.fixture
def semantic(settings):
    """Search by meaning on (``SEARCH_SEMANTIC``), with the real sentence encoder: loaded once
    per test process, on first use. Each test starts with no vector matrix in memory, since
    the database it was read from rolled back."""
    from search.semantic import index

    settings.SEARCH_SEMANTIC = True
    index.forget()
    yield
    index.forget()


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Run an action and the index tasks it enqueues once its transaction commits."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run
