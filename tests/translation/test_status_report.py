"""The translation status report, driven through wagtail-localize as translators work."""

import csv
import io

from django.urls import reverse

from wagtail.models import Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object

import pytest
from bs4 import BeautifulSoup

from hub.factories import HomePageFactory, ThemeFactory

pytestmark = pytest.mark.django_db

URL = reverse("translation_status")


def states(client, **params):
    soup = BeautifulSoup(client.get(URL, params).content, "html.parser")
    table = {}
    for row in soup.select("table.listing tbody tr"):
        title = row.select_one("th").get_text(strip=True)
        table[title] = {
            cell["data-locale"]: cell["data-state"] for cell in row.select("td[data-state]")
        }
    return table


def translate_all_strings(source, locale):
    for segment in source.stringsegment_set.select_related("string", "context"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": f"[{locale.language_code}] {segment.string.data}"},
        )


def test_states_follow_the_translation_lifecycle(
    client, editor, home, locales, django_capture_on_commit_callbacks
):
    page = HomePageFactory(parent=Page.get_first_root_node(), title="Learning hub", slug="hub2")
    page.save_revision().publish()  # as the admin does: the source has a first revision
    client.force_login(editor)
    assert states(client)["Learning hub"] == {"en": "source", "fr": "missing", "es": "missing"}

    translate_object(page, [locales["fr"]])
    assert states(client)["Learning hub"]["fr"] == "in_progress"

    source = TranslationSource.objects.get(object_id=page.translation_key)
    translate_all_strings(source, locales["fr"])
    translation = Translation.objects.get(source=source, target_locale=locales["fr"])
    # wagtail-localize publishes on commit; the test transaction never commits, so run them.
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    assert states(client)["Learning hub"]["fr"] == "translated"

    page.refresh_from_db()
    page.title = "Learning hub, revised"
    page.save_revision().publish()
    assert states(client)["Learning hub, revised"]["fr"] == "out_of_date"
    # Translators see what changed: a comparison of the source since the last sync.
    soup = BeautifulSoup(client.get(URL).content, "html.parser")
    changes = soup.find("a", string="What changed")["href"]
    assert client.get(changes).status_code == 200
    assert "Learning hub, revised" in client.get(changes).content.decode()

    source.refresh_from_db()
    source.update_from_db()
    translate_all_strings(source, locales["fr"])
    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.get(pk=translation.pk).save_target(publish=True)
    assert states(client)["Learning hub, revised"]["fr"] == "translated"


def test_progress_counts_strings(client, editor, locales):
    page = HomePageFactory(parent=Page.get_first_root_node(), title="Partial", slug="partial")
    translate_object(page, [locales["es"]])
    source = TranslationSource.objects.get(object_id=page.translation_key)
    first = source.stringsegment_set.select_related("string", "context").first()
    StringTranslation.objects.create(
        translation_of=first.string, locale=locales["es"], context=first.context, data="Parcial"
    )
    client.force_login(editor)
    soup = BeautifulSoup(client.get(URL).content, "html.parser")
    row = next(r for r in soup.select("tbody tr") if r.th.get_text(strip=True) == "Partial")
    total = source.stringsegment_set.count()
    assert f"(1 of {total} strings)" in row.select_one('td[data-locale="es"]').get_text(
        " ", strip=True
    )


def test_filters_and_csv(client, editor, locales):
    ThemeFactory(name="Budgets", slug="budgets")
    HomePageFactory(parent=Page.get_first_root_node(), title="Other home", slug="other")
    client.force_login(editor)
    assert set(states(client, kind="theme")) == {"Budgets"}
    only_missing = states(client, state="missing", locale="fr")
    assert "Budgets" in only_missing and all(set(r) == {"fr"} for r in only_missing.values())

    response = client.get(URL, {"kind": "theme", "format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == ["title", "type", "source language", "en", "fr", "es"]
    assert rows[1][:3] == ["Budgets", "theme", "en"] and rows[1][3:] == [
        "source",
        "missing",
        "missing",
    ]


def test_query_count_does_not_grow_with_pages(
    client, editor, locales, django_assert_max_num_queries
):
    root = Page.get_first_root_node()

    def make(n, start):
        for i in range(n):
            page = HomePageFactory(parent=root, title=f"Page {start + i}", slug=f"p{start + i}")
            translate_object(page, [locales["fr"]])

    client.force_login(editor)
    make(2, 0)
    with django_assert_max_num_queries(30) as small:
        client.get(URL)
    make(20, 100)
    with django_assert_max_num_queries(len(small.captured_queries)) as large:
        assert client.get(URL).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_people_without_translation_rights_cannot_see_it(client, django_user_model):
    user = django_user_model.objects.create_user("visitor", password="pw")
    client.force_login(user)
    assert client.get(URL).status_code in (302, 403)
