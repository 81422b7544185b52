"""The sample of public URLs the browser tests and benchmarks walk."""

from wagtail.models import PageViewRestriction

import pytest

from hub import sample_urls as sample_registry
from hub.sample_urls import register_sample_path, sample_urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def extra_paths(monkeypatch):
    monkeypatch.setattr(sample_registry, "_EXTRA_PATHS", {})


def test_one_live_page_per_type_and_language(homes, extra_paths):
    urls = sample_urls()
    assert [(u.label, u.language, u.path) for u in urls] == [
        ("homepage", "en", "/en/"),
        ("homepage", "fr", "/fr/"),
        ("homepage", "es", "/es/"),
    ]
    assert urls[1].id == "homepage-fr"


def test_private_and_draft_pages_are_left_out(homes, extra_paths):
    PageViewRestriction.objects.create(page=homes["fr"], restriction_type=PageViewRestriction.LOGIN)
    homes["es"].refresh_from_db()
    homes["es"].unpublish()
    assert [u.language for u in sample_urls()] == ["en"]


def test_views_register_a_path_per_language(homes, extra_paths):
    register_sample_path("search", "/{lang}/search/?q=water")
    urls = sample_urls(["en", "fr"])
    assert [(u.label, u.path) for u in urls[-2:]] == [
        ("search", "/en/search/?q=water"),
        ("search", "/fr/search/?q=water"),
    ]
