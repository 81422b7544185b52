from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

from wagtail.models import Locale, Page, PageLogEntry, Revision

import pytest

from hub.models import HomePage, Theme

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "locales": sorted(Locale.objects.values_list("language_code", flat=True)),
        "pages": sorted(Page.objects.values_list("id", "title", "live", "latest_revision_id")),
        "revisions": Revision.objects.count(),
        "log_entries": PageLogEntry.objects.count(),
        "themes": sorted(Theme.objects.values_list("slug", "locale__language_code", "name")),
        "users": sorted(get_user_model().objects.values_list("username", "password")),
    }


def test_demo_content_is_idempotent(monkeypatch):
    monkeypatch.delenv("HUB_ADMIN_PASSWORD", raising=False)
    first_output = StringIO()
    call_command("load_demo_content", stdout=first_output)
    first = snapshot()
    second_output = StringIO()
    call_command("load_demo_content", stdout=second_output)

    assert snapshot() == first
    assert "shown only once" in first_output.getvalue()
    assert "admin /" not in second_output.getvalue()


def test_demo_content_creates_locales_homes_and_themes(monkeypatch):
    monkeypatch.setenv("HUB_ADMIN_PASSWORD", "a-long-demo-password")
    call_command("load_demo_content", stdout=StringIO())

    assert {"en", "fr", "es"} <= set(Locale.objects.values_list("language_code", flat=True))
    homes = HomePage.objects.live()
    assert sorted(homes.values_list("locale__language_code", flat=True)) == ["en", "es", "fr"]
    french = Theme.objects.get(slug="education", locale__language_code="fr")
    assert french.name == "Éducation"
    assert get_user_model().objects.get(username="admin").check_password("a-long-demo-password")
